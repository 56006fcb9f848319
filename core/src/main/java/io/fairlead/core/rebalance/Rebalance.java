package io.fairlead.core.rebalance;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A book rebalanced by a {@link Rebalancer}: the moves in order with their reasons, and the book
 * before and after them, measured, scored and held against the proven bounds alike.
 *
 * <pre>{@code
 * Rebalance r = Rebalancer.builder().maxMoves(40).maxMovesPerRep(5).build().rebalance(book);
 * System.out.println(r.summary());
 * r.moves().forEach(m -> System.out.println(m.lead() + " " + m.from() + " -> " + m.to() + ": " + m.reason()));
 * System.out.println(r.after().explain(LeadId.of("c17")).summary());
 * System.out.printf("count imbalance %.1f %% above the optimum (was %.1f %%)%n",
 *     100 * r.gapsAfter().countGap(), 100 * r.gapsBefore().countGap());
 * }</pre>
 *
 * <p><b>The rebalancing view.</b> {@link #before()} and {@link #after()} are allocations of one
 * problem, {@code after().problem()}: the book's customers that have an owner, with those that must
 * not move locked to their owners (so their outcome is {@code LOCKED}), under the book's policy
 * with owners movable and no continuity cost (the move budget takes its place). Every other
 * customer is {@code KEPT} or {@code MOVED}; {@link #unowned()} lists the book's customers without
 * an owner, which are not part of it. The {@link #bounds() bounds} are that problem's: they speak
 * about every book the allowed moves could reach, and {@code gapsAfter().countOptimal()} proves
 * that no rebalance balances counts better.
 *
 * <p>Immutable and thread-safe. Made only by {@link Rebalancer#rebalance}.
 *
 * @since 0.1.0
 */
public final class Rebalance {

  private final List<Move> moves;
  private final Allocation before;
  private final Allocation after;
  private final FairnessBounds bounds;
  private final BoundGaps gapsBefore;
  private final BoundGaps gapsAfter;
  private final int movable;
  private final Map<String, Integer> heldBack;
  private final List<LeadId> unowned;
  private final int maxMoves;
  private final int maxMovesPerRep;

  private Rebalance(
      List<Move> moves,
      Allocation before,
      Allocation after,
      FairnessBounds bounds,
      BookView view,
      int maxMoves,
      int maxMovesPerRep) {
    this.moves = List.copyOf(moves);
    this.before = before;
    this.after = after;
    this.bounds = bounds;
    this.gapsBefore = bounds.gaps(before.assignment());
    this.gapsAfter = bounds.gaps(after.assignment());
    this.movable = view.movable;
    this.heldBack = Collections.unmodifiableMap(new LinkedHashMap<>(view.heldBack));
    this.unowned = view.unowned;
    this.maxMoves = maxMoves;
    this.maxMovesPerRep = maxMovesPerRep;
  }

  /** Runs the rebalancer on a view and measures the result. */
  static Rebalance of(BookView view, int maxMoves, int maxMovesPerRep, long startNanos) {
    Problem problem = view.problem;
    Allocation before = Allocation.of(problem, view.owners(), "book", Duration.ZERO);
    Engine.Run run = Engine.run(view, before.metrics(), maxMoves, maxMovesPerRep, Double.NaN);
    Allocation after =
        Allocation.of(
            problem,
            Engine.after(view, run.moves(), Rebalancer.UNLIMITED),
            "rebalance",
            Duration.ofNanos(System.nanoTime() - startNanos));
    return new Rebalance(
        run.moves(), before, after, FairnessBounds.of(problem), view, maxMoves, maxMovesPerRep);
  }

  /** The moves in the order they are made (the steps of a chain together). */
  public List<Move> moves() {
    return moves;
  }

  /** The book as it is: every owned customer with its owner. */
  public Allocation before() {
    return before;
  }

  /**
   * The book after the moves, the net result: a customer that ends with another rep than its owner
   * is {@code MOVED} (once, however many moves handed it on), with explanations.
   */
  public Allocation after() {
    return after;
  }

  /** The proven bounds of the rebalancing view (see the class comment). */
  public FairnessBounds bounds() {
    return bounds;
  }

  /** The book before the moves held against the bounds. */
  public BoundGaps gapsBefore() {
    return gapsBefore;
  }

  /** The book after the moves held against the bounds. */
  public BoundGaps gapsAfter() {
    return gapsAfter;
  }

  /** How many of the book's owned customers were allowed to move. */
  public int movable() {
    return movable;
  }

  /**
   * How many owned customers had to stay, by cause, in this order: {@code "locked"}, {@code "must
   * not move"} (the host's predicate), {@code "top tier"}.
   */
  public Map<String, Integer> heldBack() {
    return heldBack;
  }

  /** The book's customers without an owner, in input order: not part of the book, left alone. */
  public List<LeadId> unowned() {
    return unowned;
  }

  /** The total budget it ran with ({@link Rebalancer#UNLIMITED} for none). */
  public int maxMoves() {
    return maxMoves;
  }

  /** The per-rep budget it ran with ({@link Rebalancer#UNLIMITED} for none). */
  public int maxMovesPerRep() {
    return maxMovesPerRep;
  }

  /** How many moves of each kind, in the order of {@link Move.Kind}. */
  public Map<Move.Kind, Integer> movesByKind() {
    Map<Move.Kind, Integer> out = new LinkedHashMap<>();
    for (Move.Kind k : Move.Kind.values()) {
      out.put(k, 0);
    }
    moves.forEach(m -> out.merge(m.kind(), 1, Integer::sum));
    return Collections.unmodifiableMap(out);
  }

  /** A paragraph for a manager: the moves, the budget, and the fairness before and after. */
  public String summary() {
    Map<Move.Kind, Integer> kinds = movesByKind();
    StringBuilder sb = new StringBuilder();
    sb.append(moves.size())
        .append(moves.size() == 1 ? " move" : " moves")
        .append(" (budget ")
        .append(maxMoves == Rebalancer.UNLIMITED ? "unlimited" : Integer.toString(maxMoves))
        .append(
            maxMovesPerRep == Rebalancer.UNLIMITED
                ? ""
                : ", at most " + maxMovesPerRep + " taken from and given to any rep")
        .append("): ")
        .append(kinds.get(Move.Kind.CAPACITY))
        .append(" over a capacity, ")
        .append(kinds.get(Move.Kind.RULE))
        .append(" against a rule, ")
        .append(kinds.get(Move.Kind.BALANCE))
        .append(" for balance. ")
        .append(
            String.format(
                Locale.ROOT,
                "Count imbalance %s above the optimum (was %s), largest weighted value %s above"
                    + " its lower bound (was %s), top tier %s above its optimum (was %s);"
                    + " hard rules broken %d (was %d). ",
                percent(gapsAfter.countGap()),
                percent(gapsBefore.countGap()),
                percent(gapsAfter.valueMaxGap()),
                percent(gapsBefore.valueMaxGap()),
                percent(gapsAfter.topTierGap()),
                percent(gapsBefore.topTierGap()),
                after.score().hard(),
                before.score().hard()))
        .append(movable)
        .append(" customers could move; held back: ");
    String sep = "";
    for (var e : heldBack.entrySet()) {
      sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
      sep = ", ";
    }
    if (!unowned.isEmpty()) {
      sb.append("; ").append(unowned.size()).append(" without an owner left alone");
    }
    return sb.append('.').toString();
  }

  static String percent(double gap) {
    return Double.isInfinite(gap) ? "∞" : String.format(Locale.ROOT, "%.1f %%", 100 * gap);
  }

  @Override
  public String toString() {
    return "Rebalance["
        + moves.size()
        + " moves, before "
        + before.score()
        + ", after "
        + after.score()
        + "]";
  }
}
