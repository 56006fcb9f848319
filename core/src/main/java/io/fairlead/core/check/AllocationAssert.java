package io.fairlead.core.check;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.fairness.Violation;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Rulebook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fairness expectations on one {@link Allocation}, chained: each method returns this object if the
 * expectation holds and throws an {@link AssertionError} if not. Made by {@link
 * FairnessAssertions#assertThat(Allocation)}.
 *
 * <pre>{@code
 * FairnessAssertions.assertThat(allocation)
 *     .noRepAbove(1.10, Measure.LEADS)
 *     .noRepBelow(0.90, Measure.LEADS)
 *     .topTierWithinBound(0.05)
 *     .feasible()
 *     .noUnassignedExcept(UnassignedReason.Kind.NO_ELIGIBLE_REP);
 * }</pre>
 *
 * <p><b>Messages.</b> A failure names the allocation (its method, or the run of a sequence), the
 * expectation, and every offender with its figures: for a rep its figure, its fair share, the limit
 * and by how much it is over; worst first, at most ten lines and then {@code "and N more"}.
 *
 * <p><b>Which reps the per-rep assertions check.</b> Every rep that takes new leads (it is
 * available, or the policy does not enforce availability). A rep on leave is not checked: it
 * receives nothing new, and what it keeps is no question of this run's fairness (as in {@link
 * io.fairlead.core.fairness.Spread}); the failure message says how many were left out. A rep with a
 * fair share of 0 (it may take no lead of the measure: nothing in its territory, a tier it may not
 * take, no room left under its capacity or new-lead cap) is checked without dividing: it is above
 * any limit as soon as its figure is above 0, and never below one.
 *
 * <p><b>Limits</b> compare in the measure's units with a relative tolerance of {@code 1e-9}, so
 * that a rep exactly at its limit passes whatever the rounding of the fair shares.
 *
 * <p>Not thread-safe to share while chaining; holds no state but the allocation.
 *
 * @since 0.1.0
 */
public final class AllocationAssert {

  private static final double TOLERANCE = 1e-9;

  private final Allocation allocation;
  private final String name;

  AllocationAssert(Allocation allocation, String name) {
    this.allocation = requireNonNull(allocation, "allocation");
    this.name = requireNonNull(name, "name");
  }

  /**
   * No rep holds more than {@code limit} times its fair share of the measure: {@code figure ≤ limit
   * × fair share} for every rep checked (see the class comment: reps on leave are not checked; a
   * rep with a fair share of 0 fails as soon as its figure is above 0).
   *
   * @param limit a multiple of the fair share, {@code 1.10} = 110 %; finite and at least 1 (below
   *     1, the reps together could not hold what they share)
   * @throws IllegalArgumentException if the limit is not finite or below 1
   * @throws AssertionError listing every rep above, worst (the largest multiple) first
   */
  public AllocationAssert noRepAbove(double limit, Measure measure) {
    checkArgument(
        Double.isFinite(limit) && limit >= 1,
        "noRepAbove: limit must be a finite multiple of the fair share >= 1 (1.10 = 110 %), was %s",
        limit);
    requireNonNull(measure, "measure");
    return perRep(limit, measure, true);
  }

  /**
   * No rep holds less than {@code limit} times its fair share of the measure: {@code figure ≥ limit
   * × fair share} for every rep checked (see the class comment: reps on leave are not checked; a
   * rep with a fair share of 0 always passes).
   *
   * @param limit a multiple of the fair share, {@code 0.90} = 90 %; above 0 and at most 1
   * @throws IllegalArgumentException if the limit is not in {@code (0, 1]}
   * @throws AssertionError listing every rep below, worst (the smallest multiple) first
   */
  public AllocationAssert noRepBelow(double limit, Measure measure) {
    checkArgument(
        limit > 0 && limit <= 1,
        "noRepBelow: limit must be a multiple of the fair share in (0, 1] (0.90 = 90 %), was %s",
        limit);
    requireNonNull(measure, "measure");
    return perRep(limit, measure, false);
  }

  private AllocationAssert perRep(double limit, Measure measure, boolean above) {
    Tier top = allocation.problem().policy().tiers().top();
    Rulebook rules = allocation.problem().policy().rulebook();
    List<Rep> roster = allocation.problem().reps();
    List<Offender> offenders = new ArrayList<>();
    int checked = 0;
    for (int r = 0; r < roster.size(); r++) {
      if (!rules.takesNew(roster.get(r))) {
        continue;
      }
      checked++;
      RepStats s = allocation.reps().get(r);
      double figure = measure.figure(s, top);
      double fair = measure.fair(s, top);
      double bound = limit * fair;
      double slack = TOLERANCE * Math.max(1, bound);
      boolean off = above ? figure > bound + slack : figure < bound - slack;
      if (off) {
        double ratio = fair > 0 ? figure / fair : Double.POSITIVE_INFINITY;
        offenders.add(new Offender(r, s, figure, fair, bound, ratio));
      }
    }
    if (offenders.isEmpty()) {
      return this;
    }
    Comparator<Offender> worst = Comparator.comparingDouble(Offender::ratio);
    offenders.sort((above ? worst.reversed() : worst).thenComparingInt(Offender::index));
    List<String> lines = new ArrayList<>();
    for (Offender o : offenders) {
      lines.add(line(o, measure, top, above));
    }
    int onLeave = roster.size() - checked;
    String headline =
        name
            + ": expected no rep "
            + (above ? "above " : "below ")
            + Figures.percent(limit)
            + " of its fair share of "
            + measure.words(top)
            + ", but "
            + offenders.size()
            + " of "
            + Figures.count(checked, "rep", "reps")
            + (offenders.size() == 1 ? " is" : " are")
            + (onLeave > 0
                ? " (" + Figures.count(onLeave, "rep", "reps") + " on leave not checked)"
                : "")
            + (offenders.size() > 1 ? ", worst first:" : ":");
    throw new AssertionError(Figures.listing(headline, lines));
  }

  private static String line(Offender o, Measure measure, Tier top, boolean above) {
    String who = o.stats().rep() + " " + measure.holds(o.figure(), top);
    if (o.fair() == 0) {
      return who + " with a fair share of 0: above any limit";
    }
    return who
        + ", "
        + Figures.percent(o.ratio())
        + " of its fair share of "
        + Figures.number(o.fair())
        + ", "
        + Figures.number(Math.abs(o.figure() - o.bound()))
        + (above ? " over" : " under")
        + " its limit of "
        + Figures.number(o.bound());
  }

  private record Offender(
      int index, RepStats stats, double figure, double fair, double bound, double ratio) {}

  /**
   * The count imbalance {@code Σ n²/w} is at most {@code maxGap} above its proven, exact optimum
   * ({@link BoundGaps#countGap()}).
   *
   * @param maxGap a fraction, {@code 0.01} = 1 %; finite and {@code >= 0}
   * @throws AssertionError with the gap, the figure and the optimum, and the reps most above their
   *     fair share of leads
   */
  public AllocationAssert countWithinOptimum(double maxGap) {
    checkGap("countWithinOptimum", maxGap);
    BoundGaps g = allocation.gaps();
    return gap(
        maxGap,
        g,
        g.countGap(),
        "the count imbalance Σ n²/w",
        "its proven optimum",
        g.countTerm(),
        g.countOptimum(),
        Measure.LEADS);
  }

  /**
   * The top-tier imbalance {@code Σ a²/w} is at most {@code maxGap} above its proven bound ({@link
   * BoundGaps#topTierGap()}; the bound is exact when every top-tier lead fits).
   *
   * @param maxGap a fraction, {@code 0.05} = 5 %; finite and {@code >= 0}
   * @throws AssertionError with the gap, the figure and the bound, and the reps most above their
   *     fair share of top-tier leads
   */
  public AllocationAssert topTierWithinBound(double maxGap) {
    checkGap("topTierWithinBound", maxGap);
    BoundGaps g = allocation.gaps();
    return gap(
        maxGap,
        g,
        g.topTierGap(),
        "the top-tier imbalance Σ a²/w",
        "its proven bound",
        g.topTierTerm(),
        g.topTierBound(),
        Measure.TOP_TIER);
  }

  /**
   * The largest weighted value {@code max V/w} is at most {@code maxGap} above its proven lower
   * bound ({@link BoundGaps#valueMaxGap()}). A lower bound: the gap is at most what could be
   * gained.
   *
   * @param maxGap a fraction, {@code 0.05} = 5 %; finite and {@code >= 0}
   * @throws AssertionError with the gap, the figure and the bound (in mean leads), and the reps
   *     most above their fair share of value
   */
  public AllocationAssert valueMaxWithinBound(double maxGap) {
    checkGap("valueMaxWithinBound", maxGap);
    BoundGaps g = allocation.gaps();
    return gap(
        maxGap,
        g,
        g.valueMaxGap(),
        "the largest weighted value max V/w (in mean leads)",
        "its proven lower bound",
        g.valueMax(),
        g.valueMaxBound(),
        Measure.VALUE);
  }

  /**
   * The receipts imbalance {@code Σ ((c + m)² − c²)/w} is at most {@code maxGap} above its proven
   * bound ({@link BoundGaps#receiptsGap()}; exact for a nightly batch of new leads).
   *
   * @param maxGap a fraction, {@code 0.01} = 1 %; finite and {@code >= 0}
   * @throws AssertionError with the gap, the figure and the bound, and the reps most above their
   *     entitlement
   */
  public AllocationAssert receiptsWithinOptimum(double maxGap) {
    checkGap("receiptsWithinOptimum", maxGap);
    BoundGaps g = allocation.gaps();
    return gap(
        maxGap,
        g,
        g.receiptsGap(),
        "the receipts imbalance Σ ((c + m)² − c²)/w",
        "its proven bound",
        g.receiptsTerm(),
        g.receiptsBound(),
        Measure.RECEIPTS);
  }

  private static void checkGap(String method, double maxGap) {
    checkArgument(
        Double.isFinite(maxGap) && maxGap >= 0,
        "%s: maxGap must be a finite fraction >= 0 (0.05 = 5 %), was %s",
        method,
        maxGap);
  }

  private AllocationAssert gap(
      double maxGap,
      BoundGaps g,
      double gap,
      String what,
      String boundName,
      double figure,
      double bound,
      Measure measure) {
    if (gap <= maxGap + TOLERANCE) {
      return this;
    }
    Tier top = allocation.problem().policy().tiers().top();
    StringBuilder headline =
        new StringBuilder(name)
            .append(": expected ")
            .append(what)
            .append(" within ")
            .append(Figures.percent(maxGap))
            .append(" of ")
            .append(boundName)
            .append(", but it is ");
    if (Double.isInfinite(gap)) {
      headline.append(Figures.number(figure)).append(" against a bound of 0");
    } else {
      headline
          .append(Figures.percent(gap))
          .append(" above: ")
          .append(Figures.number(figure))
          .append(" against ")
          .append(Figures.number(bound));
    }
    if (!g.feasible()) {
      headline.append(" (it breaks a hard rule: the gap is no proof)");
    } else if (g.placed() < g.maxPlaceable()) {
      headline
          .append(" (it places ")
          .append(g.placed())
          .append(" of ")
          .append(g.maxPlaceable())
          .append(" placeable leads: the gap is no proof)");
    }
    List<Offender> aboveShare = new ArrayList<>();
    Rulebook rules = allocation.problem().policy().rulebook();
    List<Rep> roster = allocation.problem().reps();
    for (int r = 0; r < roster.size(); r++) {
      RepStats s = allocation.reps().get(r);
      double f = measure.figure(s, top);
      double fair = measure.fair(s, top);
      if (rules.takesNew(roster.get(r)) && f > fair * (1 + TOLERANCE) + TOLERANCE) {
        aboveShare.add(
            new Offender(r, s, f, fair, fair, fair > 0 ? f / fair : Double.POSITIVE_INFINITY));
      }
    }
    aboveShare.sort(
        Comparator.comparingDouble(Offender::ratio).reversed().thenComparingInt(Offender::index));
    List<String> lines = new ArrayList<>();
    for (Offender o : aboveShare) {
      String who = o.stats().rep() + " " + measure.holds(o.figure(), top);
      lines.add(
          o.fair() == 0
              ? who + " with a fair share of 0"
              : who
                  + ", "
                  + Figures.percent(o.ratio())
                  + " of its fair share of "
                  + Figures.number(o.fair()));
    }
    if (!lines.isEmpty()) {
      headline.append(". Reps above their fair share of ").append(measure.words(top));
      headline.append(lines.size() > 1 ? ", worst first:" : ":");
    }
    throw new AssertionError(Figures.listing(headline.toString(), lines));
  }

  /**
   * No hard rule is broken ({@link Allocation#feasible()}): no lead held against a rule, a lock or
   * a kept owner, no rep over its capacity or new-lead cap.
   *
   * @throws AssertionError listing every violation in the metrics' order (leads in input order,
   *     then reps in roster order), each as {@code "rule: sentence"}
   */
  public AllocationAssert feasible() {
    List<Violation> violations = allocation.metrics().violations();
    if (violations.isEmpty()) {
      return this;
    }
    List<String> lines = new ArrayList<>();
    for (Violation v : violations) {
      lines.add(v.rule() + ": " + v.message());
    }
    throw new AssertionError(
        Figures.listing(
            name
                + ": expected no hard rule broken, but "
                + Figures.count(violations.size(), "is", "are")
                + ":",
            lines));
  }

  /**
   * Every lead has an owner after the allocation.
   *
   * @throws AssertionError listing every unassigned lead with its reason, in input order
   */
  public AllocationAssert noUnassigned() {
    return noUnassignedExcept();
  }

  /**
   * Every lead left unassigned is so for one of the given reasons; with no reason given, no lead
   * may be unassigned.
   *
   * @throws AssertionError listing every lead unassigned for another reason, with its reason, in
   *     input order
   */
  public AllocationAssert noUnassignedExcept(UnassignedReason.Kind... allowed) {
    requireNonNull(allowed, "allowed");
    Set<UnassignedReason.Kind> ok = EnumSet.noneOf(UnassignedReason.Kind.class);
    for (UnassignedReason.Kind k : allowed) {
      ok.add(requireNonNull(k, "allowed: a reason kind is null"));
    }
    List<String> lines = new ArrayList<>();
    for (LeadOutcome o : allocation.unassigned()) {
      UnassignedReason reason = o.reason().orElseThrow();
      if (!ok.contains(reason.kind())) {
        lines.add(o.lead() + ": " + reason.kind() + ", " + reason.message());
      }
    }
    if (lines.isEmpty()) {
      return this;
    }
    String except = ok.isEmpty() ? "" : " except for " + ok;
    throw new AssertionError(
        Figures.listing(
            name
                + ": expected no lead unassigned"
                + except
                + ", but "
                + Figures.count(lines.size(), "is", "are")
                + (ok.isEmpty() ? ":" : " for another reason:"),
            lines));
  }

  /**
   * The outcomes cover the problem's leads exactly once each: no lead without an outcome, none with
   * two, no outcome for a lead the problem does not have. An {@link Allocation} holds this by
   * construction; the assertion is there for a suite that states it, and for results read back from
   * elsewhere.
   *
   * @throws AssertionError listing every lead at fault, in input order
   */
  public AllocationAssert everyLeadOnce() {
    List<String> lines = everyLeadOnce(allocation.problem().leads(), allocation.outcomes());
    if (lines.isEmpty()) {
      return this;
    }
    throw new AssertionError(
        Figures.listing(
            name
                + ": expected one outcome for every lead of the problem, but "
                + Figures.count(lines.size(), "lead is", "leads are")
                + " not covered once:",
            lines));
  }

  /** What is wrong with the outcomes' cover of the leads, lead by lead, in input order. */
  static List<String> everyLeadOnce(List<Lead> leads, List<LeadOutcome> outcomes) {
    Map<LeadId, Integer> seen = new LinkedHashMap<>();
    for (LeadOutcome o : outcomes) {
      seen.merge(o.lead(), 1, Integer::sum);
    }
    List<String> lines = new ArrayList<>();
    for (Lead l : leads) {
      Integer n = seen.remove(l.id());
      if (n == null) {
        lines.add(l.id() + ": no outcome");
      } else if (n > 1) {
        lines.add(l.id() + ": " + n + " outcomes");
      }
    }
    seen.forEach(
        (id, n) ->
            lines.add(id + ": " + Figures.count(n, "outcome", "outcomes") + ", but no such lead"));
    return lines;
  }

  /** The allocation under test. */
  public Allocation allocation() {
    return allocation;
  }
}
