package io.fairlead.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
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
}
