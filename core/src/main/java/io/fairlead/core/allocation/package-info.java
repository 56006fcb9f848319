/**
 * Problems and their answers: a {@link io.fairlead.core.allocation.Problem} goes into an {@link
 * io.fairlead.core.allocation.Allocator}; an {@link io.fairlead.core.allocation.Allocation} comes
 * back with every lead's {@link io.fairlead.core.allocation.LeadOutcome outcome}, the score and
 * {@link io.fairlead.core.allocation.Explanation explanations}. {@link
 * io.fairlead.core.allocation.Baselines} are the round robin and least-busy allocators of today's
 * CRMs, to compare against.
 *
 * @since 0.1.0
 */
package io.fairlead.core.allocation;
