package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link EntityKeys}: the built-in attribute reader, its builder, and plugging in the host's. */
class EntityKeysTest {

  private static final KeyKind ACCOUNT = KeyKind.of("crm-account");

  private static Lead lead(String id, Map<String, String> attributes) {
    Lead.Builder b = Lead.builder(id);
    attributes.forEach(b::attribute);
    return b.build();
  }

  private static EntityKey key(KeyKind kind, String value) {
    return EntityKey.of(kind, value);
  }

  @Test
  void defaults_readTheFiveAttributes_inKeyOrder() {
    Lead lead =
        lead(
            "c1",
            Map.of(
                "company", "华为技术有限公司",
                "website", "https://www.huawei.com/cn/",
                "email", "Li.Wei@Huawei.com",
                "phone", "+86 138-0013-8000",
                "taxId", "914403001922038216",
                "region", "South"));

    assertThat(EntityKeys.defaults().of(lead))
        .containsExactly(
            key(KeyKind.COMPANY_NAME, "华为技术"),
            key(KeyKind.EMAIL_DOMAIN, "huawei.com"),
            key(KeyKind.PHONE, "8613800138000"),
            key(KeyKind.USCC, "914403001922038216"),
            key(KeyKind.WEB_DOMAIN, "huawei.com"));
  }

  @Test
  void defaults_leadWithoutUsableAttributes_hasNoKeys() {
    assertThat(EntityKeys.defaults().of(Lead.builder("c1").build())).isEmpty();
    Lead junk =
        lead(
            "c2",
            Map.of(
                "company", "N/A",
                "website", "none",
                "email", "someone@gmail.com",
                "phone", "138 0013 8000", // national, and no default country
                "taxId", "-"));
    assertThat(EntityKeys.defaults().of(junk)).isEmpty();
  }

  @Test
  void taxId_validCreditCode_isUscc_otherwiseGeneric() {
    EntityKeys keys = EntityKeys.defaults();
    assertThat(keys.of(lead("c1", Map.of("taxId", "9144 0300 7084 6113 6T"))))
        .containsExactly(key(KeyKind.USCC, "91440300708461136T"));
    assertThat(keys.of(lead("c2", Map.of("taxId", "91440300708461136X"))))
        .containsExactly(key(KeyKind.TAX_ID, "91440300708461136X"));
    assertThat(keys.of(lead("c3", Map.of("taxId", "DE 123 456 789"))))
        .containsExactly(key(KeyKind.TAX_ID, "DE123456789"));
  }

  @Test
  void shared_isTheEvidenceThatTwoLeadsAreOneCustomer() {
    EntityKeys keys = EntityKeys.builder().defaultCallingCode(86).build();
    Lead a = lead("c1", Map.of("company", "华为技术有限公司", "phone", "138 0013 8000"));
    Lead b = lead("c2", Map.of("company", "Huawei Technologies", "phone", "+86 138-0013-8000"));
    Lead c = lead("c3", Map.of("company", "华为技术有限公司北京分公司", "phone", "010-8888 8888"));
    Lead d = lead("c4", Map.of("company", "Acme Ltd", "phone", "0755-8678 0000"));

    assertThat(keys.shared(a, b)).containsExactly(key(KeyKind.PHONE, "8613800138000"));
    assertThat(keys.shared(a, c)).containsExactly(key(KeyKind.COMPANY_NAME, "华为技术"));
    assertThat(keys.shared(a, d)).isEmpty();
    assertThat(keys.shared(a, a)).isEqualTo(keys.of(a));
  }

  @Test
  void builder_namesTheAttributesPerKind() {
    EntityKeys keys =
        EntityKeys.builder()
            .companyName("legalName", "tradingName")
            .website("url")
            .email("contactEmail")
            .phone("mobile", "landline")
            .taxId("creditCode")
            .defaultCallingCode(86)
            .build();
    Lead lead =
        lead(
            "c1",
            Map.of(
                "legalName", "深圳市腾讯计算机系统有限公司",
                "tradingName", "Tencent",
                "url", "tencent.com",
                "contactEmail", "pony@tencent.com",
                "mobile", "139 0013 9000",
                "landline", "0755-8601 3388",
                "creditCode", "91440300708461136T",
                "company", "ignored: not read any more",
                "phone", "+1 415 555 0132"));

    assertThat(keys.of(lead))
        .containsExactly(
            key(KeyKind.COMPANY_NAME, "tencent"),
            key(KeyKind.COMPANY_NAME, "深圳市腾讯计算机系统"),
            key(KeyKind.EMAIL_DOMAIN, "tencent.com"),
            key(KeyKind.PHONE, "8613900139000"),
            key(KeyKind.PHONE, "8675586013388"),
            key(KeyKind.USCC, "91440300708461136T"),
            key(KeyKind.WEB_DOMAIN, "tencent.com"));
  }

  @Test
  void builder_noAttributeNames_turnsAKindOff() {
    EntityKeys keys = EntityKeys.builder().email().phone().build();
    Lead lead =
        lead(
            "c1", Map.of("company", "Acme Ltd", "email", "a@acme.com", "phone", "+1 415 555 0132"));
    assertThat(keys.of(lead)).containsExactly(key(KeyKind.COMPANY_NAME, "acme"));
  }

  @Test
  void builder_freeMailDomains_replaceTheDefaultList() {
    Lead gmail = lead("c1", Map.of("email", "someone@gmail.com"));
    Lead reseller = lead("c2", Map.of("email", "someone@reseller-mail.com"));
    List<String> mine = new ArrayList<>(Normalizers.FREE_MAIL_DOMAINS);
    mine.add("reseller-mail.com");

    assertThat(EntityKeys.builder().freeMailDomains(List.of()).build().of(gmail))
        .containsExactly(key(KeyKind.EMAIL_DOMAIN, "gmail.com"));
    EntityKeys keys = EntityKeys.builder().freeMailDomains(mine).build();
    assertThat(keys.of(gmail)).isEmpty();
    assertThat(keys.of(reseller)).isEmpty();
  }

  @Test
  void builder_optionSetTwice_fails() {
    assertThatThrownBy(() -> EntityKeys.builder().phone("a").phone("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entity keys option 'phone' is set twice");
    assertThatThrownBy(() -> EntityKeys.builder().defaultCallingCode(86).defaultCallingCode(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entity keys option 'defaultCallingCode' is set twice");
  }

  @Test
  void builder_badOptions_failNamingThem() {
    assertThatThrownBy(() -> EntityKeys.builder().companyName("company", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("companyName: attribute name must not be blank");
    assertThatThrownBy(() -> EntityKeys.builder().defaultCallingCode(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("default calling code must be in [1, 999], was 0");
    assertThatThrownBy(() -> EntityKeys.builder().freeMailDomains(List.of("GMAIL.COM")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was 'GMAIL.COM'");
  }

  @Test
  void builder_isReusable() {
    EntityKeys.Builder builder = EntityKeys.builder().defaultCallingCode(86);
    EntityKeys first = builder.build();
    EntityKeys second = builder.phone("mobile").build();
    Lead lead = lead("c1", Map.of("phone", "138 0013 8000", "mobile", "139 0013 9000"));

    assertThat(first.of(lead)).containsExactly(key(KeyKind.PHONE, "8613800138000"));
    assertThat(second.of(lead)).containsExactly(key(KeyKind.PHONE, "8613900139000"));
  }

  @Test
  void of_returnsAnUnmodifiableSet() {
    Set<EntityKey> keys = EntityKeys.defaults().of(lead("c1", Map.of("company", "Acme Ltd")));
    assertThatThrownBy(() -> keys.add(key(KeyKind.COMPANY_NAME, "other")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void and_addsTheHostsKeys() {
    EntityKeys accounts =
        lead ->
            lead.attributes().containsKey("accountId")
                ? Set.of(key(ACCOUNT, lead.attributes().get("accountId").strip()))
                : Set.of();
    EntityKeys keys = EntityKeys.defaults().and(accounts);
    Lead a = lead("c1", Map.of("company", "Acme Ltd", "accountId", " A-42 "));
    Lead b = lead("c2", Map.of("company", "Acme Trading", "accountId", "A-42"));

    assertThat(keys.of(a)).containsExactly(key(KeyKind.COMPANY_NAME, "acme"), key(ACCOUNT, "A-42"));
    assertThat(keys.shared(a, b)).containsExactly(key(ACCOUNT, "A-42"));
    assertThatThrownBy(() -> keys.of(a).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void and_aHostThatReturnsNull_failsNamingTheLead() {
    EntityKeys broken = lead -> null;
    Lead lead = lead("c7", Map.of());
    assertThatThrownBy(() -> EntityKeys.defaults().and(broken).of(lead))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entity keys of lead c7 must not be null");
    assertThatThrownBy(() -> broken.shared(lead, lead))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entity keys of lead c7 must not be null");
    assertThatThrownBy(() -> EntityKeys.defaults().and(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("other entity keys");
  }
}
