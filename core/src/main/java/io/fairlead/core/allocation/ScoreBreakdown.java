package io.fairlead.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The score of an allocation, by level and by constraint. Lower penalties are better; a feasible
 * allocation has {@code hard == 0}. The same formulas score every allocation, whoever made it, so
 * the breakdowns of the solver and of a baseline compare directly.
 *
 * <ul>
 *   <li>hard: {@code eligibility} (leads held where a pairwise rule, a lock or a kept owner does
 *       not allow it), {@code capacity}, {@code new-lead-cap} (leads over a cap)
 *   <li>medium: {@code unassigned} (leads left without owner)
 *   <li>soft: {@code count-balance}, {@code value-balance}, {@code tier-balance}, {@code
 *       continuity}, {@code preference}, {@code unassigned-tier}
 * </ul>
 *
 * @param hard total hard penalty, {@code >= 0}
 * @param medium total medium penalty, {@code >= 0}
 * @param soft total soft penalty, {@code >= 0}
 * @param byConstraint the penalty of each constraint id, in the order above
 * @since 0.1.0
 */
public record ScoreBreakdown(long hard, long medium, long soft, Map<String, Long> byConstraint) {

  public ScoreBreakdown {
    requireNonNull(byConstraint, "byConstraint");
    byConstraint = Collections.unmodifiableMap(new LinkedHashMap<>(byConstraint));
  }

  /** Returns whether no hard constraint is broken. */
  public boolean isFeasible() {
    return hard == 0;
  }

  @Override
  public String toString() {
    return hard + "hard/" + medium + "medium/" + soft + "soft";
  }
}
