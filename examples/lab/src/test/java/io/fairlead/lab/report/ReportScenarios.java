package io.fairlead.lab.report;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.lab.DatedLead;
import io.fairlead.lab.Lab;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.LeadStreams;
import io.fairlead.lab.RosterEvent;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.Schedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small scenario that exercises every part of the report: a rep and a policy whose names would
 * break the page if they were not escaped, a rebalancing policy (moves), leads of a region nobody
 * covers (unassigned), and a recorded history.
 */
final class ReportScenarios {

  static final LocalDate START = LocalDate.of(2024, 1, 1);

  /** A rep id that is markup. */
  static final String HOSTILE_REP = "<img src=x onerror=\"document.title='pwned'\">";

  /** A policy name that closes the script element. */
  static final String HOSTILE_POLICY = "</script><b id=\"pwned\">&amp;</b>";

  private ReportScenarios() {}

  static LabResult small() {
    List<Rep> team =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("ben").regions("East", "West").build(),
            Rep.builder(HOSTILE_REP).regions("West").build(),
            Rep.builder("dee").regions("East", "West").weight(1.5).build());
    // the stream also brings leads of the North, which nobody on the team covers
    List<Rep> regions = new ArrayList<>(team);
    regions.add(Rep.builder("nobody").regions("North").build());
    List<DatedLead> leads = LeadStreams.uniform(11, START, 21, 8, regions);
    Map<LeadId, RepId> history = new LinkedHashMap<>();
    for (int i = 0; i < leads.size(); i++) {
      history.put(leads.get(i).lead().id(), team.get(i % 3 == 0 ? 0 : 1).id());
    }
    Scenario s =
        Scenario.builder("small <report> & co")
            .start(START)
            .days(21)
            .seed(5)
            .roster(team)
            .leads(leads)
            .history(history)
            .event(RosterEvent.hire(START.plusDays(4), Rep.builder("eve").regions("East").build()))
            .policy("default", Policy.defaults())
            .policy(HOSTILE_POLICY, Policy.builder().allowRebalancing(true).build())
            .schedule(Schedule.nightly().rebalanceEvery(7, 0.2))
            .allocator(LeadRouter.allocator())
            .build();
    return Lab.run(s);
  }
}
