package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import java.util.List;

/**
 * The penalty formulas, one static function per term, shared by the per-rep kernel ({@link Loads})
 * and by the OptaPlanner constraint provider, so that the solver's score and the score any other
 * allocation gets are the same numbers. All terms are computed in {@code double} and rounded once
 * per rep (or per lead), so a sum of terms is identical however it is accumulated.
 *
 * <p>Soft terms are scaled by {@link #SCALE}; a rep's count term is {@code SCALE · k · n² / w}.
 * Values enter as units where a lead of mean value is {@link #VALUE_UNIT}.
 *
 * <p><b>Range.</b> Every term grows with the square of a rep's load, so the score of an allocation
 * is at most {@link #worstSoft} of the number of leads, the value units and the policy's weights.
 * {@link #rangeProblem} refuses inputs for which that could pass {@link #LIMIT}, a quarter of the
 * {@code long} range (so sums and differences of scores cannot overflow either).
 */
public final class Scoring {

  /** Fixed-point scale of soft penalties. */
  public static final double SCALE = 1000;

  /** Value units of a lead of mean value. */
  public static final long VALUE_UNIT = 1000;

  /** Cost of moving one lead away from its owner, in count-term units (at weight 1). */
  public static final double CONTINUITY_COST = 10;

  /** Cost of one preference mismatch, in count-term units (at weight 1). */
  public static final double PREFERENCE_COST = 10;

  /** Soft cost of leaving a lead of tier weight 1 unassigned, in count-term units. */
  public static final double UNASSIGNED_TIER_COST = 10;

  /** The largest score (of any level) an input may be able to reach: {@code 2^61}. */
  public static final double LIMIT = 0x1p61;

  /** Hard: leads held against a pairwise rule, a lock, or a policy that keeps owners. */
  public static final String ELIGIBILITY = "eligibility";

  /** Hard: leads held over capacity, per rep. */
  public static final String CAPACITY = "capacity";

  /** Hard: new leads over the new-lead cap, per rep. */
  public static final String NEW_LEAD_CAP = "new-lead-cap";

  /** Medium: leads left without an owner. */
  public static final String UNASSIGNED = "unassigned";

  /** Soft: a cost per unassigned lead by tier. */
  public static final String UNASSIGNED_TIER = "unassigned-tier";

  /**
   * Every term of the score, in report order: the hard terms, {@code unassigned}, every objective
   * in declaration order, {@code unassigned-tier}.
   */
  public static final List<String> TERMS = terms();

  /** The position of the first objective in {@link #TERMS}. */
  public static final int FIRST_OBJECTIVE = 4;

  private static List<String> terms() {
    List<String> out =
        new java.util.ArrayList<>(List.of(ELIGIBILITY, CAPACITY, NEW_LEAD_CAP, UNASSIGNED));
    for (Objective o : Objective.values()) {
      out.add(o.id());
    }
    out.add(UNASSIGNED_TIER);
    return List.copyOf(out);
  }

  /** The position of an objective's term in {@link #TERMS}. */
  public static int term(Objective o) {
    return FIRST_OBJECTIVE + o.ordinal();
  }

  /** The number of hard terms at the start of {@link #TERMS}. */
  public static final int HARD_TERMS = 3;

  private Scoring() {}

  /**
   * Hard: leads held over capacity (counting customers held outside); 0 for {@link Rep#UNLIMITED},
   * as the rulebook reads it.
   */
  public static long capacityOverflow(int heldOutside, int leads, int capacity) {
    if (capacity == Rep.UNLIMITED) {
      return 0;
    }
    long over = (long) heldOutside + leads - capacity;
    return Math.max(0, over);
  }

  /** Hard: new leads over the new-lead cap; 0 for {@link Rep#UNLIMITED}. */
  public static long newLeadOverflow(long newLeads, int cap) {
    return cap == Rep.UNLIMITED ? 0 : Math.max(0, newLeads - cap);
  }

  /** Soft: count balance of one rep. */
  public static long countPenalty(Policy policy, long leads, double weight) {
    return squarePenalty(policy.weight(Objective.COUNT), leads, weight);
  }

  /** Soft: value balance of one rep, from its sum of value units. */
  public static long valuePenalty(Policy policy, long valueUnits, double weight) {
    return valuePenalty(SCALE * policy.weight(Objective.VALUE), valueUnits, weight);
  }

  /**
   * Soft: value balance of one rep with the value coefficient {@code SCALE · k} read already; the
   * policy-taking function delegates here, so both give the very same number.
   */
  public static long valuePenalty(double coefficient, long valueUnits, double weight) {
    double v = (double) valueUnits / VALUE_UNIT;
    return Math.round(coefficient * v * v / weight);
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

  /**
   * Soft: receipts balance of one rep, {@code T(c + n) − T(c)} with {@code T(q) = SCALE · k · q² /
   * w} rounded, {@code c} its credit in the period ledger and {@code n} the leads it receives as
   * new. 0 when {@code n} is 0. The term depends on the credit as it stands ({@code c + n}) only,
   * not on how it splits into a starting credit and new leads, so the router (whose credit grows
   * lead by lead) and the batch (which counts new leads on top of the ledger's credit) price the
   * next lead alike: {@code T(q + 1) − T(q)}.
   */
  public static long receiptsPenalty(double k, double credited, long received, double weight) {
    return receiptsSquare(k, credited + received, weight) - receiptsSquare(k, credited, weight);
  }

  /** {@code SCALE · k · q² / w}, rounded: the receipts term of a credit {@code q}. */
  private static long receiptsSquare(double k, double q, double weight) {
    return Math.round(SCALE * k * (q * q) / weight);
  }

  /** Soft: receipts balance of one rep under the policy, as the {@code k}-taking function. */
  public static long receiptsPenalty(Policy policy, double credited, long received, double weight) {
    return receiptsPenalty(policy.weight(Objective.RECEIPTS), credited, received, weight);
  }

  /**
   * A rep's standing in the period ledger: {@code (credited + ½) / weight}, in leads per unit of
   * weight. It is the receipts term's marginal cost of one more lead, {@code SCALE · k · (2c + 1) /
   * w}, over {@code 2 · SCALE · k}: the router's due band orders reps by it, and the batch's
   * receipts term by its marginal, so both give the next lead to the same rep (a Sainte-Laguë
   * order, which divides by {@code c + ½}: see docs/routing.md).
   */
  public static double standing(double credited, double weight) {
    return (credited + 0.5) / weight;
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

  /**
   * The largest soft score any assignment of {@code leads} leads worth {@code valueUnits} units in
   * all can reach under the policy: everything on one rep of the least effective weight {@code
   * leastWeight} on the roster, with the largest period credit {@code maxCredited}, every lead
   * moved, mismatched twice, or unassigned at the top tier weight.
   */
  public static double worstSoft(
      Policy policy, double leastWeight, double leads, double valueUnits, double maxCredited) {
    double maxTierWeight = 0;
    for (int t = 0; t < policy.tiers().size(); t++) {
      maxTierWeight =
          Math.max(maxTierWeight, policy.tierWeights().get(policy.tiers().tiers().get(t)));
    }
    // Every balance term is k · x² / w of a quantity x of at most the leads (value: value units
    // over VALUE_UNIT; receipts: the leads on top of the largest credit, whose square is computed
    // before the credit's is taken off); the tier term's k is the largest tier's.
    double squares = 0;
    for (Objective o : Objective.values()) {
      if (o.isBalance() && policy.weight(o) > 0) {
        double x2 =
            switch (o) {
              case VALUE -> (valueUnits / VALUE_UNIT) * (valueUnits / VALUE_UNIT);
              case RECEIPTS -> (maxCredited + leads) * (maxCredited + leads);
              default -> leads * leads;
            };
        double k = policy.weight(o) * (o == Objective.TIER ? maxTierWeight : 1);
        squares += k * x2;
      }
    }
    double balance = SCALE * squares / leastWeight;
    double perLead =
        SCALE
            * (policy.weight(Objective.CONTINUITY) * CONTINUITY_COST
                + 2 * policy.weight(Objective.PREFERENCE) * PREFERENCE_COST
                + maxTierWeight * UNASSIGNED_TIER_COST);
    return balance + leads * perLead;
  }

  /**
   * Why {@code leads} leads worth {@code valueUnits} units in all, given to reps whose period
   * credit is at most {@code maxCredited}, could push the score past {@link #LIMIT} under the
   * policy, or {@code null} if they cannot.
   */
  public static String rangeProblem(
      Policy policy, double leastWeight, long leads, double valueUnits, double maxCredited) {
    double worst = worstSoft(policy, leastWeight, leads, valueUnits, maxCredited);
    if (worst <= LIMIT) {
      return null;
    }
    return String.format(
        java.util.Locale.ROOT,
        "%,d leads are too many for this policy's weights: an allocation could score up to %.3g,"
            + " past the score's range of %.3g (the balance terms grow with the square of a rep's"
            + " leads, times the objective and tier weights, over the least effective rep weight %s); lower"
            + " the objective or tier weights, raise minWeight or the least rep share, or split the book"
            + (maxCredited > 0 && policy.weight(Objective.RECEIPTS) > 0
                ? " (the receipts term also grows with the ledger's largest credit, "
                    + maxCredited
                    + ")"
                : ""),
        leads,
        worst,
        LIMIT,
        leastWeight);
  }
}
