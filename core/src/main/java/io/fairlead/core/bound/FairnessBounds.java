package io.fairlead.core.bound;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fair any allocation of a problem could possibly be: proven bounds that a manager can hold any
 * allocation against, whoever made it.
 *
 * <pre>{@code
 * FairnessBounds bounds = FairnessBounds.of(problem);
 * BoundGaps gaps = bounds.gaps(allocation);
 * System.out.printf("count imbalance %.2f %% above the optimum, max value %.2f %% above a lower bound%n",
 *     100 * gaps.countGap(), 100 * gaps.valueMaxGap());
 * }</pre>
 *
 * <p>What each figure proves, in plain words. The bounds speak about every allocation that keeps
 * the hard rules (eligibility, pinned leads with their owners, capacities after outside holdings,
 * new-lead caps, as far as the policy enforces them) and places as many leads as possible: the
 * allocations the solver looks for. An allocation that breaks a rule or leaves placeable leads out
 * may score below them.
 *
 * <ul>
 *   <li>{@link #maxPlaceable}: no allocation places more leads; some allocation places this many.
 *   <li>{@link #countOptimum}: the smallest count imbalance {@code Σ_r n_r² / w_r} ({@code n_r}
 *       leads of rep {@code r}, pinned ones included, {@code w_r} its effective weight) that such
 *       an allocation can have. It is exact: some allocation reaches it. With equal weights it is
 *       also the allocation whose largest load is smallest, then its second largest, and so on.
 *   <li>{@link #valueMaxLowerBound}: every such allocation gives some rep a weighted value {@code
 *       V_r / w_r} of at least this: the larger of two proven bounds, the fractional one (no rep
 *       could hold less even if leads could be split between reps) and the whole-lead one (a lead
 *       is not split: the rep that takes it holds its value on top of its pinned leads, so some rep
 *       holds at least {@code min_r (pinned_r + v_i) / w_r} over the reps {@code r} eligible for
 *       the lead {@code i}, for each lead every maximum placement places). Values are in units of
 *       the mean lead value (a lead of mean value counts 1).
 *   <li>{@link #valueTermLowerBound}: every such allocation has a value imbalance {@code Σ_r V_r² /
 *       w_r} of at least this, in the same units; the score's value term is this sum times 1000 and
 *       the policy's value weight (before per-rep rounding).
 *   <li>{@link #topTierOptimum}: every such allocation has a top-tier imbalance {@code Σ_r a_r² /
 *       w_r} ({@code a_r} top-tier leads of rep {@code r}) of at least this. It is exact when every
 *       top-tier lead fits.
 *   <li>{@link #receiptsOptimum}: every such allocation has a receipts imbalance {@code Σ_r ((c_r +
 *       m_r)² − c_r²) / w_r} ({@code m_r} leads rep {@code r} receives as new, {@code c_r} its
 *       credit in the problem's period ledger) of at least this: the same convex flow as the count
 *       optimum, with the credits as the reps' starting loads, over the leads that are new to
 *       whoever takes them. It is exact when every free lead is such a lead and every lead fits
 *       (owners kept, room for all: a nightly batch of new leads).
 * </ul>
 *
 * <p>Computed in time close to linear in the number of leads: interchangeable leads (same eligible
 * reps, same owner) are merged, so the flows run on a network of classes, not leads. Immutable and
 * thread-safe; deterministic.
 *
 * @param problem the problem the bounds belong to
 * @param maxPlaceable the most leads any allocation can place, pinned leads included
 * @param optimalCounts each rep's leads in one count-optimal allocation, in roster order (with
 *     ties, other optimal allocations may differ; the count imbalance is the same)
 * @param countOptimum the exact minimum of {@code Σ_r n_r² / w_r}
 * @param valueMaxLowerBound a lower bound on {@code max_r V_r / w_r}
 * @param valueTermLowerBound a lower bound on {@code Σ_r V_r² / w_r}
 * @param topTierOptimum a lower bound on {@code Σ_r a_r² / w_r}, exact when every top-tier lead
 *     fits
 * @param receiptsOptimum a lower bound on {@code Σ_r ((c_r + m_r)² − c_r²) / w_r}, exact in the
 *     case above
 * @since 0.1.0
 */
public record FairnessBounds(
    Problem problem,
    int maxPlaceable,
    Map<RepId, Integer> optimalCounts,
    double countOptimum,
    double valueMaxLowerBound,
    double valueTermLowerBound,
    double topTierOptimum,
    double receiptsOptimum) {

  public FairnessBounds {
    requireNonNull(problem, "problem");
    requireNonNull(optimalCounts, "optimalCounts");
    optimalCounts = Collections.unmodifiableMap(new LinkedHashMap<>(optimalCounts));
    checkArgument(maxPlaceable >= 0, "maxPlaceable must be >= 0, was %s", maxPlaceable);
    checkBound("countOptimum", countOptimum);
    checkBound("valueMaxLowerBound", valueMaxLowerBound);
    checkBound("valueTermLowerBound", valueTermLowerBound);
    checkBound("topTierOptimum", topTierOptimum);
    checkBound("receiptsOptimum", receiptsOptimum);
  }

  private static void checkBound(String name, double x) {
    checkArgument(Double.isFinite(x) && x >= 0, "%s must be finite and >= 0, was %s", name, x);
  }

  /** Computes the bounds of a problem. */
  public static FairnessBounds of(Problem problem) {
    requireNonNull(problem, "problem");
    return BoundCalculator.of(index(problem), problem);
  }

  private static ProblemIndex index(Problem problem) {
    return ProblemIndex.of(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
  }

  /**
   * Holds an assignment of the same problem (who holds which lead; leads missing from the map are
   * unassigned) against the bounds: an allocation's {@link
   * io.fairlead.core.allocation.Allocation#gaps() gaps()}, or any plan made elsewhere.
   *
   * @throws IllegalArgumentException if the map names a lead or rep that is not in the problem
   */
  public BoundGaps gaps(Map<LeadId, RepId> assignment) {
    requireNonNull(assignment, "assignment");
    ProblemIndex index = index(problem);
    int[] reps = new int[index.leadCount()];
    java.util.Arrays.fill(reps, -1);
    assignment.forEach(
        (lead, rep) -> {
          int i = index.leadIndex(requireNonNull(lead, "assignment: a lead id is null"));
          checkArgument(i >= 0, "assignment: lead %s is not in the problem", lead);
          int r = index.repIndex(requireNonNull(rep, "assignment: a rep id is null"));
          checkArgument(
              r >= 0,
              "assignment: lead %s is given to rep %s, which is not on the roster",
              lead,
              rep);
          reps[i] = r;
        });
    return BoundCalculator.gaps(this, index, reps);
  }

  /** A one-line summary; the problem is left out. */
  @Override
  public String toString() {
    return "FairnessBounds[maxPlaceable="
        + maxPlaceable
        + ", countOptimum="
        + countOptimum
        + ", valueMaxLowerBound="
        + valueMaxLowerBound
        + ", valueTermLowerBound="
        + valueTermLowerBound
        + ", topTierOptimum="
        + topTierOptimum
        + ", receiptsOptimum="
        + receiptsOptimum
        + "]";
  }
}
