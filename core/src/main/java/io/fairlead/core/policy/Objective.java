package io.fairlead.core.policy;

/**
 * A soft objective of the allocation. Each has a weight in the {@link Policy}; the optimiser
 * minimises the weighted sum. The <em>balance</em> objectives are a convex (squared) term per rep,
 * so the optimum is the balanced assignment; the others are a cost per lead. Each has a stable
 * {@link #id()} used by score breakdowns and JSON, and a default weight.
 *
 * @since 0.1.0
 */
public enum Objective {
  /** Balanced number of leads per rep, in proportion to the rep's weight: Σ n²/w. */
  COUNT("count-balance", 1.0, true),
  /** Balanced total value per rep, in proportion to the rep's weight: Σ (V/v̄)²/w. */
  VALUE("value-balance", 1.0, true),
  /** A fair share of each tier (top tiers weighted more): Σ_tier k_tier Σ n_tier²/w. */
  TIER("tier-balance", 1.0, true),
  /**
   * Balanced receipts in the current period, in proportion to the rep's weight: {@code Σ ((c + n)²
   * − c²)/w}, where {@code n} is the number of leads the rep receives as new (leads it did not own)
   * and {@code c} its credit in the period ledger before this allocation. It is {@code (c + n)²/w}
   * less a constant no allocation changes, so that a rep receiving nothing costs nothing. Its
   * marginal {@code (2(c + n) + 1)/w} is the order of the router's due band. Off by default: the
   * count, value and tier terms balance what reps <em>hold</em>; this one what they
   * <em>received</em> this period, so that a rep back from leave or new to the team gets its share
   * of the flow rather than every lead until its book is level (see the policy's {@link CatchUp}).
   */
  RECEIPTS("receipts-balance", 0.0, true),
  /** Keep leads with their current owner: a fixed cost per lead moved away. */
  CONTINUITY("continuity", 1.0, false),
  /** Industry specialty (and role fit when the role rule is soft): a cost per mismatch. */
  PREFERENCE("preference", 0.2, false);

  private final String id;
  private final double defaultWeight;
  private final boolean balance;

  Objective(String id, double defaultWeight, boolean balance) {
    this.id = id;
    this.defaultWeight = defaultWeight;
    this.balance = balance;
  }

  /** The weight a policy gives it unless told otherwise. */
  public double defaultWeight() {
    return defaultWeight;
  }

  /**
   * Whether it is a balance term: a convex term per rep, of a quantity at most the rep's number of
   * leads (for value, its value in mean-lead units; for receipts, its new leads on top of its
   * period credit), over the rep's weight.
   */
  public boolean isBalance() {
    return balance;
  }

  /** The stable id, e.g. {@code "count-balance"}. */
  public String id() {
    return id;
  }

  /** Returns the objective with the given id. */
  public static Objective fromId(String id) {
    for (Objective o : values()) {
      if (o.id.equals(id)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "unknown objective '"
            + id
            + "', expected one of "
            + java.util.Arrays.stream(values()).map(Objective::id).toList());
  }
}
