package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Solving independent parts apart, in parallel, against solving the whole problem. */
@Tag("slow") // solves many problems; excluded by the fast profile (mvn test -Pfast)
class DecomposedSolveTest {

  private static final SolveOptions OPTIONS = SolveOptions.DEFAULTS.withMoveBudget(60_000);

  @ParameterizedTest
  @CsvSource({"2, 3, 20, 1", "3, 3, 25, 2", "4, 2, 15, 3", "4, 4, 40, 4"})
  void decomposed_separateTerritories_scoresNoWorseThanWholeWithTheSameBudget(
      int regions, int reps, int leads, long seed) {
    ProblemIndex index = Indexes.of(Territories.generate(regions, reps, leads, seed));
    assertThat(Decomposition.of(index).parts()).hasSize(regions);

    PlanSolver.Result whole = PlanSolver.solve(index, OPTIONS.withDecompose(false));
    PlanSolver.Result parts = PlanSolver.solve(index, OPTIONS);

    System.out.printf(
        "DecomposedSolveTest: %d regions: whole %d/%d/%d, decomposed %d/%d/%d%n",
        regions,
        whole.hard(),
        whole.medium(),
        whole.soft(),
        parts.hard(),
        parts.medium(),
        parts.soft());
    Score book = Assignment.of(index, parts.assignment()).score();
    assertThat(parts.agreesWith(book)).as("decomposed %s vs book %s", parts, book).isTrue();
    assertThat(parts.hard()).isLessThanOrEqualTo(whole.hard());
    assertThat(parts.medium()).isLessThanOrEqualTo(whole.medium());
    // Each part gets its share of the budget; on problems this small both converge, so the
    // decomposed soft penalty is at most a hair (0.01 %) above the whole one, usually equal or
    // below (a part searches only its own leads).
    assertThat((double) parts.soft())
        .as("decomposed %s vs whole %s", parts.soft(), whole.soft())
        .isLessThanOrEqualTo(whole.soft() * 1.0001);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42})
  void decomposed_sameSeed_givesTheSameAssignmentWhateverTheThreadTiming(long seed) {
    ProblemIndex index = Indexes.of(Territories.generate(4, 3, 60, 9));
    SolveOptions options = OPTIONS.withSeed(seed);
    int[] first = PlanSolver.solve(index, options).assignment();
    for (int run = 0; run < 4; run++) {
      assertThat(PlanSolver.solve(index, options).assignment()).as("run %s", run).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 4})
  void decomposed_differentSeedsPerPart_stillAgreeWithTheBook(long seed) {
    ProblemIndex index = Indexes.of(Territories.generate(3, 3, 400, seed));
    PlanSolver.Result r = PlanSolver.solve(index, OPTIONS.withSeed(seed));
    assertThat(r.endedBy()).isEqualTo(PlanSolver.End.MOVE_BUDGET);
    assertThat(r.agreesWith(Assignment.of(index, r.assignment()).score())).isTrue();
    assertThat(PlanSolver.partSeed(seed, 0)).isNotEqualTo(PlanSolver.partSeed(seed, 1));
  }
}
