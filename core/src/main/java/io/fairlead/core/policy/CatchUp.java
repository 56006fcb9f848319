package io.fairlead.core.policy;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How much a rep who missed part of a period may catch up: a rep added mid-period, one back from
 * leave, or one whose effective weight rose (a part-timer going full time). The period ledger (the
 * router's, and the one a batch {@code Problem} carries) credits each rep with the leads it
 * received this period; when such a rep (re)joins, {@link #calibrate} raises its credit towards the
 * weighted mean of the other active reps, leaving it at most {@link #maxLeads()} leads behind.
 *
 * <ul>
 *   <li>{@link #NONE} (the default): it starts level with the period's weighted mean and gets its
 *       share from now on, nothing for the time it was away (as Cal.com calibrates new and
 *       returning hosts).
 *   <li>{@link #capped(int) capped(n)}: it may catch up at most {@code n} leads.
 *   <li>{@link #FULL}: it keeps its credit as it was and so gets everything it missed before the
 *       others get more (count-based pools do this; it floods a rep back from a long leave).
 * </ul>
 *
 * <p>A rep's credit is never lowered: a rep that was ahead when it left stays ahead.
 *
 * <pre>{@code
 * Policy policy = Policy.builder().catchUp(CatchUp.capped(5)).build();
 * }</pre>
 *
 * <p>Part of the {@link Policy}, so the router and the batch calibrate alike. Immutable.
 *
 * @param maxLeads the most leads (at weight 1) a returning or new rep may be behind the mean;
 *     {@code 0} for {@link #NONE}, {@link Integer#MAX_VALUE} for {@link #FULL}
 * @since 0.1.0
 */
public record CatchUp(int maxLeads) {

  /** No catch-up: a returning or new rep starts level with the period's weighted mean. */
  public static final CatchUp NONE = new CatchUp(0);

  /** Full catch-up: a returning or new rep gets everything it missed in the period. */
  public static final CatchUp FULL = new CatchUp(Integer.MAX_VALUE);

  public CatchUp {
    checkArgument(maxLeads >= 0, "catchUp: maxLeads must be >= 0, was %s", maxLeads);
  }

  /** Catch-up of at most {@code maxLeads} leads ({@code capped(0)} is {@link #NONE}). */
  public static CatchUp capped(int maxLeads) {
    return new CatchUp(maxLeads);
  }

  /**
   * The credit of a rep that (re)joins the period: its credit raised to at least its weight times
   * the other active reps' mean credit per unit of weight, minus {@link #maxLeads()}; never
   * lowered. The one calibration of fairlead: the router applies it when a rep is added, comes back
   * from leave or gets a larger effective weight, and {@code Allocation.ledgerFor} does the same
   * between two batch runs.
   *
   * <pre>{@code
   * // ana and bob (weight 1) received 6 leads each while cat was away:
   * CatchUp.NONE.calibrate(3, 1, 12, 2);       // 6.0: cat starts level
   * CatchUp.capped(2).calibrate(3, 1, 12, 2);  // 4.0: cat catches up 2 leads
   * CatchUp.FULL.calibrate(3, 1, 12, 2);       // 3.0: cat catches up all 3
   * }</pre>
   *
   * @param credited the rep's credit now, finite and {@code >= 0}
   * @param weight the rep's effective weight, {@code > 0}
   * @param othersCredited the sum of the other active reps' credits, {@code >= 0}
   * @param othersWeight the sum of their effective weights; {@code 0} if there are none, and then
   *     the credit is kept
   */
  public double calibrate(
      double credited, double weight, double othersCredited, double othersWeight) {
    checkArgument(
        Double.isFinite(credited) && credited >= 0,
        "calibrate: credited must be finite and >= 0, was %s",
        credited);
    checkArgument(
        Double.isFinite(weight) && weight > 0, "calibrate: weight must be > 0, was %s", weight);
    checkArgument(
        Double.isFinite(othersCredited) && othersCredited >= 0,
        "calibrate: othersCredited must be finite and >= 0, was %s",
        othersCredited);
    checkArgument(
        Double.isFinite(othersWeight) && othersWeight >= 0,
        "calibrate: othersWeight must be finite and >= 0, was %s",
        othersWeight);
    if (maxLeads == Integer.MAX_VALUE || othersWeight == 0) {
      return credited;
    }
    double level = weight * (othersCredited / othersWeight);
    return Math.max(credited, level - maxLeads);
  }

  /**
   * Parses the form {@link #toString()} gives: {@code NONE}, {@code FULL} or {@code CAPPED(n)}.
   *
   * @throws IllegalArgumentException naming the text if it is none of these
   */
  public static CatchUp parse(String text) {
    checkArgument(text != null, "catchUp must not be null");
    String t = text.trim();
    if (t.equals("NONE")) {
      return NONE;
    }
    if (t.equals("FULL")) {
      return FULL;
    }
    if (t.startsWith("CAPPED(") && t.endsWith(")")) {
      try {
        return capped(Integer.parseInt(t.substring(7, t.length() - 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("catchUp: bad number in '" + text + "'", e);
      }
    }
    throw new IllegalArgumentException(
        "catchUp must be NONE, FULL or CAPPED(n), was '" + text + "'");
  }

  /** {@code NONE}, {@code FULL} or {@code CAPPED(n)}. */
  @Override
  public String toString() {
    return maxLeads == 0
        ? "NONE"
        : maxLeads == Integer.MAX_VALUE ? "FULL" : "CAPPED(" + maxLeads + ")";
  }
}
