package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The ledger's guarantee, for equal reps that may all take every lead and have room: the count lag
 * (a rep's entitlement, its share of the active reps' credits, minus its own credit) stays below
 * one lead, after every lead the strict router places and at every night's end of the nightly batch
 * (the exact receipts optimum and the kernel's greedy); below two with the router's default
 * tolerance of 1. The periods have leave, reps joining and catching up: under {@code CatchUp.NONE}
 * the bound holds throughout; under {@code capped(n)} a rep back from leave starts up to {@code n}
 * behind, so the lag stays below {@code n + 1}. (Under {@code FULL} the lag of a returning rep is
 * what it missed: no bound.) The measured worst figures are printed.
 */
class LedgerLagTest {

  private static final long SEED = 20_261_204L;

  @Test
  void equalReps_catchUpNone_countLagBelowOneLead_routerAtAllTimes_batchAtEveryNight() {
    AtomicReference<double[]> worst = new AtomicReference<>(new double[4]);
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(Periods.periods(true, List.of(CatchUp.NONE)))
        .checkAssert(
            period -> {
              double strict = largest(NightlyStream.router(period, 0).leads(), false);
              double ahead = largest(NightlyStream.router(period, 0).leads(), true);
              double loose = largest(NightlyStream.router(period, 1).leads(), false);
              double exact =
                  largest(NightlyStream.batch(period, NightlyStream.EXACT).days(), false);
              double greedy =
                  largest(NightlyStream.batch(period, NightlyStream.GREEDY).days(), false);
              worst.accumulateAndGet(
                  new double[] {strict, ahead, loose, Math.max(exact, greedy)}, LedgerLagTest::max);
              assertThat(strict).as("strict router").isLessThan(1);
              assertThat(ahead).as("strict router, ahead").isLessThan(1);
              assertThat(loose).as("router, tolerance 1").isLessThan(2);
              assertThat(exact).as("exact nightly batch").isLessThan(1);
              assertThat(greedy).as("greedy nightly batch").isLessThan(1);
            });
    double[] w = worst.get();
    System.out.printf(
        "LedgerLagTest: seed %s, largest count lag: strict router %.3f (ahead %.3f), tolerance 1"
            + " %.3f, nightly batch %.3f%n",
        SEED, w[0], w[1], w[2], w[3]);
  }

  @Test
  void equalReps_catchUpCapped_countLagBelowNPlusOne() {
    for (int n : new int[] {1, 3}) {
      qt().withFixedSeed(SEED + n)
          .withExamples(100)
          .forAll(Periods.periods(true, List.of(CatchUp.capped(n))))
          .checkAssert(
              period -> {
                assertThat(largest(NightlyStream.router(period, 0).leads(), false))
                    .isLessThan(n + 1);
                assertThat(largest(NightlyStream.batch(period, NightlyStream.EXACT).days(), false))
                    .isLessThan(n + 1);
              });
    }
  }

  @Test
  void weightedReps_lagsMeasured_countAndValueAgainstTheLargestLead() {
    // Weights from 0.5 to 2, long-tailed values (a tenth of the leads 20 times the others), no
    // leave: the count ledger does not promise a value bound; measured here, stated in
    // docs/routing.md, held as a guard against regressions.
    for (Policy weights : List.of(Periods.receiptsOnly(CatchUp.NONE), Periods.RECEIPTS_AND_VALUE)) {
      AtomicReference<double[]> worst = new AtomicReference<>(new double[6]);
      qt().withFixedSeed(SEED + 7)
          .withExamples(150)
          .forAll(Periods.periods(false, List.of(CatchUp.NONE), false, weights))
          .checkAssert(
              period -> {
                double max = 0;
                for (var day : period.leads()) {
                  for (var l : day) {
                    max = Math.max(max, l.value());
                  }
                }
                var strict = NightlyStream.router(period, 0).leads();
                var loose = NightlyStream.router(period, 1).leads();
                var batch = NightlyStream.batch(period, NightlyStream.GREEDY).days();
                worst.accumulateAndGet(
                    new double[] {
                      largest(strict, false),
                      largest(loose, false),
                      largest(batch, false),
                      valueLag(strict) / max,
                      valueLag(loose) / max,
                      valueLag(batch) / max
                    },
                    LedgerLagTest::max);
              });
      double[] w = worst.get();
      System.out.printf(
          "LedgerLagTest (%s): largest count lag: strict router %.3f, tolerance 1 %.3f, nightly"
              + " batch %.3f; largest value lag / largest lead: %.3f, %.3f, %.3f%n",
          weights.weight(Objective.VALUE) > 0 ? "receipts and value" : "receipts only",
          w[0],
          w[1],
          w[2],
          w[3],
          w[4],
          w[5]);
      // The guards (measured: docs/routing.md). At unequal weights the Sainte-Lague order may run
      // past one lead of count lag; the strict ledger keeps it within 2.
      assertThat(w[0]).as("strict router, count").isLessThan(2);
      if (weights.weight(Objective.VALUE) > 0) {
        // Balancing the book's value as well, the nightly batch meets the value bound, at the
        // price of the count lag (the two objectives trade off).
        assertThat(w[5]).as("batch, value / largest lead").isLessThan(1);
      } else {
        // A count ledger alone does not: a run of large leads to one rep is a count-fair run.
        assertThat(w[2]).as("batch, count").isLessThan(2);
        assertThat(w[3]).as("strict router, value / largest lead").isGreaterThan(1).isLessThan(4);
      }
    }
  }

  private static double valueLag(List<Map<RepId, NightlyStream.Entry>> ledgers) {
    double worst = Double.NEGATIVE_INFINITY;
    for (var ledger : ledgers) {
      worst = Math.max(worst, NightlyStream.valueLag(ledger));
    }
    return worst;
  }

  /**
   * The largest count lag over the ledgers (or, {@code ahead}, the largest lead over the share).
   */
  private static double largest(List<Map<RepId, NightlyStream.Entry>> ledgers, boolean ahead) {
    double worst = Double.NEGATIVE_INFINITY;
    for (var ledger : ledgers) {
      worst =
          Math.max(
              worst, ahead ? NightlyStream.countAhead(ledger) : NightlyStream.countLag(ledger));
    }
    return worst;
  }

  private static double[] max(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.max(a[i], b[i]);
    }
    return out;
  }
}
