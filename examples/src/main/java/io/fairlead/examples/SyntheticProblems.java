package io.fairlead.examples;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rulebook;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates realistic problems of any size, for benchmarks and experiments. Same size and seed,
 * same problem (on any JVM: only {@link Random} with a fixed seed is used).
 *
 * <pre>{@code
 * Problem p = SyntheticProblems.generate(10_000, 200, 7);
 * }</pre>
 *
 * <p>What a generated problem looks like:
 *
 * <ul>
 *   <li><b>Regions</b>: {@code reps / 25} of them, between 2 and 8; reps are dealt to regions in
 *       turn, leads uniformly. 10 % of reps also cover the next region.
 *   <li><b>Industries</b>: 6. A quarter of reps take only 3 of them; 30 % prefer 1 or 2 (soft).
 *   <li><b>Tiers</b>: A 10 %, B 30 %, C 60 %, given on each lead. 15 % of reps are juniors who may
 *       not take A-tier leads.
 *   <li><b>Values</b>: lognormal, median 60k for A, 25k for B, 10k for C, σ = 0.8.
 *   <li><b>Roles</b>: 15 % hunters, 15 % farmers, the rest both; 35 % of leads are existing
 *       customers.
 *   <li><b>Weights</b>: uniform in {@code [0.8, 1.25]}; <b>capacity</b> {@code ceil(1.4 × mean load
 *       × weight)} where mean load = leads / reps.
 *   <li><b>Owners</b>: 25 % of leads already have an owner who passes every rule for them (2 % of
 *       those are locked); <b>leave</b>: 3 % of reps are unavailable (they keep their leads).
 *   <li>In every region the first two reps are generalists (every industry, tier and role,
 *       available), so every lead has someone eligible.
 * </ul>
 */
public final class SyntheticProblems {

  static final String[] INDUSTRIES = {
    "retail", "software", "finance", "medical", "manufacturing", "services"
  };

  private SyntheticProblems() {}

  /** A problem of {@code leads} leads and {@code reps} reps under the default policy. */
  public static Problem generate(int leads, int reps, long seed) {
    return generate(leads, reps, seed, Policy.defaults());
  }

  /** A problem of {@code leads} leads and {@code reps} reps under the given policy. */
  public static Problem generate(int leads, int reps, long seed, Policy policy) {
    if (leads < 0) {
      throw new IllegalArgumentException("leads must be >= 0, was " + leads);
    }
    if (reps < 2) {
      throw new IllegalArgumentException("reps must be >= 2, was " + reps);
    }
    Random rnd = new Random(seed);
    int regionCount = Math.max(2, Math.min(8, reps / 25));
    String[] regions = new String[regionCount];
    for (int i = 0; i < regionCount; i++) {
      regions[i] = "R" + (i + 1);
    }
    double meanLoad = (double) leads / reps;

    List<Rep> roster = new ArrayList<>();
    List<RepSpec> specs = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      int region = r % regionCount;
      boolean generalist = r < 2 * regionCount;
      Rep.Builder b = Rep.builder(String.format(Locale.ROOT, "rep%03d", r + 1));
      RepSpec s = new RepSpec();
      s.regions.add(regions[region]);
      if (!generalist && rnd.nextDouble() < 0.10) {
        s.regions.add(regions[(region + 1) % regionCount]);
      }
      b.regions(s.regions.toArray(String[]::new));
      if (!generalist && rnd.nextDouble() < 0.25) {
        int start = rnd.nextInt(INDUSTRIES.length);
        for (int k = 0; k < 3; k++) {
          s.industries.add(INDUSTRIES[(start + k) % INDUSTRIES.length]);
        }
        b.industries(s.industries.toArray(String[]::new));
      }
      if (!generalist && rnd.nextDouble() < 0.15) {
        s.noTopTier = true;
        b.tiers("B", "C");
      }
      double role = rnd.nextDouble();
      s.role =
          generalist
              ? Role.BOTH
              : role < 0.15 ? Role.HUNTER : role < 0.30 ? Role.FARMER : Role.BOTH;
      b.role(s.role);
      if (rnd.nextDouble() < 0.30) {
        String first = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
        String second = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
        b.preferredIndustries(
            rnd.nextBoolean() ? new String[] {first} : new String[] {first, second});
      }
      double weight = 0.8 + 0.45 * rnd.nextDouble();
      b.weight(Math.round(weight * 100) / 100.0);
      s.capacity = (int) Math.ceil(1.4 * meanLoad * weight);
      b.capacity(s.capacity);
      boolean onLeave = !generalist && rnd.nextDouble() < 0.03;
      b.available(!onLeave);
      specs.add(s);
      roster.add(b.build());
    }

    List<Lead> out = new ArrayList<>(leads);
    int[] owned = new int[reps];
    int width = Math.max(5, String.valueOf(leads).length());
    for (int i = 0; i < leads; i++) {
      double t = rnd.nextDouble();
      String tier = t < 0.10 ? "A" : t < 0.40 ? "B" : "C";
      double median = tier.equals("A") ? 60_000 : tier.equals("B") ? 25_000 : 10_000;
      double value = Math.round(median * Math.exp(0.8 * rnd.nextGaussian()));
      String region = regions[rnd.nextInt(regionCount)];
      String industry = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
      LeadKind kind = rnd.nextDouble() < 0.35 ? LeadKind.EXISTING_CUSTOMER : LeadKind.NEW_BUSINESS;
      int size = (int) Math.min(100_000, Math.round(50 * Math.exp(1.5 * rnd.nextGaussian())));
      Lead.Builder b =
          Lead.builder(String.format(Locale.ROOT, "lead%0" + width + "d", i + 1))
              .region(region)
              .industry(industry)
              .companySize(size)
              .value(value)
              .tier(tier)
              .kind(kind);
      if (rnd.nextDouble() < 0.25) {
        // An owner who passes every rule and still has room, uniformly among those.
        List<Integer> candidates = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
          if (specs.get(r).takes(region, industry, tier, kind)
              && owned[r] < specs.get(r).capacity) {
            candidates.add(r);
          }
        }
        if (!candidates.isEmpty()) {
          int r = candidates.get(rnd.nextInt(candidates.size()));
          owned[r]++;
          b.currentOwner(roster.get(r).id().value());
          if (rnd.nextDouble() < 0.02) {
            b.locked(true);
          }
        }
      }
      out.add(b.build());
    }
    return Problem.of(policy, roster, out);
  }

  /**
   * A book of {@code leads} customers and {@code reps} reps in which every customer has an owner,
   * uneven the way a team's history leaves it, under the default policy. It is {@link
   * #generate(int, int, long) generate}'s problem (same seed), with every lead that has no owner
   * given to a rep that passes every rule for it, picked with probability proportional to the rep's
   * seniority: a lognormal factor (σ = 0.3) drawn from a second random stream of the same seed.
   * Capacities are not looked at, as a CRM's history does not: senior reps end up above their fair
   * share, some past their capacity, and new hires below it. Locks and leave are {@code
   * generate}'s.
   */
  public static Problem book(int leads, int reps, long seed) {
    Problem p = generate(leads, reps, seed);
    Policy policy = p.policy();
    Rulebook rules = policy.rulebook();
    Random rnd = new Random(seed ^ 0x5EED_B00CL);
    double[] seniority = new double[p.reps().size()];
    for (int r = 0; r < seniority.length; r++) {
      seniority[r] = Math.exp(0.3 * rnd.nextGaussian());
    }
    // The generator sets no size bands, so leads with the same region, industry, tier and kind
    // pass the same reps.
    Map<String, double[]> cumulative = new HashMap<>();
    Map<String, int[]> takers = new HashMap<>();
    List<Lead> out = new ArrayList<>(p.leads().size());
    for (Lead l : p.leads()) {
      if (l.currentOwner().isPresent()) {
        out.add(l);
        continue;
      }
      Tier tier = policy.tierOf(l);
      String key = l.region() + "|" + l.industry() + "|" + tier + "|" + l.kind();
      int[] who =
          takers.computeIfAbsent(
              key,
              k -> {
                List<Integer> ok = new ArrayList<>();
                for (int r = 0; r < p.reps().size(); r++) {
                  if (rules.firstExclusion(p.reps().get(r), l, tier, false) == null) {
                    ok.add(r);
                  }
                }
                return ok.stream().mapToInt(Integer::intValue).toArray();
              });
      double[] cum =
          cumulative.computeIfAbsent(
              key,
              k -> {
                double[] c = new double[who.length];
                double sum = 0;
                for (int j = 0; j < who.length; j++) {
                  sum += seniority[who[j]];
                  c[j] = sum;
                }
                return c;
              });
      double x = rnd.nextDouble() * cum[cum.length - 1];
      int j = Arrays.binarySearch(cum, x);
      j = Math.min(j < 0 ? -j - 1 : j, who.length - 1);
      out.add(l.toBuilder().currentOwner(p.reps().get(who[j]).id().value()).build());
    }
    return Problem.of(policy, p.reps(), out);
  }

  /** What the generator needs to know of a rep to pick an owner that passes every rule. */
  private static final class RepSpec {
    final List<String> regions = new ArrayList<>();
    final List<String> industries = new ArrayList<>();
    boolean noTopTier;
    Role role;
    int capacity;

    boolean takes(String region, String industry, String tier, LeadKind kind) {
      return regions.contains(region)
          && (industries.isEmpty() || industries.contains(industry))
          && !(noTopTier && tier.equals("A"))
          && role.works(kind);
    }
  }
}
