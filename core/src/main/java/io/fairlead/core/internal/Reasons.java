package io.fairlead.core.internal;

import io.fairlead.core.allocation.UnassignedReason;
import java.util.Map;

/** The unassigned reasons, worded once for the batch ({@link Assembler}) and the router. */
public final class Reasons {

  private Reasons() {}

  /** Every rep fails a pairwise rule: {@code excludedBy} counts the first rule each one fails. */
  public static UnassignedReason noEligibleRep(int reps, Map<String, Integer> excludedBy) {
    return new UnassignedReason(
        UnassignedReason.Kind.NO_ELIGIBLE_REP,
        excludedBy,
        "no eligible rep among " + reps + ":" + list(excludedBy, " excluded "));
  }

  /** Every eligible rep is at a cap: {@code full} counts reps per cap ({@code capacity}…). */
  public static UnassignedReason allEligibleFull(int eligible, Map<String, Integer> full) {
    return new UnassignedReason(
        UnassignedReason.Kind.ALL_ELIGIBLE_FULL,
        full,
        "all " + eligible + " eligible reps are full:" + list(full, " "));
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
