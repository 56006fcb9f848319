package io.fairlead.core.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.bound.SmallProblems.BruteForce;
import io.fairlead.core.bound.SmallProblems.Figures;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.MoveFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fewest moves from a book to the exact count optimum, against exhaustive search. */
class MoveFlowTest {

  private static final long SEED = 20_260_311L;

  @Test
  void moves_equalTheFewestOfEveryCountOptimalAssignment() {
    qt().withFixedSeed(SEED)
        .withExamples(600)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(problem.policy(), problem.reps(), problem.leads());
              BruteForce brute = BruteForce.of(index, true);
              int fewest = Integer.MAX_VALUE;
              for (int[] a : brute.feasible) {
                Figures f = Figures.of(index, a);
                if (f.placed() == brute.maxPlaced
                    && Math.abs(f.countTerm() - brute.countOptimum) <= 1e-9) {
                  fewest = Math.min(fewest, moves(index, a));
                }
              }
              MoveFlow flow = MoveFlow.solve(index, CountFlow.solve(index));
              assertThat(flow.moves()).isEqualTo(fewest);
            });
  }

  @Test
  void assignment_isCountOptimalAndMovesExactlyTheBound() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(200)
        .forAll(SmallProblems.problems(120, 10, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(problem.policy(), problem.reps(), problem.leads());
              CountFlow optimum = CountFlow.solve(index);
              MoveFlow flow = MoveFlow.solve(index, optimum);
              int[] a = flow.assignment();
              assertThat(SmallProblems.keepsAvoidableRules(index, a)).isTrue();
              Figures f = Figures.of(index, a);
              assertThat(f.placed()).isEqualTo(optimum.maxPlaceable());
              assertThat(f.countTerm()).isCloseTo(optimum.optimum(), within(1e-9));
              assertThat(moves(index, a)).isEqualTo(flow.moves());
            });
  }

  @Test
  void oneOverloadedRep_movesOnlyItsSurplus() {
    // a holds 5, b 1, c 0, all equal and unrestricted: the optimum is 2/2/2, reached by a giving
    // 3 leads (one to b, two to c); nothing else need move.
    MoveFlow flow = solve(book(new int[] {5, 1, 0}));
    assertThat(flow.moves()).isEqualTo(3);
  }

  @Test
  void tiedOptima_theBoundUsesTheOneClosestToTheBook() {
    // a holds 4, b and c none: 2/1/1, 1/2/1 and 1/1/2 are all optimal (Σ n² = 6). The closest
    // to the book keeps 2 with a: 2 moves, though a count-optimal assignment may hold a at 1.
    MoveFlow flow = solve(book(new int[] {4, 0, 0}));
    assertThat(flow.moves()).isEqualTo(2);
  }

  @Test
  void balancedBook_needsNoMove() {
    assertThat(solve(book(new int[] {2, 2, 3})).moves()).isZero();
  }

  private static MoveFlow solve(Problem p) {
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads());
    return MoveFlow.solve(index, CountFlow.solve(index));
  }

  /** Reps a, b, c… of weight 1; rep k owns {@code held[k]} leads; rebalancing allowed. */
  private static Problem book(int[] held) {
    List<Rep> reps = new ArrayList<>();
    List<Lead> leads = new ArrayList<>();
    for (int k = 0; k < held.length; k++) {
      String id = String.valueOf((char) ('a' + k));
      reps.add(Rep.builder(id).build());
      for (int j = 0; j < held[k]; j++) {
        leads.add(Lead.builder(id + j).region("N").industry("x").currentOwner(id).build());
      }
    }
    return Problem.of(Policy.builder().allowRebalancing(true).build(), reps, leads);
  }

  private static int moves(ProblemIndex index, int[] a) {
    int m = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= 0 && index.owner(i) >= 0 && a[i] != index.owner(i)) {
        m++;
      }
    }
    return m;
  }
}
