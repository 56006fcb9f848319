package io.fairlead.core.policy;

/**
 * Which number the value objective balances.
 *
 * @since 0.1.0
 */
public enum ValueBasis {
  /** The lead's value as given (potential value). */
  POTENTIAL,
  /** The value times the lead's win probability (the value itself when no probability is given). */
  EXPECTED
}
