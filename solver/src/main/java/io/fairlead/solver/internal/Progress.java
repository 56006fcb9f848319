package io.fairlead.solver.internal;

import io.fairlead.core.allocation.ProgressListener;
import io.fairlead.core.allocation.SolveProgress;
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
    }
    if (latest.get(part) == null) {
      reported++;
    }
    latest.set(part, assignment);
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
    public Map<LeadId, RepId> bestAssignment() {
      int[] whole = finalAssignment;
      if (whole == null) {
        whole = Plan.pinnedOnly(index);
        if (latest != null) {
          for (int p = 0; p < latest.size(); p++) {
            if (latest.get(p) != null) {
              int[] a = latest.get(p).get();
              for (int k = 0; k < a.length; k++) {
                whole[leadsOf[p][k]] = a[k];
              }
            }
          }
        }
      }
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
