package io.fairlead.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * One rule that stops a rep from taking a lead, in words a manager reads.
 *
 * @param rule the rule's id: a {@link Rule#id()} such as {@code "region"} or {@code "capacity"},
 *     {@code "custom:<name>"} for a {@link CustomRule}, {@code "locked"} for a lead locked to
 *     another rep, or {@code "kept"} for a lead the policy keeps with another rep
 * @param reason a sentence, e.g. {@code "ana covers [East], not West"}
 * @since 0.1.0
 */
public record Exclusion(String rule, String reason) {

  /** The rule id of a lead locked to another rep. */
  public static final String LOCKED = "locked";

  /**
   * The rule id of a lead that the policy keeps with its owner (no rebalancing) held by another
   * rep.
   */
  public static final String KEPT = "kept";

  public Exclusion {
    requireNonNull(rule, "rule");
    requireNonNull(reason, "reason");
  }
}
