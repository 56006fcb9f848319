package io.fairlead.core.bound;

import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Prints how long each bound takes on synthetic problems of 10k × 200, 100k × 2k and 1M × 5k (leads
 * × reps): regions × industries eligibility, junior reps without top-tier leads, tiers A/B/C at
 * 15/35/50 %, capacities 1.4 × the mean load, some new-lead caps, weights 0.8 to 1.5, 30 % of leads
 * owned. Each size runs with the default policy (owned leads kept) and with rebalancing (owned
 * leads free, so owners split classes). {@code -Dbound.distinctWeights=true} gives every rep its
 * own weight in [0.5, 2] (no ties between reps: the deepest recursion).
 *
 * <p>Not a test (timings do not belong in tests). Run after {@code mvn -pl core test-compile}:
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$(cat cp.txt) \
 *     io.fairlead.core.bound.BoundScaleCheck [leads reps]...
 * </pre>
 */
public final class BoundScaleCheck {

  private BoundScaleCheck() {}

  public static void main(String[] args) {
    int[][] sizes = {{10_000, 200}, {100_000, 2_000}, {1_000_000, 5_000}};
    if (args.length >= 2) {
      sizes = new int[args.length / 2][];
      for (int k = 0; k < sizes.length; k++) {
        sizes[k] = new int[] {Integer.parseInt(args[2 * k]), Integer.parseInt(args[2 * k + 1])};
      }
    }
    System.out.printf(
        "max heap %d MB, %d cpus%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    for (int[] size : sizes) {
      for (boolean rebalancing : new boolean[] {false, true}) {
        run(size[0], size[1], rebalancing);
      }
    }
  }

  private static void run(int leads, int reps, boolean rebalancing) {
    long t0 = System.nanoTime();
    Problem problem = synthetic(leads, reps, rebalancing, 42);
    long t1 = System.nanoTime();
    ProblemIndex index =
        new ProblemIndex(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
    long t2 = System.nanoTime();
    long baseline = usedAfterGc();
    System.out.printf(
        "%n%,d leads x %,d reps, rebalancing %s: problem %d ms, index %d ms, heap %d MB%n",
        leads, reps, rebalancing, ms(t1 - t0), ms(t2 - t1), baseline >> 20);
    for (int round = 1; round <= 3; round++) {
      resetPeaks();
      long a = System.nanoTime();
      CountFlow count = BoundCalculator.count(index, true);
      long b = System.nanoTime();
      BoundCalculator.ValueBounds value = BoundCalculator.value(index, count, true);
      long c = System.nanoTime();
      CountFlow top = BoundCalculator.topTier(index, count, true);
      long d = System.nanoTime();
      boolean improvable = CountFlow.hasImprovingPath(index, count.assignment());
      long e = System.nanoTime();
      long peak = peakHeap();
      System.out.printf(
          "  run %d: count %d ms (%,d classes, %,d eligible arrays, placed %,d, opt %.6g) | value %d ms"
              + " (max >= %.4f, term >= %.6g) | top tier %d ms (%,d classes, opt %.6g) |"
              + " certificate %d ms (%s) | total %d ms | peak heap %d MB (+%d MB over the problem)%n",
          round,
          ms(b - a),
          count.classCount(),
          count.poolCount(),
          count.maxPlaceable(),
          count.optimum(),
          ms(c - b),
          value.maxLowerBound(),
          value.termLowerBound(),
          ms(d - c),
          top.classCount(),
          top.optimum(),
          ms(e - d),
          improvable ? "IMPROVABLE" : "optimal",
          ms(d - a),
          peak >> 20,
          (peak - baseline) >> 20);
    }
  }

  /** A synthetic team; leads share strings, tiers and owner optionals to stay compact. */
  static Problem synthetic(int leadCount, int repCount, boolean rebalancing, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int regions = Math.max(4, repCount / 25);
    int industries = 12;
    String[] region = new String[regions];
    for (int g = 0; g < regions; g++) {
      region[g] = "region-" + g;
    }
    String[] industry = new String[industries];
    for (int k = 0; k < industries; k++) {
      industry[k] = "industry-" + k;
    }
    int meanLoad = (leadCount + repCount - 1) / repCount;
    int capacity = (int) Math.ceil(1.4 * leadCount / repCount);
    double[] weights = {0.8, 1.0, 1.0, 1.2, 1.5};
    List<Rep> reps = new ArrayList<>(repCount);
    // Reps covering each (region, industry), to pick owners among eligible reps.
    List<List<Integer>> covering = new ArrayList<>();
    for (int k = 0; k < regions * industries; k++) {
      covering.add(new ArrayList<>());
    }
    for (int r = 0; r < repCount; r++) {
      int g = r % regions;
      Set<String> rs =
          rnd.nextInt(10) == 0 ? Set.of(region[g], region[(g + 1) % regions]) : Set.of(region[g]);
      Set<String> is = new java.util.HashSet<>();
      while (is.size() < 4) {
        is.add(industry[rnd.nextInt(industries)]);
      }
      boolean junior = rnd.nextInt(10) < 3;
      Set<Tier> tiers = junior ? Set.of(Tier.of("B"), Tier.of("C")) : Set.of();
      int newCap = rnd.nextInt(100) < 15 ? (int) Math.ceil(0.5 * meanLoad) : Rep.UNLIMITED;
      Rep rep =
          new Rep(
              RepId.of("r" + r),
              rs,
              is,
              tiers,
              Role.BOTH,
              SizeRange.ANY,
              capacity,
              0,
              newCap,
              true,
              weight(rnd, weights),
              1,
              Set.of());
      reps.add(rep);
      for (String rg : rs) {
        int gi = Integer.parseInt(rg.substring(7));
        for (String in : is) {
          int ii = Integer.parseInt(in.substring(9));
          covering.get(gi * industries + ii).add(r);
        }
      }
    }
    List<Optional<RepId>> owners = new ArrayList<>(repCount);
    for (Rep r : reps) {
      owners.add(Optional.of(r.id()));
    }
    List<Optional<Tier>> tiers =
        List.of(Optional.of(Tier.of("A")), Optional.of(Tier.of("B")), Optional.of(Tier.of("C")));
    List<Lead> leads = new ArrayList<>(leadCount);
    for (int i = 0; i < leadCount; i++) {
      int g = rnd.nextInt(regions);
      int k = rnd.nextInt(industries);
      int t = rnd.nextInt(100);
      int tier = t < 15 ? 0 : t < 50 ? 1 : 2;
      double value = Math.round(Math.exp(9 + 1.2 * rnd.nextDouble() + (tier == 0 ? 1.5 : 0)));
      Optional<RepId> owner = Optional.empty();
      if (rnd.nextInt(100) < 30) {
        List<Integer> c = covering.get(g * industries + k);
        owner =
            c.isEmpty()
                ? owners.get(rnd.nextInt(repCount))
                : owners.get(c.get(rnd.nextInt(c.size())));
      }
      leads.add(
          new Lead(
              LeadId.of("c" + i),
              java.util.Optional.of(region[g]),
              java.util.Optional.of(industry[k]),
              50,
              value,
              OptionalDouble.empty(),
              tiers.get(tier),
              owner.isPresent() ? LeadKind.EXISTING_CUSTOMER : LeadKind.NEW_BUSINESS,
              owner,
              false,
              Map.of()));
    }
    Policy policy = Policy.builder().allowRebalancing(rebalancing).build();
    return new Problem(policy, reps, leads);
  }

  /** A weight from the list, or any in [0.5, 2] with {@code -Dbound.distinctWeights=true}. */
  private static double weight(SplittableRandom rnd, double[] weights) {
    if (Boolean.getBoolean("bound.distinctWeights")) {
      return 0.5 + 1.5 * rnd.nextDouble();
    }
    return weights[rnd.nextInt(weights.length)];
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static long usedAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the last reset (an upper estimate of the live peak). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
