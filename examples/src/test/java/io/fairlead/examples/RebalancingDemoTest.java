package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.rebalance.TradeOffCurve;
import io.fairlead.core.rebalance.TradeOffPoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the demo end to end on the sample and a small synthetic book. */
class RebalancingDemoTest {

  private static String output;
  private static List<TradeOffCurve> curves;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      curves = RebalancingDemo.run(Timings.OMIT, 2_000, 40, out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bothBooks_printACurveOfSixBudgets_andTheBaselines() {
    assertThat(curves).hasSize(2);
    assertThat(output)
        .contains("== Maven CRM sample", "== Synthetic book: 2,000 customers, 40 reps");
    assertThat(output.lines().filter(l -> l.startsWith("budget "))).hasSize(2);
    assertThat(output.lines().filter(l -> l.startsWith("unlimited "))).hasSize(2);
    assertThat(output.lines().filter(l -> l.startsWith("optimiser, rebalancing on"))).hasSize(2);
    assertThat(output).doesNotContain(" ms");
  }

  @Test
  void curves_areMonotone_andTheBoundHolds() {
    Comparator<ScoreBreakdown> score =
        Comparator.comparingLong(ScoreBreakdown::hard).thenComparingLong(ScoreBreakdown::soft);
    for (TradeOffCurve c : curves) {
      for (int k = 1; k < c.points().size(); k++) {
        TradeOffPoint p = c.points().get(k);
        assertThat(score.compare(p.score(), c.points().get(k - 1).score())).isLessThanOrEqualTo(0);
        assertThat(p.moves()).isLessThanOrEqualTo(p.maxMoves());
      }
      int fewest = c.fewestMovesToCountOptimum().orElseThrow();
      c.countsOnlyMovesToCountOptimum()
          .ifPresent(m -> assertThat(m).isGreaterThanOrEqualTo(fewest));
    }
  }

  @Test
  void sample_unlimited_repairsEveryBreachTheMovesCan_andCountsAloneReachTheOptimum() {
    TradeOffCurve sample = curves.get(0);
    // The book breaks hard rules (agents over capacity, deals outside their agent's region).
    assertThat(sample.points().get(0).score().hard()).isPositive();
    assertThat(sample.points().get(5).score().hard()).isZero();
    assertThat(sample.countsOnlyMovesToCountOptimum()).isPresent();
    assertThat(sample.countsOnly().gaps().countOptimal()).isTrue();
    assertThat(output)
        .contains("(CAPACITY): Darcel Schlecht held 194 customers")
        .contains("(RULE): ")
        .contains("(BALANCE): ")
        .contains("Moved from ");
  }
}
