package io.fairlead.core.policy;

/**
 * A soft objective of the allocation. Each has a weight in the {@link Policy}; the optimiser
 * minimises the weighted sum. All balance terms are convex (squared) deviations, so the optimum is
 * the balanced assignment. Each has a stable {@link #id()} used by score breakdowns and JSON.
 *
 * @since 0.1.0
 */
public enum Objective {
  /** Balanced number of leads per rep, in proportion to the rep's weight: Σ n²/w. */
  COUNT("count-balance"),
  /** Balanced total value per rep, in proportion to the rep's weight: Σ (V/v̄)²/w. */
  VALUE("value-balance"),
  /** A fair share of each tier (top tiers weighted more): Σ_tier k_tier Σ n_tier²/w. */
  TIER("tier-balance"),
  /** Keep leads with their current owner: a fixed cost per lead moved away. */
  CONTINUITY("continuity"),
  /** Industry specialty (and role fit when the role rule is soft): a cost per mismatch. */
  PREFERENCE("preference");

  private final String id;

  Objective(String id) {
    this.id = id;
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
