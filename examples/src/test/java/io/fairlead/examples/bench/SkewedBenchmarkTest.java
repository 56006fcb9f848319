package io.fairlead.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's main on a tiny book; checks the report, not the figures or timings. */
class SkewedBenchmarkTest {

  @Test
  void main_tinyBook_fiveMethods_twoVerdicts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    PrintStream savedErr = System.err;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      System.setErr(err);
      SkewedBenchmark.main(new String[] {"--sizes", "300x12", "--budget", "20000", "--seed", "3"});
    } finally {
      System.setOut(saved);
      System.setErr(savedErr);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    // The batch's progress goes to standard error, one last line per solve; the table stays clean.
    assertThat(
            errBytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("done · ")))
        .hasSize(2);
    assertThat(output.lines()).noneMatch(l -> l.startsWith("search ") || l.startsWith("done "));
    assertThat(output).contains("== skewed 300 x 12");
    for (String method :
        new String[] {"router ", "router+2% ", "router/∞ ", "least-busy ", "round-robin "}) {
      assertThat(output.lines().filter(l -> l.startsWith(method))).hasSize(1);
    }
    // The batch is solved twice: same seed and budget, the same allocation.
    assertThat(output.lines().filter(l -> l.startsWith("fairlead "))).hasSize(2);
    assertThat(output).contains("fairlead twice: identical allocations (300 leads)");
    assertThat(output)
        .contains("MOVE_BUDGET, 19,999 of 20,000 moves"); // parts share it, rounded down
    assertThat(output.lines().filter(l -> l.contains("VERDICT 300 x 12"))).hasSize(3);
    assertThat(output).containsPattern("router\\+2%: \\d+ moves of the \\d+ routed leads");
    // Every ratio is an allocation's figure over a proven lower bound: never below 1.
    output
        .lines()
        .filter(l -> l.startsWith("fairlead ") || l.startsWith("router"))
        .forEach(
            l -> {
              String[] f = l.trim().split("\\s+");
              for (int k = 1; k <= 3; k++) {
                double ratio = Double.parseDouble(f[k].replace("x", ""));
                assertThat(ratio).as(l).isGreaterThanOrEqualTo(0.9999);
              }
              assertThat(f[4]).as("hard, " + l).isEqualTo("0");
            });
  }
}
