/**
 * Proven fairness bounds: how fair any allocation of a problem could possibly be, and how far a
 * given allocation is from that.
 *
 * <p>{@link io.fairlead.core.bound.FairnessBounds#of FairnessBounds.of(problem)} computes, with no
 * solver on the classpath:
 *
 * <ul>
 *   <li>the exact <b>count optimum</b>: the most leads any allocation can place, and the smallest
 *       count imbalance {@code Σ n² / w} among allocations that place that many;
 *   <li>a <b>value lower bound</b>: no allocation can give every rep a smaller weighted value than
 *       this, even if leads could be split between reps, nor leave the rep that takes a large lead
 *       below that lead's value (over its weight, on top of its pinned leads);
 *   <li>a <b>top-tier bound</b>: the smallest top-tier imbalance any allocation can reach.
 * </ul>
 *
 * <p>{@link io.fairlead.core.bound.FairnessBounds#gaps FairnessBounds.gaps(allocation)} then turns
 * them into relative gaps ("max weighted value is 0.4 % above a proven lower bound") and a yes/no
 * proof that the allocation is count-optimal.
 *
 * @since 0.1.0
 */
package io.fairlead.core.bound;
