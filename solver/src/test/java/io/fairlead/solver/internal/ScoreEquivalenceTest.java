package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The proof that the solver optimises what the metrics report: for any problem and any assignment,
 * OptaPlanner's score of the plan equals {@code Book.score()} of the same assignment, level by
 * level and constraint by constraint.
 */
class ScoreEquivalenceTest {

  private static final long SEED = 0x5EED_0001L;

  @Test
  void optaPlannerScore_anyAssignment_equalsBookScoreByConstraint() {
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger leads = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(400)
        .forAll(RandomProblems.problems(1, 6, 0, 25), integers().all(), integers().between(0, 2))
        .checkAssert(
            (problem, assignmentSeed, mode) -> {
              checked.incrementAndGet();
              leads.addAndGet(problem.leads().size());
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              int[] a = assignment(index, assignmentSeed, mode);
              Plan plan = Plan.of(index, a);
              var explanation = OptaScores.explain(plan);
              HardMediumSoftLongScore opta = explanation.getScore();
              Score book = Assignment.of(index, a).score();

              assertThat(new long[] {-opta.hardScore(), -opta.mediumScore(), -opta.softScore()})
                  .as("hard, medium, soft of %s", java.util.Arrays.toString(a))
                  .containsExactly(book.hard(), book.medium(), book.soft());
              Map<String, Long> expected = new TreeMap<>(book.byTerm());
              expected.values().removeIf(v -> v == 0);
              Map<String, Long> actual = OptaScores.penaltiesByName(explanation);
              actual.values().removeIf(v -> v == 0);
              assertThat(actual).as("by constraint").isEqualTo(expected);
            });
    System.out.printf(
        "ScoreEquivalenceTest: seed %#x, %s problems, %s leads%n", SEED, checked, leads);
  }

  /**
   * Mode 0: every lead on any rep of the roster or none, ignoring eligibility and pins (the score
   * must agree even on assignments the solver would never make). Mode 1: pins respected, free leads
   * on an eligible rep or none. Mode 2: everything assigned where possible.
   */
  static int[] assignment(ProblemIndex index, long seed, int mode) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] a = new int[index.leadCount()];
    for (int i = 0; i < a.length; i++) {
      if (mode == 0) {
        a[i] = random.nextInt(index.repCount() + 1) - 1;
      } else if (index.pin(i) != ProblemIndex.Pin.FREE) {
        a[i] = index.owner(i);
      } else {
        int[] e = index.eligible(i);
        int choices = e.length + (mode == 1 ? 1 : 0); // mode 1: "none" is one more choice
        int k = choices == 0 ? -1 : random.nextInt(choices);
        a[i] = k >= 0 && k < e.length ? e[k] : -1;
      }
    }
    return a;
  }
}
