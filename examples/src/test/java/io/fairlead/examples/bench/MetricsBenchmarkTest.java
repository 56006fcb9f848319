package io.fairlead.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's main on tiny problems; checks the report, not the timings. */
class MetricsBenchmarkTest {

  @Test
  void main_tinyProblems_oneRowPerProblem_fairSharesSumToTheLeads() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      MetricsBenchmark.main(new String[] {"--sizes", "300x12", "--runs", "2", "--seed", "3"});
    } finally {
      System.setOut(saved);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output).startsWith("MetricsBenchmark: ").contains("seed 3, 2 runs");
    for (String problem :
        new String[] {"synthetic 300 x 12 ", "book 300 x 12 ", "skewed 300 x 12 "}) {
      String row = output.lines().filter(l -> l.startsWith(problem)).findFirst().orElseThrow();
      String[] f = row.substring(problem.length()).trim().split("\\s+");
      // new ms (fastest), again ms (fastest), count dev, value dev, fair sum
      assertThat(f).as(row).hasSize(7);
      // Every generated lead has an eligible rep and room somewhere: the shares sum to 300.
      assertThat(Double.parseDouble(f[6])).as(row).isEqualTo(300.0);
    }
  }
}
