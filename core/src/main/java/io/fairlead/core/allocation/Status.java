package io.fairlead.core.allocation;

/**
 * What happened to one lead.
 *
 * @since 0.1.0
 */
public enum Status {
  /** Had no owner and now has one. */
  ASSIGNED,
  /** Stays with its current owner. */
  KEPT,
  /** Locked: stays with its current owner whatever the policy says. */
  LOCKED,
  /** Had an owner and moves to another rep (only when the policy allows rebalancing). */
  MOVED,
  /** Has no owner after the allocation; see {@link LeadOutcome#reason()}. */
  UNASSIGNED
}
