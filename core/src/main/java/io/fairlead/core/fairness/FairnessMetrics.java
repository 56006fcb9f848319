package io.fairlead.core.fairness;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.problem.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fair an allocation is: each rep's load next to its fair share, spread statistics for lead
 * counts, value and each tier, what each rep received this period against its entitlement, and
 * every hard rule broken.
 *
 * <p>Works on any assignment, not only the solver's: the CRM's current book, a round robin, a
 * spreadsheet. Pure function of its inputs; immutable.
 *
 * <pre>{@code
 * FairnessMetrics m = FairnessMetrics.of(problem, Map.of(LeadId.of("c1"), RepId.of("ana")));
 * System.out.println(m.count().gini() + " " + m.topTier().maxMinRatio());
 * }</pre>
 *
 * @param reps per-rep figures, in roster order
 * @param assigned how many leads have an owner
 * @param unassigned how many do not
 * @param count spread of lead counts
 * @param value spread of value
 * @param tiers spread of each tier's lead counts, in tier order (top first)
 * @param receipts spread of what the reps that take new leads received this period ({@link
 *     RepStats#receipts()}) against their entitlement ({@link RepStats#fairReceipts()}); its {@link
 *     Spread#maxDeviation() maxDeviation} is the largest count lag of the period ledger, in leads
 * @param violations the hard rules broken: first the leads, in input order (pairwise rules, and
 *     {@code "locked"} for a locked lead held by another rep than its owner), then, rep by rep in
 *     roster order, {@code "capacity"} and {@code "new-lead-cap"} breaches (only for rules the
 *     policy enforces)
 * @since 0.1.0
 */
public record FairnessMetrics(
    List<RepStats> reps,
    int assigned,
    int unassigned,
    Spread count,
    Spread value,
    Map<Tier, Spread> tiers,
    Spread receipts,
    List<Violation> violations) {

  public FairnessMetrics {
    reps = List.copyOf(reps);
    tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    violations = List.copyOf(violations);
    requireNonNull(count, "count");
    requireNonNull(value, "value");
    requireNonNull(receipts, "receipts");
  }

  /**
   * Measures an assignment of the problem's leads. Leads missing from the map are unassigned.
   *
   * @throws IllegalArgumentException if the map names a lead or rep that is not in the problem
   */
  public static FairnessMetrics of(Problem problem, Map<LeadId, RepId> assignment) {
    return MetricsCalculator.compute(problem, assignment);
  }

  /** The spread of the top tier's lead counts. */
  public Spread topTier() {
    return tiers.values().iterator().next();
  }

  /** The figures of one rep. */
  public RepStats rep(RepId id) {
    return reps.stream()
        .filter(r -> r.rep().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("rep " + id + " is not in these metrics"));
  }
}
