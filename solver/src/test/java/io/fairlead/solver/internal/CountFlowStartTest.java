package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The local search started from the count optimum ({@link SolveOptions.Start#COUNT_FLOW}). */
@Tag("slow") // solves many problems; excluded by the fast profile (mvn test -Pfast)
class CountFlowStartTest {

  private static final long SEED = 0x5EED_0006L;
  private static final SolveOptions OPTIONS =
      SolveOptions.DEFAULTS.withMoveBudget(20_000).withStart(SolveOptions.Start.COUNT_FLOW);

  @Test
  void firstBestSolution_hasTheCountOptimalLoadsOfEveryRep() {
    AtomicInteger checked = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(60)
        .forAll(RandomProblems.problems(1, 6, 1, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              AtomicReference<int[]> first = new AtomicReference<>();
              PlanSolver.solve(
                  index,
                  OPTIONS.withDecompose(false),
                  (part, parts, nanos, leads, assignment, hard, medium, soft, moves) ->
                      first.compareAndSet(null, assignment.get()));
              CountFlow flow = CountFlow.solve(index);
              // No event when the start places no free lead (nothing better than all-unassigned).
              if (first.get() != null) {
                checked.incrementAndGet();
                int[] loads = new int[index.repCount()];
                for (int r : first.get()) {
                  if (r >= 0) {
                    loads[r]++;
                  }
                }
                assertThat(loads).isEqualTo(flow.loads());
                assertThat(CountFlow.firstAvoidableViolation(index, first.get())).isNull();
              }
            });
    assertThat(checked.get()).isGreaterThan(20);
  }

  @Test
  void solve_randomProblems_agreesWithTheBookAndPlacesAtLeastTheMostPlaceable() {
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              PlanSolver.Result r = PlanSolver.solve(index, OPTIONS);
              assertThat(r.agreesWith(Assignment.of(index, r.assignment()).score())).isTrue();
              assertThat(r.hard())
                  .isEqualTo(Assignment.of(index, Plan.pinnedOnly(index)).score().hard());
              assertThat(r.medium())
                  .isLessThanOrEqualTo(index.leadCount() - CountFlow.solve(index).maxPlaceable());
            });
  }
}
