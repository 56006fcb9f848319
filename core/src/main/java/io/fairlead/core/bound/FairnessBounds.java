package io.fairlead.core.bound;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Problem;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.RepId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 *       V_r / w_r} of at least this, even if leads could be split between reps. Values are in units
 *       of the mean lead value (a lead of mean value counts 1).
 *   <li>{@link #valueTermLowerBound}: every such allocation has a value imbalance {@code Σ_r V_r² /
 *       w_r} of at least this, in the same units; the score's value term is this sum times 1000 and
 *       the policy's value weight (before per-rep rounding).
 *   <li>{@link #topTierOptimum}: every such allocation has a top-tier imbalance {@code Σ_r a_r² /
 *       w_r} ({@code a_r} top-tier leads of rep {@code r}) of at least this. It is exact when every
 *       top-tier lead fits.
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
 * @since 0.1.0
 */
public record FairnessBounds(
    Problem problem,
    int maxPlaceable,
    Map<RepId, Integer> optimalCounts,
    double countOptimum,
    double valueMaxLowerBound,
    double valueTermLowerBound,
    double topTierOptimum) {

  public FairnessBounds {
    requireNonNull(problem, "problem");
    requireNonNull(optimalCounts, "optimalCounts");
    optimalCounts = Collections.unmodifiableMap(new LinkedHashMap<>(optimalCounts));
    checkArgument(maxPlaceable >= 0, "maxPlaceable must be >= 0, was %s", maxPlaceable);
    checkBound("countOptimum", countOptimum);
    checkBound("valueMaxLowerBound", valueMaxLowerBound);
    checkBound("valueTermLowerBound", valueTermLowerBound);
    checkBound("topTierOptimum", topTierOptimum);
  }

  private static void checkBound(String name, double x) {
    checkArgument(Double.isFinite(x) && x >= 0, "%s must be finite and >= 0, was %s", name, x);
  }

  /** Computes the bounds of a problem. */
  public static FairnessBounds of(Problem problem) {
    return BoundCalculator.of(new ProblemIndex(requireNonNull(problem, "problem")));
  }

  /**
   * Holds an allocation of the same problem against the bounds.
   *
   * @throws IllegalArgumentException if the allocation answers another problem, or gives a lead to
   *     a rep that is not on the roster
   */
  public BoundGaps gaps(Allocation allocation) {
    requireNonNull(allocation, "allocation");
    checkArgument(
        allocation.problem() == problem || allocation.problem().equals(problem),
        "allocation: it answers another problem than these bounds");
    ProblemIndex index = new ProblemIndex(problem);
    List<LeadOutcome> outcomes = allocation.outcomes();
    int[] assignment = new int[outcomes.size()];
    for (int i = 0; i < assignment.length; i++) {
      LeadOutcome o = outcomes.get(i);
      if (o.rep().isPresent()) {
        int r = index.repIndex(o.rep().get());
        checkArgument(
            r >= 0,
            "allocation: lead %s is given to rep %s, which is not on the roster",
            o.lead(),
            o.rep().get());
        assignment[i] = r;
      } else {
        assignment[i] = -1;
      }
    }
    return BoundCalculator.gaps(this, index, assignment);
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
        + "]";
  }
}
