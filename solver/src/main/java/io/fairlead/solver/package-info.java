/**
 * The optimising allocator: {@link io.fairlead.solver.LeadAllocator} distributes leads among reps
 * fairly with OptaPlanner, behind an API that shows no OptaPlanner type.
 *
 * <pre>{@code
 * Allocation a = LeadAllocator.create(Policy.defaults()).allocate(reps, leads);
 * }</pre>
 *
 * <p>Everything else in this module lives in {@code io.fairlead.solver.internal} and may change in
 * any release.
 *
 * @since 0.1.0
 */
package io.fairlead.solver;
