package io.fairlead.solver;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.ProgressListener;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.SolveProgress;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.internal.PlanSolver;
import io.fairlead.solver.internal.Progress;
import io.fairlead.solver.internal.SolveOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributes leads among reps as fairly as the policy asks: balanced lead counts, value and tier
 * mix in proportion to each rep's weight, within every hard rule (territory, industry, size, tier,
 * role, availability, capacity, new-lead caps), keeping current owners where the policy says so.
 *
 * <pre>{@code
 * LeadAllocator allocator = LeadAllocator.create(Policy.defaults());
 * Allocation allocation = allocator.allocate(reps, leads);
 * allocation.outcomes().forEach(o -> System.out.println(o.lead() + " -> " + o.rep().orElse(null)));
 *
 * LeadAllocator tuned = LeadAllocator.builder()
 *     .policy(policy)
 *     .timeLimit(Duration.ofSeconds(10))
 *     .seed(7)
 *     .build();
 * }</pre>
 *
 * <p><b>How it works.</b> Leads are first placed greedily (top tier first, each on the eligible rep
 * with room whose score grows least), then improved by a local search (Late Acceptance; Tabu Search
 * on small problems) that moves single leads and swaps or shifts pairs of leads. The search stops
 * after a <em>move budget</em> scaled to the problem (100 moves per free lead, from 100,000 to 2
 * million; docs/performance.md has measured times), or earlier when a safety cap fires: {@link
 * Builder#timeLimit} (default 60 s per 100,000 free leads, at least 60 s), or {@link
 * Builder#unimprovedTimeLimit} if set (none by default). The caps bound the search only: the greedy
 * placement, linear in the problem size, always completes. {@link Allocation#search()} says which
 * of them ended it, the moves made and the time of each phase.
 *
 * <p><b>Independent territories.</b> When the problem falls apart into groups of reps that share no
 * lead they may take (say, regions with their own reps), each group is solved on its own, up to one
 * per available processor at once, with a share of the move budget in proportion to its free leads;
 * the allocation, its metrics and its score are still those of the whole problem. The scores of the
 * groups add up exactly to the whole score, so nothing is lost.
 *
 * <p><b>Determinism.</b> The same problem with the same options and {@link Builder#seed seed} gives
 * the same allocation on any machine whenever the search ends on its move budget (independent
 * groups get seeds derived from it and are merged in a fixed order, whatever the thread timing).
 * With the default options it did at every size measured, up to 1M leads × 5k reps, on a loaded
 * 2-core machine (the defaults are sized for that, docs/performance.md); a time cap stays as a
 * safety net. When a cap fires first (a very slow machine, or a cap set low on purpose), the
 * allocation is still the best found, and {@link Allocation#search()} reports it as not {@linkplain
 * io.fairlead.core.allocation.SearchReport#reproducible() reproducible}. The solver runs in
 * OptaPlanner's reproducible mode and never iterates hash-ordered collections.
 *
 * <p><b>Results.</b> Infeasible problems are answered, never rejected: leads that cannot be placed
 * come back unassigned with a reason. The allocation's score is computed by the same formulas as
 * for any other allocator, so it compares directly with the {@code Baselines}.
 *
 * <p>Immutable and thread-safe: one instance may serve concurrent {@code allocate} calls, each of
 * which solves on the calling thread (plus {@link Builder#moveThreads} helper threads if set), or,
 * for a problem of independent groups, on up to {@code availableProcessors} threads of its own.
 *
 * @since 0.1.0
 */
public final class LeadAllocator implements Allocator {

  private static final Logger LOG = LoggerFactory.getLogger(LeadAllocator.class);
  private static final String NAME = "fairlead";

  private final Policy policy;
  private final SolveOptions options;
  private final ProgressListener progress;
  private final Duration progressInterval;

  private LeadAllocator(
      Policy policy, SolveOptions options, ProgressListener progress, Duration progressInterval) {
    this.policy = policy;
    this.options = options;
    this.progress = progress;
    this.progressInterval = progressInterval;
  }

  /** Returns an allocator with the given policy and default options. */
  public static LeadAllocator create(Policy policy) {
    return new LeadAllocator(requireNonNull(policy, "policy"), SolveOptions.DEFAULTS, null, null);
  }

  /** Returns a builder with the default policy and options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Distributes the leads among the reps with this allocator's policy. */
  public Allocation allocate(Collection<Rep> reps, Collection<Lead> leads) {
    requireNonNull(reps, "reps");
    requireNonNull(leads, "leads");
    return allocate(Problem.of(policy, reps, leads));
  }

  /**
   * Distributes the problem's leads. The problem must carry this allocator's policy: an allocator
   * is built for one policy, and a problem made under another is refused rather than solved under
   * either one silently.
   *
   * @return every lead of the problem exactly once, in input order
   * @throws IllegalArgumentException if the problem's policy is not this allocator's
   */
  @Override
  public Allocation allocate(Problem problem) {
    requireNonNull(problem, "problem");
    if (!problem.policy().equals(policy)) {
      throw new IllegalArgumentException(
          "problem: its policy is not this allocator's; build the allocator for it with"
              + " LeadAllocator.create(problem.policy()) or builder().policy(problem.policy())");
    }
    long start = System.nanoTime();
    ProblemIndex index =
        ProblemIndex.of(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
    long compiled = System.nanoTime() - start;
    int[] assignment = index.leadCount() == 0 ? new int[0] : null;
    PlanSolver.Result result = null;
    Progress tracker =
        progress == null ? null : new Progress(index, progress, progressInterval, start);
    if (assignment == null) {
      result = PlanSolver.solve(index, options, tracker);
      assignment = result.assignment();
    }
    if (tracker != null) {
      tracker.done(assignment);
    }
    Map<LeadId, RepId> owners = new LinkedHashMap<>();
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] >= 0) {
        owners.put(index.lead(i).id(), index.rep(assignment[i]).id());
      }
    }
    if (result == null) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return Allocation.of(
          problem,
          owners,
          NAME,
          elapsed,
          new SearchReport(
              SearchReport.Ending.NOTHING_TO_DO,
              0,
              0,
              options.seed(),
              List.of(new SearchReport.PhaseTime("compile", Duration.ofNanos(compiled)))));
    }
    SearchReport report = report(result, compiled);
    Allocation allocation =
        Allocation.of(problem, owners, NAME, Duration.ofNanos(System.nanoTime() - start), report);
    if (!result.agreesWith(allocation.score())) {
      LOG.warn(
          "solver score {}hard/{}medium/{}soft differs from the allocation's score {}; "
              + "please report this as a bug",
          result.hard(),
          result.medium(),
          result.soft(),
          allocation.score());
    }
    if (LOG.isInfoEnabled()) {
      long pairs = 0;
      for (int i = 0; i < index.leadCount(); i++) {
        pairs += index.eligible(i).length;
      }
      LOG.info(
          "allocated {} leads among {} reps ({} eligible pairs) in {} ms: score {}, {} unassigned,"
              + " {} moves ({}/s), ended by {}",
          index.leadCount(),
          index.repCount(),
          pairs,
          allocation.elapsed().toMillis(),
          allocation.score(),
          allocation.score().medium(),
          result.moves(),
          result.movesPerSecond(),
          result.endedBy());
    }
    return allocation;
  }

  /**
   * The search report of a solve: how it ended and the time of compiling the problem, preparing the
   * solve (free leads, decomposition), the constructions and the local searches (summed over parts
   * solved in parallel). Building the allocation's outcomes and metrics afterwards is in the
   * allocation's elapsed time only.
   */
  private SearchReport report(PlanSolver.Result result, long compiledNanos) {
    SearchReport.Ending ending =
        switch (result.endedBy()) {
          case NOTHING_TO_DO -> SearchReport.Ending.NOTHING_TO_DO;
          case MOVE_BUDGET -> SearchReport.Ending.MOVE_BUDGET;
          case TIME_LIMIT -> SearchReport.Ending.TIME_LIMIT;
          case UNIMPROVED_TIME_LIMIT -> SearchReport.Ending.UNIMPROVED_TIME_LIMIT;
        };
    return new SearchReport(
        ending,
        result.moves(),
        result.moveBudget(),
        options.seed(),
        List.of(
            new SearchReport.PhaseTime("compile", Duration.ofNanos(compiledNanos)),
            new SearchReport.PhaseTime("prepare", Duration.ofNanos(result.prepareNanos())),
            new SearchReport.PhaseTime(
                "construction", Duration.ofNanos(result.constructionNanos())),
            new SearchReport.PhaseTime("local search", Duration.ofNanos(result.searchNanos()))));
  }

  /** {@code "fairlead"}. */
  @Override
  public String name() {
    return NAME;
  }

  /** The policy used by {@link #allocate(Collection, Collection)}. */
  public Policy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "LeadAllocator[" + options + "]";
  }

  /**
   * Builds a {@link LeadAllocator}. Every option is optional; each may be set once (a second call
   * throws {@link IllegalStateException}). Values are checked when set and the message names the
   * option. {@link #build()} leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Set<String> set = new HashSet<>();
    private Policy policy = Policy.defaults();
    private Duration timeLimit; // null: scaled to the problem
    private Duration unimprovedTimeLimit = SolveOptions.DEFAULT_UNIMPROVED_TIME_LIMIT;
    private long moveBudget;
    private long seed = SolveOptions.DEFAULT_SEED;
    private int moveThreads;
    private ProgressListener progress;
    private Duration progressInterval;

    private Builder() {}

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException("option '" + option + "' is set twice");
      }
    }

    private static Duration positive(String option, Duration d) {
      requireNonNull(d, option);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(option + " must be positive, was " + d);
      }
      return d;
    }

    /**
     * The policy for {@link LeadAllocator#allocate(Collection, Collection)}. Default {@link
     * Policy#defaults()}.
     */
    public Builder policy(Policy policy) {
      requireNonNull(policy, "policy");
      once("policy");
      this.policy = policy;
      return this;
    }

    /**
     * Safety cap on the search of one solve; the best allocation found so far is returned, and
     * reported as not reproducible. Default: 60 s per 100,000 free leads, at least 60 s, so that
     * the default move budget, not the clock, ends the search. Rounded up to whole milliseconds.
     */
    public Builder timeLimit(Duration timeLimit) {
      positive("timeLimit", timeLimit);
      once("timeLimit");
      this.timeLimit = timeLimit;
      return this;
    }

    /**
     * Safety cap on search time without a better score. None by default: like {@link #timeLimit}, a
     * clock that ends the search makes the allocation depend on the machine's speed.
     */
    public Builder unimprovedTimeLimit(Duration unimprovedTimeLimit) {
      positive("unimprovedTimeLimit", unimprovedTimeLimit);
      once("unimprovedTimeLimit");
      this.unimprovedTimeLimit = unimprovedTimeLimit;
      return this;
    }

    /**
     * How many moves the local search evaluates; the deterministic end of a solve. Default: scaled
     * to the problem (100 per free lead, from 100,000 to 2 million).
     */
    public Builder moveBudget(long moveBudget) {
      if (moveBudget <= 0) {
        throw new IllegalArgumentException("moveBudget must be positive, was " + moveBudget);
      }
      once("moveBudget");
      this.moveBudget = moveBudget;
      return this;
    }

    /**
     * The random seed; the same seed gives the same allocation (see the class comment). Default 0.
     */
    public Builder seed(long seed) {
      once("seed");
      this.seed = seed;
      return this;
    }

    /**
     * Helper threads for the local search; {@code 0} (default) solves on the calling thread only.
     * Only worth it with more than 2 free cores: on 2 cores, 2 move threads halve the speed.
     */
    public Builder moveThreads(int moveThreads) {
      if (moveThreads < 0) {
        throw new IllegalArgumentException("moveThreads must be >= 0, was " + moveThreads);
      }
      once("moveThreads");
      this.moveThreads = moveThreads;
      return this;
    }

    /**
     * Reports how each solve is going: when a first complete allocation exists, then as the search
     * finds better ones, at most once per {@code interval}, and once at the end ({@link
     * SolveProgress}). Called on the solving threads; none by default (the library is quiet).
     */
    public Builder progress(Duration interval, ProgressListener listener) {
      positive("progress interval", interval);
      requireNonNull(listener, "progress listener");
      once("progress");
      this.progress = listener;
      this.progressInterval = interval;
      return this;
    }

    /** Returns an allocator with the options set so far; the builder stays usable. */
    public LeadAllocator build() {
      return new LeadAllocator(
          policy,
          SolveOptions.of(timeLimit, unimprovedTimeLimit, moveBudget, seed, moveThreads),
          progress,
          progressInterval);
    }
  }
}
