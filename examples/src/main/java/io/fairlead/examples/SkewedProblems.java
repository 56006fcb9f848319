package io.fairlead.examples;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates skewed problems: regions of very unequal size, long-tailed lead values and territories
 * of unequal load, the books on which value balance is hardest. Same size and seed, same problem
 * (on any JVM: only {@link Random} with a fixed seed is used).
 *
 * <pre>{@code
 * Problem p = SkewedProblems.generate(10_000, 200, 7);
 * }</pre>
 *
 * <p>What a generated problem looks like:
 *
 * <ul>
 *   <li><b>Regions</b>: {@code reps / 6} of them, between 8 and 40 (never more than half the reps,
 *       at least 1). Region {@code k} (from 1) draws a lead with probability proportional to {@code
 *       1 / k} (Zipf, s = 1): at 25 regions the largest holds about 26 % of the leads, the smallest
 *       about 1 %.
 *   <li><b>Reps</b>: the first rep of each region is a generalist (that region only, every industry
 *       and tier), so every lead has someone eligible. Every other rep gets a home region with
 *       probability proportional to {@code (1 / k)^0.7}: more reps where there are more leads, but
 *       fewer than in proportion, so reps of the large regions carry more leads than those of the
 *       small ones. 30 % also cover a second region and 10 % of those a third, drawn the same way.
 *   <li><b>Industries</b>: 6. A fifth of the non-generalist reps take only 3 of them.
 *   <li><b>Tiers</b>: A 10 %, B 30 %, C 60 %, given on each lead. 15 % of non-generalist reps are
 *       juniors who may not take A-tier leads.
 *   <li><b>Values</b>: lognormal with a long tail, median 50k for A, 15k for B, 5k for C, σ = 1.4
 *       (one lead in a thousand is worth about 75 times its tier's median).
 *   <li><b>Weights</b>: uniform in {@code [0.8, 1.5]}, rounded to 0.01; <b>capacity</b> {@code
 *       ceil(1.6 × L × weight)} where {@code L} is the larger of the mean load (leads / reps) and
 *       the leads per rep of the rep's home region.
 *   <li><b>Owners</b>: 30 % of leads already have an owner who passes every rule for them and still
 *       has room, uniformly among those (under the default policy they stay with that owner). No
 *       lead is locked and no rep is on leave; every lead is new business.
 * </ul>
 *
 * @see SyntheticProblems the evenly spread problems
 */
public final class SkewedProblems {

  private static final String[] INDUSTRIES = SyntheticProblems.INDUSTRIES;

  private SkewedProblems() {}

  /** A skewed problem of {@code leads} leads and {@code reps} reps under the default policy. */
  public static Problem generate(int leads, int reps, long seed) {
    return generate(leads, reps, seed, Policy.defaults());
  }

  /** A skewed problem of {@code leads} leads and {@code reps} reps under the given policy. */
  public static Problem generate(int leads, int reps, long seed, Policy policy) {
    if (leads < 0) {
      throw new IllegalArgumentException("leads must be >= 0, was " + leads);
    }
    if (reps < 2) {
      throw new IllegalArgumentException("reps must be >= 2, was " + reps);
    }
    Random rnd = new Random(seed);
    int regionCount = Math.max(1, Math.min(reps / 2, Math.min(40, Math.max(8, reps / 6))));
    String[] regions = new String[regionCount];
    double[] leadShare = new double[regionCount];
    double[] repShare = new double[regionCount];
    for (int k = 0; k < regionCount; k++) {
      regions[k] = "R" + (k + 1);
      leadShare[k] = 1.0 / (k + 1);
      repShare[k] = Math.pow(1.0 / (k + 1), 0.7);
    }
    double[] leadCum = cumulative(leadShare);
    double[] repCum = cumulative(repShare);

    RepSpec[] specs = new RepSpec[reps];
    int[] homeReps = new int[regionCount];
    for (int r = 0; r < reps; r++) {
      RepSpec s = new RepSpec();
      boolean generalist = r < regionCount;
      int home = generalist ? r : draw(repCum, rnd);
      s.home = home;
      s.regions.add(home);
      homeReps[home]++;
      if (!generalist) {
        if (rnd.nextDouble() < 0.30) {
          addRegion(s, draw(repCum, rnd));
          if (rnd.nextDouble() < 0.10) {
            addRegion(s, draw(repCum, rnd));
          }
        }
        if (rnd.nextDouble() < 0.20) {
          int start = rnd.nextInt(INDUSTRIES.length);
          for (int k = 0; k < 3; k++) {
            s.industries.add(INDUSTRIES[(start + k) % INDUSTRIES.length]);
          }
        }
        s.junior = rnd.nextDouble() < 0.15;
      }
      s.weight = Math.round((0.8 + 0.7 * rnd.nextDouble()) * 100) / 100.0;
      specs[r] = s;
    }
    double meanLoad = (double) leads / reps;
    double total = leadCum[regionCount - 1];
    List<Rep> roster = new ArrayList<>(reps);
    int width = Math.max(3, String.valueOf(reps).length());
    for (int r = 0; r < reps; r++) {
      RepSpec s = specs[r];
      double regionLoad = leads * leadShare[s.home] / total / homeReps[s.home];
      s.capacity = (int) Math.ceil(1.6 * Math.max(meanLoad, regionLoad) * s.weight);
      Rep.Builder b =
          Rep.builder(String.format(Locale.ROOT, "rep%0" + width + "d", r + 1))
              .regions(s.regions.stream().map(k -> regions[k]).toArray(String[]::new))
              .weight(s.weight)
              .capacity(s.capacity);
      if (!s.industries.isEmpty()) {
        b.industries(s.industries.toArray(String[]::new));
      }
      if (s.junior) {
        b.tiers("B", "C");
      }
      roster.add(b.build());
    }

    List<List<Integer>> covering = new ArrayList<>();
    for (int k = 0; k < regionCount; k++) {
      covering.add(new ArrayList<>());
    }
    for (int r = 0; r < reps; r++) {
      for (int k : specs[r].regions) {
        covering.get(k).add(r);
      }
    }
    List<Lead> out = new ArrayList<>(leads);
    int[] owned = new int[reps];
    List<Integer> candidates = new ArrayList<>();
    int leadWidth = Math.max(5, String.valueOf(leads).length());
    for (int i = 0; i < leads; i++) {
      double t = rnd.nextDouble();
      String tier = t < 0.10 ? "A" : t < 0.40 ? "B" : "C";
      double median = tier.equals("A") ? 50_000 : tier.equals("B") ? 15_000 : 5_000;
      double value = Math.round(median * Math.exp(1.4 * rnd.nextGaussian()));
      int region = draw(leadCum, rnd);
      String industry = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
      Lead.Builder b =
          Lead.builder(String.format(Locale.ROOT, "lead%0" + leadWidth + "d", i + 1))
              .region(regions[region])
              .industry(industry)
              .value(value)
              .tier(tier);
      if (rnd.nextDouble() < 0.30) {
        candidates.clear();
        for (int r : covering.get(region)) {
          if (specs[r].takes(region, industry, tier) && owned[r] < specs[r].capacity) {
            candidates.add(r);
          }
        }
        if (!candidates.isEmpty()) {
          int r = candidates.get(rnd.nextInt(candidates.size()));
          owned[r]++;
          b.currentOwner(roster.get(r).id().value());
        }
      }
      out.add(b.build());
    }
    return Problem.of(policy, roster, out);
  }

  private static void addRegion(RepSpec s, int region) {
    if (!s.regions.contains(region)) {
      s.regions.add(region);
    }
  }

  private static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += weights[k];
      c[k] = sum;
    }
    return c;
  }

  /** An index drawn with probability proportional to the weights summed in {@code cum}. */
  private static int draw(double[] cum, Random rnd) {
    double x = rnd.nextDouble() * cum[cum.length - 1];
    for (int k = 0; k < cum.length; k++) {
      if (x < cum[k]) {
        return k;
      }
    }
    return cum.length - 1;
  }

  /** What the generator needs to know of a rep to pick an owner that passes every rule. */
  private static final class RepSpec {
    final List<Integer> regions = new ArrayList<>();
    final List<String> industries = new ArrayList<>();
    int home;
    boolean junior;
    double weight;
    int capacity;

    boolean takes(int region, String industry, String tier) {
      return regions.contains(region)
          && (industries.isEmpty() || industries.contains(industry))
          && !(junior && tier.equals("A"));
    }
  }
}
