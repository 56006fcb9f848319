package io.fairlead.examples.bench;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.SolveProgress;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.problem.Problem;
import io.fairlead.examples.ConsoleProgress;
import io.fairlead.examples.SyntheticProblems;
import io.fairlead.solver.LeadAllocator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batch allocation at scale: for each synthetic problem size, the optimiser's solve time, time to
 * the first feasible plan (construction done), time until its count imbalance is within 1 % of the
 * proven count optimum, its gaps to {@link FairnessBounds}, hard violations and peak heap, next to
 * the same figures for least busy and round robin, with a verdict per target.
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.fairlead.examples.bench.BatchBenchmark \
 *     -Dexec.args="--sizes 10000x200,100000x2000"
 * MAVEN_OPTS=-Xmx8g mvn ... -Dexec.args="--sizes 1000000x5000"
 * </pre>
 *
 * <p>Options: {@code --sizes LxR,...} (default {@code 10000x200,100000x2000}); {@code --budget N}
 * (moves; default: the solver's scaled budget); {@code --time S} (the solver's time cap in seconds,
 * default the solver's, scaled to the problem); {@code --seed N} (problem and solver seed, default
 * 7); {@code --no-progress} (no progress line: by default the solver's progress goes to standard
 * error, {@link ConsoleProgress}, so that the report on standard output stays a clean table).
 *
 * <p>Targets: 10k × 200 within 5 s and 100k × 2k within 30 s (wall clock from compiling the
 * problem) to a count imbalance within 1 % of the optimum, with a final max weighted value within 5
 * % of its lower bound and no hard violation; 1M × 5k completes within 8 GiB of heap. The time to 1
 * % is sampled on new best solutions at most every 20 ms ({@code SolveProgress.countGap()}), so it
 * is exact to about 20 ms.
 */
public final class BatchBenchmark {

  private static final long GIB = 1L << 30;

  private BatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    long budget = 0;
    long seed = 7;
    Duration time = null; // the solver's default: scaled to the problem
    String sizeArg = "10000x200,100000x2000";
    boolean progress = true;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      if (args[i].equals("--no-progress")) {
        progress = false;
        i--;
        continue;
      }
      switch (args[i]) {
        case "--sizes" -> sizeArg = value;
        case "--budget" -> budget = Long.parseLong(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--time" -> time = Duration.ofSeconds(Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<int[]> sizes = Sizes.parse(sizeArg);
    System.out.printf(
        Locale.ROOT,
        "BatchBenchmark: %d cores, max heap %.1f GiB, seed %d, budget %s, time cap %s%n",
        Runtime.getRuntime().availableProcessors(),
        (double) Runtime.getRuntime().maxMemory() / GIB,
        seed,
        budget == 0 ? "scaled" : Long.toString(budget),
        time == null ? "scaled" : time.toSeconds() + " s");
    for (int[] size : sizes) {
      run(size[0], size[1], seed, budget, time, progress);
    }
  }

  private static void run(
      int leads, int reps, long seed, long budget, Duration time, boolean progress) {
    String name = Sizes.name(leads, reps);
    long t = System.nanoTime();
    Problem problem = SyntheticProblems.generate(leads, reps, seed);
    long genMs = Sizes.ms(t);
    t = System.nanoTime();
    FairnessBounds bounds = FairnessBounds.of(problem);
    long boundsMs = Sizes.ms(t);
    System.out.printf(
        Locale.ROOT,
        "%n== %s (generated in %d ms; bounds in %d ms: count optimum %.1f, value max >= %.3f,"
            + " max placeable %d)%n",
        name,
        genMs,
        boundsMs,
        bounds.countOptimum(),
        bounds.valueMaxLowerBound(),
        bounds.maxPlaceable());
    System.out.printf(
        Locale.ROOT,
        "%-22s %9s %9s %9s %8s %9s %9s %7s %6s %9s%n",
        "method",
        "solve ms",
        "1st feas",
        "count1%",
        "countGap",
        "valMaxGap",
        "topTierGap",
        "hard",
        "unas",
        "peakHeap");
    solverRun(name, problem, bounds, seed, budget, time, progress);
    baseline("least-busy", problem, bounds, () -> Baselines.leastBusy().allocate(problem));
    baseline("round-robin", problem, bounds, () -> Baselines.roundRobin().allocate(problem));
  }

  private static void solverRun(
      String name,
      Problem problem,
      FairnessBounds bounds,
      long seed,
      long budget,
      Duration time,
      boolean progress) {
    System.gc();
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    ConsoleProgress console = progress ? ConsoleProgress.toStandardError() : null;
    AtomicLong firstBest = new AtomicLong(-1);
    AtomicLong withinOnePercent = new AtomicLong(-1);
    long[] moves = new long[1];
    LeadAllocator.Builder b =
        LeadAllocator.builder()
            .policy(problem.policy())
            .seed(seed)
            .progress(
                Duration.ofMillis(20),
                p -> {
                  long now = System.nanoTime() - t0;
                  firstBest.compareAndSet(-1, now);
                  moves[0] = p.moves();
                  if (console != null) {
                    console.onProgress(p); // writes at its own pace, not every 20 ms
                  }
                  if (withinOnePercent.get() < 0
                      && p.phase() != SolveProgress.Phase.DONE
                      && p.countGap() <= 0.01) {
                    withinOnePercent.compareAndSet(-1, now);
                  }
                });
    if (budget > 0) {
      b.moveBudget(budget);
    }
    if (time != null) {
      b.timeLimit(time);
    }
    Allocation allocation = b.build().allocate(problem);
    long wallMs = Sizes.ms(t0);
    long peak = heap.stop();
    BoundGaps gaps = bounds.gaps(allocation.assignment());
    String method = allocation.method();
    print(method, wallMs, firstBest.get(), withinOnePercent.get(), gaps, allocation, peak);
    System.out.printf(
        Locale.ROOT,
        "   %s: %d moves (%d/s), score %s%n",
        method,
        moves[0],
        wallMs == 0 ? 0 : moves[0] * 1000 / wallMs,
        allocation.score());
    verdict(name, wallMs, withinOnePercent.get(), gaps, allocation, peak);
  }

  private static void verdict(
      String name, long wallMs, long onePercentNanos, BoundGaps gaps, Allocation a, long peak) {
    long limitMs;
    if (name.equals("10k x 200")) {
      limitMs = 5_000;
    } else if (name.equals("100k x 2k")) {
      limitMs = 30_000;
    } else if (name.equals("1M x 5k")) {
      System.out.printf(
          Locale.ROOT,
          "   VERDICT %s: %s (completed in %.1f s, peak heap %.2f GiB, target: within 8 GiB)%n",
          name,
          peak <= 8 * GIB ? "PASS" : "FAIL",
          wallMs / 1000.0,
          (double) peak / GIB);
      return;
    } else {
      return;
    }
    boolean time = onePercentNanos >= 0 && onePercentNanos / 1_000_000 <= limitMs;
    boolean value = gaps.valueMaxGap() <= 0.05;
    boolean hard = a.score().hard() == 0;
    System.out.printf(
        Locale.ROOT,
        "   VERDICT %s: %s (count within 1%% at %s, target <= %d s: %s; value max gap %.2f %%,"
            + " target <= 5 %%: %s; hard %d: %s)%n",
        name,
        time && value && hard ? "PASS" : "FAIL",
        onePercentNanos < 0 ? "never" : String.format(Locale.ROOT, "%.2f s", onePercentNanos / 1e9),
        limitMs / 1000,
        time ? "ok" : "MISSED",
        100 * gaps.valueMaxGap(),
        value ? "ok" : "MISSED",
        a.score().hard(),
        hard ? "ok" : "MISSED");
  }

  private interface AllocationSupplier {
    Allocation get();
  }

  private static void baseline(
      String method, Problem problem, FairnessBounds bounds, AllocationSupplier run) {
    System.gc();
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    Allocation allocation = run.get();
    long wallMs = Sizes.ms(t0);
    long peak = heap.stop();
    BoundGaps gaps = bounds.gaps(allocation.assignment());
    boolean count = gaps.countGap() <= 0.01;
    long nanos = wallMs * 1_000_000;
    print(method, wallMs, nanos, count ? nanos : -1, gaps, allocation, peak);
  }

  private static void print(
      String method,
      long wallMs,
      long firstNanos,
      long onePercentNanos,
      BoundGaps gaps,
      Allocation allocation,
      long peak) {
    System.out.printf(
        Locale.ROOT,
        "%-22s %9d %9s %9s %7.3f%% %8.2f%% %9.2f%% %7d %6d %7.2fG%n",
        method,
        wallMs,
        firstNanos < 0 ? "-" : Long.toString(firstNanos / 1_000_000),
        onePercentNanos < 0 ? "never" : Long.toString(onePercentNanos / 1_000_000),
        100 * gaps.countGap(),
        100 * gaps.valueMaxGap(),
        100 * gaps.topTierGap(),
        allocation.score().hard(),
        allocation.score().medium(),
        (double) peak / GIB);
  }
}
