package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Normalizers#phone(String, int)}: notations, extensions, countries, and non-numbers. */
class PhoneTest {

  @ParameterizedTest(name = "{0} (default +{1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # China: mobile and landline, international and national notation
          +86 138-0013-8000            | 86 | 8613800138000
          +86 13800138000              | 86 | 8613800138000
          0086 13800138000             | 86 | 8613800138000
          00 86 138 0013 8000          | 86 | 8613800138000
          138 0013 8000                | 86 | 8613800138000
          13800138000                  | 86 | 8613800138000
          １３８００１３８０００       | 86 | 8613800138000
          (010) 8888-8888              | 86 | 861088888888
          010-88888888                 | 86 | 861088888888
          +86 10 8888 8888             | 86 | 861088888888
          +86 (0)10 8888 8888          | 86 | 861088888888
          +86 10 8888 8888转8001       | 86 | 861088888888
          010-88888888 分机 8001       | 86 | 861088888888
          0755-8678 0000               | 86 | 8675586780000
          # North America
          +1 (415) 555-0132            | 1  | 14155550132
          415.555.0132                 | 1  | 14155550132
          (415) 555-0132               | 1  | 14155550132
          1-415-555-0132               | 1  | 14155550132
          1 (415) 555-0132             | 1  | 14155550132
          415-555-0132 x123            | 1  | 14155550132
          415-555-0132 ext. 123        | 1  | 14155550132
          415-555-0132 #123            | 1  | 14155550132
          '415-555-0132, 123'          | 1  | 14155550132
          tel:+1-415-555-0132;ext=12   | 1  | 14155550132
          Tel: +1 415 555 0132         | 86 | 14155550132
          011 86 138 0013 8000         | 1  | 8613800138000
          # Europe
          +44 (0)20 7946 0018          | 44 | 442079460018
          020 7946 0018                | 44 | 442079460018
          +44 20 7946 0018             | 86 | 442079460018
          0049 30 1234567              | 49 | 49301234567
          +354 555 1234                | 86 | 3545551234
          030/1234567                  | 49 | 49301234567
          +39 06 1234 5678             | 39 | 390612345678
          06 1234 5678                 | 39 | 390612345678
          8 (912) 345-67-89            | 7  | 79123456789
          +7 912 345-67-89             | 7  | 79123456789
          # an international number ignores the default country
          +86 138 0013 8000            | 1  | 8613800138000
          """)
  void phone_numbers_giveCallingCodeAndNationalNumber(String phone, int country, String key) {
    assertThat(Normalizers.phone(phone, country)).contains(key);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "   ",
        "N/A",
        "call me",
        "Mobile: +86 138 0013 8000",
        "手机 138 0013 8000",
        "+86 138 0013 8000 mobile",
        "138-0013-8000 / 139-0013-9000",
        "+86 138 0013 8000 +86 139 0013 9000",
        "86+138 0013 8000",
        "12345",
        "555-0132",
        "8888 8888",
        "+86 8888 8888",
        "+1 555 0132",
        "+1 415 555 01320",
        "+7 912 345 67",
        "+1 555",
        "+1 555 555 5555",
        "+86 1380013800012345",
        "+0 123 4567 8901",
        "+86 111 1111 1111",
        "000 0000 0000",
        "1-800-FLOWERS",
        "+86 138 0013 8000 x1234567"
      })
  void phone_notANumber_givesNoKey(String phone) {
    assertThat(Normalizers.phone(phone, 86)).isEmpty();
  }

  @Test
  void phone_nationalNotationWithoutDefaultCountry_givesNoKey() {
    assertThat(Normalizers.phone("138 0013 8000")).isEmpty();
    assertThat(Normalizers.phone("(415) 555-0132")).isEmpty();
    assertThat(Normalizers.phone("+86 138 0013 8000")).contains("8613800138000");
    assertThat(Normalizers.phone("0086 138 0013 8000")).contains("8613800138000");
  }

  @Test
  void phone_trunkPrefix_followsTheDefaultCountry() {
    // Italy keeps the 0 of its area codes; elsewhere a leading 0 is the trunk prefix.
    assertThat(Normalizers.phone("06 1234 5678", 39)).contains("390612345678");
    assertThat(Normalizers.phone("06 1234 5678", 33)).contains("33612345678");
    // In North America a leading 0 is no number at all.
    assertThat(Normalizers.phone("020 7946 0018", 1)).isEmpty();
  }

  @Test
  void phone_callingCodeWithoutPlus_isReadAsInternationalOnlyWhereLengthsAreKnown() {
    // +86, +1 and +7 have national numbers of known length: too long by the code means the code.
    assertThat(Normalizers.phone("86 138 0013 8000", 86)).contains("8613800138000");
    assertThat(Normalizers.phone("7 912 345 67 89", 7)).contains("79123456789");
    // Elsewhere no numbering plan is known: the digits are read as a national number (a documented
    // limit), so the key holds the code twice.
    assertThat(Normalizers.phone("44 20 7946 0018", 44)).contains("44442079460018");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {0, -1, 1000})
  void phone_defaultCallingCodeOutOfRange_failsNamingIt(int country) {
    assertThatThrownBy(() -> Normalizers.phone("138 0013 8000", country))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("default calling code must be in [1, 999], was " + country);
  }

  @Test
  void phone_null_failsNamingTheArgument() {
    assertThatThrownBy(() -> Normalizers.phone(null, 86))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("phone number");
  }
}
