package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.model.LeadId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the demo end to end with a short time limit. */
class MavenCrmDemoTest {

  private static String output;
  private static List<Allocation> results;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      results = MavenCrmDemo.run(Duration.ofSeconds(3), Timings.SHOW, out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void output_namesAllFourMethods() {
    assertThat(results)
        .extracting(Allocation::method)
        .containsExactly("fairlead", "round-robin", "least-busy", "historical");
    String header = output.lines().filter(l -> l.startsWith("metric")).findFirst().orElseThrow();
    assertThat(header).contains("fairlead", "round-robin", "least-busy", "historical");
  }

  @Test
  void everyMethod_returnsEveryLeadExactlyOnce() {
    Set<LeadId> input =
        MavenCrmData.load().leads().stream().map(l -> l.id()).collect(Collectors.toSet());
    for (Allocation a : results) {
      List<LeadId> ids = a.outcomes().stream().map(LeadOutcome::lead).toList();
      assertThat(ids).as(a.method()).hasSize(2089).doesNotHaveDuplicates();
      assertThat(new HashSet<>(ids)).as(a.method()).isEqualTo(input);
      int held = a.reps().stream().mapToInt(r -> r.leads()).sum();
      assertThat(held).as(a.method()).isEqualTo(a.metrics().assigned());
      assertThat(a.metrics().assigned() + a.metrics().unassigned()).as(a.method()).isEqualTo(2089);
    }
  }

  @Test
  void output_hasPerRepTable_fairnessRows_andTwoExplanations() {
    assertThat(output)
        .contains("Mei-Mei Johns", "count gini", "value max/min", "tier A gini", "soft score");
    long explained = output.lines().filter(l -> l.startsWith("lead ") && l.endsWith(":")).count();
    assertThat(explained).isEqualTo(2);
    assertThat(output).containsPattern("(Assigned to|Moved from|Kept with) ");
  }

  @Test
  void historical_breaksTheRegionRuleWhereTheDataDoes() {
    Allocation history = results.get(3);
    long region =
        history.metrics().violations().stream().filter(v -> v.rule().equals("region")).count();
    assertThat(region).isEqualTo(453);
  }
}
