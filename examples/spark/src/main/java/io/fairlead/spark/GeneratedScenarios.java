package io.fairlead.spark;

import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.lab.DatedLead;
import io.fairlead.lab.LeadStreams;
import io.fairlead.lab.RosterEvent;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.Schedule;
import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepTask;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The scenarios of the example sweeps: a generated team of six over a number of weeks, each lead
 * routed as it arrives, a weekly rebalance for the policy that allows it. A {@link
 * Sweep.ScenarioFactory} is a plain serializable class: Spark ships it to every executor.
 *
 * <p>Scenarios by name: {@code "uniform"} (regions and industries drawn uniformly) and {@code
 * "skewed"} (regions by Zipf's law). Policies by name: {@code "default"}, {@code "receipts"}
 * (balancing this period's receipts too) and {@code "rebalancing"} (the default, rebalancing every
 * week). The grid's parameter {@code maxMovesShare} (default 0.02) is the weekly rebalance's
 * budget. A hire in the second week and a departure in the second half.
 */
public final class GeneratedScenarios implements Sweep.ScenarioFactory {

  private static final long serialVersionUID = 1L;

  /** The policies a sweep may name. */
  public static final List<String> POLICIES = List.of("default", "receipts", "rebalancing");

  static final LocalDate START = LocalDate.of(2024, 1, 1);

  private final int weeks;
  private final int leadsPerDay;

  /** Scenarios of {@code weeks} weeks with about {@code leadsPerDay} leads a day. */
  public GeneratedScenarios(int weeks, int leadsPerDay) {
    if (weeks < 1 || weeks > 520) {
      throw new IllegalArgumentException("weeks must be in [1, 520], was " + weeks);
    }
    if (leadsPerDay < 1) {
      throw new IllegalArgumentException("leadsPerDay must be >= 1, was " + leadsPerDay);
    }
    this.weeks = weeks;
    this.leadsPerDay = leadsPerDay;
  }

  @Override
  public Scenario scenario(SweepTask task) {
    int days = 7 * weeks;
    List<Rep> team =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("ben").regions("East", "West").build(),
            Rep.builder("cy").regions("West").weight(1.5).build(),
            Rep.builder("dee").regions("North", "East").build(),
            Rep.builder("eli").regions("North", "West").build(),
            Rep.builder("fay").regions("North").weight(0.8).build());
    List<DatedLead> leads =
        switch (task.scenario()) {
          case "uniform" -> LeadStreams.uniform(task.seed(), START, days, leadsPerDay, team);
          case "skewed" ->
              LeadStreams.skewedRegions(task.seed(), START, days, leadsPerDay, team, 1.2);
          default ->
              throw new IllegalArgumentException(
                  "no generated scenario '" + task.scenario() + "'; there are uniform, skewed");
        };
    double share = Double.parseDouble(task.parameters().getOrDefault("maxMovesShare", "0.02"));
    Map<String, Policy> policies =
        Map.of(
            "default", Policy.defaults(),
            "receipts", Policy.builder().weight(Objective.RECEIPTS, 1).build(),
            "rebalancing", Policy.builder().allowRebalancing(true).build());
    Policy policy = policies.get(task.policy());
    if (policy == null) {
      throw new IllegalArgumentException(
          "no policy '" + task.policy() + "'; there are " + POLICIES);
    }
    Scenario.Builder b =
        Scenario.builder(task.scenario())
            .start(START)
            .days(days)
            .seed(task.seed())
            .roster(team)
            .leads(leads)
            .policy(task.policy(), policy)
            .schedule(Schedule.route().rebalanceEvery(7, share).maxMovesPerRep(3))
            .allocator(LeadRouter.allocator())
            .event(RosterEvent.hire(START.plusDays(8), Rep.builder("gus").regions("East").build()));
    if (weeks >= 2) {
      b.event(RosterEvent.departure(START.plusDays(days / 2), RepId.of("dee")));
    }
    return b.build();
  }
}
