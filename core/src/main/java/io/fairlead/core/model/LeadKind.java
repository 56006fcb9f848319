package io.fairlead.core.model;

/**
 * Whether a lead is new business (a prospect) or an existing customer; matched against a rep's
 * {@link Role}.
 *
 * @since 0.1.0
 */
public enum LeadKind {
  /** A prospect that is not a customer yet: the work of hunters. */
  NEW_BUSINESS,
  /** A customer that already buys: the work of farmers. */
  EXISTING_CUSTOMER
}
