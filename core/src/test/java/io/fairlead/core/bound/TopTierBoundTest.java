package io.fairlead.core.bound;

import static io.fairlead.core.bound.CountFlowTest.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.bound.SmallProblems.BruteForce;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-tier bound: the count optimum of the top-tier leads alone. */
class TopTierBoundTest {

  @Test
  void bound_neverExceedsTheBestAllocationThatPlacesTheMostLeads() {
    qt().withFixedSeed(41L)
        .withExamples(600)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              BruteForce brute = BruteForce.of(index);
              assertThat(topTier(index, true)).isLessThanOrEqualTo(brute.topTier + 1e-9);
            });
  }

  @Test
  void bound_isExactWithoutCapacities() {
    // With no capacity or new-lead cap, top-tier leads do not compete with the others for room:
    // the best top-tier term among maximum placements is the top-tier count optimum itself.
    qt().withFixedSeed(42L)
        .withExamples(400)
        .forAll(SmallProblems.problems(7, 3, false))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              BruteForce brute = BruteForce.of(index);
              assertThat(topTier(index, true)).isCloseTo(brute.topTier, within(1e-9));
            });
  }

  @Test
  void aggregation_givesTheSameBound() {
    qt().withFixedSeed(43L)
        .withExamples(150)
        .forAll(SmallProblems.problems(80, 8, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              assertThat(topTier(index, true)).isCloseTo(topTier(index, false), within(1e-9));
            });
  }

  @Test
  void onlyTopTierLeadsCount() {
    // Three A and two B leads, two equal reps: A splits 2 + 1, Σ a² = 5, whatever B does.
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      leads.add(Lead.builder("a" + i).region("N").industry("x").tier("A").build());
    }
    for (int i = 0; i < 2; i++) {
      leads.add(Lead.builder("b" + i).region("N").industry("x").tier("B").build());
    }
    Problem p = Problem.of(Policy.defaults(), List.of(rep("a"), rep("b")), leads);
    assertThat(topTier(new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger()), true))
        .isEqualTo(5.0);
  }

  @Test
  void pinnedLeadsOfLowerTiers_stillTakeRoom() {
    // a (capacity 2) keeps two B customers: it has no room left, so all three A leads go to b.
    Rep a = Rep.builder("a").capacity(2).build();
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      leads.add(
          Lead.builder("k" + i).region("N").industry("x").tier("B").currentOwner("a").build());
    }
    for (int i = 0; i < 3; i++) {
      leads.add(Lead.builder("a" + i).region("N").industry("x").tier("A").build());
    }
    Problem p = Problem.of(Policy.defaults(), List.of(a, rep("b")), leads);
    assertThat(topTier(new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger()), true))
        .isEqualTo(9.0);
  }

  private static double topTier(ProblemIndex index, boolean aggregate) {
    CountFlow count = BoundCalculator.count(index, aggregate);
    return BoundCalculator.topTier(index, count, aggregate).optimum();
  }
}
