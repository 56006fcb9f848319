package io.fairlead.core.fairness;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rep's share of an allocation, next to its fair share.
 *
 * <p>A rep's fair share of a quantity is its load in the optimum of the fractional balance
 * objective: leads may be split among the reps eligible for them, and the split minimises {@code
 * Σ_r x_r² / w_r}, {@code x_r} what rep {@code r} gets and {@code w_r} its weight. The optimum is
 * unique, and an allocation reaches it up to rounding: the reps fall into levels, every rep of a
 * level holding the same amount per unit of weight, and a lead goes only to its eligible reps of
 * the lowest level. When every rep may take every lead it is the plain weighted split, {@code Σ q ·
 * w_r / Σ w}; with overlapping territories no share is made of leads that only a rep already below
 * it could give up.
 *
 * <p>What counts: every lead of the problem that some rep may take, assigned or not, kept and
 * locked ones too, as if free (the share says what an even book would hold, not what the locks
 * allow); customers held outside the problem and the period ledger's credits count in no share.
 * Caps bound every share by what they let the rep hold: its count share within its capacity (less
 * its customers held outside) and its new-lead cap (less what it received earlier in the period; a
 * lead going to its own owner is not new); each tier's share the same way, the tier taken alone;
 * its value share within the value of the most valuable leads its caps let it hold. So the count
 * shares of all reps sum to the most leads an allocation of the problem with every lead free could
 * place (the leads some rep may take, when the caps leave room for all). The shares of the tiers
 * need not add up to the count share: each tier is balanced on its own.
 *
 * <p>With equal weights, the count-optimal allocation ({@code FairnessBounds.optimalCounts()} of a
 * problem whose leads are all free) gives every rep its fair share rounded down or up. With unequal
 * weights rounding can move a heavy rep further: a rep of weight 2 among twenty of weight 0.5 has a
 * fair share of 0.5 of 3 leads, and holds 2 in the count optimum.
 *
 * @param rep the rep
 * @param weight its weight, bounded by the policy
 * @param leads the leads of the problem it holds after the allocation
 * @param newLeads those of them it did not own before
 * @param value their total value in money (the policy's {@code ValueBasis})
 * @param tierLeads its leads per tier, in tier order
 * @param fairLeads its fair share of leads (above)
 * @param fairValue its fair share of value, in money
 * @param fairTierLeads its fair share of each tier's leads, in tier order, each tier alone
 * @param receipts what it received this period, in leads: its credit in the problem's period ledger
 *     plus the leads it received as new here (a lead its owner keeps is not received)
 * @param fairReceipts its entitlement of the period's receipts: its weight's share, among the reps
 *     that take new leads, of their credits in the ledger, plus its fair share of the leads to
 *     distribute (every lead not pinned to its owner, shared as above, in the room its pinned leads
 *     leave); 0 for a rep that takes no new leads (on leave)
 * @param held everything it holds: {@code leads} plus customers held outside the problem
 * @param capacity its capacity ({@code Rep.UNLIMITED} for none)
 * @since 0.1.0
 */
public record RepStats(
    RepId rep,
    double weight,
    int leads,
    int newLeads,
    double value,
    Map<Tier, Integer> tierLeads,
    double fairLeads,
    double fairValue,
    Map<Tier, Double> fairTierLeads,
    double receipts,
    double fairReceipts,
    int held,
    int capacity) {

  public RepStats {
    requireNonNull(rep, "rep");
    tierLeads = Collections.unmodifiableMap(new LinkedHashMap<>(tierLeads));
    fairTierLeads = Collections.unmodifiableMap(new LinkedHashMap<>(fairTierLeads));
  }
}
