package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.LeadId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the scenario lab quickly and checks that each policy was really applied. */
class PolicyScenariosTest {

  @Test
  void run_threeScenarios_sameLeads_eachPolicyApplied() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Allocation> results;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      results = PolicyScenarios.run(Duration.ofSeconds(2), Timings.SHOW, out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(results).hasSize(3);
    assertThat(output).contains("keep-owners", "rebalance-freely", "value-heavy-top-performers");
    List<LeadId> leads = MavenCrmData.load().leads().stream().map(l -> l.id()).toList();
    for (Allocation a : results) {
      assertThat(a.outcomes().stream().map(LeadOutcome::lead).toList()).isEqualTo(leads);
    }

    // keep-owners: every Engaging deal worked from its own region stays (1589 - 342).
    assertThat(FairnessReport.statusCount(results.get(0), Status.KEPT)).isEqualTo(1247);
    // Equal shares in the first two scenarios, win-rate weights in the third.
    assertThat(results.get(0).reps()).allMatch(r -> r.weight() == 1.0);
    assertThat(results.get(1).reps()).allMatch(r -> r.weight() == 1.0);
    assertThat(results.get(2).reps().stream().mapToDouble(RepStats::weight).max().orElseThrow())
        .isGreaterThan(1.1);
    // rebalance-freely is the only one allowed to move deals that could have stayed.
    assertThat(results.get(1).problem().policy().allowRebalancing()).isTrue();
    assertThat(results.get(0).problem().policy().allowRebalancing()).isFalse();
  }
}
