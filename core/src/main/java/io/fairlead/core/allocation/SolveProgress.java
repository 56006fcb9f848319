package io.fairlead.core.allocation;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How far an allocator's solve has come, as a {@link ProgressListener} sees it: the phase, the
 * moves made of the budget, the best score so far, how far the best allocation so far is from the
 * proven count optimum and, on request, the best allocation so far.
 *
 * <pre>{@code
 * LeadAllocator.builder()
 *     .progress(Duration.ofSeconds(1), p -> System.err.printf("%s %.0f %% count gap %.2f %% %s%n",
 *         p.phase(), 100 * p.fractionDone(), 100 * p.countGap(),
 *         p.estimatedTimeLeft().orElse(null)))
 *     .build();
 * }</pre>
 *
 * <p>Only valid during the listener call it is passed to.
 *
 * @since 0.1.0
 */
public interface SolveProgress {

  /**
   * The phases of a solve.
   *
   * @since 0.1.0
   */
  enum Phase {
    /** Leads are being placed for a first time: no complete allocation yet. */
    CONSTRUCTION,
    /** A complete allocation exists; the search improves it. */
    SEARCH,
    /** The solve has ended; the allocation is being assembled. */
    DONE
  }

  /** The phase the solve is in. */
  Phase phase();

  /** Time since the solve began. */
  Duration elapsed();

  /** Moves evaluated so far by the search. */
  long moves();

  /** The move budget the search ends on (unless a time cap ends it first). */
  long moveBudget();

  /** {@code moves / moveBudget}, from 0 to 1. */
  default double fractionDone() {
    return moveBudget() == 0 ? 1 : Math.min(1, (double) moves() / moveBudget());
  }

  /**
   * The time left until the move budget is spent, at the pace so far; empty before the search has
   * made a move.
   */
  default Optional<Duration> estimatedTimeLeft() {
    if (phase() == Phase.DONE) {
      return Optional.of(Duration.ZERO);
    }
    if (moves() == 0 || phase() != Phase.SEARCH) {
      return Optional.empty();
    }
    double left = (double) (moveBudget() - Math.min(moves(), moveBudget())) / moves();
    return Optional.of(Duration.ofNanos((long) (elapsed().toNanos() * left)));
  }

  /** The hard level of the best allocation so far (0: no hard rule broken). */
  long bestHard();

  /** The medium level of the best allocation so far: leads left unassigned. */
  long bestMedium();

  /** The soft level of the best allocation so far. */
  long bestSoft();

  /**
   * How far the best allocation so far is from the proven count optimum: {@code (Σ_r n_r² / w_r −
   * optimum) / optimum}, exactly as {@code Allocation.gaps().countGap()} defines it, so that the
   * last report's figure is the returned allocation's (0 when both are 0, infinite when only the
   * optimum is). 0.002 means its lead counts are 0.2 % less even than the most even allocation.
   *
   * <p>It falls as the search finds better allocations when lead counts are all the policy
   * balances; with several objectives (the default: count, value and tier balance) the search may
   * trade a little count balance for value or tier balance, and then it can rise. It is negative
   * while the best allocation leaves leads unassigned that an optimum places.
   *
   * <p>Cheap: the allocator solves the count optimum once per solve, on the first call, and keeps
   * per-rep counts of the best allocation so far; a call costs {@code O(reps)} plus one pass over
   * the leads of the parts of the problem whose best allocation changed since the last call, at
   * most once per report.
   *
   * @since 0.1.0
   */
  double countGap();

  /**
   * Who holds which lead in the best allocation so far, for a listener that wants to measure it
   * (with {@code FairnessMetrics} or {@code FairnessBounds.gaps}). Built on each call: {@code
   * O(leads)}.
   */
  Map<LeadId, RepId> bestAssignment();
}
