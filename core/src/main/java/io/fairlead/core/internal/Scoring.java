package io.fairlead.core.internal;

import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;

/**
 * The penalty formulas, one static function per constraint, shared by the OptaPlanner constraint
 * provider and by {@link Book} so that the solver's score and the score any other allocation gets
 * are the same numbers. All terms are computed in {@code double} and rounded once per rep (or per
 * lead), so a sum of terms is identical however it is accumulated.
 *
 * <p>Soft terms are scaled by {@link #SCALE}; a rep's count term is {@code SCALE · k · n² / w}.
 * Values enter as units where a lead of mean value is {@link ProblemIndex#VALUE_UNIT}, so money
 * amounts of any size (up to 10^9 per lead and beyond) cannot overflow a {@code long}.
 */
public final class Scoring {

  /** Fixed-point scale of soft penalties. */
  public static final double SCALE = 1000;

  /** Cost of moving one lead away from its owner, in count-term units (at weight 1). */
  public static final double CONTINUITY_COST = 10;

  /** Cost of one preference mismatch, in count-term units (at weight 1). */
  public static final double PREFERENCE_COST = 10;

  /** Soft cost of leaving a lead of tier weight 1 unassigned, in count-term units. */
  public static final double UNASSIGNED_TIER_COST = 10;

  /** Constraint ids, as in {@code ScoreBreakdown}. */
  public static final String CAPACITY = "capacity";

  public static final String NEW_LEAD_CAP = "new-lead-cap";
  public static final String UNASSIGNED = "unassigned";
  public static final String UNASSIGNED_TIER = "unassigned-tier";

  private Scoring() {}

  /** Hard: leads held over capacity. */
  public static long capacityOverflow(int heldOutside, int leads, int capacity) {
    long over = (long) heldOutside + leads - capacity;
    return Math.max(0, over);
  }

  /** Hard: new leads over the new-lead cap. */
  public static long newLeadOverflow(int newLeads, int cap) {
    return Math.max(0, (long) newLeads - cap);
  }

  /** Soft: count balance of one rep. */
  public static long countPenalty(Policy policy, long leads, double weight) {
    return squarePenalty(policy.weight(Objective.COUNT), leads, weight);
  }

  /** Soft: value balance of one rep, from its sum of value units. */
  public static long valuePenalty(Policy policy, long valueUnits, double weight) {
    return valuePenalty(policy.weight(Objective.VALUE), valueUnits, weight);
  }

  /** Soft: value balance of one rep with the value objective's weight {@code k} read already. */
  public static long valuePenalty(double k, long valueUnits, double weight) {
    double v = (double) valueUnits / ProblemIndex.VALUE_UNIT;
    return Math.round(SCALE * k * v * v / weight);
  }

  /** Soft: balance of one tier on one rep. */
  public static long tierPenalty(Policy policy, int tierRank, long leads, double weight) {
    return squarePenalty(tierFactor(policy, tierRank), leads, weight);
  }

  /** The factor of a tier's balance term: the tier objective's weight times the tier's weight. */
  public static double tierFactor(Policy policy, int tierRank) {
    return policy.weight(Objective.TIER)
        * policy.tierWeights().get(policy.tiers().tiers().get(tierRank));
  }

  /**
   * {@code SCALE · k · n² / w}, rounded: the shape of the count and tier terms, for callers that
   * read the factor {@code k} once (hot loops); the policy-taking functions delegate here.
   */
  public static long squarePenalty(double k, long leads, double weight) {
    return Math.round(SCALE * k * ((double) leads * leads) / weight);
  }

  /** Soft: one lead moved away from its current owner. */
  public static long continuityPenalty(Policy policy) {
    return Math.round(SCALE * policy.weight(Objective.CONTINUITY) * CONTINUITY_COST);
  }

  /** Soft: preference mismatches of one assigned lead. */
  public static long preferencePenalty(Policy policy, int mismatches) {
    return Math.round(SCALE * policy.weight(Objective.PREFERENCE) * PREFERENCE_COST * mismatches);
  }

  /** Soft: one unassigned lead of the given tier (so that low tiers are left first). */
  public static long unassignedTierPenalty(Policy policy, int tierRank) {
    double k = policy.tierWeights().get(policy.tiers().tiers().get(tierRank));
    return Math.round(SCALE * k * UNASSIGNED_TIER_COST);
  }
}
