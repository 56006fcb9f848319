package io.fairlead.solver;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.Spread;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.internal.PlanSolver;
import io.fairlead.solver.internal.SolveOptions;
import java.util.List;

/**
 * Not a test: measures the solver on a synthetic book (default 10k leads × 200 reps, see {@link
 * SyntheticBook}) next to the least-busy and round-robin baselines, and prints solve time, moves
 * per second, scores and fairness metrics. Run from {@code solver/}:
 *
 * <pre>
 * mvn -q -B test-compile
 * mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.fairlead.solver.SolverScaleCheck [leads reps [budget]]
 * </pre>
 */
final class SolverScaleCheck {

  private SolverScaleCheck() {}

  public static void main(String[] args) {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long budget = args.length > 2 ? Long.parseLong(args[2]) : 0;
    long t0 = System.nanoTime();
    Problem problem =
        SyntheticBook.generate(leads, reps, Policy.builder().allowRebalancing(true).build(), 1);
    System.out.printf(
        "%d leads x %d reps, generated in %d ms%n",
        leads, reps, (System.nanoTime() - t0) / 1_000_000);

    for (Allocator baseline : List.of(Baselines.leastBusy(), Baselines.roundRobin())) {
      print(baseline.allocate(problem), "");
    }

    LeadAllocator.Builder builder = LeadAllocator.builder();
    if (budget > 0) {
      builder.moveBudget(budget);
    }
    LeadAllocator allocator = builder.build();
    long start = System.nanoTime();
    Allocation a = allocator.allocate(problem);
    long wall = (System.nanoTime() - start) / 1_000_000;
    // The facade does not expose move counts; solve once more internally for them (same seed, so
    // the same moves) only to report moves/s.
    PlanSolver.Result r =
        PlanSolver.solve(
            new ProblemIndex(problem.policy(), problem.reps(), problem.leads(), problem.ledger()),
            budget > 0 ? SolveOptions.DEFAULTS.withMoveBudget(budget) : SolveOptions.DEFAULTS);
    print(
        a,
        String.format(
            " first solve %d ms wall (cold JVM); second solve %d ms: %d moves, %d moves/s, ended by %s",
            wall, r.elapsed().toMillis(), r.moves(), r.movesPerSecond(), r.endedBy()));
  }

  private static void print(Allocation a, String extra) {
    FairnessMetrics m = a.metrics();
    System.out.printf(
        "%-12s %6d ms  score %s  unassigned %d  violations %d%s%n",
        a.method(),
        a.elapsed().toMillis(),
        a.score(),
        m.unassigned(),
        m.violations().size(),
        extra);
    System.out.printf("    %s%n", a.score().byConstraint());
    System.out.println("    count  " + spread(m.count()));
    System.out.println("    value  " + spread(m.value()));
    m.tiers().forEach((tier, s) -> System.out.println("    tier " + tier + " " + spread(s)));
  }

  private static String spread(Spread s) {
    return String.format(
        "weighted min %.1f max %.1f  max/min %.2f  gini %.3f  jain %.3f  cv %.3f  maxDev %.1f",
        s.min(), s.max(), s.maxMinRatio(), s.gini(), s.jain(), s.cv(), s.maxDeviation());
  }
}
