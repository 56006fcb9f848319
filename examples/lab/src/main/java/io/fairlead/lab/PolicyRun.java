package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One policy's run of a scenario: its weeks, the book at the end, and what more moves would have
 * bought then.
 *
 * @param policy the policy's name ({@code "history"} for the recorded owners)
 * @param weeks the weeks, in order
 * @param finalReps every rep on the team at the end: its customers, value and tier counts next to
 *     its fair shares (the last week's metrics), in roster order; enough for load bars and Lorenz
 *     curves
 * @param finalOwners every customer of the book at the end and its owner, customers in the pool
 *     left out; in the book's order
 * @param leads the leads of the stream the run consumed
 * @param curve what more moves would buy at the end: the book's trade-off curve under the
 *     rebalancer the schedule would use
 * @since 0.1.0
 */
public record PolicyRun(
    String policy,
    List<WeekFigures> weeks,
    List<RepStats> finalReps,
    Map<LeadId, RepId> finalOwners,
    int leads,
    CurveFigures curve) {

  public PolicyRun {
    requireNonNull(policy, "policy");
    weeks = List.copyOf(weeks);
    finalReps = List.copyOf(finalReps);
    finalOwners = Collections.unmodifiableMap(new LinkedHashMap<>(finalOwners));
    requireNonNull(curve, "curve");
  }

  /** Rebalancing moves over the whole run. */
  public int rebalanceMoves() {
    return weeks.stream().mapToInt(WeekFigures::rebalanceMoves).sum();
  }

  /** Other moves (departures, conflicts, covers) over the whole run. */
  public int reassigned() {
    return weeks.stream().mapToInt(WeekFigures::reassigned).sum();
  }

  /** Conflicts over the whole run. */
  public int conflicts() {
    return weeks.stream().mapToInt(WeekFigures::conflicts).sum();
  }

  /**
   * The run's outcome in one plain sentence: the reps furthest above and below their fair share of
   * customers at the end, by how much, the same for value, and the moves made. For example {@code
   * "ana holds 12.0 customers above her fair share (+21%), ben 9.5 below (-17%); value: ..."}.
   */
  public String verdict() {
    if (finalReps.isEmpty()) {
      return policy + ": nobody on the team at the end";
    }
    RepStats hiC = finalReps.get(0);
    RepStats loC = hiC;
    RepStats hiV = hiC;
    RepStats loV = hiC;
    for (RepStats r : finalReps) {
      if (r.leads() - r.fairLeads() > hiC.leads() - hiC.fairLeads()) {
        hiC = r;
      }
      if (r.leads() - r.fairLeads() < loC.leads() - loC.fairLeads()) {
        loC = r;
      }
      if (r.value() - r.fairValue() > hiV.value() - hiV.fairValue()) {
        hiV = r;
      }
      if (r.value() - r.fairValue() < loV.value() - loV.fairValue()) {
        loV = r;
      }
    }
    return String.format(
        Locale.ROOT,
        "%s: customers — %s holds %.1f above fair share (%+.0f%%), %s %.1f below (%+.0f%%);"
            + " value — %s %+.0f%% of fair, %s %+.0f%%; %d rebalancing moves, %d other moves,"
            + " %d conflicts",
        policy,
        hiC.rep(),
        hiC.leads() - hiC.fairLeads(),
        percent(hiC.leads(), hiC.fairLeads()),
        loC.rep(),
        loC.fairLeads() - loC.leads(),
        percent(loC.leads(), loC.fairLeads()),
        hiV.rep(),
        percent(hiV.value(), hiV.fairValue()),
        loV.rep(),
        percent(loV.value(), loV.fairValue()),
        rebalanceMoves(),
        reassigned(),
        conflicts());
  }

  private static double percent(double x, double fair) {
    return fair == 0 ? 0 : 100 * (x - fair) / fair;
  }
}
