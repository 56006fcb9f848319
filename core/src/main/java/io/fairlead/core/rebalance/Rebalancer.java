package io.fairlead.core.rebalance;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.problem.Problem;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rebalances an existing book toward the policy's fairness goals while moving as few customers as
 * possible, within a move budget; and draws the trade-off curve between moves and fairness so that
 * a manager can choose the budget.
 *
 * <pre>{@code
 * Rebalancer rebalancer =
 *     Rebalancer.builder()
 *         .maxMoves(40)                                   // moves in all
 *         .maxMovesPerRep(5)                              // taken from, and given to, any one rep
 *         .mustNotMove(lead -> "negotiation".equals(lead.attributes().get("stage")))
 *         .lastTouched(lead -> crm.lastActivity(lead.id()))
 *         .build();
 * Rebalance r = rebalancer.rebalance(book);              // book: a Problem whose leads have owners
 * r.moves().forEach(m -> System.out.println(m.lead() + " " + m.from() + " -> " + m.to() + ": " + m.reason()));
 * TradeOffCurve curve = rebalancer.curve(book);         // 0, 1 %, 2 %, 5 %, 10 %, unlimited
 * }</pre>
 *
 * <p><b>What may move.</b> The book's owned customers, except: locked ones; those the host's {@link
 * Builder#mustNotMove} predicate holds back (recent activity, late-stage deals); and, unless {@link
 * Builder#moveTopTier} allows it, those of the policy's top tier (key relationships). Customers
 * without an owner are not part of the book and are left alone.
 *
 * <p><b>The budget.</b> A move hands one customer from the rep that holds it to another. {@link
 * Builder#maxMoves} bounds the moves in all. {@link Builder#maxMovesPerRep} bounds, for every rep,
 * both the moves that take a customer from it and those that give it one: a rep loses at most that
 * many relationships and picks up at most that many new ones, the two disruptions a rep feels; a
 * rep that passes a customer along in a chain uses one of each. Both default to unlimited. A
 * customer moved by one step may be handed on by a later one (when an early move, typically a
 * capacity repair, turns out to block a fairer book); that is another move, and {@link
 * Rebalance#after()} shows the net result. The policy's hard rules and caps hold for every move
 * (eligibility, capacity, new-lead caps: a customer a rep takes in a rebalance is new to it).
 *
 * <p><b>Order.</b> First the excess of every rep over its capacity, least valuable first, then
 * least recently touched ({@link Builder#lastTouched}); then customers whose owner may no longer
 * hold them under the policy, in the same order; then, greedily, the move that makes the book
 * fairest (the policy's balance objectives and preferences, priced by the same kernel as every
 * allocation) until no move helps; when no single move helps, a chain of moves through reps in
 * between (the improving paths of the count optimum's certificate). Balancing counts alone, this
 * reaches the exact count optimum on the books we measured (see {@link TradeOffCurve}), with a few
 * per cent more moves than the proven fewest. The budget replaces the policy's continuity cost:
 * every move that makes the book fairer is worth making, in that order, until the budget is spent.
 * The run stops at the first step that does not fit the budget, so the moves for a smaller budget
 * are always the first moves for a larger one: a manager may stop anywhere along the list.
 *
 * <p>Immutable and thread-safe if the host's functions are; deterministic.
 *
 * @since 0.1.0
 */
public final class Rebalancer {

  /** No limit on moves. */
  public static final int UNLIMITED = Rep.UNLIMITED;

  private final int maxMoves;
  private final double maxMovesShare;
  private final int maxMovesPerRep;
  private final Predicate<? super Lead> mustNotMove;
  private final Function<? super Lead, Optional<Instant>> lastTouched;
  private final boolean moveTopTier;

  private Rebalancer(Builder b) {
    this.maxMoves = b.maxMoves;
    this.maxMovesShare = b.maxMovesShare;
    this.maxMovesPerRep = b.maxMovesPerRep;
    this.mustNotMove = b.mustNotMove;
    this.lastTouched = b.lastTouched;
    this.moveTopTier = b.moveTopTier;
  }

  /** A rebalancer with no budget, no host predicate, and top-tier customers kept. */
  public static Rebalancer create() {
    return builder().build();
  }

  /** A builder with the defaults of {@link #create()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Rebalances the book: the moves in order, with reasons, and the book before and after them.
   *
   * @param book the reps, the customers with their current owners, and the policy
   * @throws IllegalArgumentException if a host function answers {@code null} for a lead
   */
  public Rebalance rebalance(Problem book) {
    requireNonNull(book, "book");
    long start = System.nanoTime();
    BookView view = BookView.of(book, mustNotMove, lastTouched, moveTopTier);
    int budget = Double.isNaN(maxMovesShare) ? maxMoves : (int) (maxMovesShare * view.movable);
    return Rebalance.of(view, budget, maxMovesPerRep, start);
  }

  /**
   * The trade-off between moves and fairness: the book rebalanced with budgets of 0, 1 %, 2 %, 5 %
   * and 10 % of its movable customers and without a limit (this rebalancer's per-rep budget and
   * rules on what may move; its total budget is not used), and the fewest moves that reach the
   * exact count optimum.
   *
   * @throws IllegalArgumentException if a host function answers {@code null} for a lead
   */
  public TradeOffCurve curve(Problem book) {
    requireNonNull(book, "book");
    BookView view = BookView.of(book, mustNotMove, lastTouched, moveTopTier);
    return TradeOffCurve.of(view, maxMovesPerRep);
  }

  /**
   * The most moves in all ({@link #UNLIMITED} for no limit); when set as a share of the movable
   * customers, {@link #UNLIMITED} here and the share in {@link #maxMovesShare()}.
   */
  public int maxMoves() {
    return maxMoves;
  }

  /** The most moves as a share of the book's movable customers, or NaN if set as a number. */
  public double maxMovesShare() {
    return maxMovesShare;
  }

  /**
   * The most moves that take a customer from any one rep, and the most that give any one rep a
   * customer ({@link #UNLIMITED} for no limit).
   */
  public int maxMovesPerRep() {
    return maxMovesPerRep;
  }

  /** Whether customers of the policy's top tier may move. */
  public boolean movesTopTier() {
    return moveTopTier;
  }

  @Override
  public String toString() {
    return "Rebalancer[maxMoves="
        + (!Double.isNaN(maxMovesShare)
            ? (100 * maxMovesShare) + " % of the movable customers"
            : maxMoves == UNLIMITED ? "unlimited" : maxMoves)
        + ", maxMovesPerRep="
        + (maxMovesPerRep == UNLIMITED ? "unlimited" : maxMovesPerRep)
        + ", moveTopTier="
        + moveTopTier
        + "]";
  }

  /**
   * Builds a {@link Rebalancer}. Each option may be set once; {@link #build()} leaves the builder
   * reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Set<String> set = new HashSet<>();
    private int maxMoves = UNLIMITED;
    private double maxMovesShare = Double.NaN;
    private int maxMovesPerRep = UNLIMITED;
    private Predicate<? super Lead> mustNotMove = lead -> false;
    private Function<? super Lead, Optional<Instant>> lastTouched;
    private boolean moveTopTier;

    private Builder() {}

    private void once(String option) {
      checkState(set.add(option), "rebalancer option '%s' is set twice", option);
    }

    /** The most moves in all, {@code >= 0} ({@link #UNLIMITED} for no limit). */
    public Builder maxMoves(int moves) {
      once("maxMoves");
      checkArgument(moves >= 0, "rebalancer: maxMoves must be >= 0, was %s", moves);
      this.maxMoves = moves;
      return this;
    }

    /**
     * The most moves in all as a share of the book's movable customers, in {@code [0, 1]}, rounded
     * down: {@code 0.02} is the trade-off curve's 2 % point. Instead of {@link #maxMoves}.
     */
    public Builder maxMovesShare(double share) {
      once("maxMoves");
      checkArgument(
          share >= 0 && share <= 1, "rebalancer: maxMovesShare must be in [0, 1], was %s", share);
      this.maxMovesShare = share;
      return this;
    }

    /**
     * The most moves that take a customer from any one rep, and the most that give any one rep a
     * customer, {@code >= 0} ({@link #UNLIMITED} for no limit).
     */
    public Builder maxMovesPerRep(int moves) {
      once("maxMovesPerRep");
      checkArgument(moves >= 0, "rebalancer: maxMovesPerRep must be >= 0, was %s", moves);
      this.maxMovesPerRep = moves;
      return this;
    }

    /**
     * The host's customers that must stay with their owner: recent activity, a late-stage deal,
     * anything the host knows. Locked customers never move in any case.
     */
    public Builder mustNotMove(Predicate<? super Lead> mustNotMove) {
      once("mustNotMove");
      this.mustNotMove = requireNonNull(mustNotMove, "rebalancer: mustNotMove");
      return this;
    }

    /**
     * When each customer was last touched (an activity, a call), or empty if never or unknown.
     * Among customers of equal value, the least recently touched moves first off a rep over its
     * capacity; never touched comes first.
     */
    public Builder lastTouched(Function<? super Lead, Optional<Instant>> lastTouched) {
      once("lastTouched");
      this.lastTouched = requireNonNull(lastTouched, "rebalancer: lastTouched");
      return this;
    }

    /** Whether customers of the policy's top tier may move (default: they stay). */
    public Builder moveTopTier(boolean allow) {
      once("moveTopTier");
      this.moveTopTier = allow;
      return this;
    }

    /** A rebalancer with these options. */
    public Rebalancer build() {
      return new Rebalancer(this);
    }
  }
}
