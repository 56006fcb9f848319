package io.fairlead.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the batch benchmark on a small case; checks the report, never the timings. */
class BatchBenchmarkTest {

  @Test
  void main_smallCase_reportsTheOptimiserAndBothBaselinesWithGaps() throws Exception {
    PrintStream original = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      System.setErr(err);
      BatchBenchmark.main(new String[] {"--sizes", "400x16", "--budget", "20000", "--time", "5"});
    } finally {
      System.setOut(original);
      System.setErr(originalErr);
    }
    String report = bytes.toString(StandardCharsets.UTF_8);
    // The progress line goes to standard error (no terminal here: separate lines), the table stays.
    assertThat(errBytes.toString(StandardCharsets.UTF_8).lines())
        .anyMatch(l -> l.startsWith("search ") && l.contains(" of 20,000 moves · count gap "))
        .anyMatch(l -> l.startsWith("done · "));
    assertThat(report.lines()).noneMatch(l -> l.startsWith("search ") || l.startsWith("done "));

    assertThat(report).contains("== 400 x 16").contains("count optimum");
    String opta = row(report, "fairlead");
    String[] cells = opta.trim().split("\\s+");
    // method, solve ms, 1st feas, count1%, countGap, valMaxGap, topTierGap, hard, unas, peakHeap
    assertThat(cells).hasSize(10);
    assertThat(cells[7]).as("hard violations of the optimiser").isEqualTo("0");
    assertThat(cells[8]).as("unassigned leads of the optimiser").isEqualTo("0");
    assertThat(row(report, "least-busy")).isNotBlank();
    assertThat(row(report, "round-robin")).isNotBlank();
  }

  private static String row(String report, String method) {
    return report
        .lines()
        .filter(l -> l.startsWith(method + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + method + " in\n" + report));
  }
}
