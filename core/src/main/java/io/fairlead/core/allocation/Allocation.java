package io.fairlead.core.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of distributing a {@link Problem}: every input lead exactly once, assigned or
 * unassigned with a reason, with the fairness metrics, the score by constraint, and an explanation
 * for any lead on request.
 *
 * <pre>{@code
 * Allocation a = allocator.allocate(problem);
 * a.outcomes().forEach(o -> System.out.println(o.lead() + " -> " + o.rep().orElse(null)));
 * System.out.println(a.explain(LeadId.of("c42")).summary());
 * }</pre>
 *
 * <p><b>Derived, never stated.</b> An allocation is made from a problem and an assignment (who
 * holds which lead) only: its outcomes, unassigned reasons, score, metrics, gaps and explanations
 * are all worked out here, by the same code for every allocator, so they cannot disagree with the
 * assignment. {@link #of} is the one way to make one (the allocators, {@link Baselines#measure} and
 * the JSON reader use it); the caller states only who made it and how long that took.
 *
 * <p><b>Feasible</b> means one thing everywhere: no hard rule broken. {@link #feasible()}, {@code
 * score().isFeasible()}, an empty {@code metrics().violations()} and {@code gaps().feasible()}
 * always agree.
 *
 * <p>Immutable and thread-safe; explanations are computed on demand (each {@code explain} call is
 * {@code O(reps)}).
 *
 * @since 0.1.0
 */
public final class Allocation {

  private final Problem problem;
  private final ProblemIndex index;
  private final int[] reps;
  private final String method;
  private final List<LeadOutcome> outcomes;
  private final FairnessMetrics metrics;
  private final ScoreBreakdown score;
  private final Duration elapsed;
  private final Map<LeadId, LeadOutcome> byLead;
  private final Ledger ledger;
  private final SearchReport search;
  private Explainer explainer;
  private BoundGaps gaps;
  private BoundGaps freeGaps;

  /** Built by {@link Assembler}: every figure from the assignment. */
  Allocation(
      Problem problem,
      ProblemIndex index,
      int[] reps,
      String method,
      Duration elapsed,
      List<LeadOutcome> outcomes,
      FairnessMetrics metrics,
      ScoreBreakdown score,
      SearchReport search) {
    this.problem = problem;
    this.search = search;
    this.index = index;
    this.reps = reps;
    this.method = method;
    this.elapsed = elapsed;
    this.outcomes = List.copyOf(outcomes);
    this.metrics = metrics;
    this.score = score;
    this.ledger = PeriodLedger.after(index, reps);
    Map<LeadId, LeadOutcome> m = new LinkedHashMap<>();
    for (LeadOutcome o : this.outcomes) {
      m.put(o.lead(), o);
    }
    this.byLead = Collections.unmodifiableMap(m);
  }

  /**
   * Makes the allocation of a problem in which the given reps hold the given leads: the outcomes,
   * reasons, score and metrics are derived from it. Leads missing from the map are unassigned.
   *
   * @param method who made it, for reports, e.g. {@code "crm"} or {@code "round-robin"}
   * @param elapsed how long making it took
   * @throws IllegalArgumentException if the map names a lead or rep that is not in the problem
   */
  public static Allocation of(
      Problem problem, Map<LeadId, RepId> assignment, String method, Duration elapsed) {
    return of(problem, assignment, method, elapsed, SearchReport.onePass(elapsed));
  }

  /**
   * Makes the allocation of a problem in which the given reps hold the given leads, with a report
   * of the search that found it (an optimiser's; see {@link #of(Problem, Map, String, Duration)}
   * for everything else).
   *
   * @throws IllegalArgumentException if the map names a lead or rep that is not in the problem
   */
  public static Allocation of(
      Problem problem,
      Map<LeadId, RepId> assignment,
      String method,
      Duration elapsed,
      SearchReport search) {
    requireNonNull(problem, "problem");
    requireNonNull(assignment, "assignment");
    requireNonNull(method, "method");
    requireNonNull(elapsed, "elapsed");
    requireNonNull(search, "search");
    checkArgument(!elapsed.isNegative(), "elapsed must be >= 0, was %s", elapsed);
    ProblemIndex index =
        ProblemIndex.of(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
    int[] reps = new int[index.leadCount()];
    Arrays.fill(reps, -1);
    assignment.forEach(
        (lead, rep) -> {
          requireNonNull(lead, "assignment: a lead id is null");
          requireNonNull(rep, () -> "assignment: lead " + lead + " goes to a null rep");
          int i = index.leadIndex(lead);
          int r = index.repIndex(rep);
          checkArgument(i >= 0, "assignment: lead %s is not in the problem", lead);
          checkArgument(
              r >= 0, "assignment: lead %s goes to rep %s, who is not on the roster", lead, rep);
          reps[i] = r;
        });
    return Assembler.assemble(problem, index, reps, method, elapsed, search);
  }

  /** The problem this allocation answers. */
  public Problem problem() {
    return problem;
  }

  /** Who made it, e.g. {@code "fairlead"}, {@code "round-robin"}, {@code "crm"}. */
  public String method() {
    return method;
  }

  /** One outcome per input lead, in input order. */
  public List<LeadOutcome> outcomes() {
    return outcomes;
  }

  /** The outcome of one lead. */
  public LeadOutcome outcome(LeadId lead) {
    LeadOutcome o = byLead.get(lead);
    if (o == null) {
      throw new IllegalArgumentException("lead " + lead + " is not part of this allocation");
    }
    return o;
  }

  /** The owner of every assigned lead, in input order. */
  public Map<LeadId, RepId> assignment() {
    Map<LeadId, RepId> m = new LinkedHashMap<>();
    outcomes.forEach(o -> o.rep().ifPresent(r -> m.put(o.lead(), r)));
    return Collections.unmodifiableMap(m);
  }

  /** The unassigned outcomes, in input order. */
  public List<LeadOutcome> unassigned() {
    return outcomes.stream().filter(o -> o.status() == Status.UNASSIGNED).toList();
  }

  /** The fairness metrics of this allocation. */
  public FairnessMetrics metrics() {
    return metrics;
  }

  /** The per-rep summary, in roster order (same as {@code metrics().reps()}). */
  public List<RepStats> reps() {
    return metrics.reps();
  }

  /** The score by level and constraint. */
  public ScoreBreakdown score() {
    return score;
  }

  /** Returns whether no hard rule is broken (the score's hard level is 0). */
  public boolean feasible() {
    return score.isFeasible();
  }

  /** How long making the allocation took. */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * How the allocator reached this allocation: how its search ended, whether it is reproducible,
   * the moves made and the time of each phase. {@link SearchReport.Ending#ONE_PASS} for an
   * allocation made without a search.
   */
  public SearchReport search() {
    return search;
  }

  /**
   * The money worth of 1000 value units: the problem's mean lead value, on the policy's value
   * basis. The score's value term and the gaps' value figures count in units of it.
   */
  public double meanValue() {
    return index.meanValue();
  }

  /**
   * The period ledger after this allocation: each rep's entry of the problem's ledger, plus the
   * leads it received here as new (assigned or moved to it; a lead its owner keeps is not
   * received), in {@code received} and in {@code credited}. The next run of the same period takes
   * it as its problem's ledger, so a nightly batch chains its nights:
   *
   * <pre>{@code
   * Ledger ledger = Ledger.empty();                      // the period starts
   * for (List<Lead> night : nights) {
   *   Allocation a = allocator.allocate(Problem.of(policy, roster, night, ledger));
   *   ledger = a.ledger();                               // or ledgerFor(tomorrow's roster)
   * }
   * }</pre>
   *
   * Reps with nothing received and no credit have no entry.
   */
  public Ledger ledger() {
    return ledger;
  }

  /**
   * The period ledger after this allocation ({@link #ledger()}), carried to the next run's roster:
   * entries of reps no longer on it are dropped, and a rep that joins, comes back from leave
   * ({@code available} turning {@code true}) or gets a larger effective weight (a larger {@code
   * weight} or {@code share}) is calibrated by the policy's {@link io.fairlead.core.policy.CatchUp}
   * against the reps that worked on in both rosters, as the router calibrates it. With {@code
   * CatchUp.NONE} a rep back from two weeks' leave starts level and gets its share of the next
   * nights' leads; with {@code FULL} it gets everything it missed first.
   *
   * @param nextRoster the roster of the next run, unique ids
   * @throws IllegalArgumentException naming the rep if the roster holds an id twice
   */
  public Ledger ledgerFor(Collection<Rep> nextRoster) {
    return PeriodLedger.forRoster(problem.policy(), problem.reps(), ledger, nextRoster);
  }

  /** Explains one lead's outcome: the rules its owner meets, its cost, and every other rep. */
  public synchronized Explanation explain(LeadId lead) {
    outcome(lead);
    if (explainer == null) {
      explainer = new Explainer(index, Assignment.of(index, reps), metrics);
    }
    return explainer.explain(lead, outcome(lead));
  }

  /**
   * How far this allocation is from the best possible: its count balance against the exact optimum,
   * its largest weighted value and top-tier share against proven lower bounds, and whether an
   * improving count path exists. Computed on the first call (close to linear time in the leads),
   * then cached.
   */
  public synchronized BoundGaps gaps() {
    if (gaps == null) {
      gaps = FairnessBounds.of(problem).gaps(assignment());
    }
    return gaps;
  }

  /**
   * How far this allocation is from the best possible if no owner were kept: its figures against
   * the bounds of the same problem with every lead free to move ({@link Problem#withOwnersFree()};
   * locked leads stay). Next to {@link #gaps()} it shows what continuity costs: on a book where
   * owners hold uneven shares, an allocation can be count-optimal for what the policy lets move and
   * still far from the balance a free hand would reach. Freeing owners can also make room for more
   * leads (an owner's kept lead moves to a rep that may take it, and the owner takes another): then
   * {@code freeGaps().placed() < freeGaps().maxPlaceable()} and its gaps are no proof (they can be
   * negative), as for any allocation that places fewer leads than it could. Computed on the first
   * call (the bounds run a second time: about 2 s at 1M leads), then cached.
   */
  public synchronized BoundGaps freeGaps() {
    if (freeGaps == null) {
      freeGaps = FairnessBounds.of(problem.withOwnersFree()).gaps(assignment());
    }
    return freeGaps;
  }

  @Override
  public String toString() {
    return "Allocation["
        + method
        + ", "
        + outcomes.size()
        + " leads, "
        + unassigned().size()
        + " unassigned, score "
        + score
        + ", "
        + elapsed.toMillis()
        + " ms]";
  }
}
