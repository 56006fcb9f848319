package io.fairlead.core.model;

/**
 * A rep's specialty: which {@link LeadKind} it works.
 *
 * @since 0.1.0
 */
public enum Role {
  /** Takes new business only. */
  HUNTER,
  /** Takes existing customers only. */
  FARMER,
  /** Takes both kinds. */
  BOTH;

  /** Returns whether a rep with this role works leads of the given kind. */
  public boolean works(LeadKind kind) {
    return switch (this) {
      case HUNTER -> kind == LeadKind.NEW_BUSINESS;
      case FARMER -> kind == LeadKind.EXISTING_CUSTOMER;
      case BOTH -> true;
    };
  }
}
