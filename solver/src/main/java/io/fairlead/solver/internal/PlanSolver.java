package io.fairlead.solver.internal;

import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.common.SelectionCacheType;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.monitoring.MonitoringConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves a compiled problem with OptaPlanner: {@link GreedyConstruction}, then a local search over
 * change moves and {@link PairMove pair moves} (Late Acceptance, or Tabu Search on small problems),
 * until the move budget is spent or a safety time cap fires. A problem that falls apart into
 * independent parts ({@link Decomposition}) is solved part by part, in parallel, and merged.
 *
 * <p>Deterministic when the move budget ends the solve: the same problem, options and seed give the
 * same assignment ({@code REPRODUCIBLE} mode, fixed seed, a move count rather than a clock). When a
 * time cap ends it, the result depends on machine speed. {@link Result#endedBy()} says which.
 */
public final class PlanSolver {

  private static final Logger LOG = LoggerFactory.getLogger(PlanSolver.class);

  /** Why a solve ended. */
  public enum End {
    /** Nothing to optimise: no free lead has an eligible rep. OptaPlanner was not started. */
    NOTHING_TO_DO,
    /** The deterministic move budget was spent. */
    MOVE_BUDGET,
    /** The {@code timeLimit} safety cap fired. */
    TIME_LIMIT,
    /** The {@code unimprovedTimeLimit} safety cap fired. */
    UNIMPROVED_TIME_LIMIT
  }

  /**
   * The outcome of a solve.
   *
   * @param assignment rep index per lead, -1 = unassigned
   * @param hard the solver's hard penalty ({@code >= 0})
   * @param medium the solver's medium penalty
   * @param soft the solver's soft penalty
   * @param moves moves evaluated (score calculations)
   * @param moveBudget the budget the solve ran with
   * @param elapsed time of the whole solve (plan, OptaPlanner set-up, construction, search)
   * @param endedBy why it ended
   * @param prepareNanos time spent before the parts' solvers ran (counting free leads, the count
   *     flow start, the decomposition)
   * @param constructionNanos time of the construction phases, summed over the parts
   * @param searchNanos time of the local search phases (OptaPlanner set-up included), summed over
   *     the parts
   */
  public record Result(
      int[] assignment,
      long hard,
      long medium,
      long soft,
      long moves,
      long moveBudget,
      Duration elapsed,
      End endedBy,
      long prepareNanos,
      long constructionNanos,
      long searchNanos) {

    /** Returns whether the solver's score equals the allocation's score of the assignment. */
    public boolean agreesWith(ScoreBreakdown book) {
      return hard == book.hard() && medium == book.medium() && soft == book.soft();
    }

    /** Returns whether the solver's score equals the kernel's score of the assignment. */
    public boolean agreesWith(Score book) {
      return hard == book.hard() && medium == book.medium() && soft == book.soft();
    }

    /** Moves per second of the whole solve (0 when nothing ran). */
    public long movesPerSecond() {
      long ms = elapsed.toMillis();
      return ms == 0 ? 0 : moves * 1000 / ms;
    }
  }

  /**
   * Late Acceptance history length: short, because the greedy start is already close to a local
   * optimum, so little diversification pays; longer histories, OptaPlanner's default of 400
   * included, reached worse scores for the same moves (docs/performance.md).
   */
  static final int LATE_ACCEPTANCE_SIZE = 50;

  /**
   * Up to this many free leads the search is Tabu Search (entity tabu, best of {@link
   * #TABU_ACCEPTED_COUNT} moves per step), which also takes worsening steps and so leaves local
   * optima that Late Acceptance, started from a greedy local optimum, cannot (a three-lead chain
   * through a full rep): on tiny random problems checked against brute force, Tabu Search found
   * optima that Late Acceptance now and then missed. Beyond it, Late Acceptance is as good or
   * better per move, and faster. The measurements are in docs/performance.md.
   */
  static final int SMALL_PROBLEM = 500;

  /** Moves evaluated per Tabu Search step. */
  static final int TABU_ACCEPTED_COUNT = 100;

  private PlanSolver() {}

  /** The most moves of the default budget. */
  static final long MAX_DEFAULT_BUDGET = 2_000_000L;

  /**
   * The default move budget: 100 moves per free lead, at least 100,000 (small problems converge in
   * milliseconds) and at most {@value #MAX_DEFAULT_BUDGET}, so that the budget, not the 60 s time
   * cap, ends the search even on a slow or loaded machine: at the slowest speed measured on 2 cores
   * (36,000 moves/s at 100k leads × 2k reps) the largest budget takes 56 s. Beyond that the score
   * still improves, but by little for the time it takes; docs/performance.md has the curve that was
   * measured, and the search speeds.
   */
  public static long defaultMoveBudget(int freeLeads) {
    return Math.min(MAX_DEFAULT_BUDGET, Math.max(100_000L, 100L * freeLeads));
  }

  /**
   * The default safety cap on the local search: 60 s per 100,000 free leads, at least 60 s. A move
   * costs more on a larger problem (about 100,000 moves/s at 100k leads × 2k reps, 20,000 at 1M
   * leads × 5k reps on 2 cores), so a fixed cap would cut the default budget of a very large
   * problem on any machine and make its result depend on the machine's speed. Scaled, it leaves the
   * budget room on the machines and sizes measured (docs/performance.md): at 100k leads the budget
   * needs 20 to 35 s at the usual speeds and 56 s at the slowest speed seen (36,000 moves/s), at 1M
   * leads about 100 s against 420 s. A slower machine, or a much larger problem (the cap does not
   * grow with the reps), can still reach it; the allocation then says so.
   */
  public static Duration defaultTimeLimit(int freeLeads) {
    return SolveOptions.DEFAULT_TIME_LIMIT.multipliedBy(
        Math.max(1, (freeLeads + 99_999L) / 100_000));
  }

  /**
   * Told of every new best solution of a solve (or of one of its parts), on the thread that found
   * it: when parts are solved in parallel, from several threads at once.
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param part the part's number (0 for a whole solve), in {@code [0, parts)}
     * @param parts how many parts the solve has (1 for a whole solve)
     * @param nanos time since the solve began
     * @param leadIndices the problem indices of the leads of the plan (the whole problem, or a
     *     part), by position; do not modify
     * @param assignment supplies the new best assignment of those leads (rep index per position, -1
     *     = unassigned); costs a pass over the leads, so call it only when needed
     * @param hard the part's best hard penalty
     * @param medium the part's best medium penalty
     * @param soft the part's best soft penalty
     * @param moves the moves the part's search has made so far
     */
    void bestChanged(
        int part,
        int parts,
        long nanos,
        int[] leadIndices,
        Supplier<int[]> assignment,
        long hard,
        long medium,
        long soft,
        long moves);

    /** Told the move budget before the search starts. */
    default void budget(long moveBudget) {}
  }

  /** Solves the problem. */
  public static Result solve(ProblemIndex index, SolveOptions options) {
    return solve(index, options, null);
  }

  /**
   * Solves the problem, telling {@code listener} (if not null) of every new best solution.
   *
   * <p>When the problem falls apart into two or more independent parts ({@link Decomposition}) and
   * {@link SolveOptions#decompose()} is on, the parts are solved apart, at most {@code
   * availableProcessors} at once, and merged. Each part gets a share of the move budget in
   * proportion to its free leads and a seed derived from the base seed and its first free lead, so
   * the result does not depend on thread timing.
   */
  public static Result solve(ProblemIndex index, SolveOptions options, Listener listener) {
    long start = System.nanoTime();
    int free = 0;
    for (int i = 0; i < index.leadCount(); i++) {
      if (index.pin(i) == ProblemIndex.Pin.FREE && index.eligible(i).length > 0) {
        free++;
      }
    }
    long budget = options.moveBudget() > 0 ? options.moveBudget() : defaultMoveBudget(free);
    if (options.timeLimit() == null) {
      options = options.withTimeLimit(defaultTimeLimit(free));
    }
    if (listener != null) {
      listener.budget(budget);
    }
    if (free == 0) {
      int[] a = Plan.pinnedOnly(index);
      Score s = Assignment.of(index, a).score();
      long t = System.nanoTime() - start;
      return new Result(
          a, s.hard(), s.medium(), s.soft(), 0, budget, elapsed(start), End.NOTHING_TO_DO, t, 0, 0);
    }
    int[] flow =
        options.start() == SolveOptions.Start.COUNT_FLOW
            ? CountFlow.solve(index).assignment()
            : null;
    if (options.decompose()) {
      Decomposition d = Decomposition.of(index);
      if (d.parts().size() >= 2) {
        return solveParts(index, d, options, budget, free, flow, start, listener);
      }
    }
    long prepared = System.nanoTime() - start;
    Part whole = solvePart(Plan.initial(index), 0, 1, options, budget, free, flow, start, listener);
    Result result = result(whole.best.assignment(), List.of(whole), budget, start, prepared);
    log("whole", free, result, whole.bestMillis);
    return result;
  }

  /** The outcome of one solve of a plan. */
  private record Part(
      Plan best, long moves, End end, long bestMillis, long constructionNanos, long searchNanos) {}

  private static Part solvePart(
      Plan plan,
      int partNo,
      int parts,
      SolveOptions options,
      long budget,
      int free,
      int[] flow,
      long start,
      Listener listener) {
    long solveStart = System.nanoTime();
    Construction construction = flow == null ? new GreedyConstruction() : new CountFlowStart(flow);
    SolverConfig config = config(options, budget, free, construction);
    Solver<Plan> solver = SolverFactory.<Plan>create(config).buildSolver();
    if (listener != null) {
      int[] leadIndices = plan.leadIndices();
      DefaultSolver<Plan> running = (DefaultSolver<Plan>) solver;
      solver.addEventListener(
          event -> {
            HardMediumSoftLongScore score = event.getNewBestSolution().score();
            listener.bestChanged(
                partNo,
                parts,
                System.nanoTime() - start,
                leadIndices,
                () -> event.getNewBestSolution().assignment(),
                -score.hardScore(),
                -score.mediumScore(),
                -score.softScore(),
                running.getSolverScope().getScoreCalculationCount());
          });
    }
    Plan best = solver.solve(plan);
    long solveNanos = System.nanoTime() - solveStart;
    var scope = ((DefaultSolver<Plan>) solver).getSolverScope();
    long moves = scope.getScoreCalculationCount();
    End end;
    if (moves >= budget) {
      end = End.MOVE_BUDGET;
    } else if (scope.getTimeMillisSpent() - construction.nanos() / 1_000_000
        >= millis(options.timeLimit())) {
      end = End.TIME_LIMIT;
    } else {
      end = End.UNIMPROVED_TIME_LIMIT;
    }
    return new Part(
        best,
        moves,
        end,
        scope.getBestSolutionTimeMillisSpent(),
        construction.nanos(),
        Math.max(0, solveNanos - construction.nanos()));
  }

  private static Result solveParts(
      ProblemIndex index,
      Decomposition d,
      SolveOptions options,
      long budget,
      int free,
      int[] flow,
      long start,
      Listener listener) {
    long prepared = System.nanoTime() - start;
    List<Decomposition.Part> parts = d.parts();
    int threads = Math.min(parts.size(), Runtime.getRuntime().availableProcessors());
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fairlead-part-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Part>> futures = new ArrayList<>(parts.size());
      for (int k = 0; k < parts.size(); k++) {
        Decomposition.Part part = parts.get(k);
        int partNo = k;
        long partBudget = Math.max(1, (long) ((double) budget * part.free() / free));
        SolveOptions partOptions = options.withSeed(partSeed(options.seed(), part.firstFreeLead()));
        futures.add(
            pool.submit(
                () -> {
                  // The time cap holds for the whole solve: a part gets what is left of it.
                  Duration left =
                      options.timeLimit().minus(Duration.ofNanos(System.nanoTime() - start));
                  SolveOptions o =
                      partOptions.withTimeLimit(
                          left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left);
                  Plan plan = Plan.part(index, Plan.pinnedOnly(index), part.leads(), part.reps());
                  return solvePart(
                      plan,
                      partNo,
                      parts.size(),
                      o,
                      partBudget,
                      part.free(),
                      flow,
                      start,
                      listener);
                }));
      }
      int[] merged = Plan.pinnedOnly(index);
      List<Part> solved = new ArrayList<>(parts.size());
      long bestMillis = 0;
      for (Future<Part> f : futures) {
        Part p = join(f);
        p.best.writeTo(merged);
        solved.add(p);
        bestMillis = Math.max(bestMillis, p.bestMillis);
      }
      Result result = result(merged, solved, budget, start, prepared);
      log(parts.size() + " parts of " + d.components() + " components", free, result, bestMillis);
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Part join(Future<Part> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * The seed of a part: a mix (SplitMix64's finaliser) of the base seed and the part's first free
   * lead, so that parts draw different streams and the same part always draws the same.
   */
  static long partSeed(long seed, int firstFreeLead) {
    long z = seed + 0x9E3779B97F4A7C15L * (firstFreeLead + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The result of the parts (the whole problem being one part), their scores summed. */
  private static Result result(
      int[] assignment, List<Part> parts, long budget, long start, long prepared) {
    long hard = 0;
    long medium = 0;
    long soft = 0;
    long moves = 0;
    long construction = 0;
    long search = 0;
    boolean allBudget = true;
    boolean anyTime = false;
    for (Part p : parts) {
      HardMediumSoftLongScore score = p.best.score();
      hard -= score.hardScore();
      medium -= score.mediumScore();
      soft -= score.softScore();
      moves += p.moves;
      construction += p.constructionNanos;
      search += p.searchNanos;
      allBudget &= p.end == End.MOVE_BUDGET;
      anyTime |= p.end == End.TIME_LIMIT;
    }
    End end = allBudget ? End.MOVE_BUDGET : anyTime ? End.TIME_LIMIT : End.UNIMPROVED_TIME_LIMIT;
    return new Result(
        assignment,
        hard,
        medium,
        soft,
        moves,
        budget,
        elapsed(start),
        end,
        prepared,
        construction,
        search);
  }

  private static void log(String how, int free, Result result, long bestMillis) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "local search ({}, {}): {} moves of a budget of {}, best {}hard/{}medium/{}soft found at"
              + " {} ms; solve took {} ms ({} moves/s), ended by {}",
          how,
          free <= SMALL_PROBLEM ? "tabu search" : "late acceptance",
          result.moves(),
          result.moveBudget(),
          result.hard(),
          result.medium(),
          result.soft(),
          bestMillis,
          result.elapsed().toMillis(),
          result.movesPerSecond(),
          result.endedBy());
    }
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * A time cap in whole milliseconds, as OptaPlanner wants it: rounded up (so that 1 ns still means
   * "as soon as possible", not "never"), at most a year (so that start + limit cannot overflow).
   */
  static long millis(Duration d) {
    Duration year = Duration.ofDays(365);
    if (d.compareTo(year) > 0) {
      return year.toMillis();
    }
    long ms = d.toMillis();
    return d.equals(Duration.ofMillis(ms)) ? Math.max(1, ms) : ms + 1;
  }

  /**
   * The leads change moves draw from: the movable (unpinned) ones, listed once per phase and drawn
   * uniformly from that list. Left to its default (just in time), OptaPlanner draws from all leads
   * and throws pinned ones away; when a plan has one movable lead among many pinned ones (a small
   * book where most leads are kept or locked, or a part of a decomposed one), ten times the lead
   * count of pinned draws in a row happens about once in 22,000 draws (e^-10), and OptaPlanner's
   * filtering selector then gives up with a "Bailing out of neverEnding selector" warning.
   * Filtering once before caching has no such limit, and wastes no draw on a pinned lead. Pins do
   * not change during a phase, so the list stays valid; it is in lead order, so draws stay
   * reproducible.
   */
  static EntitySelectorConfig movableLeads() {
    return new EntitySelectorConfig().withCacheType(SelectionCacheType.PHASE);
  }

  // withCustomPhaseCommands(CustomPhaseCommand<Plan>...) is a generic varargs method.
  @SuppressWarnings("unchecked")
  static SolverConfig config(
      SolveOptions options, long budget, int free, Construction construction) {
    // Every termination sits on the local search phase: the solver has none, so the greedy
    // construction (linear time) always runs to the end, however low a time cap is set.
    TerminationConfig termination =
        new TerminationConfig()
            .withScoreCalculationCountLimit(budget)
            .withMillisecondsSpentLimit(
                millis(options.timeLimit() == null ? defaultTimeLimit(free) : options.timeLimit()))
            .withUnimprovedMillisecondsSpentLimit(millis(options.unimprovedTimeLimit()));
    LocalSearchPhaseConfig localSearch =
        new LocalSearchPhaseConfig()
            .withTerminationConfig(termination)
            .withMoveSelectorConfig(
                new UnionMoveSelectorConfig(
                    List.of(
                        new ChangeMoveSelectorConfig()
                            .withEntitySelectorConfig(movableLeads())
                            .withFixedProbabilityWeight(1.0),
                        new MoveIteratorFactoryConfig()
                            .withMoveIteratorFactoryClass(PairMoveFactory.class)
                            .withFixedProbabilityWeight(1.0))));
    if (free <= SMALL_PROBLEM) {
      // Tenure: a third of the free leads, 1 to 7. A fifth was too short: a small part cycled
      // around
      // a local optimum that longer tenures left (docs/performance.md).
      localSearch
          .withAcceptorConfig(
              new LocalSearchAcceptorConfig()
                  .withEntityTabuSize(Math.max(1, Math.min(7, free / 3))))
          .withForagerConfig(
              new LocalSearchForagerConfig().withAcceptedCountLimit(TABU_ACCEPTED_COUNT));
    } else {
      localSearch
          .withAcceptorConfig(
              new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
          .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }
    return new SolverConfig()
        .withSolutionClass(Plan.class)
        .withEntityClasses(PlanLead.class)
        .withConstraintProviderClass(FairleadConstraints.class)
        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
        .withEnvironmentMode(options.environmentMode())
        .withRandomSeed(options.seed())
        .withMoveThreadCount(
            options.moveThreads() == 0
                ? SolverConfig.MOVE_THREAD_COUNT_NONE
                : Integer.toString(options.moveThreads()))
        .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of()))
        .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(construction), localSearch);
  }
}
