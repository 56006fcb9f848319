package io.fairlead.examples.bench;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.rebalance.Rebalance;
import io.fairlead.core.rebalance.Rebalancer;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.examples.ConsoleProgress;
import io.fairlead.examples.SkewedProblems;
import io.fairlead.solver.LeadAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Value balance on skewed books ({@link SkewedProblems}): for each size, fairlead's batch (default
 * settings), the router (the leads fed one at a time in input order, {@link
 * LeadRouter#allocator()}), least busy and round robin, on the same problem in the same run, each
 * held against the proven bounds ({@link FairnessBounds}), with a verdict per target.
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java -Dspotless.check.skip=true \
 *     -Dexec.mainClass=io.fairlead.examples.bench.SkewedBenchmark
 * MAVEN_OPTS=-Xmx8g mvn ... -Dexec.args="--sizes 1000000x5000"
 * </pre>
 *
 * <p>A fifth row, {@code router/∞}, is the router without its ledger ({@code ledgerTolerance(+∞)}:
 * every eligible rep competes on the batch's score, none is due first), fed the same way: what the
 * ledger's per-period rotation of new leads costs in count and value balance on these books.
 *
 * <p>Options: {@code --sizes LxR,...} (default {@code 10000x200,100000x2000}); {@code --seed N}
 * (problem and solver seed, default 7); {@code --time S} (the batch's time cap in seconds; default
 * the solver's, scaled to the problem); {@code --budget N} (the batch's move budget; default the
 * solver's scaled one); {@code --once} (solve the batch once; by default it is solved twice, and
 * the run says whether the two allocations are identical); {@code --no-progress} (no progress line:
 * by default the batch's progress goes to standard error, {@link ConsoleProgress}, so that the
 * table on standard output stays clean).
 *
 * <p>The batch's row gives how its search ended ({@code Allocation.search()}) and the peak heap of
 * its solve, sampled every 10 ms. For 100k × 2k the run also checks that the default settings give
 * the same allocation twice and that a solve takes at most 60 s of wall time; for 1M × 5k, that the
 * solve stays within 8 GiB of heap.
 *
 * <p>Columns, each an allocation's figure over its bound: {@code count} the count term {@code Σ n²
 * / w} over its exact optimum; {@code top-tier} the top-tier term over its bound; {@code value-max}
 * the largest weighted value {@code max V / w} over its lower bound. Targets: count ≤ 1.01×,
 * top-tier ≤ 1.02×, value-max ≤ 1.05× for the batch and ≤ 1.15× for the router, no hard violation.
 */
public final class SkewedBenchmark {

  private SkewedBenchmark() {}

  public static void main(String[] args) {
    long seed = 7;
    long budget = 0;
    Duration time = null; // the solver's default: scaled to the problem
    String sizeArg = "10000x200,100000x2000";
    boolean twice = true;
    boolean progress = true;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      if (args[i].equals("--once") || args[i].equals("--no-progress")) {
        twice &= !args[i].equals("--once");
        progress &= !args[i].equals("--no-progress");
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
        "SkewedBenchmark: %d cores, seed %d, budget %s, time cap %s%n",
        Runtime.getRuntime().availableProcessors(),
        seed,
        budget == 0 ? "scaled" : Long.toString(budget),
        time == null ? "scaled" : time.toSeconds() + " s");
    for (int[] size : sizes) {
      run(size[0], size[1], seed, budget, time, twice, progress);
    }
  }

  private static void run(
      int leads, int reps, long seed, long budget, Duration time, boolean twice, boolean progress) {
    long t = System.nanoTime();
    Problem problem = SkewedProblems.generate(leads, reps, seed);
    long genMs = Sizes.ms(t);
    t = System.nanoTime();
    FairnessBounds bounds = FairnessBounds.of(problem);
    long boundsMs = Sizes.ms(t);
    String name = Sizes.name(leads, reps);
    System.out.printf(
        Locale.ROOT,
        "%n== skewed %s (generated in %d ms; bounds in %d ms: count optimum %.1f, value max >= %.3f,"
            + " top tier >= %.1f)%n",
        name,
        genMs,
        boundsMs,
        bounds.countOptimum(),
        bounds.valueMaxLowerBound(),
        bounds.topTierOptimum());
    System.out.printf(
        Locale.ROOT,
        "%-12s %9s %9s %10s %6s %6s %9s %8s  %s%n",
        "method",
        "count",
        "top-tier",
        "value-max",
        "hard",
        "unas",
        "wall ms",
        "heap",
        "search");
    LeadAllocator.Builder b = LeadAllocator.builder().policy(problem.policy()).seed(seed);
    if (time != null) {
      b.timeLimit(time);
    }
    if (budget > 0) {
      b.moveBudget(budget);
    }
    if (progress) {
      b.progress(ConsoleProgress.INTERVAL, ConsoleProgress.toStandardError());
    }
    Allocator batch = b.build();
    Row fairlead = measure("fairlead", batch, problem, bounds);
    Row again = twice ? measure("fairlead", batch, problem, bounds) : null;
    Row router = measure("router", LeadRouter.allocator(), problem, bounds);
    HandOff handOff = new HandOff(0.02);
    Row rebalanced = measure(handOff.name(), handOff, problem, bounds);
    measure("router/∞", LeadRouter.allocator(Double.POSITIVE_INFINITY), problem, bounds);
    measure("least-busy", Baselines.leastBusy(), problem, bounds);
    measure("round-robin", Baselines.roundRobin(), problem, bounds);
    verdict(name, "fairlead", fairlead, 1.01, 1.02, 1.05);
    verdict(name, "router", router, Double.NaN, Double.NaN, 1.15);
    verdict(name, handOff.name(), rebalanced, Double.NaN, Double.NaN, 1.15);
    System.out.printf(
        Locale.ROOT,
        "   %s: %,d moves of the %,d routed leads (the owned book stays)%n",
        handOff.name(),
        handOff.moves,
        handOff.movable);
    if (again != null) {
      boolean same = again.allocation().assignment().equals(fairlead.allocation().assignment());
      boolean reproducible =
          fairlead.allocation().search().reproducible()
              && again.allocation().search().reproducible();
      boolean fast = Math.max(fairlead.wallMs(), again.wallMs()) <= 60_000;
      boolean checked = name.equals("100k x 2k");
      System.out.printf(
          Locale.ROOT,
          "   %s %s fairlead twice: %s (%d leads), both ended by %s / %s, walls %.1f s and %.1f s"
              + "%s%n",
          checked ? "VERDICT" : "  (info)",
          name,
          same ? "identical allocations" : "DIFFERENT allocations",
          problem.leads().size(),
          fairlead.allocation().search().ending(),
          again.allocation().search().ending(),
          fairlead.wallMs() / 1000.0,
          again.wallMs() / 1000.0,
          checked
              ? String.format(
                  Locale.ROOT,
                  ": %s (same output: %s; reproducible ending: %s; <= 60 s: %s)",
                  same && reproducible && fast ? "PASS" : "FAIL",
                  ok(same),
                  ok(reproducible),
                  ok(fast))
              : "");
    }
    if (name.equals("1M x 5k")) {
      boolean ok = fairlead.peakHeap() <= 8 * GIB;
      System.out.printf(
          Locale.ROOT,
          "   VERDICT %s fairlead: %s (peak heap %.2f GiB, target: within 8 GiB)%n",
          name,
          ok ? "PASS" : "FAIL",
          (double) fairlead.peakHeap() / GIB);
    }
  }

  private static final long GIB = 1L << 30;

  /**
   * The router, then a hand-off to the rebalancer: the day's leads routed one at a time ({@link
   * LeadRouter#allocator()}), then the book rebalanced once, as a nightly run would, within a move
   * budget of a share of the routed leads ({@code Rebalancer.maxMovesShare}). Only leads the router
   * placed may move, top-tier ones included (no relationship has formed yet): the customers owned
   * before keep their owners.
   */
  private static final class HandOff implements Allocator {
    private final double share;
    int moves;
    int movable;

    HandOff(double share) {
      this.share = share;
    }

    @Override
    public String name() {
      return String.format(Locale.ROOT, "router+%.0f%%", 100 * share);
    }

    @Override
    public Allocation allocate(Problem problem) {
      long start = System.nanoTime();
      Map<LeadId, RepId> routed = LeadRouter.allocator().allocate(problem).assignment();
      Set<LeadId> ownedBefore = new HashSet<>();
      List<Lead> book = new ArrayList<>(problem.leads().size());
      for (Lead l : problem.leads()) {
        if (l.currentOwner().isPresent()) {
          ownedBefore.add(l.id());
        }
        RepId r = routed.get(l.id());
        book.add(r == null ? l : l.toBuilder().currentOwner(r.value()).build());
      }
      Problem day = Problem.of(problem.policy(), problem.reps(), book, problem.ledger());
      Rebalance r =
          Rebalancer.builder()
              .maxMovesShare(share)
              .mustNotMove(l -> ownedBefore.contains(l.id()))
              .moveTopTier(true) // the day's leads: no relationship to keep yet
              .build()
              .rebalance(day);
      moves = r.moves().size();
      movable = r.movable();
      return Allocation.of(
          problem, r.after().assignment(), name(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** One allocation's figures over the bounds, with its wall time and peak heap. */
  private record Row(
      Allocation allocation,
      double count,
      double topTier,
      double valueMax,
      long hard,
      long unassigned,
      long wallMs,
      long peakHeap) {}

  private static Row measure(
      String method, Allocator allocator, Problem problem, FairnessBounds bounds) {
    System.gc();
    HeapSampler heap = HeapSampler.start();
    long t = System.nanoTime();
    Allocation a = allocator.allocate(problem);
    long wallMs = Sizes.ms(t);
    long peak = heap.stop();
    BoundGaps g = bounds.gaps(a.assignment());
    Row row =
        new Row(
            a,
            1 + g.countGap(),
            1 + g.topTierGap(),
            1 + g.valueMaxGap(),
            a.score().hard(),
            a.unassigned().size(),
            wallMs,
            peak);
    SearchReport s = a.search();
    System.out.printf(
        Locale.ROOT,
        "%-12s %8.4fx %8.4fx %9.4fx %6d %6d %9d %7.2fG  %s%n",
        method,
        row.count(),
        row.topTier(),
        row.valueMax(),
        row.hard(),
        row.unassigned(),
        wallMs,
        (double) peak / GIB,
        s.ending() == SearchReport.Ending.ONE_PASS
            ? "one pass"
            : String.format(
                Locale.ROOT,
                "%s, %,d of %,d moves%s",
                s.ending(),
                s.moves(),
                s.moveBudget(),
                s.reproducible() ? "" : " (NOT reproducible)"));
    return row;
  }

  private static void verdict(
      String name, String method, Row row, double count, double topTier, double valueMax) {
    List<String> parts = new ArrayList<>();
    boolean pass = true;
    if (!Double.isNaN(count)) {
      boolean ok = row.count() <= count;
      pass &= ok;
      parts.add(String.format(Locale.ROOT, "count %.4fx <= %.2fx: %s", row.count(), count, ok(ok)));
    }
    if (!Double.isNaN(topTier)) {
      boolean ok = row.topTier() <= topTier;
      pass &= ok;
      parts.add(
          String.format(
              Locale.ROOT, "top-tier %.4fx <= %.2fx: %s", row.topTier(), topTier, ok(ok)));
    }
    boolean value = row.valueMax() <= valueMax;
    boolean hard = row.hard() == 0;
    pass &= value && hard;
    parts.add(
        String.format(
            Locale.ROOT, "value-max %.4fx <= %.2fx: %s", row.valueMax(), valueMax, ok(value)));
    parts.add(String.format(Locale.ROOT, "hard %d: %s", row.hard(), ok(hard)));
    System.out.printf(
        Locale.ROOT,
        "   VERDICT %s %s: %s (%s)%n",
        name,
        method,
        pass ? "PASS" : "FAIL",
        String.join("; ", parts));
  }

  private static String ok(boolean ok) {
    return ok ? "ok" : "MISSED";
  }
}
