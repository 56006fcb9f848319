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
 * <p>A rep's fair share of a quantity is what it would get if every lead were split among the reps
 * eligible for it in proportion to their weights: {@code Σ_lead q_lead · w_rep / Σ_{eligible} w}.
 * It respects territories and roles. Every lead of the problem counts, assigned or not, kept and
 * locked ones too (the share says what an even book would hold, not what the locks allow); a lead
 * that no rep may take adds to no share, so the fair shares of all reps sum to the total over the
 * leads that at least one rep may take.
 *
 * @param rep the rep
 * @param weight its weight, bounded by the policy
 * @param leads the leads of the problem it holds after the allocation
 * @param newLeads those of them it did not own before
 * @param value their total value in money (the policy's {@code ValueBasis})
 * @param tierLeads its leads per tier, in tier order
 * @param fairLeads its fair share of leads
 * @param fairValue its fair share of value
 * @param fairTierLeads its fair share of each tier's leads, in tier order
 * @param receipts what it received this period, in leads: its credit in the problem's period ledger
 *     plus the leads it received as new here (a lead its owner keeps is not received)
 * @param fairReceipts its entitlement of the period's receipts: its weight's share, among the reps
 *     that take new leads, of their credits in the ledger, plus its fair share of the leads to
 *     distribute (every lead not pinned to its owner, split among its eligible reps by weight); 0
 *     for a rep that takes no new leads (on leave)
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
