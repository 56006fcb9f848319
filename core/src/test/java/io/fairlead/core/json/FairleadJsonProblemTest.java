package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.TierScheme;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The problem, policy, rep and lead format: round trips, field names, defaults. */
class FairleadJsonProblemTest {

  /** A policy with every option away from its default. */
  static Policy fullPolicy() {
    return Policy.builder()
        .tiers(TierScheme.of("Gold", "Silver", "Bronze"))
        .tierRule(
            TierRule.byAttribute("revenue")
                .threshold("Gold", 1_000_000)
                .threshold("Silver", 50_000.5)
                .otherwise("Bronze"))
        .disable(Rule.ROLE)
        .disable(Rule.NEW_LEAD_CAP)
        .weight(Objective.COUNT, 0.0)
        .weight(Objective.VALUE, 2.5)
        .weight(Objective.TIER, 1.5)
        .weight(Objective.CONTINUITY, 4.0)
        .weight(Objective.PREFERENCE, 0.3)
        .tierWeight("Gold", 7.0)
        .tierWeight("Silver", 2.0)
        .tierWeight("Bronze", 0.5)
        .allowRebalancing(true)
        .valueBasis(ValueBasis.EXPECTED)
        .weightBounds(0.25, 4.0)
        .catchUp(CatchUp.capped(4))
        .build();
  }

  /** A problem whose reps and leads set every field, with the full policy. */
  static Problem fullProblem() {
    Rep ana =
        Rep.builder("ana")
            .regions("East", "North")
            .industries("retail", "software")
            .tiers("Gold", "Silver")
            .role(Role.FARMER)
            .companySizes(SizeRange.of(10, 999))
            .capacity(120)
            .heldOutside(100)
            .newLeadCap(5)
            .available(false)
            .weight(1.2)
            .preferredIndustries("retail")
            .build();
    Rep ben = Rep.builder("ben").companySizes(SizeRange.atLeast(1000)).role(Role.HUNTER).build();
    Lead c42 =
        Lead.builder("c42")
            .region("East")
            .industry("retail")
            .companySize(120)
            .value(25_000.75)
            .winProbability(0.35)
            .tier("Gold")
            .kind(LeadKind.EXISTING_CUSTOMER)
            .currentOwner("ana")
            .locked(true)
            .attribute("revenue", "2000000")
            .attribute("source", "webinar")
            .build();
    Lead c43 =
        Lead.builder("c43")
            .region("West")
            .industry("mining")
            .value(10)
            .attribute("revenue", "5")
            .build();
    Ledger ledger =
        Ledger.of(List.of(Ledger.Entry.of("ben", 3, 4.25), Ledger.Entry.of("ana", 0, 0.5)));
    return Problem.of(fullPolicy(), List.of(ana, ben), List.of(c42, c43), ledger);
  }

  @Test
  void problem_withEveryFieldSet_roundTripsEqual() {
    Problem p = fullProblem();

    assertThat(FairleadJson.readProblem(FairleadJson.writeProblem(p))).isEqualTo(p);
  }

  @Test
  void problem_ledger_isWrittenSortedByRep_andLeftOutWhenEmpty() {
    String json = FairleadJson.writeProblem(fullProblem());

    assertThat(json.indexOf("\"rep\": \"ana\"")).isLessThan(json.indexOf("\"rep\": \"ben\""));
    assertThat(json).contains("\"credited\": 4.25");
    Problem start = Problem.of(fullPolicy(), fullProblem().reps(), fullProblem().leads());
    assertThat(FairleadJson.writeProblem(start)).doesNotContain("ledger");
  }

  @Test
  void problem_fromReader_equalsFromString() {
    String json = FairleadJson.writeProblem(fullProblem());

    assertThat(FairleadJson.readProblem(new StringReader(json)))
        .isEqualTo(FairleadJson.readProblem(json));
  }

  @Test
  void policy_withEveryOptionSet_roundTripsEqual() {
    Policy p = fullPolicy();

    assertThat(FairleadJson.readPolicy(FairleadJson.writePolicy(p))).isEqualTo(p);
  }

  @Test
  void policy_defaults_roundTripEqual() {
    assertThat(FairleadJson.readPolicy(FairleadJson.writePolicy(Policy.defaults())))
        .isEqualTo(Policy.defaults());
  }

  @Test
  void policy_emptyObject_isTheDefaults() {
    assertThat(FairleadJson.readPolicy("{}")).isEqualTo(Policy.defaults());
  }

  @Test
  void problem_withoutPolicy_usesTheDefaults() {
    Problem p =
        FairleadJson.readProblem(
            "{\"reps\": [{\"id\": \"ana\"}], \"leads\": [{\"id\": \"c1\", \"region\": \"East\","
                + " \"industry\": \"retail\"}]}");

    assertThat(p.policy()).isEqualTo(Policy.defaults());
  }

  @Test
  void policy_partialWeights_keepTheOtherDefaults() {
    Policy p =
        FairleadJson.readPolicy(
            "{\"weights\": {\"value-balance\": 2.0}, \"tierWeights\": {\"B\": 4},"
                + " \"maxWeight\": 3}");

    assertThat(p)
        .isEqualTo(
            Policy.builder()
                .weight(Objective.VALUE, 2.0)
                .tierWeight("B", 4)
                .weightBounds(0.5, 3.0)
                .build());
    assertThat(p.weight(Objective.COUNT)).isEqualTo(1.0);
    assertThat(p.tierWeights().get(Tier.of("A"))).isEqualTo(3.0);
  }

  @Test
  void policy_disabledRules_turnExactlyThoseOff() {
    Policy p = FairleadJson.readPolicy("{\"disabledRules\": [\"company-size\", \"role\"]}");

    assertThat(p.hardRules())
        .doesNotContain(Rule.COMPANY_SIZE, Rule.ROLE)
        .hasSize(Rule.values().length - 2);
  }

  @Test
  void policy_tierRule_readsAttributeThresholdsAndOtherwise() {
    Policy p =
        FairleadJson.readPolicy(
            "{\"tierRule\": {\"attribute\": \"revenue\", \"thresholds\": [{\"tier\": \"A\","
                + " \"min\": 1000}, {\"tier\": \"B\", \"min\": 100}], \"otherwise\": \"C\"}}");

    assertThat(p.tierRule())
        .contains(
            TierRule.byAttribute("revenue")
                .threshold("A", 1000)
                .threshold("B", 100)
                .otherwise("C"));
  }

  @Test
  void writePolicy_withCustomRule_failsNamingTheRule() {
    Policy p = Policy.builder().customRule(CustomRule.of("language", (rep, lead) -> true)).build();

    assertThatThrownBy(() -> FairleadJson.writePolicy(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("custom rules [language]")
        .hasMessageContaining("cannot be written as JSON");
  }

  @Test
  void writeProblem_withCustomRule_fails() {
    Policy p = Policy.builder().customRule(CustomRule.of("language", (rep, lead) -> true)).build();
    Problem problem =
        Problem.of(
            p,
            List.of(Rep.builder("ana").build()),
            List.of(Lead.builder("c1").region("East").industry("retail").build()));

    assertThatThrownBy(() -> FairleadJson.writeProblem(problem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("language");
  }

  @Test
  void writePolicy_writesRuleAndObjectiveIds() {
    String json = FairleadJson.writePolicy(fullPolicy());

    assertThat(json)
        .contains("\"disabledRules\": [\n    \"role\",\n    \"new-lead-cap\"\n  ]")
        .contains("\"count-balance\": 0.0")
        .contains("\"valueBasis\": \"EXPECTED\"")
        .contains("\"attribute\": \"revenue\"")
        .contains("\"otherwise\": \"Bronze\"");
  }

  @Test
  void rep_withOnlyId_hasTheBuilderDefaults() {
    assertThat(FairleadJson.readReps("[{\"id\": \"ana\"}]"))
        .containsExactly(Rep.builder("ana").build());
  }

  @Test
  void rep_withCapacityNull_isUnlimited() {
    Rep r = FairleadJson.readReps("[{\"id\": \"ana\", \"capacity\": null}]").get(0);

    assertThat(r.capacity()).isEqualTo(Rep.UNLIMITED);
  }

  @Test
  void writeReps_unlimitedCapsAndAnySize_areAbsent() {
    String json = FairleadJson.writeReps(List.of(Rep.builder("ana").build()));

    assertThat(json)
        .doesNotContain("capacity")
        .doesNotContain("newLeadCap")
        .doesNotContain("companySizes")
        .doesNotContain(String.valueOf(Integer.MAX_VALUE))
        .contains("\"role\": \"BOTH\"");
  }

  @Test
  void writeReps_sizeRangeWithoutUpperLimit_writesMinOnly() {
    String json =
        FairleadJson.writeReps(
            List.of(Rep.builder("ana").companySizes(SizeRange.atLeast(1000)).build()));

    assertThat(json).contains("\"companySizes\": {\n      \"min\": 1000\n    }");
  }

  @Test
  void reps_withEveryField_readIntoTheRightComponents() {
    List<Rep> reps =
        FairleadJson.readReps(
            "[{\"id\": \"ana\", \"regions\": [\"East\"], \"industries\": [\"retail\"],"
                + " \"allowedTiers\": [\"A\"], \"role\": \"HUNTER\", \"companySizes\": {\"min\": 5,"
                + " \"max\": 50}, \"capacity\": 9, \"heldOutside\": 3, \"newLeadCap\": 2,"
                + " \"available\": false, \"weight\": 1.5, \"share\": 0.5,"
                + " \"preferredIndustries\": [\"retail\"]}]");

    assertThat(reps)
        .containsExactly(
            new Rep(
                io.fairlead.core.model.RepId.of("ana"),
                java.util.Set.of("East"),
                java.util.Set.of("retail"),
                java.util.Set.of(Tier.of("A")),
                Role.HUNTER,
                SizeRange.of(5, 50),
                9,
                3,
                2,
                false,
                1.5,
                0.5,
                java.util.Set.of("retail")));
  }

  @Test
  void lead_withRequiredFieldsOnly_hasTheBuilderDefaults() {
    List<Lead> leads =
        FairleadJson.readLeads(
            "[{\"id\": \"c1\", \"region\": \"East\", \"industry\": \"retail\"}]");

    assertThat(leads).containsExactly(Lead.builder("c1").region("East").industry("retail").build());
    assertThat(leads.get(0).kind()).isEqualTo(LeadKind.NEW_BUSINESS);
  }

  @Test
  void leads_withEveryField_readIntoTheRightComponents() {
    Lead l =
        FairleadJson.readLeads(
                "[{\"id\": \"c42\", \"region\": \"East\", \"industry\": \"retail\","
                    + " \"companySize\": 120, \"value\": 25000, \"winProbability\": 0.4,"
                    + " \"tier\": \"A\", \"kind\": \"EXISTING_CUSTOMER\", \"currentOwner\":"
                    + " \"ana\", \"locked\": true, \"attributes\": {\"source\": \"web\"}}]")
            .get(0);

    assertThat(l.id().value()).isEqualTo("c42");
    assertThat(l.region()).contains("East");
    assertThat(l.industry()).contains("retail");
    assertThat(l.companySize()).isEqualTo(120);
    assertThat(l.value()).isEqualTo(25_000.0);
    assertThat(l.winProbability()).isEqualTo(OptionalDouble.of(0.4));
    assertThat(l.tier()).contains(Tier.of("A"));
    assertThat(l.kind()).isEqualTo(LeadKind.EXISTING_CUSTOMER);
    assertThat(l.currentOwner()).contains(io.fairlead.core.model.RepId.of("ana"));
    assertThat(l.locked()).isTrue();
    assertThat(l.attributes()).containsExactlyEntriesOf(java.util.Map.of("source", "web"));
  }

  @Test
  void writeLeads_idsAndOwnersArePlainStrings_andAbsentOptionalsAreOmitted() {
    Lead owned = Lead.builder("c42").region("East").industry("retail").currentOwner("ana").build();

    String json = FairleadJson.writeLeads(List.of(owned));

    assertThat(json)
        .contains("\"id\": \"c42\"")
        .contains("\"currentOwner\": \"ana\"")
        .contains("\"kind\": \"NEW_BUSINESS\"")
        .doesNotContain("winProbability")
        .doesNotContain("\"tier\"");
  }

  @Test
  void reps_and_leads_roundTripEqual() {
    Problem p = fullProblem();

    assertThat(FairleadJson.readReps(FairleadJson.writeReps(p.reps()))).isEqualTo(p.reps());
    assertThat(FairleadJson.readLeads(FairleadJson.writeLeads(p.leads()))).isEqualTo(p.leads());
  }

  @Test
  void writeProblem_twice_isIdentical_withSortedSets() {
    Problem p = fullProblem();

    String json = FairleadJson.writeProblem(p);

    assertThat(FairleadJson.writeProblem(FairleadJson.readProblem(json))).isEqualTo(json);
    assertThat(json).contains("\"regions\": [\n        \"East\",\n        \"North\"\n      ]");
    assertThat(json).doesNotContain("\r").doesNotEndWith("\n");
  }

  @Test
  void lead_tierDerivedByTheRule_isNotWrittenAsTheLeadsOwnTier() {
    Problem p = fullProblem();

    String json = FairleadJson.writeLeads(List.of(p.leads().get(1)));

    assertThat(p.policy().tierOf(p.leads().get(1))).isEqualTo(Tier.of("Bronze"));
    assertThat(json).doesNotContain("\"tier\"");
    assertThat(FairleadJson.readLeads(json).get(0).tier()).isEqualTo(Optional.empty());
  }
}
