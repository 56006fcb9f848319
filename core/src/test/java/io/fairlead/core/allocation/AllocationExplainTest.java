package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
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
    // tier B (k 1) 1000; not moved, no preference mismatch.
    assertThat(allocation().explain(LeadId.of("c1")).contributions())
        .containsExactly(
            Map.entry("count-balance", 1000L),
            Map.entry("value-balance", 250L),
            Map.entry("tier-balance", 1000L),
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
  void explain_assignedLead_summaryNamesOwnerBestAlternativeAndExclusions() {
    assertThat(allocation().explain(LeadId.of("c1")).summary())
        .isEqualTo(
            "Assigned to ana, who meets every rule. 1 other rep(s) were eligible; the best, cy, would"
                + " score the same (a tie). 2 rep(s) were excluded by a hard rule.");
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
    assertThat(e.summary()).isEqualTo("Locked to ana by the host; no rule moves it.");
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
    assertThat(e.summary())
        .startsWith("Kept with its current owner cy: the policy keeps existing owners.");
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
  void explain_unassignedLead_summaryIsTwoSentences() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").regions("East").build(),
                Rep.builder("bob").regions("West").build()),
            List.of(lead("n1").region("North").build()));
    assertThat(Baselines.roundRobin().allocate(p).explain(LeadId.of("n1")).summary())
        .isEqualTo(
            "Unassigned: no eligible rep among 2: region excluded 2. 2 rep(s) were excluded by a hard"
                + " rule.");
  }

  @Test
  void explain_leadNotInTheAllocation_failsNamingIt() {
    assertThatThrownBy(() -> allocation().explain(LeadId.of("c9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c9 is not part of this allocation");
  }
}
