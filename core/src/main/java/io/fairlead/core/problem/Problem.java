package io.fairlead.core.problem;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.internal.Scoring;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One distribution problem: a roster of reps, the leads to distribute, the policy, and the period
 * ledger (what each rep received earlier in the period). Creating it validates everything across
 * records: duplicate ids, current owners and ledger entries that are not on the roster, tiers the
 * policy does not know, an empty roster, and the size of the problem. Each error is an {@link
 * IllegalArgumentException} naming the record and field.
 *
 * <pre>{@code
 * Problem problem = Problem.of(policy, reps, leads);
 * Allocation a = Baselines.leastBusy().allocate(problem);
 * Problem tomorrow = Problem.of(policy, reps, tomorrowsLeads, a.ledger()); // the period goes on
 * }</pre>
 *
 * <p><b>The period ledger.</b> A nightly batch that runs every day of a period (a week, a month)
 * passes each night the ledger the last night's allocation left ({@code Allocation.ledger()}, or
 * {@code Allocation.ledgerFor(roster)} when the roster changed, which calibrates reps that join or
 * come back from leave by the policy's {@link io.fairlead.core.policy.CatchUp}); the first night of
 * a period passes {@link Ledger#empty()} (the three-argument form). The leads received earlier
 * count against each rep's new-lead cap, and the credits are where the receipts objective starts.
 *
 * <p><b>Size.</b> At most {@link #MAX_REPS} reps and {@link #MAX_LEADS} leads, and no more leads
 * than the policy's weights let the score hold: every balance term grows with the square of a rep's
 * leads, so a policy with extreme weights (objective and tier weights near 1000, a least effective
 * rep weight near 0.01) limits a problem to a few thousand leads, while the default policy allows
 * the full ten million. The message says which weights to change.
 *
 * <p>Immutable; reps and leads keep the order given, which is the order of every result list.
 *
 * @param policy the policy
 * @param reps the roster, non-empty, unique ids
 * @param leads the leads, unique ids (may be empty)
 * @param ledger the period ledger before this problem; its entries name reps on the roster
 * @since 0.1.0
 */
public record Problem(Policy policy, List<Rep> reps, List<Lead> leads, Ledger ledger) {

  /** The most reps in one problem. */
  public static final int MAX_REPS = 100_000;

  /** The most leads in one problem. */
  public static final int MAX_LEADS = 10_000_000;

  public Problem {
    requireNonNull(policy, "policy");
    requireNonNull(reps, "reps");
    requireNonNull(leads, "leads");
    requireNonNull(ledger, "ledger");
    reps = List.copyOf(reps);
    leads = List.copyOf(leads);
    checkArgument(!reps.isEmpty(), "reps: the roster is empty, at least one rep is needed");
    checkArgument(
        reps.size() <= MAX_REPS, "reps: %s reps, at most %s are supported", reps.size(), MAX_REPS);
    checkArgument(
        leads.size() <= MAX_LEADS,
        "leads: %s leads, at most %s are supported",
        leads.size(),
        MAX_LEADS);
    Map<RepId, Rep> byId = new HashMap<>();
    for (Rep r : reps) {
      checkArgument(byId.put(r.id(), r) == null, "rep %s: duplicate id", r.id());
      for (Tier t : r.allowedTiers()) {
        checkArgument(
            policy.tiers().contains(t),
            "rep %s: allowedTiers names tier '%s', which is not in the policy's tier scheme %s",
            r.id(),
            t,
            policy.tiers().tiers());
      }
    }
    Map<LeadId, Lead> leadIds = new HashMap<>();
    for (Lead l : leads) {
      checkArgument(leadIds.put(l.id(), l) == null, "lead %s: duplicate id", l.id());
      l.currentOwner()
          .ifPresent(
              o ->
                  checkArgument(
                      byId.containsKey(o),
                      "lead %s: currentOwner '%s' is not on the roster",
                      l.id(),
                      o));
      policy.tierOf(l); // fails with the lead's id for an unknown tier or a bad tier-rule attribute
    }
    double maxCredited = 0;
    for (Ledger.Entry e : ledger.entries()) {
      checkArgument(byId.containsKey(e.rep()), "ledger: rep '%s' is not on the roster", e.rep());
      checkArgument(
          (long) e.received() + leads.size() <= Integer.MAX_VALUE,
          "ledger: rep %s: received %s leaves no room for this problem's %s leads (a period counts"
              + " at most 2^31 - 1)",
          e.rep(),
          e.received(),
          leads.size());
      maxCredited = Math.max(maxCredited, e.credited());
    }
    // Value units add up to 1000 per lead (the mean is the unit), plus half a unit of rounding
    // each.
    double leastWeight = Double.POSITIVE_INFINITY;
    for (Rep r : reps) {
      leastWeight = Math.min(leastWeight, policy.effectiveWeight(r));
    }
    String range =
        Scoring.rangeProblem(policy, leastWeight, leads.size(), leads.size() * 1000.5, maxCredited);
    checkArgument(range == null, "leads: %s", range);
  }

  /**
   * The same problem with every lead free to move: its policy {@link Policy#withRebalancing() with
   * rebalancing}, so no owner keeps a lead but locked leads stay. Its bounds are what fairness
   * could reach if continuity cost nothing; {@link
   * io.fairlead.core.allocation.Allocation#freeGaps()} holds an allocation against them.
   */
  public Problem withOwnersFree() {
    return policy.allowRebalancing()
        ? this
        : new Problem(policy.withRebalancing(), reps, leads, ledger);
  }

  /** A problem at the start of a period: with an empty {@link Ledger}. */
  public Problem(Policy policy, List<Rep> reps, List<Lead> leads) {
    this(policy, reps, leads, Ledger.empty());
  }

  /** Validates and returns a problem at the start of a period (an empty ledger). */
  public static Problem of(Policy policy, Collection<Rep> reps, Collection<Lead> leads) {
    return of(policy, reps, leads, Ledger.empty());
  }

  /** Validates and returns a problem in a period that began earlier, with its ledger. */
  public static Problem of(
      Policy policy, Collection<Rep> reps, Collection<Lead> leads, Ledger ledger) {
    return new Problem(policy, List.copyOf(reps), List.copyOf(leads), ledger);
  }
}
