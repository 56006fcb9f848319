package io.fairlead.core.book;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Exclusion;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a rep's claim on a customer in the pool: granted, with the event that recorded it,
 * or refused, with every rule that says no.
 *
 * @param rep the rep that claimed
 * @param lead the customer
 * @param event the {@code CLAIMED} event, if granted
 * @param refusals why not, in rule order (the rulebook's rules, the cool-down, the pool's own:
 *     {@code pool} when it is not in the pool, {@code pool:claims-per-day}); empty if granted
 * @since 0.1.0
 */
public record Claim(RepId rep, LeadId lead, Optional<BookEvent> event, List<Exclusion> refusals) {

  public Claim {
    requireNonNull(rep, "rep");
    requireNonNull(lead, "lead");
    requireNonNull(event, "event");
    refusals = List.copyOf(refusals);
  }

  /** Whether the claim was granted. */
  public boolean granted() {
    return event.isPresent();
  }
}
