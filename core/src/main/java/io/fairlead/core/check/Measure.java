package io.fairlead.core.check;

import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.Tier;

/**
 * What a per-rep assertion compares with the rep's fair share, both taken from {@link RepStats}:
 * the fair share of a quantity is the rep's load in the optimum of the fractional balance objective
 * (leads split among their eligible reps so that {@code Σ x² / w} is least, within the caps; see
 * {@link RepStats}): what an allocation can give it, up to rounding.
 *
 * @since 0.1.0
 */
public enum Measure {
  /**
   * The leads it holds ({@link RepStats#leads()}, kept ones included) against {@link
   * RepStats#fairLeads()}.
   */
  LEADS("leads"),
  /**
   * The value of the leads it holds, in money on the policy's value basis ({@link
   * RepStats#value()}) against {@link RepStats#fairValue()}.
   */
  VALUE("value"),
  /**
   * The leads of the top tier it holds ({@link RepStats#tierLeads()} of the policy's top tier)
   * against its fair share of them ({@link RepStats#fairTierLeads()}).
   */
  TOP_TIER("top-tier leads"),
  /**
   * What it received this period, in leads ({@link RepStats#receipts()}: its credit in the
   * problem's period ledger plus the leads it received as new in this run) against its entitlement
   * ({@link RepStats#fairReceipts()}).
   */
  RECEIPTS("receipts this period");

  private final String words;

  Measure(String words) {
    this.words = words;
  }

  /** The rep's figure. */
  double figure(RepStats s, Tier top) {
    return switch (this) {
      case LEADS -> s.leads();
      case VALUE -> s.value();
      case TOP_TIER -> s.tierLeads().getOrDefault(top, 0);
      case RECEIPTS -> s.receipts();
    };
  }

  /** The rep's fair share of it. */
  double fair(RepStats s, Tier top) {
    return switch (this) {
      case LEADS -> s.fairLeads();
      case VALUE -> s.fairValue();
      case TOP_TIER -> s.fairTierLeads().getOrDefault(top, 0.0);
      case RECEIPTS -> s.fairReceipts();
    };
  }

  /** "its fair share of leads", for the headline. */
  String words(Tier top) {
    return this == TOP_TIER ? "tier-" + top + " leads" : words;
  }

  /** "holds 12 leads", "holds 120,000 in value", "received 7 leads this period". */
  String holds(double figure, Tier top) {
    String n = Figures.number(figure);
    boolean one = figure == 1;
    return switch (this) {
      case LEADS -> "holds " + n + (one ? " lead" : " leads");
      case VALUE -> "holds " + n + " in value";
      case TOP_TIER -> "holds " + n + " tier-" + top + (one ? " lead" : " leads");
      case RECEIPTS -> "received " + n + (one ? " lead" : " leads") + " this period";
    };
  }
}
