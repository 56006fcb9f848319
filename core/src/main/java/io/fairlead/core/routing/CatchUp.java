package io.fairlead.core.routing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How much a rep who missed part of a period may catch up: a rep added mid-period, or one back from
 * leave. The {@link LeadRouter}'s ledger counts the leads each rep received in the current period;
 * when such a rep (re)joins, its ledger is raised towards the weighted mean of the other available
 * reps, leaving it at most {@link #maxLeads()} leads behind.
 *
 * <ul>
 *   <li>{@link #NONE}: it starts level with the period's weighted mean and gets its share from now
 *       on, nothing for the time it was away (as Cal.com calibrates new and returning hosts).
 *   <li>{@link #capped(int) capped(n)}: it may catch up at most {@code n} leads.
 *   <li>{@link #FULL}: it keeps its ledger as it was and so gets everything it missed before the
 *       others get more (count-based pools do this; it floods a rep back from a long leave).
 * </ul>
 *
 * <p>A rep's ledger is never lowered: a rep that was ahead when it left stays ahead.
 *
 * <pre>{@code
 * LeadRouter router = LeadRouter.builder(policy).roster(reps).catchUp(CatchUp.capped(5)).build();
 * }</pre>
 *
 * <p>Immutable.
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
