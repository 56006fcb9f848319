package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Lead streams for scenarios: a history replayed, or generated ones, each a pure function of its
 * arguments and seed ({@link SplittableRandom}), so the same call gives the same stream on every
 * machine.
 *
 * <pre>{@code
 * List<DatedLead> s = LeadStreams.uniform(7, start, 90, 20, reps);          // 20 a day
 * List<DatedLead> z = LeadStreams.skewedRegions(7, start, 90, 20, reps, 1.2); // Zipf over regions
 * List<DatedLead> w = LeadStreams.seasonal(7, start, 90, 20, reps, 7, 3.0);  // Monday peaks, 3×
 * List<DatedLead> d = LeadStreams.duplicates(7, start, 90, 20, reps, 0.3);   // 30 % known companies
 * }</pre>
 *
 * <p>Generated leads draw their region and industry from the roster's (uniformly, or Zipf for
 * regions), their value from a long-tailed distribution around 1000 (10 % ten times larger), and
 * carry a {@code company} attribute, unique unless the stream makes a duplicate, so the book's
 * conflict handling sees them. Ids are {@code "<prefix>-<n>"}, unique within a stream. Leads come
 * without owner and tier (the policy's tier rule, or its lowest tier, decides).
 *
 * @since 0.1.0
 */
public final class LeadStreams {

  private LeadStreams() {}

  /** A recorded history, as given, in day order (stable within a day). */
  public static List<DatedLead> replay(Collection<DatedLead> history) {
    List<DatedLead> out = new ArrayList<>(history);
    out.sort(java.util.Comparator.comparing(DatedLead::day));
    return List.copyOf(out);
  }

  /** {@code perDay} leads a day (on average; the count varies), regions and industries uniform. */
  public static List<DatedLead> uniform(
      long seed, LocalDate start, int days, double perDay, Collection<Rep> roster) {
    return new Gen("u", seed, start, days, perDay, roster, 0, 1, 1, 0).stream();
  }

  /**
   * Regions skewed by Zipf's law: the roster's {@code k}-th region (in name order) comes with
   * weight {@code 1 / k^exponent}; {@code exponent} in {@code [0, 10]} (0 is uniform).
   */
  public static List<DatedLead> skewedRegions(
      long seed,
      LocalDate start,
      int days,
      double perDay,
      Collection<Rep> roster,
      double exponent) {
    check(exponent >= 0 && exponent <= 10, "exponent must be in [0, 10], was " + exponent);
    return new Gen("z", seed, start, days, perDay, roster, exponent, 1, 1, 0).stream();
  }

  /**
   * Seasonal bursts: a rhythm of {@code period} days (7 for a week, 30 for a month) whose first day
   * brings {@code peak} times the average of the others, fading over the period's first third.
   */
  public static List<DatedLead> seasonal(
      long seed,
      LocalDate start,
      int days,
      double perDay,
      Collection<Rep> roster,
      int period,
      double peak) {
    check(period >= 2 && period <= 366, "period must be in [2, 366] days, was " + period);
    check(peak >= 1 && peak <= 100, "peak must be in [1, 100], was " + peak);
    return new Gen("s", seed, start, days, perDay, roster, 0, period, peak, 0).stream();
  }

  /**
   * A flood of duplicates: each lead, with probability {@code share} in {@code [0, 1]}, is a
   * company seen before in the stream (same {@code company}, another id), and half of those come
   * with a rep of the roster who found it ({@code currentOwner}), so the lifecycle's conflict rule
   * decides who keeps it.
   */
  public static List<DatedLead> duplicates(
      long seed, LocalDate start, int days, double perDay, Collection<Rep> roster, double share) {
    check(share >= 0 && share <= 1, "share must be in [0, 1], was " + share);
    return new Gen("d", seed, start, days, perDay, roster, 0, 1, 1, share).stream();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("lead stream: " + message);
    }
  }

  /** One generator for every shape. */
  private static final class Gen {
    final String prefix;
    final SplittableRandom rnd;
    final LocalDate start;
    final int days;
    final double perDay;
    final List<String> regions;
    final List<String> industries;
    final List<Rep> reps;
    final double zipf;
    final int period;
    final double peak;
    final double duplicates;

    Gen(
        String prefix,
        long seed,
        LocalDate start,
        int days,
        double perDay,
        Collection<Rep> roster,
        double zipf,
        int period,
        double peak,
        double duplicates) {
      requireNonNull(start, "lead stream: start");
      requireNonNull(roster, "lead stream: roster");
      check(days >= 0 && days <= Scenario.MAX_DAYS, "days must be in [0, 3660], was " + days);
      check(perDay >= 0 && perDay <= 100_000, "perDay must be in [0, 100000], was " + perDay);
      check(!roster.isEmpty(), "the roster is empty");
      this.prefix = prefix;
      this.rnd = new SplittableRandom(seed);
      this.start = start;
      this.days = days;
      this.perDay = perDay;
      TreeSet<String> r = new TreeSet<>();
      TreeSet<String> i = new TreeSet<>();
      for (Rep rep : roster) {
        r.addAll(rep.regions());
        i.addAll(rep.industries());
      }
      this.regions = List.copyOf(r);
      this.industries = List.copyOf(i);
      this.reps = List.copyOf(roster);
      this.zipf = zipf;
      this.period = period;
      this.peak = peak;
      this.duplicates = duplicates;
    }

    List<DatedLead> stream() {
      List<DatedLead> out = new ArrayList<>();
      List<String> companies = new ArrayList<>();
      double[] regionWeights = new double[regions.size()];
      for (int k = 0; k < regionWeights.length; k++) {
        regionWeights[k] = 1 / Math.pow(k + 1, zipf);
      }
      // The rhythm: the first day of each period is `peak` times the rest, fading over a third.
      double[] shape = new double[period];
      double sum = 0;
      int fade = Math.max(1, period / 3);
      for (int k = 0; k < period; k++) {
        shape[k] = k < fade ? 1 + (peak - 1) * (fade - k) / fade : 1;
        sum += shape[k];
      }
      int n = 0;
      for (int day = 0; day < days; day++) {
        double expected = perDay * shape[day % period] * period / sum;
        int count = (int) Math.floor(expected + rnd.nextDouble());
        for (int c = 0; c < count; c++) {
          String id = String.format(Locale.ROOT, "%s-%06d", prefix, ++n);
          Lead.Builder b = Lead.builder(id).value(value());
          if (!regions.isEmpty()) {
            b.region(regions.get(pick(regionWeights)));
          }
          if (!industries.isEmpty()) {
            b.industry(industries.get(rnd.nextInt(industries.size())));
          }
          if (!companies.isEmpty() && rnd.nextDouble() < duplicates) {
            b.attribute("company", companies.get(rnd.nextInt(companies.size())));
            if (rnd.nextBoolean()) {
              b.currentOwner(reps.get(rnd.nextInt(reps.size())).id().value());
            }
          } else {
            String company = "Firm " + id;
            companies.add(company);
            b.attribute("company", company);
          }
          out.add(new DatedLead(start.plusDays(day), b.build()));
        }
      }
      return List.copyOf(out);
    }

    private double value() {
      double v = 500 + rnd.nextDouble() * 1000;
      return Math.rint(rnd.nextDouble() < 0.1 ? 10 * v : v);
    }

    private int pick(double[] weights) {
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double x = rnd.nextDouble() * total;
      for (int k = 0; k < weights.length; k++) {
        x -= weights[k];
        if (x < 0) {
          return k;
        }
      }
      return weights.length - 1;
    }
  }
}
