package io.fairlead.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Why a lead is left without an owner.
 *
 * @param kind the kind of reason
 * @param excludedBy for each hard-rule id, how many reps it excluded (the first rule each rep
 *     fails); sorted by rule id
 * @param message a sentence for a person, e.g. {@code "no eligible rep: region excluded 30 reps,
 *     tier excluded 5"}
 * @since 0.1.0
 */
public record UnassignedReason(Kind kind, Map<String, Integer> excludedBy, String message) {

  /**
   * The kinds of reason.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** Every rep fails some pairwise hard rule for this lead. */
    NO_ELIGIBLE_REP,
    /** Some reps are eligible, but each is at its capacity or new-lead cap. */
    ALL_ELIGIBLE_FULL,
    /**
     * An eligible rep had room, but the allocator did not place the lead (a search stopped early,
     * or a baseline that does not look ahead). The optimiser's answer never has this at its
     * optimum.
     */
    NOT_PLACED
  }

  public UnassignedReason {
    requireNonNull(kind, "kind");
    excludedBy = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(excludedBy));
    requireNonNull(message, "message");
  }
}
