package io.fairlead.examples.bench;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import io.fairlead.examples.SkewedProblems;
import io.fairlead.examples.SyntheticProblems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What measuring an allocation costs: {@link FairnessMetrics#of} of a least-busy allocation, on the
 * generated problems ({@link SyntheticProblems#generate}, {@link SyntheticProblems#book}, a book
 * where every customer has an owner, and {@link SkewedProblems#generate}), with the figures that
 * depend on the fair shares next to the times.
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java -Dspotless.check.skip=true \
 *     -Dexec.mainClass=io.fairlead.examples.bench.MetricsBenchmark
 * </pre>
 *
 * <p>{@code new ms} is the metrics of a problem seen for the first time (a copy of it, so nothing
 * compiled for the allocation is reused: the problem's index, eligibility and fair shares are
 * computed in the time); {@code again ms} the metrics of another assignment of a problem already
 * measured. Each is the median over {@code --runs} runs (default 5), with the fastest in brackets.
 * {@code count dev} and {@code value dev} are the largest gaps between a rep's leads (value, in
 * mean leads) and its fair share; {@code fair sum} the fair shares of leads summed.
 *
 * <p>Options: {@code --sizes LxR,...} (default {@code 10000x200,100000x2000}); {@code --seed N}
 * (default 7); {@code --runs N} (default 5).
 */
public final class MetricsBenchmark {

  private MetricsBenchmark() {}

  public static void main(String[] args) {
    long seed = 7;
    int runs = 5;
    String sizeArg = "10000x200,100000x2000";
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--sizes" -> sizeArg = value;
        case "--seed" -> seed = Long.parseLong(value);
        case "--runs" -> runs = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be >= 1, was " + runs);
    }
    System.out.printf(
        Locale.ROOT,
        "MetricsBenchmark: %d cores, seed %d, %d runs%n%n%-22s %14s %14s %10s %10s %12s%n",
        Runtime.getRuntime().availableProcessors(),
        seed,
        runs,
        "problem",
        "new ms",
        "again ms",
        "count dev",
        "value dev",
        "fair sum");
    for (int[] size : Sizes.parse(sizeArg)) {
      String name = Sizes.name(size[0], size[1]);
      run("synthetic " + name, SyntheticProblems.generate(size[0], size[1], seed), runs);
      run("book " + name, SyntheticProblems.book(size[0], size[1], seed), runs);
      run("skewed " + name, SkewedProblems.generate(size[0], size[1], seed), runs);
    }
  }

  private static void run(String name, Problem problem, int runs) {
    Allocation a = Baselines.leastBusy().allocate(problem);
    Map<LeadId, RepId> assignment = a.assignment();
    double[] fresh = new double[runs];
    double[] again = new double[runs];
    FairnessMetrics m = null;
    for (int k = 0; k < runs; k++) {
      // New lists: the index is cached by the identity of the problem's lists, and List.copyOf of
      // an unmodifiable list is that list.
      Problem copy =
          Problem.of(
              problem.policy(),
              new ArrayList<>(problem.reps()),
              new ArrayList<>(problem.leads()),
              problem.ledger());
      long t = System.nanoTime();
      m = FairnessMetrics.of(copy, assignment);
      fresh[k] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      FairnessMetrics.of(copy, Map.of());
      again[k] = (System.nanoTime() - t) / 1e6;
    }
    double fair = 0;
    for (RepStats s : m.reps()) {
      fair += s.fairLeads();
    }
    System.out.printf(
        Locale.ROOT,
        "%-22s %14s %14s %10.1f %10.1f %12.1f%n",
        name,
        timing(fresh),
        timing(again),
        m.count().maxDeviation(),
        m.value().maxDeviation() / a.meanValue(),
        fair);
  }

  /** "123.4 (101.2)": the median, and the fastest in brackets. */
  private static String timing(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.1f (%.1f)", sorted[sorted.length / 2], sorted[0]);
  }
}
