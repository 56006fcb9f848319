package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The code samples of {@code docs/identity-keys.md}, compiled and checked. The guide shows them
 * verbatim: {@code DocOutputs} (examples) copies each marked sample into its generated block, and
 * {@code DocOutputsTest} fails when a block differs.
 */
class IdentityKeysGuideTest {

  @Test
  void quickStart() {
    // --- docs/identity-keys.md: quick start
    EntityKeys keys = EntityKeys.builder().defaultCallingCode(86).build();

    Lead owned =
        Lead.builder("c1")
            .currentOwner("ana")
            .attribute("company", "华为技术有限公司")
            .attribute("phone", "0755-2878 0808")
            .attribute("email", "li.wei@huawei.com")
            .build();
    Lead incoming =
        Lead.builder("c2")
            .attribute("company", "Huawei Technologies Co., Ltd.")
            .attribute("phone", "+86 755 2878 0808")
            .attribute("email", "someone@gmail.com")
            .build();

    Set<EntityKey> ownedKeys = keys.of(owned);
    // [company-name:华为技术, email-domain:huawei.com, phone:8675528780808]
    Set<EntityKey> evidence = keys.shared(owned, incoming);
    // [phone:8675528780808]: the same customer, so c2 conflicts with ana's c1
    // --- end

    assertThat(ownedKeys.toString())
        .isEqualTo("[company-name:华为技术, email-domain:huawei.com, phone:8675528780808]");
    assertThat(evidence.toString()).isEqualTo("[phone:8675528780808]");
  }

  @Test
  void ownKeys() {
    // --- docs/identity-keys.md: your own keys
    KeyKind account = KeyKind.of("crm-account");
    EntityKeys crmAccounts =
        lead -> {
          String id = lead.attributes().get("accountId");
          return id == null || id.isBlank() ? Set.of() : Set.of(EntityKey.of(account, id.strip()));
        };
    EntityKeys keys =
        EntityKeys.builder()
            .companyName("legalName", "tradingName") // read two attributes for names
            .phone("mobile", "landline")
            .website() // read no website
            .defaultCallingCode(44)
            .build()
            .and(crmAccounts);

    // A key made by hand, for a lookup: values of built-in kinds must be in normal form.
    Optional<EntityKey> probe =
        Normalizers.companyName("ACME Holdings plc")
            .map(v -> EntityKey.of(KeyKind.COMPANY_NAME, v));
    // Optional[company-name:acme]
    // --- end

    Lead lead =
        Lead.builder("c9")
            .attribute("tradingName", "Acme")
            .attribute("landline", "020 7946 0018")
            .attribute("website", "acme.example.com")
            .attribute("accountId", "A-42")
            .build();
    assertThat(keys.of(lead).toString())
        .isEqualTo("[company-name:acme, crm-account:A-42, phone:442079460018]");
    assertThat(probe).hasValueSatisfying(k -> assertThat(k).hasToString("company-name:acme"));
    assertThat(keys.of(lead)).contains(probe.orElseThrow());
  }

  @Test
  void freeMail() {
    // --- docs/identity-keys.md: free mail
    List<String> freeMail = new ArrayList<>(Normalizers.FREE_MAIL_DOMAINS);
    freeMail.add("partner-hosting.com"); // a hosting provider whose domain many customers share
    EntityKeys keys = EntityKeys.builder().freeMailDomains(freeMail).build();
    // --- end

    Lead lead = Lead.builder("c1").attribute("email", "ceo@mail.partner-hosting.com").build();
    assertThat(keys.of(lead)).isEmpty();
    assertThat(EntityKeys.defaults().of(lead))
        .containsExactly(EntityKey.of(KeyKind.EMAIL_DOMAIN, "partner-hosting.com"));
  }
}
