package io.fairlead.core.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Optional;

/**
 * The outcome for one input lead: its owner, or why it has none. Every input lead has exactly one.
 *
 * @param lead the lead
 * @param rep the owner after the allocation; empty iff {@code status} is {@code UNASSIGNED}
 * @param status what happened
 * @param reason why it is unassigned; present iff {@code status} is {@code UNASSIGNED}
 * @since 0.1.0
 */
public record LeadOutcome(
    LeadId lead, Optional<RepId> rep, Status status, Optional<UnassignedReason> reason) {

  public LeadOutcome {
    requireNonNull(lead, "lead");
    requireNonNull(rep, "rep");
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
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
}
