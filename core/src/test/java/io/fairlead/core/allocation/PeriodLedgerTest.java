package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger an allocation leaves, and the same ledger carried to the next run's roster. */
class PeriodLedgerTest {

  private static final Rep ANA = Rep.builder("ana").build();
  private static final Rep BOB = Rep.builder("bob").build();
  private static final Rep CAT = Rep.builder("cat").build();

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail");
  }

  /** ana 12 received (credited 12.5), bob 12; cat on leave with 3. */
  private static final Ledger BEFORE =
      Ledger.of(
          List.of(
              Ledger.Entry.of("ana", 12, 12.5),
              Ledger.Entry.of("bob", 12, 12),
              Ledger.Entry.of("cat", 3, 3)));

  /** A night in which ana gets c1 and c2, bob keeps his own b1 and gets c3; cat is on leave. */
  private static Allocation night(Policy policy) {
    Problem p =
        Problem.of(
            policy,
            List.of(ANA, BOB, CAT.toBuilder().available(false).build()),
            List.of(
                lead("c1").build(),
                lead("c2").build(),
                lead("b1").currentOwner("bob").build(),
                lead("c3").build()),
            BEFORE);
    Map<LeadId, RepId> a = new LinkedHashMap<>();
    a.put(LeadId.of("c1"), ANA.id());
    a.put(LeadId.of("c2"), ANA.id());
    a.put(LeadId.of("b1"), BOB.id());
    a.put(LeadId.of("c3"), BOB.id());
    return Baselines.measure(p, a, "given");
  }

  @Test
  void ledger_addsTheLeadsReceivedAsNew_notTheKeptOnes() {
    // ana +2 (14, 14.5), bob +1 (13, 13): b1 is his own; cat unchanged.
    assertThat(night(Policy.defaults()).ledger().entries())
        .containsExactly(
            Ledger.Entry.of("ana", 14, 14.5),
            Ledger.Entry.of("bob", 13, 13),
            Ledger.Entry.of("cat", 3, 3));
  }

  @Test
  void ledgerFor_sameRoster_isTheLedger() {
    Allocation a = night(Policy.defaults());

    assertThat(a.ledgerFor(a.problem().reps())).isEqualTo(a.ledger());
  }

  @Test
  void ledgerFor_repBackFromLeave_none_startsLevelWithTheOthers() {
    // The reps that worked on: ana 14.5, bob 13 → 13.75 per unit of weight; cat 3 → 13.75.
    Ledger next = night(Policy.defaults()).ledgerFor(List.of(ANA, BOB, CAT));

    assertThat(next.entry(CAT.id())).isEqualTo(Ledger.Entry.of("cat", 3, 13.75));
    assertThat(next.entry(ANA.id())).isEqualTo(Ledger.Entry.of("ana", 14, 14.5));
  }

  @Test
  void ledgerFor_repBackFromLeave_capped_catchesUpAtMostN() {
    Policy capped = Policy.builder().catchUp(CatchUp.capped(4)).build();

    Ledger next = night(capped).ledgerFor(List.of(ANA, BOB, CAT));

    assertThat(next.entry(CAT.id()).credited()).isEqualTo(9.75);
  }

  @Test
  void ledgerFor_repBackFromLeave_full_keepsItsCredit() {
    Policy full = Policy.builder().catchUp(CatchUp.FULL).build();

    Ledger next = night(full).ledgerFor(List.of(ANA, BOB, CAT));

    assertThat(next.entry(CAT.id()).credited()).isEqualTo(3.0);
  }

  @Test
  void ledgerFor_newRep_startsAtTheMeanTimesItsWeight() {
    Rep dan = Rep.builder("dan").weight(2).build();

    Ledger next = night(Policy.defaults()).ledgerFor(List.of(ANA, BOB, dan));

    assertThat(next.entry(dan.id())).isEqualTo(Ledger.Entry.of("dan", 0, 27.5));
    assertThat(next.entries())
        .extracting(e -> e.rep().value())
        .containsExactly("ana", "bob", "dan");
  }

  @Test
  void ledgerFor_repWhoseShareRises_isCalibratedAtItsNewWeight_andOneWhoseShareFallsIsNot() {
    // bob goes half time: he is not raised (his weight fell) and still counts for the level, at
    // his new weight, as the router counts him: cat starts at (14.5 + 13) / (1 + 0.5) = 18.33.
    Rep halfBob = BOB.toBuilder().share(0.5).build();
    Allocation a = night(Policy.defaults());

    Ledger next = a.ledgerFor(List.of(ANA, halfBob, CAT));

    assertThat(next.entry(BOB.id()).credited()).isEqualTo(13.0);
    assertThat(next.entry(CAT.id()).credited()).isEqualTo((14.5 + 13) / 1.5 * 1);
    // From half time back to full time: raised to the level of the steady reps.
    Problem half =
        Problem.of(
            Policy.defaults(),
            List.of(ANA, halfBob),
            List.of(),
            Ledger.of(List.of(Ledger.Entry.of("ana", 10, 10), Ledger.Entry.of("bob", 2, 2))));
    Allocation quiet = Baselines.measure(half, Map.of(), "given");
    assertThat(quiet.ledgerFor(List.of(ANA, BOB)).entry(BOB.id()).credited()).isEqualTo(10.0);
  }

  @Test
  void ledgerFor_repsOffTheRoster_areDropped_andADuplicateIdIsRefused() {
    Allocation a = night(Policy.defaults());

    assertThat(a.ledgerFor(List.of(ANA)).entries())
        .containsExactly(Ledger.Entry.of("ana", 14, 14.5));
    assertThatThrownBy(() -> a.ledgerFor(List.of(ANA, ANA)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nextRoster: rep ana: duplicate id");
  }

  @Test
  void explanation_underAReceiptsPolicy_saysWhatTheRepReceivedAgainstItsEntitlement() {
    // ana: 12.5 + 2 = 14.5 received; entitled to the active reps' credits 12.5 + 12 = 24.5 split
    // by weight (12.25) plus half of the three free leads (1.5): 13.75, as bob, who would have
    // received 13 + 1 with c1.
    Policy receipts =
        Policy.builder().weight(io.fairlead.core.policy.Objective.RECEIPTS, 1).build();

    String summary = night(receipts).explain(LeadId.of("c1")).summary();

    assertThat(summary)
        .contains("ana now holds 2 leads")
        .contains("having received 14.50 leads this period (fair 13.8)")
        .contains("bob, would hold")
        .contains("having received 14 leads this period (fair 13.8)");
  }
}
