package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ledger: no order bias, weights honoured over time, deterministic tie-breaks. */
class LedgerFairnessTest {

  private static final Policy POLICY = Policy.defaults();
  private static final Rep ANA = Rep.builder("ana").build();
  private static final Rep BOB = Rep.builder("bob").build();
  private static final Rep CAT = Rep.builder("cat").build();

  private static Lead lead(String id, double value) {
    return Lead.builder(id).region("East").industry("retail").value(value).build();
  }

  private static Lead lead(String id) {
    return lead(id, 1000);
  }

  private static LeadRouter.Builder router(Rep... reps) {
    return LeadRouter.builder(POLICY).roster(List.of(reps)).meanValue(1000);
  }

  private static String signed(long x) {
    return x >= 0 ? "+" + x : Long.toString(x);
  }

  private static long count(List<RepId> owners, Rep rep) {
    return owners.stream().filter(rep.id()::equals).count();
  }

  private static List<RepId> oneLeadADay(LeadRouter router, int days, boolean periodPerDay) {
    List<RepId> owners = new ArrayList<>();
    for (int day = 1; day <= days; day++) {
      if (periodPerDay && day > 1) {
        router.startPeriod();
      }
      owners.add(router.route(lead("day-" + day)).rep().orElseThrow());
    }
    return owners;
  }

  @Test
  void twoEqualReps_oneLeadADayFor30Days_end15To15AndAlternate() {
    List<RepId> owners = oneLeadADay(router(ANA, BOB).build(), 30, false);

    assertThat(count(owners, ANA)).isEqualTo(15);
    assertThat(count(owners, BOB)).isEqualTo(15);
    for (int i = 1; i < owners.size(); i++) {
      assertThat(owners.get(i)).as("day %s", i + 1).isNotEqualTo(owners.get(i - 1));
    }
  }

  @Test
  void twoEqualReps_aPeriodPerDay_stillEnd15To15() {
    // Each day resets the ledger; the "longest since its last lead" tie-break carries over.
    List<RepId> owners = oneLeadADay(router(ANA, BOB).build(), 30, true);

    assertThat(count(owners, ANA)).isEqualTo(15);
    assertThat(count(owners, BOB)).isEqualTo(15);
  }

  @Test
  void twoEqualReps_sameInput_sameDecisions() {
    List<RepId> first = oneLeadADay(router(ANA, BOB).build(), 30, false);
    List<RepId> second = oneLeadADay(router(ANA, BOB).build(), 30, false);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void twoEqualReps_rosterOrderReversed_stillEnd15To15() {
    List<RepId> owners = oneLeadADay(router(BOB, ANA).build(), 30, false);

    assertThat(owners.get(0)).isEqualTo(BOB.id()); // roster order only breaks the very first tie
    assertThat(count(owners, ANA)).isEqualTo(15);
  }

  @Test
  void unequalBooks_strictLedger_flowStillSplits15To15() {
    // ana already holds ten customers: the batch's stock balance alone would send bob the first
    // ten leads; the strict ledger shares the period's flow equally and lets the score break ties.
    List<Lead> book = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      book.add(lead("old-" + i).toBuilder().currentOwner("ana").build());
    }
    LeadRouter router = router(ANA, BOB).book(book).ledgerTolerance(0).build();

    List<RepId> owners = oneLeadADay(router, 30, false);

    assertThat(count(owners, ANA)).isEqualTo(15);
    assertThat(count(owners, BOB)).isEqualTo(15);
  }

  @Test
  void varyingValues_strictLedger_end15To15() {
    Random random = new Random(7);
    LeadRouter router = router(ANA, BOB).ledgerTolerance(0).build();
    List<RepId> owners = new ArrayList<>();
    for (int day = 1; day <= 30; day++) {
      owners.add(router.route(lead("d" + day, 100 + random.nextInt(5000))).rep().orElseThrow());
    }

    assertThat(count(owners, ANA)).isEqualTo(15);
  }

  @Test
  void varyingValues_defaultTolerance_neverMoreThanTwoApart() {
    // Tolerance 1: a rep may stand at most 1 + 1/weight = 2 leads ahead of the other.
    Random random = new Random(11);
    LeadRouter router = router(ANA, BOB).build();
    int ana = 0;
    int bob = 0;
    for (int i = 1; i <= 500; i++) {
      RepId rep = router.route(lead("l" + i, 100 + random.nextInt(20_000))).rep().orElseThrow();
      if (rep.equals(ANA.id())) {
        ana++;
      } else {
        bob++;
      }
      assertThat(Math.abs(ana - bob)).as("after %s leads", i).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void weightTwoVersusOne_strictLedger_exactlyTwoToOneAtEveryThirdLead() {
    Rep heavy = Rep.builder("heavy").weight(2).build();
    Rep light = Rep.builder("light").weight(1).build();
    LeadRouter router = router(heavy, light).ledgerTolerance(0).build();
    int h = 0;
    int l = 0;
    for (int i = 1; i <= 300; i++) {
      if (router.route(lead("l" + i)).rep().orElseThrow().equals(heavy.id())) {
        h++;
      } else {
        l++;
      }
      if (i % 3 == 0) {
        assertThat(h).as("after %s leads", i).isEqualTo(2 * l);
      }
    }
    assertThat(h).isEqualTo(200);
  }

  @Test
  void weightEightToOne_strictLedger_theLightRepGetsTheFifthLead() {
    // Standings (c + ½) / w: heavy 0.0625, 0.1875, 0.3125, 0.4375 against light's 0.5, then 0.5625:
    // the fifth lead goes to light, as a batch balancing receipts would place five leads (4²/8 +
    // 1² = 3 against 5²/8 = 3.125). An order by (c + 1) / w would give heavy the first eight.
    Policy wide = Policy.builder().weightBounds(0.1, 10).build();
    Rep heavy = Rep.builder("heavy").weight(8).build();
    Rep light = Rep.builder("light").weight(1).build();
    LeadRouter router =
        LeadRouter.builder(wide)
            .roster(List.of(heavy, light))
            .meanValue(1000)
            .ledgerTolerance(0)
            .build();
    List<RepId> owners = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      owners.add(router.route(lead("l" + i)).rep().orElseThrow());
    }

    assertThat(owners).containsExactly(heavy.id(), heavy.id(), heavy.id(), heavy.id(), light.id());
  }

  @Test
  void explanation_atUnequalWeights_namesTheWeights() {
    // heavy (w 2) holds a big customer, so light is always cheaper on score; the strict ledger
    // decides. Standings (c + ½) / w: first lead heavy 0.25 < light 0.5; second light 0.5 < heavy
    // 0.75; third heavy 0.75 < light 1.5: heavy, though light scored better.
    Rep heavy = Rep.builder("heavy").weight(2).build();
    Rep light = Rep.builder("light").weight(1).build();
    LeadRouter router =
        LeadRouter.builder(POLICY)
            .roster(List.of(heavy, light))
            .book(List.of(lead("big", 9_000).toBuilder().currentOwner("heavy").build()))
            .meanValue(1000)
            .ledgerTolerance(0)
            .build();
    assertThat(router.route(lead("first")).rep()).contains(heavy.id());
    assertThat(router.route(lead("second")).rep()).contains(light.id());

    RouteDecision d = router.route(lead("third"));

    assertThat(d.rep()).contains(heavy.id());
    assertThat(d.explanation())
        .contains(
            "runner-up light: score "
                + signed(d.runnerUp().orElseThrow().softDelta())
                + ", but it stands ahead in this period's ledger (1 vs 1 leads, at weights 1 and"
                + " 2)");
  }

  @Test
  void weightTwoVersusOne_defaultToleranceAndVaryingValues_twoToOneWithinTheBound() {
    Rep heavy = Rep.builder("heavy").weight(2).build();
    Rep light = Rep.builder("light").weight(1).build();
    LeadRouter router = router(heavy, light).build();
    Random random = new Random(3);
    for (int i = 1; i <= 3000; i++) {
      router.route(lead("l" + i, 100 + random.nextInt(10_000)));
    }

    RepSnapshot h = router.snapshot().get(0);
    RepSnapshot l = router.snapshot().get(1);
    assertThat(h.received() + l.received()).isEqualTo(3000);
    // standing = received / weight; within tolerance (1) + 1/weight of each other
    assertThat(Math.abs(h.standing() - l.standing())).isLessThanOrEqualTo(2.0);
    assertThat(h.received()).isBetween(1998, 2002);
  }

  @Test
  void ties_brokenByLongestSinceLastLead_beforeRosterOrder() {
    LeadRouter router = router(ANA, BOB, CAT).ledgerTolerance(0).build();
    List<RepId> first = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      first.add(router.route(lead("p1-" + i)).rep().orElseThrow());
    }
    assertThat(first).containsExactly(ANA.id(), BOB.id(), CAT.id(), ANA.id());
    router.release(lead("p1-3").id()); // books level again: 1 each
    router.startPeriod(); // ledgers level: 0 each

    // Same score, same ledger: bob waited longest, then cat, then ana (not roster order).
    assertThat(router.route(lead("p2-0")).rep()).contains(BOB.id());
    assertThat(router.route(lead("p2-1")).rep()).contains(CAT.id());
    assertThat(router.route(lead("p2-2")).rep()).contains(ANA.id());
  }

  @Test
  void ties_withinTheDueSet_goToTheLowerScoreDelta() {
    // Equal ledgers; ana holds more value, so the high-value lead goes to bob.
    LeadRouter router =
        router(ANA, BOB)
            .book(List.of(lead("big", 50_000).toBuilder().currentOwner("ana").build()))
            .build();

    RouteDecision d = router.route(lead("new", 40_000));

    assertThat(d.rep()).contains(BOB.id());
    assertThat(d.runnerUp().orElseThrow().rep()).isEqualTo(ANA.id());
    assertThat(d.runnerUp().orElseThrow().softDelta()).isGreaterThan(d.scoreDelta());
  }

  @Test
  void explanation_namesWinnerDeltaLedgerAndRunnerUp() {
    LeadRouter router = router(ANA, BOB).build();
    router.route(lead("a"));

    RouteDecision d = router.route(lead("b"));

    assertThat(d.explanation())
        .startsWith("bob: score " + signed(d.scoreDelta()))
        .contains("ledger 0 -> 1 this period")
        .contains("runner-up ana: score " + signed(d.runnerUp().orElseThrow().softDelta()));
  }

  @Test
  void explanation_saysWhenTheRunnerUpScoredBetterButWasAheadInTheLedger() {
    // ana holds a big customer, so bob is cheaper on score; with a strict ledger ana is due first.
    LeadRouter router =
        router(ANA, BOB)
            .book(List.of(lead("big", 9_000).toBuilder().currentOwner("ana").build()))
            .ledgerTolerance(0)
            .build();
    router.route(lead("first")); // bob: cheaper on score, ledger tie
    RouteDecision d = router.route(lead("second")); // ana: bob is a lead ahead

    assertThat(d.rep()).contains(ANA.id());
    assertThat(d.runnerUp().orElseThrow().softDelta()).isLessThan(d.scoreDelta());
    assertThat(d.explanation())
        .contains("but it stands ahead in this period's ledger (1 vs 0 leads)");
  }
}
