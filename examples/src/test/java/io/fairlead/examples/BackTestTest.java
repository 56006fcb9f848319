package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.lab.DatedLead;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.WeekFigures;
import io.fairlead.lab.report.LabReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the back-test on the real sample and checks that its weeks add up. */
class BackTestTest {

  private static MavenCrmData crm;
  private static Scenario scenario;
  private static LabResult result;
  private static String output;

  @BeforeAll
  static void runBackTest() {
    crm = MavenCrmData.load();
    scenario = BackTest.scenario(crm);
    result = BackTest.run(crm);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      BackTest.print(result, out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void consoleProgress_offATerminal_writesALineEveryFiveSecondsAndTheLast() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    io.fairlead.lab.LabListener l = BackTest.consoleProgress("back-test", err);

    l.progress(
        new io.fairlead.lab.LabListener.Progress(
            "default", 1, 2, 1, 10, 5, java.time.Duration.ofSeconds(1)));
    l.progress(
        new io.fairlead.lab.LabListener.Progress(
            "default", 1, 2, 5, 10, 25, java.time.Duration.ofSeconds(4)));
    l.progress(
        new io.fairlead.lab.LabListener.Progress(
            "default", 1, 2, 10, 10, 50, java.time.Duration.ofSeconds(7)));
    l.progress(
        new io.fairlead.lab.LabListener.Progress(
            "history", 2, 2, 10, 10, 50, java.time.Duration.ofSeconds(8)));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "back-test: default (run 1 of 2) day 1 of 10 · 5 % · about 19 s left\n"
                + "back-test: default (run 1 of 2) day 10 of 10 · 50 % · about 7 s left\n"
                + "back-test: history (run 2 of 2) day 10 of 10 · 100 % · done in 8.0 s\n");
  }

  @Test
  void everyRun_countsEveryDealEngagedInTheWeekExactlyOnce() {
    int[] engaged = new int[13];
    for (MavenCrmData.Deal d : crm.deals()) {
      if (d.engaged().isPresent()) {
        long day = ChronoUnit.DAYS.between(BackTest.START, d.engaged().get());
        if (day >= 0 && day < BackTest.DAYS) {
          engaged[(int) day / 7]++;
        }
      }
    }
    assertThat(result.runs())
        .extracting(PolicyRun::policy)
        .containsExactly("default", "receipts", "rebalancing", "history");
    for (PolicyRun run : result.runs()) {
      assertThat(run.weeks()).hasSize(13);
      for (WeekFigures w : run.weeks()) {
        assertThat(w.arrived())
            .as("%s week %d", run.policy(), w.week())
            .isEqualTo(engaged[w.week() - 1]);
        assertThat(w.assigned() + w.unassigned() + w.merged() + w.repeats())
            .as("%s week %d", run.policy(), w.week())
            .isEqualTo(w.arrived());
      }
      assertThat(run.leads()).isEqualTo(scenario.leads().size());
    }
  }

  @Test
  void history_holdsEachNewCustomerWithTheAgentTheSampleRecords() {
    PolicyRun history = result.run("history");
    Map<LeadId, RepId> owners = history.finalOwners();
    int checked = 0;
    for (DatedLead d : scenario.leads()) {
      RepId owner = owners.get(d.lead().id());
      if (owner != null) { // a customer of its own, not merged into an account's
        MavenCrmData.Deal deal =
            crm.deals().stream()
                .filter(x -> x.id().equals(d.lead().id().value()))
                .findFirst()
                .orElseThrow();
        assertThat(owner.value()).isEqualTo(deal.agent());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(history.weeks().stream().mapToInt(WeekFigures::assigned).sum());
    assertThat(history.rebalanceMoves()).isZero();
    // the book at the start is the same for every run: the history differs only by its stream
    assertThat(history.conflicts()).isPositive();
  }

  @Test
  void onlyThePolicyThatAllowsRebalancing_rebalances_andItEndsCloserToFairShares() {
    assertThat(result.run("default").rebalanceMoves()).isZero();
    assertThat(result.run("receipts").rebalanceMoves()).isZero();
    assertThat(result.run("rebalancing").rebalanceMoves()).isPositive();
    double last = result.run("rebalancing").weeks().get(12).countMaxDeviation();
    assertThat(last).isLessThan(result.run("default").weeks().get(12).countMaxDeviation());
    assertThat(result.run("default").weeks().get(12).countGini())
        .isLessThan(result.run("history").weeks().get(12).countGini());
  }

  @Test
  void prints_everyMeasure_andOneVerdictPerRun() {
    assertThat(output)
        .contains("fairlead back-test — the Maven CRM sample, 2017-04-01 to 2017-06-29")
        .contains("Gini of customers per rep")
        .contains("receipts lag")
        .contains("  default: customers — ")
        .contains("  history: customers — ");
    assertThat(LocalDate.parse("2017-06-29")).isEqualTo(BackTest.START.plusDays(BackTest.DAYS - 1));
  }

  @Test
  void report_writesThePageAndTheFiguresOfTheBackTest(@TempDir Path dir) throws Exception {
    Path page = LabReport.of(result).write(dir);

    String html = Files.readString(page);
    assertThat(html).contains("<h1>maven-crm back-test</h1>").contains("<h3>history</h3>");
    assertThat(html).contains("Every run below saw the same 2,357 leads");
    assertThat(Files.readString(dir.resolve("figures.csv")).lines()).hasSize(1 + 4 * 13);
    assertThat(Files.readString(dir.resolve("figures.json")))
        .contains("\"policy\" : \"rebalancing\"");
  }

  @Test
  void reportOption_isTheOnlyArgument() {
    assertThat(BackTest.reportDir()).isEmpty();
    assertThat(BackTest.reportDir("--report", "out")).contains(Path.of("out"));
    assertThatThrownBy(() -> BackTest.reportDir("--reprot", "out"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usage: BackTest [--report DIR], was --reprot out");
  }
}
