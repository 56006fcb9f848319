package io.fairlead.core.check;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Rulebook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fairness expectations on a sequence of allocations, in order (nightly batches of a period, each
 * with its label: a date, or {@code "run 3"}). Made by {@link FairnessAssertions#assertThatRuns}.
 *
 * <pre>{@code
 * FairnessAssertions.assertThatRuns(nights)    // LocalDate → Allocation, in order
 *     .noRepStarvedLongerThan(2)
 *     .eachRun(night -> night.feasible());
 * }</pre>
 *
 * <p><b>Starved.</b> A rep is <em>starved</em> in a run when all three hold:
 *
 * <ol>
 *   <li>it is on the run's roster;
 *   <li>it could have received a lead: some lead the run distributed (its outcome is not {@code
 *       KEPT} or {@code LOCKED}) is not the rep's own, and the rulebook lets the rep take it with
 *       the load it carried when the run began (its kept and locked leads of the run, and the leads
 *       the run's period ledger says it received earlier): it is eligible, and it has room under
 *       its capacity and new-lead cap;
 *   <li>it received nothing: no lead new to it ({@link RepStats#newLeads()} is 0).
 * </ol>
 *
 * A rep on leave, or one with no lead it may take, or one that is full, is therefore not starved.
 * <b>Consecutive</b> runs are counted among the runs in which the rep could have received a lead: a
 * run in which it could not (absent, on leave, no lead it may take, no room) neither counts nor
 * ends a streak; a run in which it received a lead ends it.
 *
 * @since 0.1.0
 */
public final class RunsAssert {

  private final List<String> labels;
  private final List<Allocation> runs;

  RunsAssert(List<String> labels, List<Allocation> runs) {
    this.labels = List.copyOf(labels);
    this.runs = List.copyOf(runs);
  }

  /**
   * No rep is starved (see the class comment) in more than {@code runs} consecutive runs.
   *
   * @param runs the longest streak allowed, {@code >= 0} (0: no rep is ever starved)
   * @throws IllegalArgumentException if {@code runs} is negative
   * @throws AssertionError listing every rep with a longer streak, its longest streak (the first of
   *     equal ones), its length and the runs it began and ended in; longest first
   */
  public RunsAssert noRepStarvedLongerThan(int runs) {
    checkArgument(runs >= 0, "noRepStarvedLongerThan: runs must be >= 0, was %s", runs);
    Map<RepId, Streak> current = new LinkedHashMap<>();
    Map<RepId, Streak> longest = new LinkedHashMap<>();
    for (int k = 0; k < this.runs.size(); k++) {
      for (Map.Entry<RepId, Run> e : runOf(this.runs.get(k)).entrySet()) {
        RepId rep = e.getKey();
        if (e.getValue() == Run.COULD_TAKE_NONE) {
          continue; // neither counts nor ends a streak
        }
        if (e.getValue() == Run.RECEIVED) {
          current.remove(rep);
          continue;
        }
        Streak s = current.get(rep);
        s = s == null ? new Streak(k, k, 1) : new Streak(s.first(), k, s.length() + 1);
        current.put(rep, s);
        Streak best = longest.get(rep);
        if (best == null || s.length() > best.length()) {
          longest.put(rep, s);
        }
      }
    }
    List<Map.Entry<RepId, Streak>> offenders = new ArrayList<>();
    for (Map.Entry<RepId, Streak> e : longest.entrySet()) {
      if (e.getValue().length() > runs) {
        offenders.add(e);
      }
    }
    if (offenders.isEmpty()) {
      return this;
    }
    List<RepId> order = new ArrayList<>(longest.keySet());
    offenders.sort(
        Comparator.<Map.Entry<RepId, Streak>>comparingInt(e -> -e.getValue().length())
            .thenComparingInt(e -> order.indexOf(e.getKey())));
    List<String> lines = new ArrayList<>();
    for (Map.Entry<RepId, Streak> e : offenders) {
      Streak s = e.getValue();
      lines.add(
          e.getKey()
              + " was starved in "
              + s.length()
              + " consecutive runs, from "
              + labels.get(s.first())
              + " to "
              + labels.get(s.last())
              + ": each time it could have taken a lead and received none");
    }
    throw new AssertionError(
        Figures.listing(
            "expected no rep starved for more than "
                + Figures.count(runs, "consecutive run", "consecutive runs")
                + " (of "
                + Figures.count(this.runs.size(), "run", "runs")
                + "), but "
                + Figures.count(offenders.size(), "rep was", "reps were")
                + (offenders.size() > 1 ? ", longest first:" : ":"),
            lines));
  }

  /** A run of consecutive starved runs: indices of the first and last, and how many. */
  private record Streak(int first, int last, int length) {}

  /** What one run was for one rep. */
  enum Run {
    /** It received a lead new to it. */
    RECEIVED,
    /** It could have taken a lead, and received none. */
    STARVED,
    /** It could take no lead the run distributed (on leave, not eligible, full). */
    COULD_TAKE_NONE
  }

  /** What the run was for each rep of its roster, in roster order. */
  static Map<RepId, Run> runOf(Allocation run) {
    Rulebook rules = run.problem().policy().rulebook();
    List<Rep> roster = run.problem().reps();
    Map<RepId, Integer> pinned = new HashMap<>();
    List<Lead> distributed = new ArrayList<>();
    List<Lead> leads = run.problem().leads();
    List<LeadOutcome> outcomes = run.outcomes();
    for (int i = 0; i < outcomes.size(); i++) {
      LeadOutcome o = outcomes.get(i);
      if (o.status() == Status.KEPT || o.status() == Status.LOCKED) {
        pinned.merge(o.rep().orElseThrow(), 1, Integer::sum);
      } else {
        distributed.add(leads.get(i));
      }
    }
    Map<RepId, Run> out = new LinkedHashMap<>();
    for (int r = 0; r < roster.size(); r++) {
      Rep rep = roster.get(r);
      RepStats stats = run.reps().get(r);
      if (stats.newLeads() > 0) {
        out.put(rep.id(), Run.RECEIVED);
        continue;
      }
      RepLoad start =
          new RepLoad(
              pinned.getOrDefault(rep.id(), 0), run.problem().ledger().entry(rep.id()).received());
      boolean could = false;
      for (Lead lead : distributed) {
        if (!lead.currentOwner().equals(Optional.of(rep.id())) && rules.allows(rep, lead, start)) {
          could = true;
          break;
        }
      }
      out.put(rep.id(), could ? Run.STARVED : Run.COULD_TAKE_NONE);
    }
    return out;
  }

  /**
   * Applies per-allocation expectations to every run, in order; a failure names the run by its
   * label and its allocation's method, e.g. {@code "2024-03-05 (fairlead): expected …"}.
   */
  public RunsAssert eachRun(Consumer<AllocationAssert> expectations) {
    requireNonNull(expectations, "expectations");
    for (int k = 0; k < runs.size(); k++) {
      Allocation a = runs.get(k);
      expectations.accept(new AllocationAssert(a, labels.get(k) + " (" + a.method() + ")"));
    }
    return this;
  }
}
