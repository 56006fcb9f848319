package io.fairlead.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rulebook's answers and their wording; and the snippet docs/concepts.md shows. */
class RulebookTest {

  private static final Policy POLICY = Policy.defaults();
  private static final Rep ANA = Rep.builder("ana").regions("East").build();
  private static final Rep BEN =
      Rep.builder("ben").regions("West").capacity(58).heldOutside(1).build();
  private static final List<Rep> ROSTER = List.of(ANA, BEN);

  private static Lead.Builder lead() {
    return Lead.builder("c1").region("East").industry("retail").tier("B");
  }

  @Test
  void conceptsSnippet_printsEveryRuleThatSaysNo() {
    Lead lead = lead().build();
    Policy policy = POLICY;
    Rep ben = BEN;
    List<Rep> roster = ROSTER;
    List<String> printed = new ArrayList<>();
    // concepts: begin
    Rulebook rules = policy.rulebook();
    Verdict v = rules.check(ben, lead, new RepLoad(57, 4)); // ben holds 57 leads, got 4 new ones
    v.exclusions().forEach(e -> printed.add(e.rule() + ": " + e.reason()));
    // region: ben covers [West], not East
    // capacity: ben holds 58 customers, its capacity is 58
    Map<RepId, Verdict> who = rules.checkAll(roster, lead); // which reps may take it at all
    // concepts: end

    assertThat(printed)
        .containsExactly(
            "region: ben covers [West], not East",
            "capacity: ben holds 58 customers, its capacity is 58");
    assertThat(who.get(ANA.id()).allowed()).isTrue();
    assertThat(who.get(BEN.id()).rules()).containsExactly("region");
  }

  @Test
  void conceptsDoc_showsExactlyTheSnippetCompiledHere() throws IOException {
    String doc = Files.readString(Path.of("../docs/concepts.md"));
    String block = doc.substring(doc.indexOf("```java\nRulebook rules") + 8);
    block = block.substring(0, block.indexOf("```"));
    String source =
        Files.readString(Path.of("src/test/java/io/fairlead/core/policy/RulebookTest.java"));
    String snippet = source.substring(source.indexOf("// concepts: begin\n") + 19);
    snippet = snippet.substring(0, snippet.indexOf("    // concepts: end"));

    assertThat(block.strip().lines().map(String::strip).toList())
        .isEqualTo(snippet.strip().lines().map(String::strip).toList());
  }

  @Test
  void check_listsEveryExcludingRuleInOrder_withReasons() {
    Rep rep =
        Rep.builder("cy")
            .regions("West")
            .industries("finance")
            .companySizes(SizeRange.of(0, 10))
            .tiers("C")
            .role(Role.FARMER)
            .available(false)
            .build();
    Lead l = lead().companySize(50).kind(LeadKind.NEW_BUSINESS).build();

    assertThat(POLICY.rulebook().check(rep, l, RepLoad.NONE).exclusions())
        .containsExactly(
            new Exclusion("availability", "cy is on leave"),
            new Exclusion("region", "cy covers [West], not East"),
            new Exclusion("industry", "cy takes [finance], not retail"),
            new Exclusion("company-size", "cy works companies of 0..10 employees, not 50"),
            new Exclusion("tier", "cy may take tiers [C], not B"),
            new Exclusion("role", "cy is a farmer and the lead is new business"));
  }

  @Test
  void check_switchedOffRules_sayNothing() {
    Policy lax =
        Policy.builder()
            .disable(Rule.REGION)
            .disable(Rule.CAPACITY)
            .disable(Rule.NEW_LEAD_CAP)
            .build();
    Rep full = Rep.builder("dan").regions("West").capacity(0).newLeadCap(0).build();

    assertThat(lax.rulebook().check(full, lead().build(), new RepLoad(10, 10)).allowed()).isTrue();
    assertThat(lax.rulebook().holdingCap(full)).isEqualTo(Rep.UNLIMITED);
    assertThat(lax.rulebook().periodCap(full)).isEqualTo(Rep.UNLIMITED);
    assertThat(POLICY.rulebook().check(full, lead().build(), RepLoad.NONE).rules())
        .containsExactly("region", "capacity");
  }

  @Test
  void periodCap_partTime_scalesTheCapDown() {
    Rep ramping = Rep.builder("ria").newLeadCap(5).share(0.5).build();

    assertThat(POLICY.rulebook().periodCap(ramping)).isEqualTo(2); // 5 × 0.5, rounded down
    assertThat(POLICY.rulebook().periodCap(Rep.builder("f").share(0.5).build()))
        .isEqualTo(Rep.UNLIMITED);
    assertThat(POLICY.rulebook().check(ramping, lead().build(), new RepLoad(0, 2)).exclusions())
        .containsExactly(
            new Exclusion(
                "new-lead-cap",
                "ria received 2 new leads this period, its cap is 2 (5 at share 0.5)"));
  }

  @Test
  void absentRegionOrIndustry_onlyRepsWithoutThatRestriction() {
    Lead unknown = Lead.builder("u").build();
    Rep anywhere = Rep.builder("any").build();
    Rulebook rules = POLICY.rulebook();

    assertThat(rules.check(anywhere, unknown, RepLoad.NONE).allowed()).isTrue();
    assertThat(rules.check(ANA, unknown, RepLoad.NONE).exclusions())
        .containsExactly(
            new Exclusion("region", "the lead has no region and ana covers only [East]"));
    Rep retail = Rep.builder("r").industries("retail").build();
    assertThat(rules.check(retail, unknown, RepLoad.NONE).rules()).containsExactly("industry");
  }

  @Test
  void availabilityAndTheNewLeadCap_applyOnlyToLeadsNewToTheRep() {
    Rep onLeave = Rep.builder("ana").regions("East").available(false).newLeadCap(0).build();
    Lead own = lead().currentOwner("ana").build();
    Lead other = lead().build();
    Rulebook rules = POLICY.rulebook();

    assertThat(rules.check(onLeave, own, RepLoad.NONE).allowed()).isTrue();
    assertThat(rules.check(onLeave, other, RepLoad.NONE).rules())
        .containsExactly("availability", "new-lead-cap");
  }

  @Test
  void aLockedLead_mayGoToItsOwnerOnly() {
    Lead locked = lead().currentOwner("ben").locked(true).build();
    Rulebook rules = POLICY.rulebook();

    assertThat(rules.check(ANA, locked, RepLoad.NONE).exclusions())
        .containsExactly(new Exclusion("locked", "lead c1 is locked to ben"));
    assertThat(rules.allows(ANA, locked, RepLoad.NONE)).isFalse();
  }

  @Test
  void customRules_areNamed() {
    Policy p = Policy.builder().customRule(CustomRule.of("french", (rep, l) -> false)).build();

    assertThat(p.rulebook().check(ANA, lead().build(), RepLoad.NONE).exclusions())
        .containsExactly(new Exclusion("custom:french", "custom rule 'french' does not allow it"));
    assertThat(p.rulebook().pairwiseRules()).contains("custom");
    assertThat(POLICY.rulebook().pairwiseRules()).doesNotContain("custom");
  }

  @Test
  void capsAndBreaches_countOutsideHoldings() {
    Rulebook rules = POLICY.rulebook();

    assertThat(rules.hasRoom(BEN, 56, 0, true)).isTrue(); // 1 + 56 + 1 = 58
    assertThat(rules.fullBy(BEN, 57, 0, true)).isEqualTo("capacity");
    assertThat(rules.breaches(BEN, new RepLoad(57, 0))).isEmpty();
    assertThat(rules.breaches(BEN, new RepLoad(58, 0)))
        .extracting(Exclusion::rule)
        .containsExactly("capacity");
  }

  @Test
  void keepsWithOwner_followsThePolicy() {
    Lead owned = lead().currentOwner("ana").build();
    Tier b = Tier.of("B");

    assertThat(POLICY.rulebook().keepsWithOwner(ANA, owned, b)).isTrue();
    assertThat(POLICY.rulebook().keepsWithOwner(BEN, owned, b)).isFalse(); // fails region
    Policy rebalancing = Policy.builder().allowRebalancing(true).build();
    assertThat(rebalancing.rulebook().keepsWithOwner(ANA, owned, b)).isFalse();
    assertThat(
            rebalancing.rulebook().keepsWithOwner(ANA, owned.toBuilder().locked(true).build(), b))
        .isTrue();
  }

  @Test
  void preferenceMismatches_countAnUnknownIndustryAsOutside() {
    Rep specialist = Rep.builder("s").preferredIndustries("retail").build();
    Rulebook rules = POLICY.rulebook();

    assertThat(rules.preferenceMismatches(specialist, lead().build())).isZero();
    assertThat(rules.preferenceMismatches(specialist, Lead.builder("u").build())).isEqualTo(1);
    Policy softRole = Policy.builder().disable(Rule.ROLE).build();
    Rep farmer = Rep.builder("f").role(Role.FARMER).build();
    assertThat(softRole.rulebook().preferenceMismatches(farmer, lead().build())).isEqualTo(1);
  }
}
