package io.fairlead.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.SolveProgress;
import io.fairlead.core.internal.Scoring;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.internal.RandomProblems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The count gap of the progress reports: the returned allocation's at the end, falling meanwhile.
 */
class ProgressCountGapTest {

  private static final long SEED = 0x5EED_0010L;

  /** What a listener saw in one report. */
  private record Seen(
      SolveProgress.Phase phase,
      long hard,
      long medium,
      double countGap,
      Map<LeadId, RepId> best) {}

  /** Solves with a listener told of every new best solution; returns the reports in order. */
  private static Allocation allocate(Problem problem, long budget, List<Seen> seen) {
    return LeadAllocator.builder()
        .policy(problem.policy())
        .moveBudget(budget)
        .seed(5)
        .progress(
            Duration.ofNanos(1),
            p ->
                seen.add(
                    new Seen(
                        p.phase(), p.bestHard(), p.bestMedium(), p.countGap(), p.bestAssignment())))
        .build()
        .allocate(problem);
  }

  @Test
  void countGapAtDone_equalsTheReturnedAllocationsCountGap() {
    qt().withFixedSeed(SEED)
        .withExamples(25)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              List<Seen> seen = new ArrayList<>();
              Allocation a = allocate(problem, 5_000, seen);
              Seen last = seen.get(seen.size() - 1);
              assertThat(last.phase()).isEqualTo(SolveProgress.Phase.DONE);
              assertThat(last.best()).isEqualTo(a.assignment());
              double expected = a.gaps().countGap();
              if (Double.isInfinite(expected)) {
                assertThat(last.countGap()).isEqualTo(expected);
              } else {
                assertThat(last.countGap()).isCloseTo(expected, within(1e-9));
              }
            });
  }

  @Test
  void countGap_whenCountsAreAllThePolicyBalances_neverRisesDuringTheSearch() {
    // Count balance alone (value, tier and preference terms off; owners are kept, so continuity
    // costs nothing): the best score so far is the count term, rounded per rep, so the best so far
    // never has a larger count term, up to that rounding.
    Policy countOnly =
        Policy.builder()
            .weight(Objective.VALUE, 0)
            .weight(Objective.TIER, 0)
            .weight(Objective.PREFERENCE, 0)
            .build();
    int reps = 40;
    // Five regions: five parts solved in parallel, merged in every report.
    Problem problem = SyntheticBook.generate(2_000, reps, countOnly, 11);
    List<Seen> seen = new ArrayList<>();
    Allocation a = allocate(problem, 60_000, seen);

    List<Seen> search = seen.stream().filter(s -> s.phase() == SolveProgress.Phase.SEARCH).toList();
    // How many reports there are depends on the threads' timing (five parts race); the property
    // below holds for any number of them.
    assertThat(search).isNotEmpty();
    // Each rep's penalty is round(SCALE n² / w): the exact term of a better best can exceed the
    // previous one by at most half a unit per rep on each side, reps / SCALE in all.
    double tolerance = reps / Scoring.SCALE / a.gaps().countOptimum();
    for (int k = 1; k < search.size(); k++) {
      Seen before = search.get(k - 1);
      Seen now = search.get(k);
      if (now.hard() == before.hard() && now.medium() == before.medium()) {
        assertThat(now.countGap())
            .as("report %d of %d", k, search.size())
            .isLessThanOrEqualTo(before.countGap() + tolerance);
      }
    }
    // Not strictly lower: when the parts' first reports come late, the first one seen may already
    // be count-optimal (a gap of 0).
    assertThat(search.get(search.size() - 1).countGap())
        .isLessThanOrEqualTo(search.get(0).countGap() + tolerance);
    assertThat(seen.get(seen.size() - 1).countGap()).isCloseTo(a.gaps().countGap(), within(1e-9));
  }
}
