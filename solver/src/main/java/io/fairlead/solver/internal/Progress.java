package io.fairlead.solver.internal;

import io.fairlead.core.allocation.ProgressListener;
import io.fairlead.core.allocation.SolveProgress;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the solver's best-solution events (per part, from several threads) into {@link
 * SolveProgress} reports for a host's {@link ProgressListener}: one when every part has a complete
 * allocation, then at most one per interval, then one at the end. The best allocation of the whole
 * problem is the latest best of every part, merged only when the listener asks for it.
 *
 * <p>The count gap ({@link SolveProgress#countGap()}) is asked of the best allocation so far
 * without building it: the count optimum is solved once, on the first call; {@link #whole} and
 * {@link #counts} hold the merged best allocation and its leads per rep, and a call brings them up
 * to date from the parts whose best changed since ({@link #stale}), lead by lead, so a report costs
 * {@code O(reps)} plus one pass over those parts' leads. Nothing of this is built until a listener
 * asks; without a listener there is no tracker at all.
 */
public final class Progress implements PlanSolver.Listener {

  private final ProblemIndex index;
  private final ProgressListener listener;
  private final long intervalNanos;
  private final long start;
  private long budget;
  private int parts = -1;
  private List<Supplier<int[]>> latest;
  private int[][] leadsOf;
  private long[] hard;
  private long[] medium;
  private long[] soft;
  private long[] moves;
  private int reported;
  private long lastReport = Long.MIN_VALUE;

  /** Whether a part's best changed since {@link #whole} was last brought up to date. */
  private boolean[] stale;

  /** The merged best allocation (rep index per lead, -1 = unassigned); null until first asked. */
  private int[] whole;

  /** Leads per rep in {@link #whole}. */
  private int[] counts;

  /** Whether {@link #whole} holds the final assignment. */
  private boolean done;

  /** The count optimum; NaN until first asked. */
  private double countOptimum = Double.NaN;

  /**
   * @param start the solve's start ({@link System#nanoTime()})
   */
  public Progress(ProblemIndex index, ProgressListener listener, Duration interval, long start) {
    this.index = index;
    this.listener = listener;
    this.intervalNanos = interval.toNanos();
    this.start = start;
  }

  @Override
  public synchronized void budget(long moveBudget) {
    this.budget = moveBudget;
  }

  @Override
  public synchronized void bestChanged(
      int part,
      int parts,
      long nanos,
      int[] leadIndices,
      Supplier<int[]> assignment,
      long hard,
      long medium,
      long soft,
      long moves) {
    if (this.parts < 0) {
      this.parts = parts;
      latest = new ArrayList<>(java.util.Collections.nCopies(parts, null));
      leadsOf = new int[parts][];
      this.hard = new long[parts];
      this.medium = new long[parts];
      this.soft = new long[parts];
      this.moves = new long[parts];
      stale = new boolean[parts];
    }
    if (latest.get(part) == null) {
      reported++;
    }
    latest.set(part, assignment);
    stale[part] = true;
    leadsOf[part] = leadIndices;
    this.hard[part] = hard;
    this.medium[part] = medium;
    this.soft[part] = soft;
    this.moves[part] = moves;
    if (reported < parts) {
      return;
    }
    boolean first = reported == parts && lastReport == Long.MIN_VALUE;
    if (first || nanos - lastReport >= intervalNanos) {
      lastReport = nanos;
      listener.onProgress(new Report(SolveProgress.Phase.SEARCH, nanos, null));
    }
  }

  /** The last report: the solve has ended with this assignment (rep index per lead). */
  public synchronized void done(int[] assignment) {
    listener.onProgress(
        new Report(SolveProgress.Phase.DONE, System.nanoTime() - start, assignment));
  }

  /**
   * Brings {@link #whole} and {@link #counts} up to date: with the final assignment if given (one
   * pass over the leads), else with the latest best of every part whose best changed since.
   */
  private void refresh(int[] finalAssignment) {
    if (whole == null) {
      whole = Plan.pinnedOnly(index);
      counts = new int[index.repCount()];
      for (int r : whole) {
        if (r >= 0) {
          counts[r]++;
        }
      }
    }
    if (finalAssignment != null) {
      if (!done) {
        for (int i = 0; i < whole.length; i++) {
          set(i, finalAssignment[i]);
        }
        done = true;
      }
      return;
    }
    for (int p = 0; latest != null && p < latest.size(); p++) {
      if (stale[p] && latest.get(p) != null) {
        int[] a = latest.get(p).get();
        for (int k = 0; k < a.length; k++) {
          set(leadsOf[p][k], a[k]);
        }
        stale[p] = false;
      }
    }
  }

  private void set(int lead, int rep) {
    int was = whole[lead];
    if (was != rep) {
      if (was >= 0) {
        counts[was]--;
      }
      if (rep >= 0) {
        counts[rep]++;
      }
      whole[lead] = rep;
    }
  }

  /** The count gap of {@link #whole}, as {@code BoundGaps.countGap} defines it. */
  private double countGap() {
    if (Double.isNaN(countOptimum)) {
      countOptimum = CountFlow.solve(index).optimum();
    }
    double term = 0;
    for (int r = 0; r < counts.length; r++) {
      term += (double) counts[r] * counts[r] / index.weight(r);
    }
    if (countOptimum > 0) {
      return (term - countOptimum) / countOptimum;
    }
    return term <= 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  private long sum(long[] xs) {
    return xs == null ? 0 : Arrays.stream(xs).sum();
  }

  /** One report, valid during the listener call (the tracker's lock is held meanwhile). */
  private final class Report implements SolveProgress {
    private final Phase phase;
    private final long nanos;
    private final int[] finalAssignment;

    Report(Phase phase, long nanos, int[] finalAssignment) {
      this.phase = phase;
      this.nanos = nanos;
      this.finalAssignment = finalAssignment;
    }

    @Override
    public Phase phase() {
      return phase;
    }

    @Override
    public Duration elapsed() {
      return Duration.ofNanos(nanos);
    }

    @Override
    public long moves() {
      return sum(moves);
    }

    @Override
    public long moveBudget() {
      return budget;
    }

    @Override
    public long bestHard() {
      return sum(hard);
    }

    @Override
    public long bestMedium() {
      return sum(medium);
    }

    @Override
    public long bestSoft() {
      return sum(soft);
    }

    @Override
    public double countGap() {
      refresh(finalAssignment);
      return Progress.this.countGap();
    }

    @Override
    public Map<LeadId, RepId> bestAssignment() {
      refresh(finalAssignment);
      Map<LeadId, RepId> out = new LinkedHashMap<>();
      for (int i = 0; i < whole.length; i++) {
        if (whole[i] >= 0) {
          out.put(index.lead(i).id(), index.rep(whole[i]).id());
        }
      }
      return out;
    }
  }
}
