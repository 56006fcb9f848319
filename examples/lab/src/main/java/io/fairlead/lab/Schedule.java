package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

/**
 * How a scenario places its leads, and whether and how often it rebalances.
 *
 * <pre>{@code
 * Schedule s = Schedule.nightly().rebalanceEvery(7, 0.02); // a nightly batch, a weekly rebalance
 * }</pre>
 *
 * <p>Rebalancing runs only for the policies that allow it ({@code Policy.allowRebalancing()}), so a
 * scenario can set one policy that rebalances next to others that do not; the history never
 * rebalances.
 *
 * @param placement when arriving leads get an owner
 * @param rebalanceEveryDays rebalance every this many days (at the end of the day), 0 for never
 * @param maxMovesShare the move budget of each rebalance, as a share of the book's movable
 *     customers ({@code Rebalancer.Builder.maxMovesShare}), in {@code [0, 1]}
 * @param maxMovesPerRep the most moves to or from one rep per rebalance ({@code Integer.MAX_VALUE}
 *     for no limit)
 * @since 0.1.0
 */
public record Schedule(
    Placement placement, int rebalanceEveryDays, double maxMovesShare, int maxMovesPerRep) {

  /**
   * When arriving leads get an owner.
   *
   * @since 0.1.0
   */
  public enum Placement {
    /** Each lead as it arrives, by the book's router ({@code Book.route}). */
    ROUTE,
    /** Leads wait in the pool; the book's allocator places the pool at the end of each day. */
    NIGHTLY,
    /** Leads wait in the pool; the allocator places it on the last day of each week. */
    WEEKLY
  }

  public Schedule {
    requireNonNull(placement, "schedule: placement");
    if (rebalanceEveryDays < 0) {
      throw new IllegalArgumentException(
          "schedule: rebalanceEveryDays must be >= 0, was " + rebalanceEveryDays);
    }
    if (!(maxMovesShare >= 0 && maxMovesShare <= 1)) {
      throw new IllegalArgumentException(
          "schedule: maxMovesShare must be in [0, 1], was " + maxMovesShare);
    }
    if (maxMovesPerRep < 0) {
      throw new IllegalArgumentException(
          "schedule: maxMovesPerRep must be >= 0, was " + maxMovesPerRep);
    }
  }

  /** Each lead routed as it arrives; no rebalancing. */
  public static Schedule route() {
    return new Schedule(Placement.ROUTE, 0, 0, Integer.MAX_VALUE);
  }

  /** The pool placed by a batch every night; no rebalancing. */
  public static Schedule nightly() {
    return new Schedule(Placement.NIGHTLY, 0, 0, Integer.MAX_VALUE);
  }

  /** The pool placed by a batch once a week; no rebalancing. */
  public static Schedule weekly() {
    return new Schedule(Placement.WEEKLY, 0, 0, Integer.MAX_VALUE);
  }

  /**
   * This schedule, rebalancing every {@code days} days within {@code maxMovesShare} of the movable
   * customers (for the policies that allow rebalancing).
   */
  public Schedule rebalanceEvery(int days, double maxMovesShare) {
    if (days < 1) {
      throw new IllegalArgumentException("schedule: rebalance every must be >= 1 day, was " + days);
    }
    return new Schedule(placement, days, maxMovesShare, maxMovesPerRep);
  }

  /** This schedule with at most {@code moves} moves to or from one rep per rebalance. */
  public Schedule maxMovesPerRep(int moves) {
    return new Schedule(placement, rebalanceEveryDays, maxMovesShare, moves);
  }
}
