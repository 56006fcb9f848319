package io.fairlead.core.bound;

/**
 * One allocation held against its problem's {@link FairnessBounds}: its own figures, how far each
 * is above the bound, and whether its lead counts are proven optimal.
 *
 * <pre>{@code
 * BoundGaps g = FairnessBounds.of(problem).gaps(allocation);
 * if (g.countOptimal()) System.out.println("no allocation balances lead counts better");
 * System.out.printf("max weighted value is %.1f %% above a proven lower bound%n", 100 * g.valueMaxGap());
 * }</pre>
 *
 * <p>A gap is {@code (figure − bound) / bound}: 0 means the allocation reaches the bound, 0.02
 * means 2 % above it. It is 0 when figure and bound are both 0 and infinite when only the bound is.
 * The count bound is an exact optimum, and so are the top-tier and receipts bounds in the cases
 * {@link FairnessBounds} names, so their gaps are what could still be gained; the value bounds are
 * lower bounds, so their gaps are at most what could be gained. Gaps are only proofs for
 * allocations that are {@link #feasible} and place {@link #maxPlaceable} leads; others can come out
 * negative. Immutable.
 *
 * @param feasible whether the allocation keeps the hard rules the bounds assume (eligibility,
 *     pinned leads with their owners, capacities, new-lead caps)
 * @param placed the leads it places
 * @param maxPlaceable the most leads any allocation can place
 * @param countTerm its {@code Σ_r n_r² / w_r}
 * @param countOptimum the proven count optimum ({@link FairnessBounds#countOptimum()})
 * @param countGap {@code countTerm} relative to the count optimum
 * @param valueMax its {@code max_r V_r / w_r}, in units of the mean lead value ({@link
 *     io.fairlead.core.allocation.Allocation#meanValue()} in money)
 * @param valueMaxBound the proven lower bound on it ({@link FairnessBounds#valueMaxLowerBound()})
 * @param valueMaxGap {@code valueMax} relative to its lower bound
 * @param valueTerm its {@code Σ_r V_r² / w_r}, in the same units
 * @param valueTermBound the proven lower bound on it ({@link FairnessBounds#valueTermLowerBound()})
 * @param valueTermGap {@code valueTerm} relative to its lower bound
 * @param topTierTerm its {@code Σ_r a_r² / w_r} over top-tier leads
 * @param topTierBound the proven bound on it ({@link FairnessBounds#topTierOptimum()})
 * @param topTierGap {@code topTierTerm} relative to the top-tier optimum
 * @param receiptsTerm its {@code Σ_r ((c_r + m_r)² − c_r²) / w_r} over the leads each rep receives
 *     as new on top of its period credit
 * @param receiptsBound the proven bound on it ({@link FairnessBounds#receiptsOptimum()})
 * @param receiptsGap {@code receiptsTerm} relative to the receipts optimum
 * @param improvingPath whether it is feasible and yet one more lead can be placed, or a lead can
 *     move (directly, through a chain of moves, or by swapping with an unassigned lead) from a rep
 *     to another so that {@code Σ n² / w} drops; false for infeasible allocations
 * @since 0.1.0
 */
public record BoundGaps(
    boolean feasible,
    int placed,
    int maxPlaceable,
    double countTerm,
    double countOptimum,
    double countGap,
    double valueMax,
    double valueMaxBound,
    double valueMaxGap,
    double valueTerm,
    double valueTermBound,
    double valueTermGap,
    double topTierTerm,
    double topTierBound,
    double topTierGap,
    double receiptsTerm,
    double receiptsBound,
    double receiptsGap,
    boolean improvingPath) {

  /**
   * Returns whether the allocation is proven count-optimal: it keeps the hard rules, places the
   * most leads, and no improving path exists, so no allocation has a smaller {@code Σ n² / w}.
   */
  public boolean countOptimal() {
    return feasible && placed == maxPlaceable && !improvingPath;
  }
}
