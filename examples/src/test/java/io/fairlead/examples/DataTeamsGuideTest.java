package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.check.FairnessAssertions;
import io.fairlead.core.check.Measure;
import io.fairlead.core.csv.CsvMapping;
import io.fairlead.core.csv.FairleadCsv;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.lab.DatedLead;
import io.fairlead.lab.Lab;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.Schedule;
import io.fairlead.lab.report.LabReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks docs/data-teams.md on a tiny export: the same calls, in the same order, with the same
 * column names, so that the guide's code keeps compiling and doing what it says.
 */
class DataTeamsGuideTest {

  private static final String AGENTS = "Agent,Territories\nana,East\nben,East;West\ncy,West\n";

  private static final String DEALS =
      "Opportunity ID,Territory,industry,Amount,currentOwner,Engaged On\n"
          + "d1,East,retail,1200,ana,2024-01-02\n"
          + "d2,East,retail,800,ana,2024-01-02\n"
          + "d3,West,retail,3000,cy,2024-01-03\n"
          + "d4,East,retail,500,ana,2024-01-09\n"
          + "d5,West,retail,700,ben,2024-01-10\n"
          + "d6,East,retail,900,ana,2024-01-16\n"
          + "d7,West,retail,1500,cy,2024-01-17\n"
          + "d8,East,retail,650,ben,2024-01-23\n";

  @Test
  void theGuide_fromCsvToReportAndATest(@TempDir Path dir) throws Exception {
    // 1. Your export.
    Files.writeString(dir.resolve("agents.csv"), AGENTS);
    Files.writeString(dir.resolve("deals.csv"), DEALS);
    CsvMapping reps =
        CsvMapping.forReps().column("id", "Agent").column("regions", "Territories").build();
    CsvMapping leads =
        CsvMapping.forLeads()
            .column("id", "Opportunity ID")
            .column("region", "Territory")
            .column("value", "Amount")
            .build();
    List<Rep> team = FairleadCsv.readReps(Files.readString(dir.resolve("agents.csv")), reps);
    List<Lead> deals = FairleadCsv.readLeads(Files.readString(dir.resolve("deals.csv")), leads);
    assertThat(team).hasSize(3);
    assertThat(deals.get(0).attributes()).containsEntry("Engaged On", "2024-01-02");

    // 2. The same stream under each policy, and the history.
    List<DatedLead> stream = new ArrayList<>();
    Map<LeadId, RepId> history = new LinkedHashMap<>();
    for (Lead d : deals) {
      LocalDate day = LocalDate.parse(d.attributes().get("Engaged On"));
      d.currentOwner().ifPresent(owner -> history.put(d.id(), owner));
      stream.add(new DatedLead(day, d.toBuilder().clearCurrentOwner().build()));
    }
    Scenario scenario =
        Scenario.builder("q1 back-test")
            .start(LocalDate.of(2024, 1, 1))
            .days(30)
            .roster(team)
            .leads(stream)
            .history(history)
            .policy("default", Policy.defaults())
            .policy("receipts", Policy.builder().weight(Objective.RECEIPTS, 1).build())
            .schedule(Schedule.nightly())
            .allocator(LeadRouter.allocator()) // the guide uses the default solver; quicker here
            .build();
    LabResult result = Lab.run(scenario);
    assertThat(result.runs())
        .extracting(r -> r.policy())
        .containsExactly("default", "receipts", Scenario.HISTORY);
    assertThat(Scenario.fromJson(scenario.toJson()).leads()).isEqualTo(scenario.leads());

    // 3. The report.
    Path page = LabReport.of(result).write(dir.resolve("report"));
    assertThat(page.getFileName().toString()).isEqualTo("report.html");
    assertThat(dir.resolve("report").resolve("figures.json")).exists();
    assertThat(dir.resolve("report").resolve("figures.csv")).exists();
    assertThat(dir.resolve("report").resolve("reps.csv")).exists();

    // 4. Keep the answer in a test (here on a night's batch of the same deals).
    Policy policy = Policy.defaults();
    List<Lead> tonight = stream.stream().map(DatedLead::lead).toList();
    Allocation nightly = Baselines.leastBusy().allocate(Problem.of(policy, team, tonight));
    FairnessAssertions.assertThat(nightly).feasible().everyLeadOnce();
    assertThatThrownBy(() -> FairnessAssertions.assertThat(nightly).noRepAbove(1.01, Measure.VALUE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fair share of value");
  }
}
