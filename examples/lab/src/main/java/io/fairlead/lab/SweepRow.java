package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a {@link Sweep}'s table: a task (scenario, policy variant, seed) and the figures of
 * its run's book at the end of the scenario (the last week's {@link WeekFigures}), with the moves
 * over the whole run and the task's wall time.
 *
 * <p>Immutable and {@link Serializable}. Every field but {@code wallMillis} is a function of the
 * task: the same task gives an equal row {@link #withoutWallTime() without its wall time}, on any
 * thread or machine.
 *
 * @param task the task's index in the sweep
 * @param scenario the scenario's name
 * @param policy the policy's name
 * @param variant the policy variant's name ({@link SweepTask#variant()})
 * @param seed the seed
 * @param parameters the grid's values, by parameter name, in the grid's order
 * @param weeks the weeks measured
 * @param reps reps on the team at the end
 * @param countGini Gini of weighted customer counts at the end (0 even)
 * @param countJain Jain's index of weighted customer counts (1 even)
 * @param valueGini Gini of weighted value
 * @param valueJain Jain's index of weighted value
 * @param countMaxDeviation the largest gap between a rep's customers and its fair share, in leads
 * @param valueMaxDeviation the same for value, in money
 * @param lag the receipts lag: the largest gap between a rep's new leads this period and its
 *     entitlement, in leads
 * @param countGap customer counts above the proven count optimum (0.02 = 2 %)
 * @param valueMaxGap the largest weighted value above its proven lower bound
 * @param topTierGap the top tier above its proven optimum
 * @param receiptsGap always {@code NaN} (written {@code NaN} in the CSV): not measured, see {@link
 *     WeekFigures#receiptsGap()}; the flow fairness is {@code lag}
 * @param rebalanceMoves customers moved by rebalancing over the run
 * @param otherMoves customers moved for another reason (departures, conflicts, covers) over the run
 * @param unassigned customers in the pool at the end
 * @param wallMillis the task's wall time, building the scenario included, in milliseconds
 * @since 0.1.0
 */
public record SweepRow(
    int task,
    String scenario,
    String policy,
    String variant,
    long seed,
    Map<String, String> parameters,
    int weeks,
    int reps,
    double countGini,
    double countJain,
    double valueGini,
    double valueJain,
    double countMaxDeviation,
    double valueMaxDeviation,
    double lag,
    double countGap,
    double valueMaxGap,
    double topTierGap,
    double receiptsGap,
    int rebalanceMoves,
    int otherMoves,
    int unassigned,
    long wallMillis)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public SweepRow {
    requireNonNull(scenario, "sweep row: scenario");
    requireNonNull(policy, "sweep row: policy");
    requireNonNull(variant, "sweep row: variant");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The row of a task's run: the last week's figures and the run's moves. */
  static SweepRow of(SweepTask task, PolicyRun run, long wallMillis) {
    if (run.weeks().isEmpty()) {
      throw new IllegalStateException("sweep task " + task.index() + ": the run measured no week");
    }
    WeekFigures w = run.weeks().get(run.weeks().size() - 1);
    return new SweepRow(
        task.index(),
        task.scenario(),
        task.policy(),
        task.variant(),
        task.seed(),
        task.parameters(),
        run.weeks().size(),
        w.reps(),
        w.countGini(),
        w.countJain(),
        w.valueGini(),
        w.valueJain(),
        w.countMaxDeviation(),
        w.valueMaxDeviation(),
        w.lag(),
        w.countGap(),
        w.valueMaxGap(),
        w.topTierGap(),
        w.receiptsGap(),
        run.rebalanceMoves(),
        run.reassigned(),
        w.pool(),
        wallMillis);
  }

  /** This row with a wall time of 0: what two runs of the same task agree on. */
  public SweepRow withoutWallTime() {
    return new SweepRow(
        task,
        scenario,
        policy,
        variant,
        seed,
        parameters,
        weeks,
        reps,
        countGini,
        countJain,
        valueGini,
        valueJain,
        countMaxDeviation,
        valueMaxDeviation,
        lag,
        countGap,
        valueMaxGap,
        topTierGap,
        receiptsGap,
        rebalanceMoves,
        otherMoves,
        unassigned,
        0);
  }
}
