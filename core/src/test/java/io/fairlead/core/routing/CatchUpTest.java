package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Catch-up of reps back from leave or added mid-period. Scenario: three equal reps get three leads
 * each; cat goes on leave while ana and bob get three more each (cat missed 3); cat comes back. The
 * ledger is strict (tolerance 0) so that the counts are exact.
 */
class CatchUpTest {

  private static final Policy POLICY = Policy.defaults();
  private static final Rep ANA = Rep.builder("ana").build();
  private static final Rep BOB = Rep.builder("bob").build();
  private static final Rep CAT = Rep.builder("cat").build();
  private static final Rep DAN = Rep.builder("dan").build();

  private int next;

  private Lead lead() {
    return Lead.builder("l" + next++).region("East").industry("retail").value(1000).build();
  }

  private static LeadRouter router(CatchUp catchUp) {
    return LeadRouter.builder(Policy.builder().catchUp(catchUp).build())
        .roster(List.of(ANA, BOB, CAT))
        .meanValue(1000)
        .ledgerTolerance(0)
        .build();
  }

  private List<RepId> route(LeadRouter router, int leads) {
    List<RepId> owners = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      owners.add(router.route(lead()).rep().orElseThrow());
    }
    return owners;
  }

  private static long count(List<RepId> owners, Rep rep) {
    return owners.stream().filter(rep.id()::equals).count();
  }

  private static RepSnapshot of(LeadRouter router, Rep rep) {
    return router.snapshot().stream()
        .filter(s -> s.rep().equals(rep.id()))
        .findFirst()
        .orElseThrow();
  }

  /** 9 leads, cat leaves, 6 leads (cat gets none), cat comes back. */
  private LeadRouter catBackFromLeave(CatchUp catchUp) {
    LeadRouter router = router(catchUp);
    assertThat(count(route(router, 9), CAT)).isEqualTo(3);
    router.updateRep(CAT.toBuilder().available(false).build());
    assertThat(count(route(router, 6), CAT)).isZero();
    router.updateRep(CAT);
    return router;
  }

  @Test
  void none_repBackFromLeave_startsLevelAndGetsItsShareOnly() {
    LeadRouter router = catBackFromLeave(CatchUp.NONE);

    assertThat(of(router, CAT).credited()).isEqualTo(6.0); // the others' mean
    assertThat(of(router, CAT).received()).isEqualTo(3); // what it really got
    List<RepId> next = route(router, 9);
    assertThat(count(next, CAT)).isEqualTo(3);
    assertThat(count(next, ANA)).isEqualTo(3);
  }

  @Test
  void capped_repBackFromLeave_catchesUpAtMostNLeads() {
    LeadRouter router = catBackFromLeave(CatchUp.capped(2));

    assertThat(of(router, CAT).credited()).isEqualTo(4.0); // 6 - 2
    assertThat(route(router, 2)).containsOnly(CAT.id());
    assertThat(router.snapshot()).allSatisfy(s -> assertThat(s.credited()).isEqualTo(6.0));
    List<RepId> shared = route(router, 6);
    assertThat(count(shared, CAT)).isEqualTo(2);
    assertThat(count(shared, ANA)).isEqualTo(2);
  }

  @Test
  void capped_moreThanMissed_isFullCatchUp() {
    LeadRouter router = catBackFromLeave(CatchUp.capped(10));

    assertThat(of(router, CAT).credited()).isEqualTo(3.0);
    assertThat(route(router, 3)).containsOnly(CAT.id());
  }

  @Test
  void full_repBackFromLeave_getsEverythingItMissedFirst() {
    LeadRouter router = catBackFromLeave(CatchUp.FULL);

    assertThat(of(router, CAT).credited()).isEqualTo(3.0); // unchanged
    List<RepId> next = route(router, 9);
    assertThat(next.subList(0, 3)).containsOnly(CAT.id());
    assertThat(count(next, CAT)).isEqualTo(5); // 3 missed + 2 of the 6 shared
    assertThat(count(next, BOB)).isEqualTo(2);
  }

  @Test
  void none_newRepMidPeriod_startsAtTheWeightedMean() {
    LeadRouter router = router(CatchUp.NONE);
    route(router, 9);

    router.addRep(DAN);

    assertThat(of(router, DAN).credited()).isEqualTo(3.0);
    assertThat(count(route(router, 12), DAN)).isEqualTo(3);
  }

  @Test
  void none_newRepOfWeightTwo_startsAtTwiceTheMeanAndGetsTwoFifths() {
    LeadRouter router = router(CatchUp.NONE);
    route(router, 9);

    router.addRep(Rep.builder("dan").weight(2).build());

    assertThat(of(router, DAN).credited()).isEqualTo(6.0);
    assertThat(of(router, DAN).standing()).isEqualTo(3.0);
    assertThat(count(route(router, 10), DAN)).isEqualTo(4);
  }

  @Test
  void capped_newRepMidPeriod_catchesUpAtMostN() {
    LeadRouter router = router(CatchUp.capped(1));
    route(router, 9);

    router.addRep(DAN);

    assertThat(of(router, DAN).credited()).isEqualTo(2.0);
    assertThat(route(router, 1)).containsOnly(DAN.id());
    assertThat(router.snapshot()).allSatisfy(s -> assertThat(s.credited()).isEqualTo(3.0));
    assertThat(count(route(router, 8), DAN)).isEqualTo(2); // level: its share of 8 among 4
  }

  @Test
  void full_newRepMidPeriod_getsTheWholeShareItMissed() {
    LeadRouter router = router(CatchUp.FULL);
    route(router, 9);

    router.addRep(DAN);

    assertThat(of(router, DAN).credited()).isZero();
    assertThat(route(router, 3)).containsOnly(DAN.id());
  }

  @Test
  void addRep_leavesTheOtherLedgersAlone() {
    // HubSpot's rotation resets every count when the owner list changes; the ledger does not.
    LeadRouter router = router(CatchUp.NONE);
    route(router, 7);
    List<Double> before = router.snapshot().stream().map(RepSnapshot::credited).toList();

    router.addRep(DAN);

    assertThat(router.snapshot().subList(0, 3).stream().map(RepSnapshot::credited).toList())
        .isEqualTo(before);
  }

  @Test
  void none_repAheadBeforeLeave_isNotLowered() {
    LeadRouter router =
        LeadRouter.builder(POLICY)
            .roster(List.of(ANA, CAT))
            .meanValue(1000)
            .ledgerTolerance(0)
            .build();
    route(router, 3); // ana, cat, ana
    assertThat(of(router, ANA).credited()).isEqualTo(2.0);

    router.updateRep(ANA.toBuilder().available(false).build());
    router.updateRep(ANA);

    assertThat(of(router, ANA).credited()).isEqualTo(2.0);
  }

  @Test
  void newRepAddedOnLeave_isCalibratedWhenItComesBack() {
    LeadRouter router = router(CatchUp.NONE);
    route(router, 3);
    router.addRep(DAN.toBuilder().available(false).build());
    assertThat(of(router, DAN).credited()).isZero();
    route(router, 6);

    router.updateRep(DAN);

    assertThat(of(router, DAN).credited()).isEqualTo(3.0);
  }

  @Test
  void availabilityRuleOff_leaveDoesNotStopLeadsNorCalibrate() {
    LeadRouter router =
        LeadRouter.builder(Policy.builder().disable(Rule.AVAILABILITY).build())
            .roster(List.of(ANA, CAT))
            .meanValue(1000)
            .ledgerTolerance(0)
            .build();
    router.updateRep(CAT.toBuilder().available(false).build());

    assertThat(count(route(router, 4), CAT)).isEqualTo(2);
    router.updateRep(CAT);
    assertThat(of(router, CAT).credited()).isEqualTo(2.0);
  }

  @Test
  void startPeriod_resetsLedgersButNotTheBook() {
    LeadRouter router = catBackFromLeave(CatchUp.NONE);

    router.startPeriod();

    assertThat(router.period()).isEqualTo(2);
    assertThat(router.snapshot())
        .allSatisfy(
            s -> {
              assertThat(s.credited()).isZero();
              assertThat(s.received()).isZero();
            });
    assertThat(router.snapshot().stream().mapToInt(RepSnapshot::leads).sum()).isEqualTo(15);
  }

  @Test
  void none_repWhoseShareRises_isCalibratedAtItsNewWeight() {
    // cat works half time (effective weight 0.5) while ana and bob get 6 leads each and it gets 3;
    // going full time, its credit 3 stands at 3 per unit of weight, 3 below the others: without a
    // calibration it would take the next 3 leads in a row.
    Rep halfTime = CAT.toBuilder().share(0.5).build();
    LeadRouter router =
        LeadRouter.builder(Policy.builder().catchUp(CatchUp.NONE).build())
            .roster(List.of(ANA, BOB, halfTime))
            .meanValue(1000)
            .ledgerTolerance(0)
            .build();
    route(router, 15);
    assertThat(of(router, CAT).credited()).isEqualTo(3.0);

    router.updateRep(CAT);

    assertThat(of(router, CAT).credited()).isEqualTo(6.0); // level with the others' mean
    assertThat(count(route(router, 3), CAT)).isEqualTo(1);
  }

  @Test
  void repWhoseShareFalls_isNotRecalibrated() {
    LeadRouter router = router(CatchUp.NONE);
    route(router, 6);

    router.updateRep(CAT.toBuilder().share(0.5).build());

    assertThat(of(router, CAT).credited()).isEqualTo(2.0);
  }
}
