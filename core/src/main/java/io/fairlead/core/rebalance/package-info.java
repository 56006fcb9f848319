/**
 * Rebalancing an existing book: moving as few customers as possible toward the policy's fairness
 * goals, within a total and a per-rep move budget, with a reason for every move, and the trade-off
 * curve between moves and fairness.
 *
 * <p>{@link io.fairlead.core.rebalance.Rebalancer} is the entry point; {@link
 * io.fairlead.core.rebalance.Rebalance} (the moves, the book before and after) and {@link
 * io.fairlead.core.rebalance.TradeOffCurve} are its answers. It builds on the same rulebook (who
 * may take whom), kernel (what a move costs), metrics and bounds as every allocator, and needs no
 * solver.
 *
 * @since 0.1.0
 */
package io.fairlead.core.rebalance;
