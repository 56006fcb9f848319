/**
 * Online routing: {@link io.fairlead.core.routing.LeadRouter} places leads one at a time as they
 * arrive, in microseconds, under the same hard rules and penalty formulas as the batch allocation,
 * with a per-period fairness ledger ({@link io.fairlead.core.routing.CatchUp catch-up} policy for
 * new reps and reps back from leave), deterministic tie-breaks, thread safety, JSON persistence and
 * a hand-off to the batch for rebalancing. Each decision is a {@link
 * io.fairlead.core.routing.RouteDecision}; {@link io.fairlead.core.routing.RepSnapshot} shows a
 * rep's aggregates and ledger.
 *
 * <p>See {@code docs/routing.md}.
 *
 * @since 0.1.0
 */
package io.fairlead.core.routing;
