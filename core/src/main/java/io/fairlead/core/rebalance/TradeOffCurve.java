package io.fairlead.core.rebalance;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.MoveFlow;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How much fairness each move budget buys: the book rebalanced with budgets of 0, 1 %, 2 %, 5 % and
 * 10 % of its movable customers (rounded down) and without a limit, each point with the moves it
 * used, its score and its gaps to the proven bounds; and, next to it, the fewest moves that can
 * reach the exact count optimum at all, a proven lower bound.
 *
 * <pre>{@code
 * TradeOffCurve curve = Rebalancer.builder().maxMovesPerRep(10).build().curve(book);
 * for (TradeOffPoint p : curve.points()) {
 *   System.out.printf("%-9s %5d moves  count gap %5.1f %%  value gap %5.1f %%%n",
 *       p.budget(), p.moves(), 100 * p.gaps().countGap(), 100 * p.gaps().valueMaxGap());
 * }
 * curve.fewestMovesToCountOptimum().ifPresent(m -> System.out.println("no rebalance reaches the count optimum in fewer than " + m + " moves"));
 * }</pre>
 *
 * <p>The points come from one run: the moves for a smaller budget are the first moves for a larger
 * one, so fairness never gets worse as the budget grows (the score falls, hard level first). The
 * per-rep budget and the rules on what may move are the rebalancer's; its total budget is not used.
 *
 * <p><b>The count optimum.</b> {@link #fewestMovesToCountOptimum()} is the exact minimum, over
 * every assignment of the rebalancing view that minimises {@code Σ n² / w} (ties included), of the
 * customers that end with another owner: a min-cost flow on the classes of interchangeable
 * customers, where staying costs 0 and moving 1. No rebalancer can do it in fewer moves. {@link
 * #movesToCountOptimum()} is after how many of this curve's moves the count term first reached the
 * optimum (the policy also balances value and tiers, so it may never do exactly); {@link
 * #countsOnlyMovesToCountOptimum()} is the same for the rebalancer balancing counts alone.
 *
 * <p>Immutable and thread-safe. Made only by {@link Rebalancer#curve}.
 *
 * @since 0.1.0
 */
public final class TradeOffCurve {

  private static final double[] FRACTIONS = {0, 0.01, 0.02, 0.05, 0.10};
  private static final String[] LABELS = {"0", "1 %", "2 %", "5 %", "10 %"};

  private final List<TradeOffPoint> points;
  private final int movable;
  private final Map<String, Integer> heldBack;
  private final int maxMovesPerRep;
  private final Allocation before;
  private final FairnessBounds bounds;
  private final OptionalInt fewest;
  private final OptionalInt reached;
  private final OptionalInt countsOnlyReached;
  private final TradeOffPoint countsOnly;

  private TradeOffCurve(
      List<TradeOffPoint> points,
      BookView view,
      int maxMovesPerRep,
      Allocation before,
      FairnessBounds bounds,
      OptionalInt fewest,
      OptionalInt reached,
      OptionalInt countsOnlyReached,
      TradeOffPoint countsOnly) {
    this.points = List.copyOf(points);
    this.movable = view.movable;
    this.heldBack = Collections.unmodifiableMap(new LinkedHashMap<>(view.heldBack));
    this.maxMovesPerRep = maxMovesPerRep;
    this.before = before;
    this.bounds = bounds;
    this.fewest = fewest;
    this.reached = reached;
    this.countsOnlyReached = countsOnlyReached;
    this.countsOnly = countsOnly;
  }

  static TradeOffCurve of(BookView view, int perRep) {
    Allocation before = Allocation.of(view.problem, view.owners(), "book", Duration.ZERO);
    FairnessBounds bounds = FairnessBounds.of(view.problem);
    CountFlow optimum = CountFlow.solve(view.index);
    // Moves never unassign a customer: the optimum is within reach only if it places them all.
    boolean reachable = optimum.maxPlaceable() == view.index.leadCount();
    double target = reachable ? optimum.optimum() : Double.NaN;
    Engine.Run run = Engine.run(view, before.metrics(), Rebalancer.UNLIMITED, perRep, target);
    List<TradeOffPoint> points = new ArrayList<>();
    for (int k = 0; k <= FRACTIONS.length; k++) {
      boolean unlimited = k == FRACTIONS.length;
      int budget = unlimited ? Rebalancer.UNLIMITED : (int) Math.floor(FRACTIONS[k] * view.movable);
      Map<LeadId, RepId> assignment = Engine.after(view, run.moves(), budget);
      Allocation a = Allocation.of(view.problem, assignment, "rebalance", Duration.ZERO);
      points.add(
          new TradeOffPoint(
              unlimited ? "unlimited" : LABELS[k],
              budget,
              Engine.prefix(run.moves(), budget).size(),
              a.score(),
              bounds.gaps(assignment)));
    }
    OptionalInt fewest =
        reachable
            ? OptionalInt.of(MoveFlow.solve(view.index, optimum).moves())
            : OptionalInt.empty();
    // The same book rebalanced for counts alone, measured under the policy like the points.
    BookView counts = view.withPolicy(BookView.countsOnly(view.problem.policy()));
    Allocation countsBefore = Allocation.of(counts.problem, counts.owners(), "book", Duration.ZERO);
    // Run to the end: the last rounds gain little score, but they are what reaches the optimum.
    Engine.Run countsRun =
        Engine.run(counts, countsBefore.metrics(), Rebalancer.UNLIMITED, perRep, target, 0);
    Map<LeadId, RepId> countsAfter = Engine.after(view, countsRun.moves(), Rebalancer.UNLIMITED);
    TradeOffPoint countsPoint =
        new TradeOffPoint(
            "counts only",
            Rebalancer.UNLIMITED,
            countsRun.moves().size(),
            Allocation.of(view.problem, countsAfter, "rebalance", Duration.ZERO).score(),
            bounds.gaps(countsAfter));
    int at = countsRun.movesToCountOptimum();
    OptionalInt countsOnly = at < 0 ? OptionalInt.empty() : OptionalInt.of(at);
    OptionalInt reached =
        run.movesToCountOptimum() < 0
            ? OptionalInt.empty()
            : OptionalInt.of(run.movesToCountOptimum());
    return new TradeOffCurve(
        points, view, perRep, before, bounds, fewest, reached, countsOnly, countsPoint);
  }

  /** The points, from no moves to no limit. */
  public List<TradeOffPoint> points() {
    return points;
  }

  /** The movable customers the budgets are fractions of. */
  public int movable() {
    return movable;
  }

  /** How many owned customers had to stay, by cause (as {@link Rebalance#heldBack()}). */
  public Map<String, Integer> heldBack() {
    return heldBack;
  }

  /** The per-rep budget of every point ({@link Rebalancer#UNLIMITED} for none). */
  public int maxMovesPerRep() {
    return maxMovesPerRep;
  }

  /** The book as it is, in the rebalancing view (as {@link Rebalance#before()}). */
  public Allocation before() {
    return before;
  }

  /** The proven bounds of the rebalancing view. */
  public FairnessBounds bounds() {
    return bounds;
  }

  /**
   * The fewest moves that reach the exact count optimum: a proven lower bound for every rebalance.
   * Empty if moves cannot reach it (the optimum leaves a customer of the book without an owner).
   */
  public OptionalInt fewestMovesToCountOptimum() {
    return fewest;
  }

  /**
   * After how many moves of the unlimited run the count term first equalled the optimum; empty if
   * it never did (the policy trades counts for value and tiers, or a per-rep budget stops it).
   */
  public OptionalInt movesToCountOptimum() {
    return reached;
  }

  /**
   * The same for the rebalancer with the policy's other objectives set to nothing: how close the
   * greedy gets to the fewest moves when counts are all that matters.
   */
  public OptionalInt countsOnlyMovesToCountOptimum() {
    return countsOnlyReached;
  }

  /**
   * The book rebalanced without a limit for lead counts alone (every other objective of the policy
   * at weight 0; the same per-rep budget and rules on what may move), measured under the policy
   * like the points: what {@link #countsOnlyMovesToCountOptimum()} speaks about, and how close to
   * the count optimum it ends when it does not reach it. Labelled {@code "counts only"}.
   */
  public TradeOffPoint countsOnly() {
    return countsOnly;
  }
}
