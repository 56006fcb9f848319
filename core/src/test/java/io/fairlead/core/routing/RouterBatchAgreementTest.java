package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A nightly batch and the router, fed the same stream, give the same shares within one lead: the
 * router's due band orders reps by the receipts objective's marginal, and the catch-up is the
 * policy's one calibration. The batch here is the core's: the exact receipts optimum of each night
 * and the kernel's greedy (the solver's {@code LeadAllocator} is held to the same in the solver
 * module). Each rep's ledger is compared at every day's end.
 */
class RouterBatchAgreementTest {

  private static final long SEED = 20_261_203L;

  private static final List<CatchUp> CATCH_UPS =
      List.of(CatchUp.NONE, CatchUp.capped(1), CatchUp.capped(3), CatchUp.FULL);

  @Test
  void strictRouterAndNightlyBatch_agreeWithinOneLead_equalWeights() {
    check(true);
  }

  @Test
  void strictRouterAndNightlyBatch_agreeWithinOneLead_unequalWeightsAndShares() {
    check(false);
  }

  /**
   * Shares (the leads each rep received) agree within one lead at every day's end. The ledgers'
   * credits, which include the catch-up, agree within one lead in a period without leave, joins or
   * share changes; with them, within 1.5 in the runs measured: where reps tie, the router (longest
   * waiting first) and the batch (roster order) may give the extra lead to different reps, and a
   * calibration after that starts from levels that differ by a fraction of a lead.
   */
  private static void check(boolean equal) {
    double[] worst = new double[4];
    qt().withFixedSeed(SEED + (equal ? 0 : 1))
        .withExamples(150)
        .forAll(Periods.periods(equal, CATCH_UPS))
        .checkAssert(
            period -> {
              NightlyStream.Run exact = NightlyStream.batch(period, NightlyStream.EXACT);
              NightlyStream.Run greedy = NightlyStream.batch(period, NightlyStream.GREEDY);
              boolean events = Periods.hasEvents(period);
              for (NightlyStream.Run router :
                  List.of(NightlyStream.router(period, 0), NightlyStream.router(period, 1))) {
                double shares = NightlyStream.receivedGap(router, exact);
                double credits = NightlyStream.creditGap(router, exact);
                worst[0] = Math.max(worst[0], shares);
                worst[events ? 2 : 1] = Math.max(worst[events ? 2 : 1], credits);
                assertThat(shares).as("shares").isLessThanOrEqualTo(1);
                assertThat(credits).as("credits").isLessThanOrEqualTo(events ? 1.5 : 1 + 1e-9);
              }
              double batches = NightlyStream.creditGap(greedy, exact);
              worst[3] = Math.max(worst[3], batches);
              assertThat(batches)
                  .as("greedy and exact")
                  .isLessThanOrEqualTo(events ? 1.5 : 1 + 1e-9);
            });
    System.out.printf(
        "RouterBatchAgreementTest (%s weights), seed %s: router vs exact nightly batch: shares"
            + " within %.0f, credits within %.3f (no leave, joins or share changes) and %.3f"
            + " (with them); greedy vs exact batch %.3f%n",
        equal ? "equal" : "unequal",
        SEED + (equal ? 0 : 1),
        worst[0],
        worst[1],
        worst[2],
        worst[3]);
  }

  @Test
  void weightsEightToOne_fiveLeads_routerAndBatchBothGiveTheLightRepOne() {
    // The receipts batch places five leads as 4 and 1 (4²/8 + 1² = 3 < 5²/8 = 3.125); the router's
    // strict ledger does the same lead by lead (see LedgerFairnessTest).
    Policy policy =
        Policy.builder()
            .weightBounds(0.1, 10)
            .weight(Objective.COUNT, 0)
            .weight(Objective.VALUE, 0)
            .weight(Objective.TIER, 0)
            .weight(Objective.RECEIPTS, 1)
            .build();
    List<Rep> roster =
        List.of(Rep.builder("heavy").weight(8).build(), Rep.builder("light").weight(1).build());
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      leads.add(Lead.builder("l" + i).region("East").industry("retail").value(1000).build());
    }
    NightlyStream.Period day = new NightlyStream.Period(policy, List.of(roster), List.of(leads));

    for (NightlyStream.Run run :
        List.of(
            NightlyStream.batch(day, NightlyStream.EXACT),
            NightlyStream.batch(day, NightlyStream.GREEDY),
            NightlyStream.router(day, 0),
            NightlyStream.router(day, 1))) {
      assertThat(run.days().get(0).get(RepId.of("light")).received()).isEqualTo(1);
      assertThat(run.days().get(0).get(RepId.of("heavy")).received()).isEqualTo(4);
    }
  }
}
