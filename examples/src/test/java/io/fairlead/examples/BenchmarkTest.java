package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the benchmark on a small case; checks the report, not the timings. */
class BenchmarkTest {

  @Test
  void run_smallCase_threeMethods_fourVerdicts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<List<Benchmark.Run>> runs;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      runs =
          Benchmark.run(
              Duration.ofSeconds(2),
              Timings.SHOW,
              List.of(new Benchmark.Case("300 x 12", () -> SyntheticProblems.generate(300, 12, 9))),
              out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0))
        .extracting(Benchmark.Run::method)
        .containsExactly("fairlead", "round-robin", "least-busy");
    for (Benchmark.Run r : runs.get(0)) {
      Allocation a = r.allocation();
      assertThat(a.outcomes()).hasSize(300);
    }
    assertThat(output).contains("== 300 x 12");
    assertThat(output.lines().filter(l -> l.startsWith("  PASS") || l.startsWith("  FAIL")))
        .hasSize(4);
    // The optimiser obeys the hard rules on this small, feasible problem.
    assertThat(runs.get(0).get(0).allocation().metrics().violations()).isEmpty();
    assertThat(output).contains("  PASS  0 hard violations");
  }
}
