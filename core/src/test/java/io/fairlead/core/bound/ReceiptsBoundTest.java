package io.fairlead.core.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.bound.SmallProblems.BruteForce;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The receipts bound: the count optimum's convex flow with each rep's period credit as its starting
 * load, over the leads new to whoever takes them, against an exhaustive search.
 */
class ReceiptsBoundTest {

  @Test
  void bound_neverExceedsTheBestAllocationThatPlacesTheMostLeads() {
    qt().withFixedSeed(51L)
        .withExamples(600)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index = index(problem);
              BruteForce brute = BruteForce.of(index);
              assertThat(FairnessBounds.of(problem).receiptsOptimum())
                  .isLessThanOrEqualTo(brute.receipts + 1e-9);
            });
  }

  @Test
  void bound_isExactWhenEveryFreeLeadIsNewToWhoeverTakesItAndAlwaysPlaced() {
    int[] exact = {0};
    qt().withFixedSeed(52L)
        .withExamples(800)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index = index(problem);
              CountFlow count = CountFlow.solve(index);
              boolean covered = true;
              for (int i = 0; i < index.leadCount(); i++) {
                if (index.pin(i) == ProblemIndex.Pin.FREE && index.eligible(i).length > 0) {
                  covered &= BoundCalculator.newToAll(index, i) && count.alwaysPlaced(i);
                }
              }
              if (!covered) {
                return;
              }
              exact[0]++;
              BruteForce brute = BruteForce.of(index);
              assertThat(FairnessBounds.of(problem).receiptsOptimum())
                  .isCloseTo(brute.receipts, within(1e-9));
            });
    assertThat(exact[0]).as("problems where the bound is exact").isGreaterThan(100);
  }

  @Test
  void aggregation_givesTheSameBound() {
    qt().withFixedSeed(53L)
        .withExamples(150)
        .forAll(SmallProblems.problems(80, 8, true))
        .checkAssert(
            problem -> {
              ProblemIndex index = index(problem);
              CountFlow count = CountFlow.solve(index);
              assertThat(BoundCalculator.receipts(index, count, true).optimum())
                  .isCloseTo(BoundCalculator.receipts(index, count, false).optimum(), within(1e-6));
            });
  }

  @Test
  void threeEqualReps_oneBackWithCreditThreeBelow_byHand() {
    // Credits 42, 42, 39 (weight 1), six new leads: water-filling gives cat 3 to reach 42, then
    // one each: ana 1, bob 1, cat 4. (43² − 42²) · 2 + (43² − 39²) = 85 · 2 + 328 = 498.
    List<Rep> reps =
        List.of(Rep.builder("ana").build(), Rep.builder("bob").build(), Rep.builder("cat").build());
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      leads.add(Lead.builder("d" + i).region("East").industry("retail").build());
    }
    Ledger ledger =
        Ledger.of(
            List.of(
                Ledger.Entry.of("ana", 42, 42),
                Ledger.Entry.of("bob", 42, 42),
                Ledger.Entry.of("cat", 14, 39)));
    Problem problem = Problem.of(Policy.defaults(), reps, leads, ledger);

    FairnessBounds bounds = FairnessBounds.of(problem);

    assertThat(bounds.receiptsOptimum()).isCloseTo(498, within(1e-9));
    // An allocation that gives cat all six: (45² − 39²) + 0 + 0 = 504 → 1.2 % above the optimum.
    Map<LeadId, RepId> allToCat = new LinkedHashMap<>();
    leads.forEach(l -> allToCat.put(l.id(), RepId.of("cat")));
    Allocation flood = Baselines.measure(problem, allToCat, "flood");
    assertThat(flood.gaps().receiptsTerm()).isCloseTo(504, within(1e-9));
    assertThat(flood.gaps().receiptsGap()).isCloseTo(6.0 / 498, within(1e-12));
  }

  private static ProblemIndex index(Problem p) {
    return new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
  }
}
