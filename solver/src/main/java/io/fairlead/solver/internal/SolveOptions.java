package io.fairlead.solver.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.optaplanner.core.config.solver.EnvironmentMode;

/**
 * How one solve runs. Validated by the facade's builder; checked again here for internal callers.
 *
 * @param timeLimit safety cap on the local search (the greedy construction always completes);
 *     {@code null} = scaled to the problem ({@link PlanSolver#defaultTimeLimit})
 * @param unimprovedTimeLimit safety cap on local search time without a new best score
 * @param moveBudget how many moves the local search evaluates; {@code 0} = scaled to the problem
 *     ({@link PlanSolver#defaultMoveBudget})
 * @param seed the random seed
 * @param moveThreads OptaPlanner move threads; {@code 0} = none (solve on the calling thread)
 * @param environmentMode {@code REPRODUCIBLE} in production; {@code FULL_ASSERT} in tests only
 * @param decompose whether to solve independent parts of the problem apart, in parallel ({@link
 *     Decomposition}); on by default, off in tests that compare with the whole solve
 * @param start how the local search's starting point is built
 */
public record SolveOptions(
    Duration timeLimit,
    Duration unimprovedTimeLimit,
    long moveBudget,
    long seed,
    int moveThreads,
    EnvironmentMode environmentMode,
    boolean decompose,
    Start start) {

  /** How the starting point of the local search is built. */
  public enum Start {
    /** {@link GreedyConstruction}: every term of the score, lead by lead. */
    GREEDY,
    /** {@link CountFlowStart}: the exact count optimum ({@code CountFlow}), value-balanced. */
    COUNT_FLOW
  }

  /**
   * The least default safety cap on the local search of one solve; larger problems get more ({@link
   * PlanSolver#defaultTimeLimit}).
   */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

  /**
   * No cap on time without improvement unless one is set: a clock that ends a search makes its
   * result depend on the machine, and the move budget already ends it.
   */
  public static final Duration DEFAULT_UNIMPROVED_TIME_LIMIT = Duration.ofDays(365);

  /** The default seed. */
  public static final long DEFAULT_SEED = 0;

  /**
   * Scaled budget, a scaled safety cap of at least 60 s (none on time without improvement), seed 0,
   * no move threads, reproducible, decomposed, greedy start.
   */
  public static final SolveOptions DEFAULTS =
      new SolveOptions(
          null,
          DEFAULT_UNIMPROVED_TIME_LIMIT,
          0,
          DEFAULT_SEED,
          0,
          EnvironmentMode.REPRODUCIBLE,
          true,
          Start.GREEDY);

  public SolveOptions {
    requireNonNull(unimprovedTimeLimit, "unimprovedTimeLimit");
    requireNonNull(environmentMode, "environmentMode");
    requireNonNull(start, "start");
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
    }
    if (unimprovedTimeLimit.isNegative() || unimprovedTimeLimit.isZero()) {
      throw new IllegalArgumentException(
          "unimprovedTimeLimit must be positive, was " + unimprovedTimeLimit);
    }
    if (moveBudget < 0) {
      throw new IllegalArgumentException("moveBudget must be >= 0, was " + moveBudget);
    }
    if (moveThreads < 0) {
      throw new IllegalArgumentException("moveThreads must be >= 0, was " + moveThreads);
    }
  }

  /** Reproducible options (the production mode). */
  public static SolveOptions of(
      Duration timeLimit,
      Duration unimprovedTimeLimit,
      long moveBudget,
      long seed,
      int moveThreads) {
    return new SolveOptions(
        timeLimit,
        unimprovedTimeLimit,
        moveBudget,
        seed,
        moveThreads,
        EnvironmentMode.REPRODUCIBLE,
        DEFAULTS.decompose(),
        DEFAULTS.start());
  }

  /** A copy with another move budget. */
  public SolveOptions withMoveBudget(long budget) {
    return new SolveOptions(
        timeLimit,
        unimprovedTimeLimit,
        budget,
        seed,
        moveThreads,
        environmentMode,
        decompose,
        start);
  }

  /** A copy with another seed. */
  public SolveOptions withSeed(long newSeed) {
    return new SolveOptions(
        timeLimit,
        unimprovedTimeLimit,
        moveBudget,
        newSeed,
        moveThreads,
        environmentMode,
        decompose,
        start);
  }

  /** A copy with another environment mode (tests use {@code FULL_ASSERT}). */
  public SolveOptions withEnvironmentMode(EnvironmentMode mode) {
    return new SolveOptions(
        timeLimit, unimprovedTimeLimit, moveBudget, seed, moveThreads, mode, decompose, start);
  }

  /** A copy with another time limit. */
  public SolveOptions withTimeLimit(Duration limit) {
    return new SolveOptions(
        limit,
        unimprovedTimeLimit,
        moveBudget,
        seed,
        moveThreads,
        environmentMode,
        decompose,
        start);
  }

  /** A copy that does or does not decompose the problem. */
  public SolveOptions withDecompose(boolean on) {
    return new SolveOptions(
        timeLimit, unimprovedTimeLimit, moveBudget, seed, moveThreads, environmentMode, on, start);
  }

  /** A copy with another starting point. */
  public SolveOptions withStart(Start newStart) {
    return new SolveOptions(
        timeLimit,
        unimprovedTimeLimit,
        moveBudget,
        seed,
        moveThreads,
        environmentMode,
        decompose,
        newStart);
  }
}
