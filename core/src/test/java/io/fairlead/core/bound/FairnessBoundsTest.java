package io.fairlead.core.bound;

import static io.fairlead.core.bound.CountFlowTest.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public face: bounds of a problem and gaps of an allocation. */
class FairnessBoundsTest {

  @Test
  void of_reportsTheCountOptimumAndItsLoads() {
    // Six leads, weights 1 and 2: loads 2 and 4, Σ n²/w = 4 + 16/2 = 12.
    Problem p = problem(List.of(rep("a"), Rep.builder("b").weight(2).build()), leads(6));
    FairnessBounds b = FairnessBounds.of(p);
    assertThat(b.maxPlaceable()).isEqualTo(6);
    assertThat(b.countOptimum()).isEqualTo(12.0);
    assertThat(b.optimalCounts())
        .containsExactly(Map.entry(RepId.of("a"), 2), Map.entry(RepId.of("b"), 4));
    // Equal values: the value bounds follow the counts (1 mean lead each).
    assertThat(b.valueMaxLowerBound()).isCloseTo(2.0, within(1e-12));
    assertThat(b.valueTermLowerBound()).isCloseTo(12.0, within(1e-5));
    // No top-tier lead (leads without tier get the lowest).
    assertThat(b.topTierOptimum()).isZero();
  }

  @Test
  void gaps_ofTheCountOptimalAllocation_areZeroAndProvenOptimal() {
    Problem p = problem(List.of(rep("a"), rep("b"), rep("c")), leads(10));
    FairnessBounds b = FairnessBounds.of(p);
    BoundGaps g =
        b.gaps(
            allocation(
                p,
                CountFlow.solve(new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger()))
                    .assignment()));
    assertThat(g.feasible()).isTrue();
    assertThat(g.placed()).isEqualTo(10);
    assertThat(g.countGap()).isCloseTo(0.0, within(1e-12));
    assertThat(g.improvingPath()).isFalse();
    assertThat(g.countOptimal()).isTrue();
    // 4 + 3 + 3 leads of equal value: max 4 against a bound of 10/3.
    assertThat(g.valueMax()).isCloseTo(4.0, within(1e-12));
    assertThat(g.valueMaxGap()).isCloseTo(4.0 / (10.0 / 3) - 1, within(1e-9));
  }

  @Test
  void gaps_ofAnUnbalancedAllocation_showTheGapAndAnImprovingPath() {
    // All four leads on a: Σ n² = 16 against 8, a 100 % gap.
    Problem p = problem(List.of(rep("a"), rep("b")), leads(4));
    BoundGaps g = FairnessBounds.of(p).gaps(allocation(p, new int[] {0, 0, 0, 0}));
    assertThat(g.countTerm()).isEqualTo(16.0);
    assertThat(g.countGap()).isCloseTo(1.0, within(1e-12));
    assertThat(g.improvingPath()).isTrue();
    assertThat(g.countOptimal()).isFalse();
    assertThat(g.valueMaxGap()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void gaps_ofAnAllocationBreakingARule_areMarkedInfeasible() {
    Problem p = problem(List.of(Rep.builder("a").capacity(1).build(), rep("b")), leads(2));
    BoundGaps g = FairnessBounds.of(p).gaps(allocation(p, new int[] {0, 0}));
    assertThat(g.feasible()).isFalse();
    assertThat(g.improvingPath()).isFalse();
    assertThat(g.countOptimal()).isFalse();
  }

  @Test
  void gaps_ofAnotherProblem_areRejected() {
    Problem p = problem(List.of(rep("a")), leads(2));
    Problem q = problem(List.of(rep("a")), leads(3));
    assertThatThrownBy(() -> FairnessBounds.of(p).gaps(allocation(q, new int[] {0, 0, 0})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lead c2 is not in the problem");
  }

  @Test
  void gaps_neverGoBelowZero_forFeasibleMaximumPlacements() {
    qt().withFixedSeed(51L)
        .withExamples(300)
        .forAll(SmallProblems.problems(6, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              FairnessBounds b = FairnessBounds.of(problem);
              SmallProblems.BruteForce brute = SmallProblems.BruteForce.of(index, true);
              int step = Math.max(1, brute.feasible.size() / 40);
              for (int k = 0; k < brute.feasible.size(); k += step) {
                int[] a = brute.feasible.get(k);
                BoundGaps g = b.gaps(allocation(problem, a));
                // Feasible means no hard rule broken, a capacity that outside holdings or locked
                // leads exceed whatever the allocation included.
                assertThat(g.feasible()).isEqualTo(SmallProblems.feasible(index, a));
                if (g.placed() == b.maxPlaceable()) {
                  assertThat(g.countGap()).isGreaterThan(-1e-12);
                  assertThat(g.valueMaxGap()).isGreaterThan(-1e-12);
                  assertThat(g.valueTermGap()).isGreaterThan(-1e-12);
                  assertThat(g.topTierGap()).isGreaterThan(-1e-12);
                  assertThat(g.countOptimal())
                      .isEqualTo(g.feasible() && Math.abs(g.countGap()) < 1e-9);
                } else {
                  assertThat(g.improvingPath()).isTrue();
                }
              }
            });
  }

  @Test
  void record_rejectsNegativeBoundsAndCopiesItsMap() {
    Problem p = problem(List.of(rep("a")), leads(1));
    assertThatThrownBy(() -> new FairnessBounds(p, 1, Map.of(), -1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countOptimum");
    assertThatThrownBy(() -> new FairnessBounds(p, 1, Map.of(), 0, 0, 0, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receiptsOptimum");
    Map<RepId, Integer> counts = new java.util.HashMap<>(Map.of(RepId.of("a"), 1));
    FairnessBounds b = new FairnessBounds(p, 1, counts, 1, 1, 1, 0, 0);
    counts.clear();
    assertThat(b.optimalCounts()).hasSize(1);
    assertThat(b.toString()).doesNotContain("Problem[");
  }

  @Test
  void of_problemWithoutLeads_hasZeroBounds() {
    FairnessBounds b = FairnessBounds.of(problem(List.of(rep("a"), rep("b")), List.of()));
    assertThat(b.maxPlaceable()).isZero();
    assertThat(b.countOptimum()).isZero();
    assertThat(b.valueMaxLowerBound()).isZero();
    assertThat(b.valueTermLowerBound()).isZero();
    assertThat(b.topTierOptimum()).isZero();
    assertThat(b.optimalCounts()).containsOnlyKeys(RepId.of("a"), RepId.of("b"));
  }

  @Test
  void relativeGap_handlesZeroBounds() {
    assertThat(BoundCalculator.relativeGap(0, 0)).isZero();
    assertThat(BoundCalculator.relativeGap(1, 0)).isInfinite();
    assertThat(BoundCalculator.relativeGap(3, 2)).isEqualTo(0.5);
  }

  /** Leads of equal value (10) that any rep may take. */
  private static List<Lead> leads(int n) {
    List<Lead> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Lead.builder("c" + i).region("N").industry("x").value(10).build());
    }
    return out;
  }

  /** Who holds which lead, from a rep index per lead (-1 = unassigned). */
  private static Map<LeadId, RepId> allocation(Problem p, int[] assignment) {
    Map<LeadId, RepId> out = new LinkedHashMap<>();
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] >= 0) {
        out.put(p.leads().get(i).id(), p.reps().get(assignment[i]).id());
      }
    }
    return out;
  }

  private static Problem problem(List<Rep> reps, List<Lead> leads) {
    return Problem.of(Policy.defaults(), reps, new ArrayList<>(leads));
  }
}
