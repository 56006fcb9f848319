package io.fairlead.core.rebalance;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.bound.BoundGaps;

/**
 * One point of a {@link TradeOffCurve}: a move budget, the moves it used, and the fairness of the
 * book after them.
 *
 * @param budget the budget in words: {@code "0"}, {@code "1 %"}, {@code "2 %"}, {@code "5 %"},
 *     {@code "10 %"} of the movable customers, or {@code "unlimited"} ({@code "counts only"} for
 *     {@link TradeOffCurve#countsOnly()})
 * @param maxMoves the budget in moves ({@link Rebalancer#UNLIMITED} for none)
 * @param moves the moves made (at most {@code maxMoves}; fewer when no further move helps, or when
 *     the next step is a chain longer than what is left)
 * @param score the score of the book after the moves: hard (rules broken), medium, and soft (the
 *     policy's balance objectives and preferences; no continuity cost in a rebalance)
 * @param gaps the book after the moves held against the proven bounds: count, value and top-tier
 *     gaps
 * @since 0.1.0
 */
public record TradeOffPoint(
    String budget, int maxMoves, int moves, ScoreBreakdown score, BoundGaps gaps) {

  public TradeOffPoint {
    requireNonNull(budget, "trade-off point: budget");
    checkArgument(maxMoves >= 0, "trade-off point %s: maxMoves must be >= 0", budget);
    checkArgument(
        moves >= 0 && moves <= maxMoves,
        "trade-off point %s: moves must be in [0, %s], was %s",
        budget,
        maxMoves,
        moves);
    requireNonNull(score, "trade-off point: score");
    requireNonNull(gaps, "trade-off point: gaps");
  }
}
