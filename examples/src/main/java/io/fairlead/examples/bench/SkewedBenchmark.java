package io.fairlead.examples.bench;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.examples.SkewedProblems;
import io.fairlead.solver.LeadAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Value balance on skewed books ({@link SkewedProblems}): for each size, fairlead's batch (default
 * settings), the router (the leads fed one at a time in input order, {@link
 * LeadRouter#allocator()}), least busy and round robin, on the same problem in the same run, each
 * held against the proven bounds ({@link FairnessBounds}), with a verdict per target.
 *
 * <pre>
 * mvn -q -B -pl examples -am compile exec:java -Dspotless.check.skip=true \
 *     -Dexec.mainClass=io.fairlead.examples.bench.SkewedBenchmark
 * MAVEN_OPTS=-Xmx8g mvn ... -Dexec.args="--sizes 1000000x5000"
 * </pre>
 *
 * <p>A fifth row, {@code router/∞}, is the router without its ledger ({@code ledgerTolerance(+∞)}:
 * every eligible rep competes on the batch's score, none is due first), fed the same way: what the
 * ledger's per-period rotation of new leads costs in count and value balance on these books.
 *
 * <p>Options: {@code --sizes LxR,...} (default {@code 10000x200,100000x2000}); {@code --seed N}
 * (problem and solver seed, default 7); {@code --time S} (the batch's time cap in seconds, default
 * 60); {@code --budget N} (the batch's move budget; default the solver's scaled one).
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
    Duration time = Duration.ofSeconds(60);
    String sizeArg = "10000x200,100000x2000";
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--sizes" -> sizeArg = value;
        case "--budget" -> budget = Long.parseLong(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--time" -> time = Duration.ofSeconds(Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<int[]> sizes = new ArrayList<>();
    for (String s : sizeArg.split(",")) {
      String[] lr = s.toLowerCase(Locale.ROOT).split("x");
      sizes.add(new int[] {Integer.parseInt(lr[0]), Integer.parseInt(lr[1])});
    }
    System.out.printf(
        Locale.ROOT,
        "SkewedBenchmark: %d cores, seed %d, budget %s, time cap %d s%n",
        Runtime.getRuntime().availableProcessors(),
        seed,
        budget == 0 ? "scaled" : Long.toString(budget),
        time.toSeconds());
    for (int[] size : sizes) {
      run(size[0], size[1], seed, budget, time);
    }
  }

  private static void run(int leads, int reps, long seed, long budget, Duration time) {
    long t = System.nanoTime();
    Problem problem = SkewedProblems.generate(leads, reps, seed);
    long genMs = ms(t);
    t = System.nanoTime();
    FairnessBounds bounds = FairnessBounds.of(problem);
    long boundsMs = ms(t);
    String name = label(leads) + " x " + label(reps);
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
        "%-12s %9s %9s %10s %6s %6s %9s %10s%n",
        "method",
        "count",
        "top-tier",
        "value-max",
        "hard",
        "unas",
        "wall ms",
        "moves");
    long[] moves = {-1};
    LeadAllocator.Builder b =
        LeadAllocator.builder()
            .policy(problem.policy())
            .seed(seed)
            .timeLimit(time)
            .progress(Duration.ofMillis(200), p -> moves[0] = p.moves());
    if (budget > 0) {
      b.moveBudget(budget);
    }
    Allocator batch = b.build();
    Row fairlead = measure("fairlead", batch, problem, bounds, moves);
    Row router = measure("router", LeadRouter.allocator(), problem, bounds, null);
    measure("router/∞", new GreedyRouter(), problem, bounds, null);
    measure("least-busy", Baselines.leastBusy(), problem, bounds, null);
    measure("round-robin", Baselines.roundRobin(), problem, bounds, null);
    verdict(name, "fairlead", fairlead, 1.01, 1.02, 1.05);
    verdict(name, "router", router, Double.NaN, Double.NaN, 1.15);
  }

  /**
   * The router without its ledger ({@code ledgerTolerance(+∞)}: every eligible rep with room
   * competes on the batch's score), fed as {@link LeadRouter#allocator()} feeds it: the owned leads
   * first, then the others, each in input order, the mean value that of the problem's leads.
   */
  private static final class GreedyRouter implements Allocator {
    @Override
    public String name() {
      return "router/∞";
    }

    @Override
    public Allocation allocate(Problem problem) {
      long start = System.nanoTime();
      double total = 0;
      for (Lead l : problem.leads()) {
        total += problem.policy().valueOf(l);
      }
      LeadRouter.Builder b =
          LeadRouter.builder(problem.policy())
              .roster(problem.reps())
              .ledger(problem.ledger())
              .ledgerTolerance(Double.POSITIVE_INFINITY);
      if (total > 0) {
        b.meanValue(Math.min(Lead.MAX_VALUE, total / problem.leads().size()));
      }
      LeadRouter router = b.build();
      Map<LeadId, RepId> assignment = new HashMap<>();
      List<Lead> order = new ArrayList<>(problem.leads().size());
      problem.leads().stream().filter(l -> l.currentOwner().isPresent()).forEach(order::add);
      problem.leads().stream().filter(l -> l.currentOwner().isEmpty()).forEach(order::add);
      for (Lead l : order) {
        router.route(l).rep().ifPresent(r -> assignment.put(l.id(), r));
      }
      return Allocation.of(
          problem, assignment, name(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** One allocation's figures over the bounds. */
  private record Row(double count, double topTier, double valueMax, long hard, long unassigned) {}

  private static Row measure(
      String method, Allocator allocator, Problem problem, FairnessBounds bounds, long[] moves) {
    System.gc();
    long t = System.nanoTime();
    Allocation a = allocator.allocate(problem);
    long wallMs = ms(t);
    BoundGaps g = bounds.gaps(a.assignment());
    Row row =
        new Row(
            1 + g.countGap(),
            1 + g.topTierGap(),
            1 + g.valueMaxGap(),
            a.score().hard(),
            a.unassigned().size());
    System.out.printf(
        Locale.ROOT,
        "%-12s %8.4fx %8.4fx %9.4fx %6d %6d %9d %10s%n",
        method,
        row.count(),
        row.topTier(),
        row.valueMax(),
        row.hard(),
        row.unassigned(),
        wallMs,
        moves == null ? "-" : Long.toString(moves[0]));
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

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String label(int n) {
    if (n >= 1_000_000 && n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    if (n >= 1_000 && n % 1_000 == 0) {
      return n / 1_000 + "k";
    }
    return Integer.toString(n);
  }
}
