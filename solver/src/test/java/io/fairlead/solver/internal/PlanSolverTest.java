package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.config.solver.EnvironmentMode;

/** Properties of the internal solver on random problems (no wall-clock assertions). */
@Tag("slow") // solves many problems; excluded by the fast profile (mvn test -Pfast)
class PlanSolverTest {

  private static final long SEED = 0x5EED_0002L;

  /** Enough for the small problems here to converge, small enough to keep the suite fast. */
  private static final SolveOptions OPTIONS = SolveOptions.DEFAULTS.withMoveBudget(20_000);

  private static PlanSolver.Result solve(Problem problem, SolveOptions options) {
    return PlanSolver.solve(
        new ProblemIndex(problem.policy(), problem.reps(), problem.leads(), problem.ledger()),
        options);
  }

  @Test
  void defaults_budgetAndTimeCap_scaleWithTheFreeLeads() {
    assertThat(PlanSolver.defaultMoveBudget(10)).isEqualTo(100_000);
    assertThat(PlanSolver.defaultMoveBudget(7_000)).isEqualTo(700_000);
    assertThat(PlanSolver.defaultMoveBudget(100_000)).isEqualTo(2_000_000);
    assertThat(PlanSolver.defaultMoveBudget(Problem.MAX_LEADS)).isEqualTo(2_000_000);
    assertThat(PlanSolver.defaultTimeLimit(0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(PlanSolver.defaultTimeLimit(100_000)).isEqualTo(Duration.ofSeconds(60));
    assertThat(PlanSolver.defaultTimeLimit(100_001)).isEqualTo(Duration.ofSeconds(120));
    assertThat(PlanSolver.defaultTimeLimit(700_000)).isEqualTo(Duration.ofMinutes(7));
    assertThat(PlanSolver.defaultTimeLimit(Problem.MAX_LEADS)).isEqualTo(Duration.ofMinutes(100));
  }

  @Test
  void solve_randomProblems_scoreEqualsBookScoreOfResult() {
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              PlanSolver.Result r = PlanSolver.solve(index, OPTIONS);
              Score book = Assignment.of(index, r.assignment()).score();
              assertThat(r.agreesWith(book)).as("solver %s vs book %s", r, book).isTrue();
            });
  }

  @Test
  void solve_randomProblems_reachesTheLeastHardPenaltyThePinsAllow() {
    // Leaving a free lead unassigned costs nothing hard, so the least hard penalty of any
    // assignment is the one of the pinned leads alone (adding leads never lowers an overflow).
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              long least = Assignment.of(index, Plan.pinnedOnly(index)).score().hard();
              assertThat(PlanSolver.solve(index, OPTIONS).hard()).isEqualTo(least);
            });
  }

  @Test
  void solve_randomProblems_keepsPinnedLeadsAndUsesOnlyEligibleReps() {
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(RandomProblems.problems(1, 6, 1, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              int[] a = PlanSolver.solve(index, OPTIONS).assignment();
              assertThat(a).hasSize(index.leadCount());
              for (int i = 0; i < a.length; i++) {
                if (index.pin(i) != ProblemIndex.Pin.FREE) {
                  assertThat(a[i])
                      .as("pinned lead %s", index.lead(i).id())
                      .isEqualTo(index.owner(i));
                } else if (a[i] >= 0) {
                  assertThat(index.eligible(i)).as("lead %s", index.lead(i).id()).contains(a[i]);
                }
              }
            });
  }

  @Test
  void solve_sameSeedTwice_givesTheSameAssignment() {
    qt().withFixedSeed(SEED)
        .withExamples(15)
        .forAll(RandomProblems.problems(2, 6, 10, 25))
        .checkAssert(
            problem -> {
              PlanSolver.Result first = solve(problem, OPTIONS.withSeed(7));
              PlanSolver.Result second = solve(problem, OPTIONS.withSeed(7));
              assertThat(first.endedBy())
                  .isIn(PlanSolver.End.MOVE_BUDGET, PlanSolver.End.NOTHING_TO_DO);
              assertThat(second.assignment()).isEqualTo(first.assignment());
              assertThat(second.moves()).isEqualTo(first.moves());
            });
  }

  @ParameterizedTest(name = "{0} leads")
  @ValueSource(
      ints = {
        300, 700
      }) // Tabu Search below PlanSolver.SMALL_PROBLEM free leads, Late Acceptance above
  void solve_sameSeedTwiceOnADenseProblem_givesTheSameAssignment(int leads) {
    // Many free leads per territory class: change, swap and shift moves all run.
    Problem problem = denseProblem(leads, 8, 3);
    PlanSolver.Result first = solve(problem, SolveOptions.DEFAULTS.withSeed(11));
    PlanSolver.Result second = solve(problem, SolveOptions.DEFAULTS.withSeed(11));
    assertThat(first.endedBy()).isEqualTo(PlanSolver.End.MOVE_BUDGET);
    assertThat(second.assignment()).isEqualTo(first.assignment());
  }

  @Test
  void solve_nothingFree_skipsOptaPlannerAndKeepsPins() {
    Problem problem =
        Problem.of(
            Policy.defaults(),
            List.of(Rep.builder("r0").build()),
            List.of(Lead.builder("a").region("x").industry("y").currentOwner("r0").build()));
    PlanSolver.Result r = solve(problem, OPTIONS);
    assertThat(r.endedBy()).isEqualTo(PlanSolver.End.NOTHING_TO_DO);
    assertThat(r.assignment()).containsExactly(0);
  }

  @ParameterizedTest(name = "{0} leads")
  @ValueSource(
      ints = {
        40, 600
      }) // Tabu Search below PlanSolver.SMALL_PROBLEM free leads, Late Acceptance above
  void solve_fullAssert_findsNoScoreCorruption(int leads) {
    // FULL_ASSERT recomputes the score from scratch after every move and undo and compares it with
    // the incremental one: it throws on any corruption (greedy phase, change and pair moves,
    // cloner). The problem has few territory classes so that pair moves are plentiful.
    ProblemIndex index = Indexes.of(denseProblem(leads, 5, 11));
    PlanSolver.Result r =
        PlanSolver.solve(
            index, OPTIONS.withMoveBudget(1_500).withEnvironmentMode(EnvironmentMode.FULL_ASSERT));
    assertThat(r.endedBy()).isEqualTo(PlanSolver.End.MOVE_BUDGET);
    assertThat(r.agreesWith(Assignment.of(index, r.assignment()).score())).isTrue();
  }

  /**
   * Leads of two regions and tiers A–C, a third of them owned, rebalancing on, two reps with tight
   * capacities and one with a new-lead cap: every constraint is active.
   */
  static Problem denseProblem(int leadCount, int repCount, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    List<Rep> reps = new ArrayList<>();
    for (int r = 0; r < repCount; r++) {
      Rep.Builder b = Rep.builder("r" + r).weight(0.5 + r * 0.4);
      if (r % 2 == 1) {
        b.regions("north");
      }
      if (r == 0) {
        b.capacity(leadCount / repCount - 2).heldOutside(1);
      }
      if (r == 1) {
        b.newLeadCap(3).preferredIndustries("tech");
      }
      reps.add(b.build());
    }
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < leadCount; i++) {
      Lead.Builder b =
          Lead.builder("l" + i)
              .region(random.nextBoolean() ? "north" : "south")
              .industry(random.nextBoolean() ? "tech" : "retail")
              .tier(List.of("A", "B", "C").get(random.nextInt(3)))
              .value(random.nextInt(100_000));
      if (random.nextInt(3) == 0) {
        b.currentOwner("r" + random.nextInt(repCount));
      }
      leads.add(b.build());
    }
    return Problem.of(Policy.builder().allowRebalancing(true).build(), reps, leads);
  }

  @Test
  void solve_tinyProblems_matchesTheBruteForceOptimum() {
    qt().withFixedSeed(SEED)
        .withExamples(60)
        .forAll(RandomProblems.problems(1, 3, 1, 6))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              long[] best = bruteForce(index);
              PlanSolver.Result r = PlanSolver.solve(index, OPTIONS);
              assertThat(new long[] {r.hard(), r.medium(), r.soft()})
                  .as("solver assignment %s", Arrays.toString(r.assignment()))
                  .containsExactly(best);
            });
  }

  /** The lexicographically least {hard, medium, soft} over every assignment the pins allow. */
  static long[] bruteForce(ProblemIndex index) {
    List<int[]> choices = new ArrayList<>();
    for (int i = 0; i < index.leadCount(); i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        choices.add(new int[] {index.owner(i)});
      } else {
        int[] e = index.eligible(i);
        int[] c = Arrays.copyOf(e, e.length + 1);
        c[e.length] = -1;
        choices.add(c);
      }
    }
    int[] pos = new int[index.leadCount()];
    int[] a = new int[index.leadCount()];
    long[] best = null;
    while (true) {
      for (int i = 0; i < a.length; i++) {
        a[i] = choices.get(i)[pos[i]];
      }
      Score s = Assignment.of(index, a).score();
      long[] score = {s.hard(), s.medium(), s.soft()};
      if (best == null || Arrays.compare(score, best) < 0) {
        best = score;
      }
      int i = 0;
      while (i < pos.length && ++pos[i] == choices.get(i).length) {
        pos[i] = 0;
        i++;
      }
      if (i == pos.length) {
        return best;
      }
    }
  }
}
