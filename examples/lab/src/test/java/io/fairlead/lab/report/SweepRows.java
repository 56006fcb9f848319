package io.fairlead.lab.report;

import io.fairlead.lab.SweepRow;
import io.fairlead.lab.SweepTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows of a made-up sweep, so the report's tests need no scenario run: 2 scenarios × 3 variants
 * ({@code default}, and {@code rebalancing} at {@code maxMovesShare} 0.01 and 0.05) × seeds 1, 2,
 * 3. The second scenario's name closes a script and the rebalancing policy's name is an image with
 * an error handler: neither may become markup.
 */
final class SweepRows {

  static final String HOSTILE_SCENARIO = "</script><b id=\"pwned\">&amp;</b>";
  static final String HOSTILE_POLICY = "<img src=x onerror=\"document.title='pwned'\">";

  private SweepRows() {}

  /**
   * In scenario {@code uniform}: Gini of customers 0.10 + seed/100 under {@code default}, 0.06 +
   * seed/100 at share 0.01, 0.03 + seed/100 at 0.05 (the most even); rebalancing moves 0, 10 + seed
   * and 30 + seed; Gini of value 0.25, 0.15 (the most even on value), 0.18, + seed/100. The hostile
   * scenario's figures are 1.5 times as large.
   */
  static List<SweepRow> sample() {
    List<SweepRow> rows = new ArrayList<>();
    for (String scenario : List.of("uniform", HOSTILE_SCENARIO)) {
      double k = scenario.equals("uniform") ? 1 : 1.5;
      for (long seed = 1; seed <= 3; seed++) {
        rows.add(
            row(
                rows.size(),
                scenario,
                "default",
                Map.of(),
                seed,
                k * (0.10 + seed / 100.0),
                k * (0.25 + seed / 100.0),
                0));
      }
      for (String share : List.of("0.01", "0.05")) {
        boolean small = share.equals("0.01");
        for (long seed = 1; seed <= 3; seed++) {
          rows.add(
              row(
                  rows.size(),
                  scenario,
                  HOSTILE_POLICY,
                  Map.of("maxMovesShare", share),
                  seed,
                  k * ((small ? 0.06 : 0.03) + seed / 100.0),
                  k * ((small ? 0.15 : 0.18) + seed / 100.0),
                  (int) ((small ? 10 : 30) + seed)));
        }
      }
    }
    return List.copyOf(rows);
  }

  static SweepRow row(
      int task,
      String scenario,
      String policy,
      Map<String, String> parameters,
      long seed,
      double countGini,
      double valueGini,
      int moves) {
    String variant = new SweepTask(task, scenario, policy, parameters, seed).variant();
    return new SweepRow(
        task,
        scenario,
        policy,
        variant,
        seed,
        parameters,
        12,
        6,
        countGini,
        1 - countGini,
        valueGini,
        1 - valueGini,
        40 * countGini, // largest gap, customers
        100_000 * valueGini,
        2 + seed,
        countGini / 2,
        valueGini / 3,
        0.01 * seed,
        Double.NaN,
        moves,
        (int) seed,
        0,
        5 + task);
  }
}
