package io.fairlead.core.book;

/**
 * Work done on a customer, as the host's CRM reports it: what protects a customer from being
 * reclaimed into the pool.
 *
 * @since 0.1.0
 */
public enum Activity {
  /** A call, a meeting, an e-mail: the customer is being followed up. */
  FOLLOW_UP,
  /** A deal was made or moved forward; counts as a follow-up too. */
  DEAL
}
