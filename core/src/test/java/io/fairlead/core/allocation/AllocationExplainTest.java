package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocationExplainTest {

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail").tier("B");
  }

  /**
   * ana East, bob West, cy anywhere, dan anywhere but with capacity 0. c1 (East, 100) to ana, c2
   * (West, 300) to bob. Mean value 200: c1 is 500 value units (0.5 of a mean lead).
   */
  private static Allocation allocation() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").regions("East").build(),
                Rep.builder("bob").regions("West").build(),
                Rep.builder("cy").build(),
                Rep.builder("dan").capacity(0).build()),
            List.of(lead("c1").value(100).build(), lead("c2").region("West").value(300).build()));
    return Baselines.measure(
        p, Map.of(LeadId.of("c1"), RepId.of("ana"), LeadId.of("c2"), RepId.of("bob")), "given");
  }

  @Test
  void explain_assignedLead_listsEveryPairwiseRuleItsOwnerMeets() {
    Explanation e = allocation().explain(LeadId.of("c1"));

    assertThat(e.lead()).isEqualTo(LeadId.of("c1"));
    assertThat(e.rep()).contains(RepId.of("ana"));
    assertThat(e.status()).isEqualTo(Status.ASSIGNED);
    assertThat(e.rulesMatched())
        .containsExactly("availability", "region", "industry", "company-size", "tier", "role");
  }

  @Test
  void explain_assignedLead_contributionsByHand() {
    // ana holds c1 alone (w 1): count 1000·1² − 0 = 1000; value 1000·0.5² = 250;
    // tier B (k 1) 1000; receipts off (weight 0); not moved, no preference mismatch.
    assertThat(allocation().explain(LeadId.of("c1")).contributions())
        .containsExactly(
            Map.entry("count-balance", 1000L),
            Map.entry("value-balance", 250L),
            Map.entry("tier-balance", 1000L),
            Map.entry("receipts-balance", 0L),
            Map.entry("continuity", 0L),
            Map.entry("preference", 0L));
  }

  @Test
  void explain_assignedLead_alternativesEligibleFirstThenExcludedWithTheirRule() {
    // cy (w 1, empty) would carry exactly what ana carries: delta 0. bob fails region; dan is
    // eligible but at capacity 0: moving c1 there adds 1 hard.
    assertThat(allocation().explain(LeadId.of("c1")).alternatives())
        .containsExactly(
            new Alternative(RepId.of("cy"), Optional.empty(), 0, 0),
            new Alternative(RepId.of("bob"), Optional.of("region"), 0, 0),
            new Alternative(RepId.of("dan"), Optional.of("capacity"), 1, 0));
  }

  @Test
  void explain_assignedLead_summaryInAManagersUnits() {
    // c1 (100) may go to ana, cy or dan, c2 (300) to bob, cy or dan; dan's capacity 0 leaves it
    // no room. Fair shares, the fractional optimum (all weights 1): the two leads split three ways,
    // ana taking 2/3 of c1, bob 2/3 of c2, cy the rest of both: 0.7 leads each. Value: 400 over
    // the same three would be 133 each, but ana can have at most c1's 100; bob and cy split the
    // rest, 150 each. cy would carry what ana carries: a tie.
    assertThat(allocation().explain(LeadId.of("c1")).summary())
        .isEqualTo(
            "Assigned to ana, who meets every rule; ana now holds 1 lead (fair share 0.7), 100 in"
                + " value (fair 100) and 1 tier-B lead (fair 0.7). The one other eligible rep, cy,"
                + " would hold 1 lead (fair share 0.7), 100 in value (fair 150) and 1 tier-B lead"
                + " (fair 0.7): just as even (a tie). 2 reps were excluded by a rule or a cap"
                + " (capacity 1, region 1).");
  }

  @Test
  void explain_worseAlternative_saysHowManyScorePointsItWouldCost() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(Rep.builder("ana").build(), Rep.builder("cy").build()),
            List.of(lead("c1").value(100).build(), lead("c2").value(100).build()));
    Allocation a =
        Baselines.measure(
            p, Map.of(LeadId.of("c1"), RepId.of("ana"), LeadId.of("c2"), RepId.of("cy")), "given");
    // Giving c1 to cy too: count 1000·(2² − 1 − 1) = 2000, value 1000·(2² − 1 − 1) = 2000 (each
    // lead is a mean lead), tier B 2000: 6,000 points worse.
    assertThat(a.explain(LeadId.of("c1")).summary())
        .contains(
            "The one other eligible rep, cy, would hold 2 leads (fair share 1.0), 200 in value"
                + " (fair 100) and 2 tier-B leads (fair 1.0): a less even book, by 6,000 score"
                + " points.");
  }

  @Test
  void explain_lockedLead_summarySaysTheHostLockedIt() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(Rep.builder("ana").build(), Rep.builder("cy").build()),
            List.of(lead("c1").currentOwner("ana").locked(true).build()));
    Explanation e = Baselines.roundRobin().allocate(p).explain(LeadId.of("c1"));

    assertThat(e.status()).isEqualTo(Status.LOCKED);
    assertThat(e.summary())
        .isEqualTo(
            "Locked to ana by the host; no rule moves it; ana now holds 1 lead (fair share 0.5), 0"
                + " in value (fair 0) and 1 tier-B lead (fair 0.5).");
  }

  @Test
  void explain_keptLead_summaryNamesTheOwnerAndThePolicy() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(Rep.builder("ana").build(), Rep.builder("cy").build()),
            List.of(lead("c1").currentOwner("cy").build()));
    Explanation e = Baselines.leastBusy().allocate(p).explain(LeadId.of("c1"));

    assertThat(e.status()).isEqualTo(Status.KEPT);
    assertThat(e.summary()).startsWith("Kept with its owner cy: the policy keeps existing owners;");
  }

  @Test
  void explain_unassignedLead_everyRepExcludedWithItsRule() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").regions("East").build(),
                Rep.builder("bob").regions("West").build()),
            List.of(lead("n1").region("North").build()));
    Explanation e = Baselines.roundRobin().allocate(p).explain(LeadId.of("n1"));

    assertThat(e.rep()).isEmpty();
    assertThat(e.status()).isEqualTo(Status.UNASSIGNED);
    assertThat(e.rulesMatched()).isEmpty();
    assertThat(e.contributions()).isEmpty();
    assertThat(e.alternatives())
        .containsExactly(
            new Alternative(RepId.of("ana"), Optional.of("region"), 0, 0),
            new Alternative(RepId.of("bob"), Optional.of("region"), 0, 0));
    assertThat(e.summary()).startsWith("Unassigned: no eligible rep among 2: region excluded 2");
  }

  @Test
  void explain_unassignedLead_summaryIsTheReason() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").regions("East").build(),
                Rep.builder("bob").regions("West").build()),
            List.of(lead("n1").region("North").build()));
    assertThat(Baselines.roundRobin().allocate(p).explain(LeadId.of("n1")).summary())
        .isEqualTo("Unassigned: no eligible rep among 2: region excluded 2.");
  }

  @Test
  void explain_leadNotInTheAllocation_failsNamingIt() {
    assertThatThrownBy(() -> allocation().explain(LeadId.of("c9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c9 is not part of this allocation");
  }
}
