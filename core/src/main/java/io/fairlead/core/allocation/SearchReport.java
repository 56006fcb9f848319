package io.fairlead.core.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How an allocator reached its allocation: how its search ended, the moves it made, the seed, and
 * the time of each phase. The optimiser fills every field; an allocator that places leads in one
 * pass (the router, the baselines, an assignment made elsewhere) reports {@link Ending#ONE_PASS}.
 *
 * <pre>{@code
 * SearchReport s = allocation.search();
 * if (!s.reproducible()) {
 *   log.warn("the {} cut the search after {} of {} moves; a faster machine may answer otherwise",
 *       s.ending(), s.moves(), s.moveBudget());
 * }
 * }</pre>
 *
 * <p><b>Reproducible</b> means: the same problem, allocator options and seed give the same
 * allocation on any machine. It holds unless a time cap ended the search: then the moves made
 * depend on the machine's speed and load.
 *
 * @param ending how the search ended
 * @param moves the moves the search evaluated (0 for one pass)
 * @param moveBudget the moves it was allowed (0 for one pass)
 * @param seed the random seed of the search (0 for one pass)
 * @param phases the time of each phase, in order (the optimiser's: {@code compile}, {@code
 *     prepare}, {@code construction}, {@code local search}; one pass: {@code allocate}); with
 *     independent parts solved in parallel, a phase's time is summed over the parts, so phases may
 *     add up to more than the elapsed time
 * @since 0.1.0
 */
public record SearchReport(
    Ending ending, long moves, long moveBudget, long seed, List<PhaseTime> phases) {

  /** How a search ended. */
  public enum Ending {
    /** No search: the allocator placed the leads in one pass. */
    ONE_PASS,
    /** Nothing to search: no free lead has an eligible rep. */
    NOTHING_TO_DO,
    /** The search made the moves it was allowed: the deterministic end. */
    MOVE_BUDGET,
    /** The safety cap on search time fired before the move budget was spent. */
    TIME_LIMIT,
    /** The safety cap on search time without a better allocation fired. */
    UNIMPROVED_TIME_LIMIT,
    /** Not known: the allocation was read from a document written before search reports existed. */
    NOT_REPORTED;

    /** Whether an allocation that ended so is the same on any machine (unknown counts as no). */
    public boolean reproducible() {
      return this != TIME_LIMIT && this != UNIMPROVED_TIME_LIMIT && this != NOT_REPORTED;
    }
  }

  /**
   * The time of one phase.
   *
   * @param name e.g. {@code "compile"}, {@code "construction"}, {@code "local search"}
   * @param time its duration, {@code >= 0}
   */
  public record PhaseTime(String name, Duration time) {
    public PhaseTime {
      requireNonNull(name, "name");
      requireNonNull(time, "time");
      checkArgument(!name.isBlank(), "a phase name must not be blank");
      checkArgument(!time.isNegative(), "phase %s: time must be >= 0, was %s", name, time);
    }
  }

  public SearchReport {
    requireNonNull(ending, "ending");
    requireNonNull(phases, "phases");
    phases = List.copyOf(phases);
    checkArgument(moves >= 0, "moves must be >= 0, was %s", moves);
    checkArgument(moveBudget >= 0, "moveBudget must be >= 0, was %s", moveBudget);
    if (ending == Ending.ONE_PASS || ending == Ending.NOT_REPORTED) {
      checkArgument(
          moves == 0 && moveBudget == 0,
          "a search that ended %s makes no moves and has no budget",
          ending);
    }
  }

  /** The report of an allocation made in one pass that took {@code elapsed}. */
  public static SearchReport onePass(Duration elapsed) {
    return new SearchReport(Ending.ONE_PASS, 0, 0, 0, List.of(new PhaseTime("allocate", elapsed)));
  }

  /** The report of an allocation read from a document that did not say how it was made. */
  public static SearchReport notReported(Duration elapsed) {
    return new SearchReport(
        Ending.NOT_REPORTED, 0, 0, 0, List.of(new PhaseTime("allocate", elapsed)));
  }

  /** Whether the same problem, options and seed give the same allocation on any machine. */
  public boolean reproducible() {
    return ending.reproducible();
  }
}
