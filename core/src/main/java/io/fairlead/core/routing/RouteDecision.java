package io.fairlead.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Alternative;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Optional;

/**
 * What {@link LeadRouter#route} did with one incoming lead: the rep that now owns it, or why no rep
 * could take it, with a one-line explanation.
 *
 * <pre>{@code
 * RouteDecision d = router.route(lead);
 * if (d.rep().isPresent()) crm.setOwner(d.lead(), d.rep().get());
 * log.info(d.explanation());   // "ana: score +2150, ledger 4 -> 5 this period; runner-up bob: score +2300"
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param lead the lead
 * @param status {@link Status#ASSIGNED} (it had no owner), {@link Status#KEPT} or {@link
 *     Status#LOCKED} (it stays with its current owner, as the batch would keep it), {@link
 *     Status#MOVED} (its current owner may no longer hold it, or the policy rebalances and another
 *     rep fits better), or {@link Status#UNASSIGNED}
 * @param rep the owner; empty iff {@code status} is {@code UNASSIGNED}
 * @param reason why it is unassigned ({@code NO_ELIGIBLE_REP} with the rules that excluded the
 *     reps, or {@code ALL_ELIGIBLE_FULL}); present iff {@code status} is {@code UNASSIGNED}
 * @param scoreDelta how much the owner's taking the lead changed the soft score of the book,
 *     exactly as the batch scores it ({@code Assignment.softDeltaAssign}: balance terms,
 *     continuity, preference, minus the unassigned-tier cost the lead no longer incurs); 0 when
 *     kept by the policy's rule, locked, unassigned or a repeat (an owner that keeps its lead by
 *     winning on score, under rebalancing, reports its real delta)
 * @param runnerUp the rep that would have got the lead had the owner been unavailable, with its
 *     score delta ({@link Alternative#softDelta()}); empty if there was none
 * @param repeat {@code true} if the lead was already in the book: nothing changed, and {@code rep}
 *     and {@code status} are those it got when it entered the book (routing is idempotent)
 * @param explanation a sentence for a person: the owner's delta and ledger, and the runner-up's
 * @since 0.1.0
 */
public record RouteDecision(
    LeadId lead,
    Status status,
    Optional<RepId> rep,
    Optional<UnassignedReason> reason,
    long scoreDelta,
    Optional<Alternative> runnerUp,
    boolean repeat,
    String explanation) {

  public RouteDecision {
    requireNonNull(lead, "lead");
    requireNonNull(status, "status");
    requireNonNull(rep, "rep");
    requireNonNull(reason, "reason");
    requireNonNull(runnerUp, "runnerUp");
    requireNonNull(explanation, "explanation");
    checkArgument(
        rep.isEmpty() == (status == Status.UNASSIGNED),
        "lead %s: status %s does not match owner %s",
        lead,
        status,
        rep);
    checkArgument(
        reason.isPresent() == (status == Status.UNASSIGNED),
        "lead %s: a reason is given iff the lead is unassigned",
        lead);
  }

  /** Returns whether the lead has an owner after the decision. */
  public boolean assigned() {
    return rep.isPresent();
  }
}
