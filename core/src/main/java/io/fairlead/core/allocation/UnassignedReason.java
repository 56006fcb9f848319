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

  /**
   * Every rep fails a pairwise rule, the batch's and the router's wording alike.
   *
   * @param reps the roster size
   * @param excludedBy how many reps each rule excluded (the first rule each fails)
   */
  public static UnassignedReason noEligibleRep(int reps, Map<String, Integer> excludedBy) {
    return new UnassignedReason(
        Kind.NO_ELIGIBLE_REP,
        excludedBy,
        "no eligible rep among " + reps + ":" + list(excludedBy, " excluded "));
  }

  /**
   * Every eligible rep is at a cap.
   *
   * @param eligible the number of eligible reps
   * @param full how many of them each cap ({@code capacity}, {@code new-lead-cap}) stops
   */
  public static UnassignedReason allEligibleFull(int eligible, Map<String, Integer> full) {
    return new UnassignedReason(
        Kind.ALL_ELIGIBLE_FULL,
        full,
        "all " + eligible + " eligible reps are full:" + list(full, " "));
  }

  /**
   * Some eligible rep had room, but the allocator did not place the lead.
   *
   * @param withRoom how many eligible reps had room
   * @param example one of them
   * @param full how many others each cap stops
   */
  static UnassignedReason notPlaced(int withRoom, String example, Map<String, Integer> full) {
    return new UnassignedReason(
        Kind.NOT_PLACED,
        full,
        "not placed although "
            + withRoom
            + " eligible rep(s) had room (e.g. "
            + example
            + "); the allocator stopped before placing it");
  }

  private static String list(Map<String, Integer> counts, String between) {
    StringBuilder sb = new StringBuilder();
    String sep = " ";
    for (var e : new java.util.TreeMap<>(counts).entrySet()) {
      sb.append(sep).append(e.getKey()).append(between).append(e.getValue());
      sep = ", ";
    }
    return sb.toString();
  }
}
