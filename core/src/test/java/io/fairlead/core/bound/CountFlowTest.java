package io.fairlead.core.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.bound.SmallProblems.BruteForce;
import io.fairlead.core.bound.SmallProblems.Figures;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact count optimum and its certificate. */
class CountFlowTest {

  private static final long SEED = 20240601L;

  @Test
  void optimum_equalsTheBruteForceOptimum() {
    qt().withFixedSeed(SEED)
        .withExamples(600)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              BruteForce brute = BruteForce.of(index);
              CountFlow flow = CountFlow.solve(index);
              assertThat(flow.maxPlaceable()).isEqualTo(brute.maxPlaced);
              assertThat(flow.optimum()).isCloseTo(brute.countOptimum, within(1e-9));
            });
  }

  @Test
  void assignment_isFeasibleAndReachesTheOptimum() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(600)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              CountFlow flow = CountFlow.solve(index);
              int[] a = flow.assignment();
              assertThat(SmallProblems.keepsAvoidableRules(index, a)).isTrue();
              assertThat(CountFlow.firstAvoidableViolation(index, a)).isNull();
              Figures f = Figures.of(index, a);
              assertThat(f.placed()).isEqualTo(flow.maxPlaceable());
              assertThat(f.countTerm()).isCloseTo(flow.optimum(), within(1e-9));
              assertThat(SmallProblems.loads(index, a)).containsExactly(flow.loads());
              assertThat(CountFlow.hasImprovingPath(index, a)).isFalse();
            });
  }

  /** Every feasible assignment of small problems: "improving path" iff "not optimal". */
  @Test
  void hasImprovingPath_isTrueExactlyForNonOptimalAssignments() {
    qt().withFixedSeed(SEED + 2)
        .withExamples(300)
        .forAll(SmallProblems.problems(6, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              BruteForce brute = BruteForce.of(index, true);
              int step = Math.max(1, brute.feasible.size() / 150);
              for (int k = 0; k < brute.feasible.size(); k += step) {
                int[] a = brute.feasible.get(k);
                Figures f = Figures.of(index, a);
                boolean optimal =
                    f.placed() == brute.maxPlaced
                        && Math.abs(f.countTerm() - brute.countOptimum) <= 1e-9;
                assertThat(CountFlow.hasImprovingPath(index, a))
                    .as("assignment %s", java.util.Arrays.toString(a))
                    .isEqualTo(!optimal);
              }
            });
  }

  /**
   * The same over every assignment that keeps the rules an allocation can keep, pinned leads left
   * out included: such a lead takes no room, and its owner may always take it back (a lock holds
   * past a capacity), which places one more lead unless free leads must leave for it.
   */
  @Test
  void hasImprovingPath_pinnedLeadsLeftOut_isTrueExactlyForNonOptimalAssignments() {
    qt().withFixedSeed(SEED + 5)
        .withExamples(300)
        .forAll(SmallProblems.problems(6, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(problem.policy(), problem.reps(), problem.leads());
              List<int[]> valid = new ArrayList<>();
              enumerate(index, new int[index.leadCount()], 0, valid);
              int maxPlaced = -1;
              double optimum = Double.POSITIVE_INFINITY;
              for (int[] a : valid) {
                Figures f = Figures.of(index, a);
                if (f.placed() > maxPlaced) {
                  maxPlaced = f.placed();
                  optimum = Double.POSITIVE_INFINITY;
                }
                if (f.placed() == maxPlaced) {
                  optimum = Math.min(optimum, f.countTerm());
                }
              }
              assertThat(maxPlaced).isEqualTo(CountFlow.solve(index).maxPlaceable());
              int step = Math.max(1, valid.size() / 150);
              for (int k = 0; k < valid.size(); k += step) {
                int[] a = valid.get(k);
                Figures f = Figures.of(index, a);
                boolean optimal =
                    f.placed() == maxPlaced && Math.abs(f.countTerm() - optimum) <= 1e-9;
                assertThat(CountFlow.hasImprovingPath(index, a))
                    .as("assignment %s", java.util.Arrays.toString(a))
                    .isEqualTo(!optimal);
              }
            });
  }

  /**
   * Every assignment, read from the rules: pinned leads with their owner or out, free leads on an
   * eligible rep or out; free leads within the room left by outside holdings and the pinned leads
   * held, new leads within the new-lead cap.
   */
  private static void enumerate(ProblemIndex index, int[] a, int i, List<int[]> out) {
    if (i < a.length) {
      a[i] = -1;
      enumerate(index, a, i + 1, out);
      for (int r = 0; r < index.repCount(); r++) {
        boolean may =
            index.pin(i) != ProblemIndex.Pin.FREE
                ? r == index.owner(i)
                : index.firstExclusion(i, r) == null;
        if (may) {
          a[i] = r;
          enumerate(index, a, i + 1, out);
        }
      }
      return;
    }
    int reps = index.repCount();
    long[] pinned = new long[reps];
    long[] free = new long[reps];
    long[] fresh = new long[reps];
    for (int k = 0; k < a.length; k++) {
      if (a[k] >= 0) {
        (index.pin(k) != ProblemIndex.Pin.FREE ? pinned : free)[a[k]]++;
        if (index.owner(k) != a[k]) {
          fresh[a[k]]++;
        }
      }
    }
    for (int r = 0; r < reps; r++) {
      Rep rep = index.rep(r);
      boolean capped = index.capacity(r) != Rep.UNLIMITED;
      if (capped && free[r] > Math.max(0, index.capacity(r) - rep.heldOutside() - pinned[r])) {
        return;
      }
      if (index.newLeadCap(r) != Rep.UNLIMITED && fresh[r] > index.newLeadCap(r)) {
        return;
      }
    }
    out.add(a.clone());
  }

  @Test
  void hasImprovingPath_isFalseOnTheOptimumAndTrueOnAnUnbalancedBook() {
    // Four leads any of two equal reps may take: the optimum is 2 + 2 (Σ n² = 8).
    Problem p = problem(List.of(rep("a"), rep("b")), leads(4));
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
    CountFlow flow = CountFlow.solve(index);
    assertThat(flow.optimum()).isEqualTo(8.0);
    assertThat(flow.loads()).containsExactly(2, 2);
    assertThat(CountFlow.hasImprovingPath(index, flow.assignment())).isFalse();
    // 4 + 0 (Σ n² = 16): moving one lead to b gains (2·4 − 1) − (2·0 + 1) = 6.
    assertThat(CountFlow.hasImprovingPath(index, new int[] {0, 0, 0, 0})).isTrue();
    // 3 + 1: still improvable, 5 > 3.
    assertThat(CountFlow.hasImprovingPath(index, new int[] {0, 0, 0, 1})).isTrue();
  }

  @Test
  void hasImprovingPath_findsAChainThroughAThirdRep() {
    // Leads e0, e1 may go to a or m; leads w0, w1 to m or b. Book: a = {e0, e1}, m = {w0, w1},
    // b = {}: loads 2, 2, 0 (Σ = 8). a cannot reach b directly and a → m alone gains nothing
    // (3 − 5 < 0), but a → m → b does: loads 1, 2, 1 (Σ = 6).
    Rep a = Rep.builder("a").regions("E").build();
    Rep m = Rep.builder("m").regions("E", "W").build();
    Rep b = Rep.builder("b").regions("W").build();
    List<Lead> leads = List.of(lead("e0", "E"), lead("e1", "E"), lead("w0", "W"), lead("w1", "W"));
    ProblemIndex index = index(problem(List.of(a, m, b), leads));
    assertThat(CountFlow.hasImprovingPath(index, new int[] {0, 0, 1, 1})).isTrue();
    assertThat(CountFlow.hasImprovingPath(index, new int[] {0, 1, 1, 2})).isFalse();
    assertThat(CountFlow.solve(index).optimum()).isEqualTo(6.0);
  }

  @Test
  void hasImprovingPath_isTrueWhenOneMoreLeadFits() {
    Problem p = problem(List.of(rep("a"), rep("b")), leads(2));
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
    assertThat(CountFlow.hasImprovingPath(index, new int[] {0, -1})).isTrue();
  }

  @Test
  void hasImprovingPath_rejectsAnAssignmentThatBreaksARule() {
    Problem p = problem(List.of(Rep.builder("a").capacity(1).build(), rep("b")), leads(2));
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
    assertThatThrownBy(() -> CountFlow.hasImprovingPath(index, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rep a")
        .hasMessageContaining("capacity 1");
  }

  @Test
  void weights_shareLeadsInProportion() {
    // Weights 1 and 2, six leads: loads 2 and 4 (Σ n²/w = 4 + 8 = 12).
    Problem p = problem(List.of(rep("a"), Rep.builder("b").weight(2.0).build()), leads(6));
    CountFlow flow = CountFlow.solve(new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger()));
    assertThat(flow.loads()).containsExactly(2, 4);
    assertThat(flow.optimum()).isEqualTo(12.0);
  }

  @Test
  void aggregation_givesTheSameOptimumAsOneNodePerLead() {
    qt().withFixedSeed(SEED + 3)
        .withExamples(150)
        .forAll(SmallProblems.problems(80, 8, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              CountFlow merged = CountFlow.solve(index, i -> true, true);
              CountFlow single = CountFlow.solve(index, i -> true, false);
              assertThat(merged.maxPlaceable()).isEqualTo(single.maxPlaceable());
              assertThat(merged.optimum()).isCloseTo(single.optimum(), within(1e-9));
              assertThat(merged.classCount()).isLessThanOrEqualTo(single.classCount());
              assertThat(CountFlow.hasImprovingPath(index, merged.assignment())).isFalse();
              assertThat(CountFlow.hasImprovingPath(index, single.assignment())).isFalse();
              for (int i = 0; i < index.leadCount(); i++) {
                assertThat(merged.alwaysPlaced(i)).isEqualTo(single.alwaysPlaced(i));
              }
            });
  }

  @Test
  void aggregation_mergesLeadsWithTheSameEligibleRepsAndOwner() {
    // 40 identical free leads, 10 owned by a (rebalancing on): two classes.
    List<Lead> leads = new ArrayList<>(leads(30));
    for (int i = 0; i < 10; i++) {
      leads.add(Lead.builder("o" + i).region("N").industry("x").currentOwner("a").build());
    }
    Problem p =
        Problem.of(
            Policy.builder().allowRebalancing(true).build(), List.of(rep("a"), rep("b")), leads);
    CountFlow flow = CountFlow.solve(new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger()));
    assertThat(flow.classCount()).isEqualTo(2);
    assertThat(flow.loads()).containsExactly(20, 20);
  }

  @Test
  void alwaysPlaced_marksLeadsThatEveryMaximumPlacementPlaces() {
    // a holds 1; leads c0, c1 may only go to a: one of them stays out, either one.
    // Lead d may go to b (unlimited) and is always placed.
    Rep a = Rep.builder("a").regions("N").capacity(1).build();
    Rep b = Rep.builder("b").regions("S").build();
    List<Lead> leads = List.of(lead("c0", "N"), lead("c1", "N"), lead("d", "S"));
    CountFlow flow = CountFlow.solve(index(problem(List.of(a, b), leads)));
    assertThat(flow.maxPlaceable()).isEqualTo(2);
    assertThat(flow.alwaysPlaced(0)).isFalse();
    assertThat(flow.alwaysPlaced(1)).isFalse();
    assertThat(flow.alwaysPlaced(2)).isTrue();
  }

  @Test
  void randomMediumProblems_solutionsCarryTheirCertificate() {
    qt().withFixedSeed(SEED + 4)
        .withExamples(100)
        .forAll(SmallProblems.problems(300, 25, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              CountFlow flow = CountFlow.solve(index);
              int[] a = flow.assignment();
              assertThat(SmallProblems.keepsAvoidableRules(index, a)).isTrue();
              assertThat(Figures.of(index, a).countTerm()).isCloseTo(flow.optimum(), within(1e-6));
              assertThat(CountFlow.hasImprovingPath(index, a)).isFalse();
            });
  }

  static Rep rep(String id) {
    return Rep.builder(id).build();
  }

  static List<Lead> leads(int n) {
    List<Lead> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Lead.builder("c" + i).region("N").industry("x").build());
    }
    return out;
  }

  static Lead lead(String id, String region) {
    return Lead.builder(id).region(region).industry("x").build();
  }

  static Problem problem(List<Rep> reps, List<Lead> leads) {
    return Problem.of(Policy.defaults(), reps, leads);
  }

  private static ProblemIndex index(Problem p) {
    return new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
  }
}
