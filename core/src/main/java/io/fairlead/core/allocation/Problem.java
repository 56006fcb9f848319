package io.fairlead.core.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One distribution problem: a roster of reps, the leads to distribute, and the policy. Creating it
 * validates everything across records: duplicate ids, current owners that are not on the roster,
 * tiers the policy does not know, an empty roster. Each error is an {@link
 * IllegalArgumentException} naming the record and field.
 *
 * <p>Immutable; reps and leads keep the order given, which is the order of every result list.
 *
 * @param policy the policy
 * @param reps the roster, non-empty, unique ids
 * @param leads the leads, unique ids (may be empty)
 * @since 0.1.0
 */
public record Problem(Policy policy, List<Rep> reps, List<Lead> leads) {

  public Problem {
    requireNonNull(policy, "policy");
    requireNonNull(reps, "reps");
    requireNonNull(leads, "leads");
    reps = List.copyOf(reps);
    leads = List.copyOf(leads);
    checkArgument(!reps.isEmpty(), "reps: the roster is empty, at least one rep is needed");
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
  }

  /** Validates and returns a problem. */
  public static Problem of(Policy policy, Collection<Rep> reps, Collection<Lead> leads) {
    return new Problem(policy, List.copyOf(reps), List.copyOf(leads));
  }
}
