package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Normalizers#uscc} (GB 32100-2015) and {@link Normalizers#taxId}. */
class TaxIdTest {

  /** Published codes of real companies, and the example of the standard. */
  static final List<String> VALID_USCC =
      List.of(
          "914403001922038216", // 华为技术有限公司
          "91440300708461136T", // 深圳市腾讯计算机系统有限公司
          "91330100799655058B", // 阿里巴巴（中国）有限公司
          "91110108551385082Q", // 小米科技有限责任公司
          "91350100M000100Y43"); // the example in GB 32100-2015

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          914403001922038216         | 914403001922038216
          91440300708461136T         | 91440300708461136T
          91440300708461136t         | 91440300708461136T
          9144 0300 7084 6113 6T     | 91440300708461136T
          91440300-708461136-T       | 91440300708461136T
          '  91330100799655058B  '   | 91330100799655058B
          ９１１１０１０８５５１３８５０８２Ｑ | 91110108551385082Q
          91350100M000100Y43         | 91350100M000100Y43
          """)
  void uscc_validCodes_giveTheCode(String code, String key) {
    assertThat(Normalizers.uscc(code)).contains(key);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "91440300708461136X", // wrong check character
        "914403001922038217", // wrong check character
        "91440300708461163T", // two characters swapped
        "9144030070846113T", // 17 characters
        "91440300708461136TT", // 19 characters
        "91440300708461I36T", // I is not in the alphabet
        "9144030O708461136T", // nor is O
        "9144A300708461136T", // a letter in the division code
        "",
        "N/A"
      })
  void uscc_invalidCodes_giveNoKey(String code) {
    assertThat(Normalizers.uscc(code)).isEmpty();
  }

  @Test
  void uscc_everySingleCharacterChange_isCaught() {
    for (String code : VALID_USCC) {
      for (int i = 0; i < 18; i++) {
        for (char c : TaxIds.USCC_ALPHABET.toCharArray()) {
          if (c != code.charAt(i)) {
            String changed = code.substring(0, i) + c + code.substring(i + 1);
            assertThat(Normalizers.uscc(changed)).as(changed).isEmpty();
          }
        }
      }
    }
  }

  @Test
  void uscc_everySwapOfAdjacentCharacters_isCaught() {
    for (String code : VALID_USCC) {
      for (int i = 0; i < 17; i++) {
        if (code.charAt(i) != code.charAt(i + 1)) {
          String swapped =
              code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
          assertThat(Normalizers.uscc(swapped)).as(swapped).isEmpty();
        }
      }
    }
  }

  @Test
  void uscc_withAWrongCheckCharacter_stillGivesAGenericKey() {
    assertThat(Normalizers.uscc("91440300708461136X")).isEmpty();
    assertThat(Normalizers.taxId("9144 0300 7084 6113 6X")).contains("91440300708461136X");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          DE 123 456 789        | DE123456789
          de123456789           | DE123456789
          GB 123 4567 89        | GB123456789
          FR 40 303 265 045     | FR40303265045
          ATU12345678           | ATU12345678
          NL123456789B01        | NL123456789B01
          ESX1234567X           | ESX1234567X
          CHE-123.456.789       | CHE123456789
          12-3456789            | 123456789
          11.222.333/0001-81    | 11222333000181
          27AAPFU0939F1ZV       | 27AAPFU0939F1ZV
          1234567890123         | 1234567890123
          91440300708461136T    | 91440300708461136T
          ＤＥ１２３４５６７８９  | DE123456789
          """)
  void taxId_codes_giveUpperCaseWithoutSeparators(String code, String key) {
    assertThat(Normalizers.taxId(code)).contains(key);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "N/A",
        "none",
        "1234",
        "ABCDEFGH",
        "0000000000",
        "000-000-000",
        "ABC-DEF-GHI",
        "VAT: DE123456789",
        "DE 123 456 789 (Germany)",
        "1234567890123456789012345678901",
        "税号123456789"
      })
  void taxId_notACode_givesNoKey(String code) {
    assertThat(Normalizers.taxId(code)).isEmpty();
  }

  @Test
  void taxIds_null_failNamingTheArgument() {
    assertThatThrownBy(() -> Normalizers.uscc(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("credit code");
    assertThatThrownBy(() -> Normalizers.taxId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tax id");
  }
}
