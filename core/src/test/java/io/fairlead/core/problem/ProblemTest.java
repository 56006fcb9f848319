package io.fairlead.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail");
  }

  private static final List<Rep> ROSTER =
      List.of(Rep.builder("ana").build(), Rep.builder("bob").build());

  @Test
  void leads_duplicateId_failsNamingLead() {
    assertThatThrownBy(
            () ->
                Problem.of(
                    Policy.defaults(),
                    ROSTER,
                    List.of(lead("c1").build(), lead("c1").value(5).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c1: duplicate id");
  }

  @Test
  void reps_duplicateId_failsNamingRep() {
    assertThatThrownBy(
            () ->
                Problem.of(
                    Policy.defaults(),
                    List.of(Rep.builder("ana").build(), Rep.builder("ana").weight(2).build()),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: duplicate id");
  }

  @Test
  void lead_ownerNotOnRoster_failsNamingLeadAndOwner() {
    assertThatThrownBy(
            () ->
                Problem.of(
                    Policy.defaults(), ROSTER, List.of(lead("c1").currentOwner("zed").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c1: currentOwner 'zed' is not on the roster");
  }

  @Test
  void reps_emptyRoster_fails() {
    assertThatThrownBy(() -> Problem.of(Policy.defaults(), List.of(), List.of(lead("c1").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reps: the roster is empty, at least one rep is needed");
  }

  @Test
  void rep_allowedTierUnknownToPolicy_failsNamingRepAndTier() {
    assertThatThrownBy(
            () ->
                Problem.of(
                    Policy.defaults(),
                    List.of(Rep.builder("ana").tiers("A", "Z").build()),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rep ana: allowedTiers names tier 'Z', which is not in the policy's tier scheme [A, B, C]");
  }

  @Test
  void lead_tierUnknownToPolicy_failsNamingLeadAndTier() {
    assertThatThrownBy(
            () -> Problem.of(Policy.defaults(), ROSTER, List.of(lead("c1").tier("Z").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c1: tier 'Z' is not in the policy's tier scheme [A, B, C]");
  }

  @Test
  void lead_tierRuleAttributeMissing_failsNamingLeadAndAttribute() {
    Policy p =
        Policy.builder()
            .tierRule(TierRule.byAttribute("revenue").threshold("A", 10).otherwise("C"))
            .build();
    assertThatThrownBy(() -> Problem.of(p, ROSTER, List.of(lead("c1").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c1: attribute 'revenue' is needed by the tier rule but missing");
  }

  @Test
  void problem_keepsInputOrder_andCopiesLists() {
    List<Lead> leads = new ArrayList<>(List.of(lead("c2").build(), lead("c1").build()));
    Problem p = Problem.of(Policy.defaults(), ROSTER, leads);
    leads.clear();

    assertThat(p.leads()).extracting(Lead::id).containsExactly(LeadId.of("c2"), LeadId.of("c1"));
    assertThat(p.reps()).extracting(r -> r.id().value()).containsExactly("ana", "bob");
    assertThatThrownBy(() -> p.leads().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void problem_withoutLeads_isValid() {
    assertThat(Problem.of(Policy.defaults(), ROSTER, List.of()).leads()).isEmpty();
  }

  @Test
  void ledger_repNotOnTheRoster_failsNamingTheRep() {
    Ledger ledger = Ledger.of(List.of(Ledger.Entry.of("zed", 1, 1)));

    assertThatThrownBy(() -> Problem.of(Policy.defaults(), ROSTER, List.of(), ledger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger: rep 'zed' is not on the roster");
  }

  @Test
  void ledger_receivedNearTheLargestCount_leavesNoRoomForTheLeads_failsNamingTheRep() {
    Ledger full = Ledger.of(List.of(Ledger.Entry.of("ana", Integer.MAX_VALUE - 1, 0)));

    assertThat(Problem.of(Policy.defaults(), ROSTER, List.of(lead("c1").build()), full).ledger())
        .isEqualTo(full);
    assertThatThrownBy(
            () ->
                Problem.of(
                    Policy.defaults(),
                    ROSTER,
                    List.of(lead("c1").build(), lead("c2").build()),
                    full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ledger: rep ana: received 2147483646 leaves no room for this problem's 2 leads (a"
                + " period counts at most 2^31 - 1)");
  }

  @Test
  void ledgerEntry_badFigures_failNamingRepAndField() {
    assertThatThrownBy(() -> Ledger.Entry.of("ana", -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger: rep ana: received must be >= 0, was -1");
    assertThatThrownBy(() -> Ledger.Entry.of("ana", 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger: rep ana: credited must be finite and in [0, 2^53], was NaN");
    assertThatThrownBy(() -> Ledger.Entry.of("ana", 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was Infinity");
    assertThatThrownBy(
            () -> Ledger.of(List.of(Ledger.Entry.of("ana", 1, 1), Ledger.Entry.of("ana", 2, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger: rep ana: two entries");
  }

  @Test
  void ledger_entriesSortedByRep_missingRepsReadZero() {
    Ledger ledger =
        Ledger.of(List.of(Ledger.Entry.of("bob", 2, 2.5), Ledger.Entry.of("ana", 1, 1)));

    assertThat(ledger.entries()).extracting(e -> e.rep().value()).containsExactly("ana", "bob");
    assertThat(ledger.entry(RepId.of("bob")).credited()).isEqualTo(2.5);
    assertThat(ledger.entry(RepId.of("cem"))).isEqualTo(Ledger.Entry.of("cem", 0, 0));
    assertThat(Problem.of(Policy.defaults(), ROSTER, List.of()).ledger()).isEqualTo(Ledger.empty());
  }

  @Test
  void ledger_largeCreditsUnderAReceiptsWeight_areRefusedByTheRangeCheck() {
    Policy receipts = Policy.builder().weight(Objective.RECEIPTS, 1000).build();
    Ledger huge = Ledger.of(List.of(Ledger.Entry.of("ana", 0, 1e9)));

    assertThat(Problem.of(Policy.defaults(), ROSTER, List.of(lead("c1").build()), huge).ledger())
        .isEqualTo(huge); // without a receipts weight the credit is not scored
    assertThatThrownBy(() -> Problem.of(receipts, ROSTER, List.of(lead("c1").build()), huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("leads: 1 leads are too many for this policy's weights")
        .hasMessageContaining("the receipts term also grows with the ledger's largest credit");
  }
}
