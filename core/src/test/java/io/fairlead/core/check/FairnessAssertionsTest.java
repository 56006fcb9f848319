package io.fairlead.core.check;

import static io.fairlead.core.check.FairnessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each assertion on one allocation, holding and failing on small hand-built problems, with the
 * exact failure message. Every lead is East and retail unless a test says otherwise, and every rep
 * takes anything, so a rep's fair share of leads is the leads over the reps (equal weights).
 */
class FairnessAssertionsTest {

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail");
  }

  private static List<Lead> leads(int n) {
    List<Lead> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(lead("c" + i).build());
    }
    return out;
  }

  private static List<Rep> reps(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> Rep.builder(id).build()).toList();
  }

  /** The allocation in which the reps hold the leads as listed: "ana", "ana", "-" (unassigned). */
  private static Allocation held(Problem problem, String... owners) {
    Map<LeadId, RepId> m = new LinkedHashMap<>();
    for (int i = 0; i < owners.length; i++) {
      if (!owners[i].equals("-")) {
        m.put(problem.leads().get(i).id(), RepId.of(owners[i]));
      }
    }
    return Allocation.of(problem, m, "crm", Duration.ZERO);
  }

  private static final Problem SIX =
      Problem.of(Policy.defaults(), reps("ana", "bob", "cy"), leads(6));

  // --- per rep, against the fair share

  @Test
  void noRepAbove_evenRoundRobin_holds() {
    // 6 leads, 3 reps: 2 each, fair share 2 each.
    Allocation a = Baselines.roundRobin().allocate(SIX);

    assertThatCode(
            () ->
                assertThat(a)
                    .noRepAbove(1.0, Measure.LEADS)
                    .noRepBelow(1.0, Measure.LEADS)
                    .noRepAbove(1.0, Measure.VALUE)
                    .noRepAbove(1.0, Measure.RECEIPTS))
        .doesNotThrowAnyException();
  }

  @Test
  void noRepAbove_oneRepWithTwiceItsShare_failsNamingItsFigures() {
    // ana 4, bob 2, cy 0; fair share 2 each, limit 110 % = 2.2: ana is 1.8 over it.
    Allocation a = held(SIX, "ana", "ana", "ana", "ana", "bob", "bob");

    assertThatThrownBy(() -> assertThat(a).noRepAbove(1.10, Measure.LEADS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no rep above 110 % of its fair share of leads, but 1 of 3 reps is:\n"
                + "  ana holds 4 leads, 200 % of its fair share of 2, 1.8 over its limit of 2.2");
  }

  @Test
  void noRepBelow_aRepWithNothing_failsNamingItsFigures() {
    // Same book: cy holds 0 of a fair 2, limit 90 % = 1.8; bob at 2 is not below.
    Allocation a = held(SIX, "ana", "ana", "ana", "ana", "bob", "bob");

    assertThatThrownBy(() -> assertThat(a).noRepBelow(0.90, Measure.LEADS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no rep below 90 % of its fair share of leads, but 1 of 3 reps is:\n"
                + "  cy holds 0 leads, 0 % of its fair share of 2, 1.8 under its limit of 1.8");
  }

  @Test
  void noRepAbove_manyReps_listsTheWorstTenFirst_andCountsTheRest() {
    // 19 reps; r01..r12 hold 11..22 leads (198 in all), r13..r19 nothing. Fair share 198/19 =
    // 10.42 each, limit 105 % = 10.94: all twelve are above, r12 (22 leads, 211 %) worst.
    List<String> ids = new ArrayList<>();
    for (int r = 1; r <= 19; r++) {
      ids.add(String.format("r%02d", r));
    }
    Problem p = Problem.of(Policy.defaults(), reps(ids.toArray(String[]::new)), leads(198));
    List<String> owners = new ArrayList<>();
    for (int r = 1; r <= 12; r++) {
      for (int k = 0; k < 10 + r; k++) {
        owners.add(ids.get(r - 1));
      }
    }
    Allocation a = held(p, owners.toArray(String[]::new));

    assertThatThrownBy(() -> assertThat(a).noRepAbove(1.05, Measure.LEADS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no rep above 105 % of its fair share of leads, but 12 of 19 reps are,"
                + " worst first:\n"
                + "  r12 holds 22 leads, 211.1 % of its fair share of 10.4, 11.1 over its limit of 10.9\n"
                + "  r11 holds 21 leads, 201.5 % of its fair share of 10.4, 10.1 over its limit of 10.9\n"
                + "  r10 holds 20 leads, 191.9 % of its fair share of 10.4, 9.1 over its limit of 10.9\n"
                + "  r09 holds 19 leads, 182.3 % of its fair share of 10.4, 8.1 over its limit of 10.9\n"
                + "  r08 holds 18 leads, 172.7 % of its fair share of 10.4, 7.1 over its limit of 10.9\n"
                + "  r07 holds 17 leads, 163.1 % of its fair share of 10.4, 6.1 over its limit of 10.9\n"
                + "  r06 holds 16 leads, 153.5 % of its fair share of 10.4, 5.1 over its limit of 10.9\n"
                + "  r05 holds 15 leads, 143.9 % of its fair share of 10.4, 4.1 over its limit of 10.9\n"
                + "  r04 holds 14 leads, 134.3 % of its fair share of 10.4, 3.1 over its limit of 10.9\n"
                + "  r03 holds 13 leads, 124.7 % of its fair share of 10.4, 2.1 over its limit of 10.9\n"
                + "  and 2 more");
  }

  @Test
  void noRepAbove_value_andTopTier_speakInTheirUnits() {
    // c1 (A, 3000) and c2 (A, 1000) to ana, c3 (B, 2000) and c4 (B, 2000) to bob. Fair value 4000
    // each; fair top-tier share 1 each. ana: 4000 in value (100 %), 2 tier-A leads (200 %).
    Problem p =
        Problem.of(
            Policy.defaults(),
            reps("ana", "bob"),
            List.of(
                lead("c1").tier("A").value(3000).build(),
                lead("c2").tier("A").value(1000).build(),
                lead("c3").tier("B").value(2000).build(),
                lead("c4").tier("B").value(2000).build()));
    Allocation a = held(p, "ana", "ana", "bob", "bob");

    assertThatCode(
            () -> assertThat(a).noRepAbove(1.0, Measure.VALUE).noRepBelow(1.0, Measure.VALUE))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(a).noRepAbove(1.5, Measure.TOP_TIER))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no rep above 150 % of its fair share of tier-A leads, but 1 of 2 reps"
                + " is:\n"
                + "  ana holds 2 tier-A leads, 200 % of its fair share of 1, 0.5 over its limit of"
                + " 1.5");
    Allocation b = held(p, "ana", "bob", "ana", "bob");
    assertThatThrownBy(() -> assertThat(b).noRepBelow(0.9, Measure.VALUE))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no rep below 90 % of its fair share of value, but 1 of 2 reps is:\n"
                + "  bob holds 3,000 in value, 75 % of its fair share of 4,000, 600 under its"
                + " limit of 3,600");
  }

  @Test
  void fairShareZero_isAboveAnyLimitIfItHoldsSomething_neverBelow_andLeaveIsNotChecked() {
    // dan covers West only and all leads are East: a fair share of 0, yet it holds c1 (a broken
    // rule, which the metrics still measure). eve is on leave: not checked. ana and bob share the
    // four leads: fair 2 each.
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").build(),
                Rep.builder("bob").build(),
                Rep.builder("dan").regions("West").build(),
                Rep.builder("eve").available(false).build()),
            leads(4));
    Allocation a = held(p, "dan", "ana", "bob", "bob");

    assertThatThrownBy(() -> assertThat(a).noRepAbove(1.10, Measure.LEADS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no rep above 110 % of its fair share of leads, but 1 of 3 reps is (1"
                + " rep on leave not checked):\n"
                + "  dan holds 1 lead with a fair share of 0: above any limit");
    // Below: ana holds 1 of a fair 2; dan, with a fair share of 0, cannot be below, nor eve.
    assertThatThrownBy(() -> assertThat(a).noRepBelow(0.9, Measure.LEADS))
        .hasMessage(
            "crm: expected no rep below 90 % of its fair share of leads, but 1 of 3 reps is (1 rep"
                + " on leave not checked):\n"
                + "  ana holds 1 lead, 50 % of its fair share of 2, 0.8 under its limit of 1.8");
  }

  @Test
  void limits_areValidated_namingTheArgument() {
    Allocation a = Baselines.roundRobin().allocate(SIX);
    AllocationAssert check = assertThat(a);

    assertThatThrownBy(() -> check.noRepAbove(0.9, Measure.LEADS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "noRepAbove: limit must be a finite multiple of the fair share >= 1 (1.10 = 110 %),"
                + " was 0.9");
    assertThatThrownBy(() -> check.noRepAbove(Double.POSITIVE_INFINITY, Measure.LEADS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was Infinity");
    assertThatThrownBy(() -> check.noRepBelow(1.1, Measure.LEADS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "noRepBelow: limit must be a multiple of the fair share in (0, 1] (0.90 = 90 %), was"
                + " 1.1");
    assertThatThrownBy(() -> check.noRepBelow(0, Measure.LEADS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was 0.0");
    assertThatThrownBy(() -> check.noRepBelow(Double.NaN, Measure.LEADS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was NaN");
    assertThatThrownBy(() -> check.topTierWithinBound(-0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "topTierWithinBound: maxGap must be a finite fraction >= 0 (0.05 = 5 %), was -0.01");
    assertThatThrownBy(() -> check.countWithinOptimum(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("countWithinOptimum: maxGap");
    assertThatThrownBy(() -> check.noRepAbove(1.1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("measure");
  }

  // --- against the proven bounds

  @Test
  void gaps_atTheOptimum_hold() {
    Allocation a = Baselines.roundRobin().allocate(SIX);

    assertThatCode(
            () ->
                assertThat(a)
                    .countWithinOptimum(0)
                    .topTierWithinBound(0)
                    .valueMaxWithinBound(0)
                    .receiptsWithinOptimum(0))
        .doesNotThrowAnyException();
  }

  @Test
  void topTierWithinBound_unevenTopTier_failsWithTheGapAndTheReps() {
    // Four tier-A leads, ana 3 and bob 1: Σ a²/w = 9 + 1 = 10 against the optimum 2² + 2² = 8,
    // 25 % above. Within 25 % it holds.
    Problem p =
        Problem.of(
            Policy.defaults(),
            reps("ana", "bob"),
            List.of(
                lead("c1").tier("A").build(),
                lead("c2").tier("A").build(),
                lead("c3").tier("A").build(),
                lead("c4").tier("A").build()));
    Allocation a = held(p, "ana", "ana", "ana", "bob");

    assertThatCode(() -> assertThat(a).topTierWithinBound(0.25).countWithinOptimum(0.25))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(a).topTierWithinBound(0.05))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected the top-tier imbalance Σ a²/w within 5 % of its proven bound, but it"
                + " is 25 % above: 10 against 8. Reps above their fair share of tier-A leads:\n"
                + "  ana holds 3 tier-A leads, 150 % of its fair share of 2");
    assertThatThrownBy(() -> assertThat(a).countWithinOptimum(0.01))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected the count imbalance Σ n²/w within 1 % of its proven optimum, but it is"
                + " 25 % above: 10 against 8. Reps above their fair share of leads:\n"
                + "  ana holds 3 leads, 150 % of its fair share of 2");
  }

  @Test
  void valueMaxWithinBound_theRichestRepAboveTheBound_fails_andSaysWhenTheGapIsNoProof() {
    // c1 (3000), c2 (1000) to ana, c3 (2000) to bob, c4 (2000) unassigned. Mean lead 2000, so
    // ana's 4000 is 2 mean leads; the lower bound is 2 as well (8000 over two reps): a gap of 0.
    // With c4 to ana too: 6000 = 3 mean leads, 50 % above.
    Problem p =
        Problem.of(
            Policy.defaults(),
            reps("ana", "bob"),
            List.of(
                lead("c1").value(3000).build(),
                lead("c2").value(1000).build(),
                lead("c3").value(2000).build(),
                lead("c4").value(2000).build()));
    Allocation a = held(p, "ana", "ana", "bob", "ana");

    assertThatThrownBy(() -> assertThat(a).valueMaxWithinBound(0.05))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected the largest weighted value max V/w (in mean leads) within 5 % of its"
                + " proven lower bound, but it is 50 % above: 3 against 2. Reps above their fair"
                + " share of value:\n"
                + "  ana holds 6,000 in value, 150 % of its fair share of 4,000");
    // Leaving c2 and c4 out: ana holds 5000 = 2.5 mean leads, 25 % above, but no proof.
    Allocation b = held(p, "ana", "-", "ana", "-");
    assertThatThrownBy(() -> assertThat(b).valueMaxWithinBound(0.05))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "crm: expected the largest weighted value max V/w (in mean leads) within 5 % of its"
                + " proven lower bound, but it is 25 % above: 2.5 against 2 (it places 2 of 4"
                + " placeable leads: the gap is no proof).");
  }

  // --- hard rules, unassigned leads, the cover

  @Test
  void feasible_listsEveryViolation() {
    // dan covers West only and holds two East leads.
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(Rep.builder("ana").build(), Rep.builder("dan").regions("West").build()),
            leads(3));

    assertThatCode(() -> assertThat(held(p, "ana", "ana", "dan")).feasible())
        .isInstanceOf(Object.class);
    assertThatThrownBy(() -> assertThat(held(p, "dan", "ana", "dan")).feasible())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no hard rule broken, but 2 are:\n"
                + "  region: lead c1 is held by dan, but dan covers [West], not East\n"
                + "  region: lead c3 is held by dan, but dan covers [West], not East");
    assertThatCode(() -> assertThat(held(p, "ana", "ana", "ana")).feasible())
        .doesNotThrowAnyException();
  }

  @Test
  void noUnassignedExcept_allowsTheReasonsGiven_andListsTheOthers() {
    // c3 is North: nobody covers it (NO_ELIGIBLE_REP). c2 is left out although ana had room
    // (NOT_PLACED).
    Problem p =
        Problem.of(
            Policy.defaults(),
            List.of(
                Rep.builder("ana").regions("East").build(),
                Rep.builder("bob").regions("East").build()),
            List.of(lead("c1").build(), lead("c2").build(), lead("c3").region("North").build()));

    Allocation placed = held(p, "ana", "bob", "-");
    assertThatCode(
            () -> assertThat(placed).noUnassignedExcept(UnassignedReason.Kind.NO_ELIGIBLE_REP))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(placed).noUnassigned())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no lead unassigned, but 1 is:\n"
                + "  c3: NO_ELIGIBLE_REP, no eligible rep among 2: region excluded 2");
    Allocation lazy = held(p, "ana", "-", "-");
    assertThatThrownBy(
            () -> assertThat(lazy).noUnassignedExcept(UnassignedReason.Kind.NO_ELIGIBLE_REP))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "crm: expected no lead unassigned except for [NO_ELIGIBLE_REP], but 1 is for another"
                + " reason:\n"
                + "  c2: NOT_PLACED, not placed although 2 eligible rep(s) had room (e.g. ana);"
                + " the allocator stopped before placing it");
  }

  @Test
  void everyLeadOnce_holdsForAnAllocation_andNamesMissingTwiceAndUnknownLeads() {
    Allocation a = Baselines.leastBusy().allocate(SIX);
    assertThatCode(() -> assertThat(a).everyLeadOnce()).doesNotThrowAnyException();

    // Outcomes from elsewhere: c1 twice, c2 missing, x9 unknown.
    var c1 = a.outcome(LeadId.of("c1"));
    var x9 =
        new io.fairlead.core.allocation.LeadOutcome(
            LeadId.of("x9"), c1.rep(), c1.status(), c1.reason());
    List<io.fairlead.core.allocation.LeadOutcome> outcomes = new ArrayList<>(a.outcomes());
    outcomes.set(1, c1);
    outcomes.add(x9);

    org.assertj.core.api.Assertions.assertThat(
            AllocationAssert.everyLeadOnce(SIX.leads(), outcomes))
        .containsExactly("c1: 2 outcomes", "c2: no outcome", "x9: 1 outcome, but no such lead");
  }
}
