package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.lab.Lab;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bundled scenario file runs; the Maven back-test scenario survives a trip through JSON. */
class RunScenarioTest {

  @Test
  void bundledExample_runsAndPrintsTheWeeklyTable() {
    Scenario scenario = Scenario.fromJson(RunScenario.example());
    LabResult result = Lab.run(scenario);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      RunScenario.print(scenario, result, out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(scenario.leads()).hasSize(30);
    assertThat(result.runs()).extracting(PolicyRun::policy).containsExactly("default", "receipts");
    for (PolicyRun run : result.runs()) {
      assertThat(run.leads()).isEqualTo(30);
    }
    assertThat(output)
        .startsWith(
            "fairlead scenario 'small team, two weeks', 2024-03-01 to 2024-03-14, 30 leads,")
        .contains("Leads arrived each week")
        .contains("Gini of customers per rep")
        .contains("Verdicts at the end:");
  }

  @Test
  void mavenBackTestScenario_writeThenRead_isEqual() {
    Scenario scenario = BackTest.scenario(MavenCrmData.load());

    String json = scenario.toJson();

    assertThat(Scenario.fromJson(json)).isEqualTo(scenario);
    assertThat(Scenario.fromJson(json).toJson()).isEqualTo(json);
  }
}
