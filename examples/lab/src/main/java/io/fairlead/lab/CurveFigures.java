package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.rebalance.TradeOffCurve;
import io.fairlead.core.rebalance.TradeOffPoint;
import java.util.List;
import java.util.OptionalInt;

/**
 * What more moves would buy at the end of a run: the book's trade-off curve (core's {@code
 * Book.curve}) as plain figures. Each point is a move budget — 0, 1 %, 2 %, 5 %, 10 % of the
 * movable customers, and unlimited — with the moves a rebalance used within it and the book's gaps
 * to the proven bounds after them; the first point (no moves) is the book as the run left it.
 *
 * <pre>{@code
 * CurveFigures c = result.run("default").curve();
 * for (CurveFigures.Point p : c.points()) {
 *   System.out.printf("%-9s %4d moves  count gap %5.1f %%%n", p.budget(), p.moves(), 100 * p.countGap());
 * }
 * }</pre>
 *
 * <p>The rebalancer is the one the scenario's schedule would use (the book's, with the schedule's
 * per-rep budget; the top tier as the rebalancer's default), whether or not the policy allows
 * rebalancing: the curve says what rebalancing would buy, not what the run did. Immutable; equal
 * for the same scenario.
 *
 * @param movable the movable customers the budgets are fractions of
 * @param maxMovesPerRep the per-rep budget of every point ({@code Integer.MAX_VALUE} for none)
 * @param points the points, from no moves to no limit
 * @param fewestMovesToCountOptimum the proven fewest moves that reach the exact count optimum: no
 *     rebalance can do it in fewer; empty when moves cannot reach it
 * @since 0.1.0
 */
public record CurveFigures(
    int movable, int maxMovesPerRep, List<Point> points, OptionalInt fewestMovesToCountOptimum) {

  public CurveFigures {
    points = List.copyOf(points);
    requireNonNull(fewestMovesToCountOptimum, "curve: fewestMovesToCountOptimum");
  }

  /** The figures of a core curve. */
  static CurveFigures of(TradeOffCurve curve) {
    return new CurveFigures(
        curve.movable(),
        curve.maxMovesPerRep(),
        curve.points().stream().map(Point::of).toList(),
        curve.fewestMovesToCountOptimum());
  }

  /**
   * One budget of the curve and the book's fairness after the moves made within it. A gap is {@code
   * (figure − bound) / bound} (0 = provably optimal, 0.05 = 5 % above the best possible; see core's
   * {@code BoundGaps}); not finite when the bound is 0 and the figure is not.
   *
   * @param budget the budget in words: {@code "0"}, {@code "1 %"}, {@code "2 %"}, {@code "5 %"},
   *     {@code "10 %"} or {@code "unlimited"}
   * @param maxMoves the budget in moves ({@code Integer.MAX_VALUE} for none)
   * @param moves the moves made within it
   * @param countGap the customers' squared-load term above the count optimum
   * @param valueMaxGap the largest weighted value above its proven lower bound
   * @param topTierGap the top tier's squared-load term above its optimum
   * @since 0.1.0
   */
  public record Point(
      String budget,
      int maxMoves,
      int moves,
      double countGap,
      double valueMaxGap,
      double topTierGap) {

    public Point {
      requireNonNull(budget, "curve point: budget");
    }

    static Point of(TradeOffPoint p) {
      BoundGaps g = p.gaps();
      return new Point(
          p.budget(), p.maxMoves(), p.moves(), g.countGap(), g.valueMaxGap(), g.topTierGap());
    }
  }
}
