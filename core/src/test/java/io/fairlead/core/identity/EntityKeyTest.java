package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EntityKey} and {@link KeyKind}: validation, normal forms, order and text. */
class EntityKeyTest {

  @Test
  void kindOf_builtInName_isTheBuiltInKind() {
    assertThat(KeyKind.of("phone")).isEqualTo(KeyKind.PHONE);
    assertThat(KeyKind.of("company-name")).isEqualTo(KeyKind.COMPANY_NAME);
    assertThat(KeyKind.of("crm-account").builtIn()).isFalse();
    assertThat(
            List.of(
                KeyKind.COMPANY_NAME,
                KeyKind.WEB_DOMAIN,
                KeyKind.EMAIL_DOMAIN,
                KeyKind.PHONE,
                KeyKind.USCC,
                KeyKind.TAX_ID))
        .allMatch(KeyKind::builtIn);
  }

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(
      strings = {"", " ", "CRM", "crm account", "crm--account", "-crm", "crm-", "crm_id", "客户"})
  void kindOf_badName_failsNamingIt(String name) {
    assertThatThrownBy(() -> KeyKind.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key kind must be lower-case ASCII letters and digits in words joined by '-', was '"
                + name
                + "'");
  }

  @Test
  void key_builtInKindInNormalForm_isKept() {
    assertThat(EntityKey.of(KeyKind.PHONE, "8613800138000").value()).isEqualTo("8613800138000");
    assertThat(EntityKey.of(KeyKind.COMPANY_NAME, "华为技术").value()).isEqualTo("华为技术");
    assertThat(EntityKey.of(KeyKind.WEB_DOMAIN, "example.co.uk").value())
        .isEqualTo("example.co.uk");
    assertThat(EntityKey.of(KeyKind.EMAIL_DOMAIN, "huawei.com").value()).isEqualTo("huawei.com");
    assertThat(EntityKey.of(KeyKind.USCC, "91440300708461136T").value())
        .isEqualTo("91440300708461136T");
    assertThat(EntityKey.of(KeyKind.TAX_ID, "DE123456789").value()).isEqualTo("DE123456789");
  }

  @Test
  void key_builtInKindNotInNormalForm_failsNamingTheNormaliser() {
    assertThatThrownBy(() -> EntityKey.of(KeyKind.PHONE, "+86 138-0013-8000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "phone key must be in normal form (Normalizers.phone gives '8613800138000'),"
                + " was '+86 138-0013-8000'");
    assertThatThrownBy(() -> EntityKey.of(KeyKind.COMPANY_NAME, "Huawei Technologies Co., Ltd."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "company-name key must be in normal form (Normalizers.companyName gives"
                + " 'huaweitechnologies'), was 'Huawei Technologies Co., Ltd.'");
    assertThatThrownBy(() -> EntityKey.of(KeyKind.WEB_DOMAIN, "www.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "web-domain key must be in normal form (Normalizers.webDomain gives 'example.com'),"
                + " was 'www.example.com'");
    assertThatThrownBy(() -> EntityKey.of(KeyKind.USCC, "91440300708461136X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "uscc key must be in normal form (Normalizers.uscc gives no key),"
                + " was '91440300708461136X'");
    assertThatThrownBy(() -> EntityKey.of(KeyKind.COMPANY_NAME, "Ltd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "company-name key must be in normal form (Normalizers.companyName gives no key),"
                + " was 'Ltd'");
  }

  @Test
  void key_customKind_takesAnyTrimmedText() {
    KeyKind account = KeyKind.of("crm-account");
    assertThat(EntityKey.of(account, "ACC-0042 (Shenzhen)").value())
        .isEqualTo("ACC-0042 (Shenzhen)");
    assertThatThrownBy(() -> EntityKey.of(account, " ACC-0042"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("crm-account key must not be blank or padded with whitespace, was ' ACC-0042'");
    assertThatThrownBy(() -> EntityKey.of(account, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("crm-account key must not be blank or padded with whitespace, was '  '");
    assertThatThrownBy(() -> EntityKey.of(account, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("crm-account key must not be blank or padded with whitespace, was 'null'");
    assertThatThrownBy(() -> EntityKey.of(account, "ACC\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("crm-account key must be well-formed text, but holds a lone surrogate");
    assertThatThrownBy(() -> EntityKey.of(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key kind");
  }

  @Test
  void keys_areOrderedByKindThenValue_andPrintAsKindColonValue() {
    EntityKey phone = EntityKey.of(KeyKind.PHONE, "8613800138000");
    EntityKey otherPhone = EntityKey.of(KeyKind.PHONE, "14155550132");
    EntityKey name = EntityKey.of(KeyKind.COMPANY_NAME, "acme");
    EntityKey account = EntityKey.of(KeyKind.of("crm-account"), "42");

    assertThat(new TreeSet<>(List.of(phone, otherPhone, name, account)))
        .containsExactly(name, account, otherPhone, phone);
    assertThat(phone).hasToString("phone:8613800138000");
    assertThat(phone).isEqualTo(EntityKey.of(KeyKind.of("phone"), "8613800138000"));
  }
}
