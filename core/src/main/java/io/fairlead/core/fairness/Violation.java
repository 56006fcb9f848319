package io.fairlead.core.fairness;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Optional;

/**
 * A hard rule an allocation breaks: a lead held by a rep that may not hold it (a pairwise rule), or
 * a rep over its capacity or new-lead cap (no single lead to blame). A locked lead held by its
 * owner never counts, whatever the rules say; a locked lead held by anyone else breaks the lock
 * (rule {@code "locked"}).
 *
 * @param lead the lead, for pairwise rules
 * @param rep the rep
 * @param rule the rule id: a {@link io.fairlead.core.policy.Rule#id() Rule id} such as {@code
 *     "region"} or {@code "capacity"}, {@code "custom:<name>"} for a custom rule, or {@code
 *     "locked"}
 * @param message a sentence for a person
 * @since 0.1.0
 */
public record Violation(Optional<LeadId> lead, RepId rep, String rule, String message) {

  public Violation {
    requireNonNull(lead, "lead");
    requireNonNull(rep, "rep");
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
  }
}
