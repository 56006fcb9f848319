package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.fairness.Violation;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores of tiny books, derived by hand from the {@code Scoring} formulas with the default policy
 * (objective weights 1, preference 0.2, tier weights A 3, B 1, C 1). SCALE = 1000; a rep's count
 * term is {@code 1000·n²/w}, its value term {@code 1000·v²/w} with v in mean-value units, its tier
 * term {@code 1000·k_t·n_t²/w}; moving a lead costs {@code 1000·10}, a preference mismatch {@code
 * 1000·0.2·10}, an unassigned lead of tier t {@code 1000·k_t·10}.
 */
class ScoreTest {

  private static Lead lead(String id, double value, String tier) {
    return Lead.builder(id).region("East").industry("retail").value(value).tier(tier).build();
  }

  /** ana (w 1), bob (w 2); c1 100 tier A, c2 200 tier B, c3 300 tier C. Mean value 200. */
  private static final Problem TINY =
      Problem.of(
          Policy.defaults(),
          List.of(Rep.builder("ana").build(), Rep.builder("bob").weight(2).build()),
          List.of(lead("c1", 100, "A"), lead("c2", 200, "B"), lead("c3", 300, "C")));

  @Test
  void score_tinyBook_byHand() {
    // ana {c1, c2}, bob {c3}. Value units: c1 500, c2 1000, c3 1500.
    // count: ana 1000·2²/1 = 4000, bob 1000·1²/2 = 500                     → 4500
    // value: ana 1000·1.5²/1 = 2250, bob 1000·1.5²/2 = 1125                → 3375
    // tier:  ana A 1000·3·1 = 3000 + B 1000·1·1 = 1000, bob C 1000·1/2 = 500 → 4500
    // soft = 4500 + 3375 + 4500 = 12375; nothing moved, no preference, nothing unassigned.
    Map<LeadId, RepId> a = new LinkedHashMap<>();
    a.put(LeadId.of("c1"), RepId.of("ana"));
    a.put(LeadId.of("c2"), RepId.of("ana"));
    a.put(LeadId.of("c3"), RepId.of("bob"));
    ScoreBreakdown s = Baselines.measure(TINY, a, "given").score();

    assertThat(s.byConstraint())
        .containsExactly(
            Map.entry("eligibility", 0L),
            Map.entry("capacity", 0L),
            Map.entry("new-lead-cap", 0L),
            Map.entry("unassigned", 0L),
            Map.entry("count-balance", 4500L),
            Map.entry("value-balance", 3375L),
            Map.entry("tier-balance", 4500L),
            Map.entry("receipts-balance", 0L),
            Map.entry("continuity", 0L),
            Map.entry("preference", 0L),
            Map.entry("unassigned-tier", 0L));
    assertThat(s.hard()).isZero();
    assertThat(s.medium()).isZero();
    assertThat(s.soft()).isEqualTo(12375L);
    assertThat(s.isFeasible()).isTrue();
  }

  @Test
  void score_overCapacityMovedAndMismatched_byHand() {
    // ana: capacity 1, 1 held outside, prefers tech. c1 (retail, tier B, bob's) goes to ana.
    // capacity: 1 + 1 − 1 = 1 (hard); the policy keeps bob as its owner: eligibility 1 (hard).
    // count 1000, value 1000·1² = 1000 (one lead = the mean),
    // tier B 1000, continuity 1000·10 = 10000, preference 1000·0.2·10 = 2000 → soft 15000.
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").capacity(1).heldOutside(1).preferredIndustries("tech").build(),
                Rep.builder("bob").build()),
            List.of(
                Lead.builder("c1")
                    .region("East")
                    .industry("retail")
                    .value(100)
                    .tier("B")
                    .currentOwner("bob")
                    .build()));
    ScoreBreakdown s =
        Baselines.measure(p, Map.of(LeadId.of("c1"), RepId.of("ana")), "given").score();

    assertThat(s.hard()).isEqualTo(2L);
    assertThat(s.byConstraint())
        .containsEntry("eligibility", 1L)
        .containsEntry("capacity", 1L)
        .containsEntry("new-lead-cap", 0L);
    assertThat(s.byConstraint())
        .containsEntry("count-balance", 1000L)
        .containsEntry("value-balance", 1000L)
        .containsEntry("tier-balance", 1000L)
        .containsEntry("continuity", 10000L)
        .containsEntry("preference", 2000L);
    assertThat(s.soft()).isEqualTo(15000L);
    assertThat(s.isFeasible()).isFalse();
  }

  @Test
  void score_unassignedLead_costsMediumAndItsTierPenalty() {
    // c3 (tier C, k 1) unassigned: medium 1, unassigned-tier 1000·1·10 = 10000.
    // ana {c1, c2}: 4000 + 2250 + 3000 + 1000 = 10250 → soft 20250.
    Assignment book = book(0, 0, -1);
    Score s = book.score();

    assertThat(s.medium()).isEqualTo(1L);
    assertThat(s.byTerm()).containsEntry("unassigned-tier", 10000L);
    assertThat(s.soft()).isEqualTo(20250L);
  }

  @Test
  void deltaAssign_byHand() {
    // c3 to ana: ana becomes 3 leads, 3000 units, A/B/C one each:
    // 1000·9 + 1000·3² + (3000 + 1000 + 1000) = 23000, was 10250; the unassigned-tier 10000 goes.
    // → 23000 − 10250 − 10000 = 2750.
    // c3 to bob (w 2): 1000·1/2 + 1000·1.5²/2 + 1000·1/2 = 500 + 1125 + 500 = 2125 → 2125 − 10000.
    Assignment book = book(0, 0, -1);

    assertThat(book.deltaAssign(2, 0)).containsExactly(0L, 2750L);
    assertThat(book.deltaAssign(2, 1)).containsExactly(0L, -7875L);
  }

  @Test
  void deltaAssign_everyLeadAndRep_equalsTheScoreDifference() {
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").capacity(1).preferredIndustries("tech").build(),
                Rep.builder("bob").weight(2).newLeadCap(0).build(),
                Rep.builder("cy").weight(0.7).heldOutside(3).build()),
            List.of(
                lead("c1", 100, "A"),
                Lead.builder("c2")
                    .region("East")
                    .industry("tech")
                    .value(900)
                    .tier("B")
                    .currentOwner("bob")
                    .build(),
                lead("c3", 300, "C"),
                lead("c4", 0, "A")));
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
    Assignment book = Assignment.of(index, new int[] {0, -1, 2, -1});
    for (int lead : new int[] {1, 3}) {
      for (int rep = 0; rep < index.repCount(); rep++) {
        Score before = book.score();
        long[] delta = book.deltaAssign(lead, rep);
        book.assign(lead, rep);
        Score after = book.score();
        book.unassign(lead);

        assertThat(delta[0])
            .as("hard, lead %s rep %s", lead, rep)
            .isEqualTo(after.hard() - before.hard());
        assertThat(delta[1])
            .as("soft, lead %s rep %s", lead, rep)
            .isEqualTo(after.soft() - before.soft());
        assertThat(after.medium()).isEqualTo(before.medium() - 1);
      }
    }
  }

  @Test
  void deltaMove_equalsTheScoreDifference() {
    ProblemIndex index = new ProblemIndex(TINY.policy(), TINY.reps(), TINY.leads(), TINY.ledger());
    Assignment book = Assignment.of(index, new int[] {0, 0, 1});
    Score before = book.score();
    long[] delta = book.deltaMove(1, 1);
    book.unassign(1);
    book.assign(1, 1);
    Score after = book.score();

    assertThat(delta).containsExactly(after.hard() - before.hard(), after.soft() - before.soft());
    // c2 to bob: ana {c1} 1000 + 250 + 3000 = 4250; bob {c2, c3} 1000·4/2 + 1000·2.5²/2 +
    // (1000·1/2 + 1000·1/2) = 2000 + 3125 + 1000 = 6125 → soft 10375, was 12375.
    assertThat(after.soft()).isEqualTo(10375L);
    assertThat(delta[1]).isEqualTo(-2000L);
  }

  private static Assignment book(int... assignment) {
    return Assignment.of(
        new ProblemIndex(TINY.policy(), TINY.reps(), TINY.leads(), TINY.ledger()), assignment);
  }

  @Test
  void score_receiptsOnTopOfThePeriodLedger_byHand() {
    // Receipts only (count, value and tier off). Ledger: ana received 2, credited 2; bob (w 2)
    // received nothing but was credited 1.5 by a catch-up. ana receives c1, bob c2 and c3.
    // receipts: ana 1000·(3² − 2²)/1 = 5000; bob 1000·(3.5² − 1.5²)/2 = 5000 -> 10000.
    // ana's new-lead cap is 2: 2 earlier + 1 now = 3, one over (hard).
    Policy receiptsOnly =
        Policy.builder()
            .weight(io.fairlead.core.policy.Objective.COUNT, 0)
            .weight(io.fairlead.core.policy.Objective.VALUE, 0)
            .weight(io.fairlead.core.policy.Objective.TIER, 0)
            .weight(io.fairlead.core.policy.Objective.RECEIPTS, 1)
            .build();
    Problem p =
        Problem.of(
            receiptsOnly,
            List.of(Rep.builder("ana").newLeadCap(2).build(), Rep.builder("bob").weight(2).build()),
            TINY.leads(),
            Ledger.of(List.of(Ledger.Entry.of("ana", 2, 2), Ledger.Entry.of("bob", 0, 1.5))));
    Map<LeadId, RepId> a = new LinkedHashMap<>();
    a.put(LeadId.of("c1"), RepId.of("ana"));
    a.put(LeadId.of("c2"), RepId.of("bob"));
    a.put(LeadId.of("c3"), RepId.of("bob"));
    Allocation allocation = Baselines.measure(p, a, "given");

    assertThat(allocation.score().byConstraint()).containsEntry("receipts-balance", 10_000L);
    assertThat(allocation.score().soft()).isEqualTo(10_000L);
    assertThat(allocation.score().byConstraint()).containsEntry("new-lead-cap", 1L);
    assertThat(allocation.metrics().violations())
        .extracting(Violation::message)
        .containsExactly("ana received 3 new leads, over its new-lead cap of 2");
  }
}
