package io.fairlead.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabTest {

  static final LocalDate START = LocalDate.of(2024, 1, 1);

  static List<Rep> team() {
    return List.of(
        Rep.builder("ana").regions("East").build(),
        Rep.builder("ben").regions("East", "West").build(),
        Rep.builder("cy").regions("West").build(),
        Rep.builder("dee").regions("East", "West").weight(1.2).build());
  }

  static Scenario.Builder base(String name, List<DatedLead> leads) {
    return Scenario.builder(name)
        .start(START)
        .days(21)
        .seed(3)
        .roster(team())
        .leads(leads)
        .policy("default", Policy.defaults())
        .policy(
            "receipts",
            Policy.builder().weight(Objective.RECEIPTS, 1).allowRebalancing(true).build())
        .event(RosterEvent.hire(START.plusDays(3), Rep.builder("eve").regions("East").build()))
        .event(RosterEvent.leave(RepId.of("ana"), START.plusDays(5), START.plusDays(9)))
        .event(RosterEvent.capacity(START.plusDays(6), RepId.of("cy"), 100))
        .event(RosterEvent.weight(START.plusDays(6), RepId.of("ben"), 0.8))
        .event(RosterEvent.departure(START.plusDays(14), RepId.of("dee")));
  }

  @Test
  void everyLeadOfAWeekIsCountedOnce_andTheRosterEventsHappen() {
    List<DatedLead> leads = LeadStreams.duplicates(5, START, 21, 6, team(), 0.3);
    Scenario s =
        base("small", leads)
            .schedule(Schedule.nightly().rebalanceEvery(7, 0.1))
            .allocator(LeadRouter.allocator())
            .build();

    LabResult r = Lab.run(s);

    assertThat(r.runs()).extracting(PolicyRun::policy).containsExactly("default", "receipts");
    for (PolicyRun run : r.runs()) {
      assertThat(run.weeks()).hasSize(3);
      assertThat(run.leads()).isEqualTo(leads.size());
      assertThat(run.weeks().stream().mapToInt(WeekFigures::arrived).sum()).isEqualTo(leads.size());
      for (WeekFigures w : run.weeks()) {
        assertThat(w.assigned() + w.unassigned() + w.merged() + w.repeats())
            .as("week %d of %s", w.week(), run.policy())
            .isEqualTo(w.arrived());
        assertThat(w.unassignedByReason().values().stream().mapToInt(Integer::intValue).sum())
            .isEqualTo(w.unassigned());
        assertThat(w.countGini()).isEqualTo(w.metrics().count().gini());
      }
      assertThat(run.weeks().stream().mapToInt(WeekFigures::merged).sum()).isPositive();
      // eve joined, dee left: the final book has eve and not dee
      assertThat(run.finalReps())
          .extracting(x -> x.rep().value())
          .contains("eve")
          .doesNotContain("dee");
      assertThat(run.finalOwners().values()).doesNotContain(RepId.of("dee"));
      assertThat(run.verdict()).startsWith(run.policy() + ": customers — ");
    }
    // only the policy that allows rebalancing rebalances
    assertThat(r.run("default").rebalanceMoves()).isZero();
    assertThat(r.run("default").weeks().get(2).reps()).isEqualTo(4);
  }

  @Test
  void sameScenario_equalResults_withTheDefaultSolverAllocator() {
    List<DatedLead> leads = LeadStreams.seasonal(9, START, 14, 5, team(), 7, 3);
    Scenario s =
        Scenario.builder("weekly")
            .start(START)
            .days(14)
            .seed(11)
            .roster(team())
            .leads(leads)
            .policy("default", Policy.defaults())
            .schedule(Schedule.weekly())
            .build();

    LabResult a = Lab.run(s);
    LabResult b = Lab.run(s);

    assertThat(a).isEqualTo(b);
    WeekFigures first = a.run("default").weeks().get(0);
    assertThat(first.unassigned()).isZero(); // the weekly batch placed every new customer
    assertThat(first.placed()).isEqualTo(first.assigned());
  }

  @Test
  void history_givesEachLeadToItsRecordedOwner() {
    List<DatedLead> leads = LeadStreams.uniform(1, START, 7, 4, team());
    Map<LeadId, RepId> owners = new LinkedHashMap<>();
    for (DatedLead d : leads) {
      owners.put(
          d.lead().id(), RepId.of(d.lead().region().orElseThrow().equals("East") ? "ana" : "cy"));
    }
    Scenario s =
        Scenario.builder("history")
            .start(START)
            .days(7)
            .roster(team())
            .leads(leads)
            .history(owners)
            .policy("default", Policy.defaults())
            .schedule(Schedule.route())
            .build();

    LabResult r = Lab.run(s);

    assertThat(r.runs()).extracting(PolicyRun::policy).containsExactly("default", "history");
    assertThat(r.run("history").finalOwners()).isEqualTo(owners);
    assertThat(r.run("history").weeks().get(0).assigned()).isEqualTo(leads.size());
  }

  @Test
  void everyRun_endsWithTheTradeOffCurve_underTheSchedulesPerRepBudget() {
    List<DatedLead> leads = LeadStreams.uniform(4, START, 14, 6, team());
    Map<LeadId, RepId> owners = new LinkedHashMap<>();
    for (DatedLead d : leads) {
      owners.put(d.lead().id(), RepId.of("ben")); // ben may take every lead: a lopsided book
    }
    Scenario s =
        Scenario.builder("curve")
            .start(START)
            .days(14)
            .roster(team())
            .leads(leads)
            .history(owners)
            .policy("default", Policy.defaults())
            .schedule(Schedule.route().maxMovesPerRep(5))
            .build();

    LabResult r = Lab.run(s);

    for (PolicyRun run : r.runs()) {
      CurveFigures c = run.curve();
      assertThat(c.maxMovesPerRep()).as(run.policy()).isEqualTo(5);
      assertThat(c.points())
          .extracting(CurveFigures.Point::budget)
          .containsExactly("0", "1 %", "2 %", "5 %", "10 %", "unlimited");
      assertThat(c.points().get(0).moves()).isZero();
      for (int i = 1; i < c.points().size(); i++) {
        assertThat(c.points().get(i).moves()).isGreaterThanOrEqualTo(c.points().get(i - 1).moves());
      }
    }
    // the recorded book is lopsided: without a limit, moves (at most 5 from ben) buy fairness
    CurveFigures history = r.run(Scenario.HISTORY).curve();
    CurveFigures.Point none = history.points().get(0);
    CurveFigures.Point unlimited = history.points().get(5);
    assertThat(unlimited.moves()).isPositive().isLessThanOrEqualTo(5);
    assertThat(unlimited.countGap()).isLessThan(none.countGap());
    // no rebalance reaches the count optimum in fewer moves than the proven fewest
    assertThat(history.fewestMovesToCountOptimum()).isPresent();
    if (unlimited.countGap() == 0) {
      assertThat(unlimited.moves())
          .isGreaterThanOrEqualTo(history.fewestMovesToCountOptimum().getAsInt());
    }
  }

  @Test
  void progress_reportsEveryDayOfEveryRun() {
    List<DatedLead> leads = LeadStreams.uniform(2, START, 7, 3, team());
    Scenario s =
        Scenario.builder("p")
            .start(START)
            .days(7)
            .roster(team())
            .leads(leads)
            .policy("a", Policy.defaults())
            .policy("b", Policy.defaults())
            .allocator(Baselines.leastBusy())
            .build();
    List<LabListener.Progress> seen = new ArrayList<>();
    Lab.run(
        s,
        new LabListener() {
          @Override
          public void progress(LabListener.Progress p) {
            seen.add(p);
          }
        });
    assertThat(seen).hasSize(14);
    LabListener.Progress last = seen.get(13);
    assertThat(
            List.of(last.policy(), last.run(), last.runs(), last.day(), last.days(), last.leads()))
        .containsExactly("b", 2, 2, 7, 7, leads.size());
    assertThat(last.fractionDone()).isEqualTo(1.0);
    assertThat(last.estimatedTimeLeft()).contains(java.time.Duration.ZERO);
    // Halfway: the first run's last day; the time left is the time so far.
    LabListener.Progress half = seen.get(6);
    assertThat(half.fractionDone()).isEqualTo(0.5);
    assertThat(half.estimatedTimeLeft()).contains(half.elapsed());
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).elapsed()).isGreaterThanOrEqualTo(seen.get(i - 1).elapsed());
    }
  }

  @Test
  void progress_beforeAnyDay_hasNoEstimate() {
    LabListener.Progress p =
        new LabListener.Progress("a", 1, 2, 0, 10, 0, java.time.Duration.ofMillis(5));
    assertThat(p.fractionDone()).isZero();
    assertThat(p.estimatedTimeLeft()).isEmpty();
    assertThat(new LabListener.Progress("a", 1, 1, 3, 0, 0, java.time.Duration.ZERO).fractionDone())
        .isEqualTo(1.0);
  }

  @Test
  void scenario_refusesWhatCannotRun() {
    assertThatThrownBy(
            () -> base("x", LeadStreams.uniform(1, START.plusDays(30), 1, 5, team())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 2024-01-01 to 2024-01-21");
    assertThatThrownBy(
            () -> base("x", List.of()).event(RosterEvent.departure(START, RepId.of("zed"))).build())
        .hasMessageContaining("names rep zed, who is neither in the roster nor hired before");
    assertThatThrownBy(() -> base("x", List.of()).policy("history", Policy.defaults()).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scenario.builder("x").days(3).days(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'days' is set twice");
    assertThatThrownBy(() -> RosterEvent.weight(START, RepId.of("a"), Double.NaN))
        .hasMessageContaining("weight must be finite and > 0, was NaN");
  }
}
