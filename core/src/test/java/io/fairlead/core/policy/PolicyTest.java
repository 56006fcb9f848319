package io.fairlead.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

  @Test
  void defaults_everyHardRuleOn() {
    for (Rule rule : Rule.values()) {
      assertThat(Policy.defaults().enforces(rule)).as(rule.id()).isTrue();
    }
  }

  @Test
  void defaults_tiersABC_topTierWeighedThreeTimes() {
    Policy p = Policy.defaults();
    assertThat(p.tiers()).isEqualTo(TierScheme.of("A", "B", "C"));
    assertThat(p.tierWeights())
        .containsExactly(
            Map.entry(Tier.of("A"), 3.0),
            Map.entry(Tier.of("B"), 1.0),
            Map.entry(Tier.of("C"), 1.0));
  }

  @Test
  void defaults_objectiveWeightsBoundsAndOptions() {
    Policy p = Policy.defaults();
    assertThat(p.weight(Objective.COUNT)).isEqualTo(1.0);
    assertThat(p.weight(Objective.VALUE)).isEqualTo(1.0);
    assertThat(p.weight(Objective.TIER)).isEqualTo(1.0);
    assertThat(p.weight(Objective.CONTINUITY)).isEqualTo(1.0);
    assertThat(p.weight(Objective.PREFERENCE)).isEqualTo(0.2);
    assertThat(p.allowRebalancing()).isFalse();
    assertThat(p.valueBasis()).isEqualTo(ValueBasis.POTENTIAL);
    assertThat(p.minWeight()).isEqualTo(0.5);
    assertThat(p.maxWeight()).isEqualTo(2.0);
    assertThat(p.tierRule()).isEmpty();
    assertThat(p.customRules()).isEmpty();
  }

  @Test
  void builder_singleTierScheme_tierWeightIsOne() {
    Policy p = Policy.builder().tiers(TierScheme.of("all")).build();
    assertThat(p.tierWeights()).containsExactly(Map.entry(Tier.of("all"), 1.0));
  }

  @Test
  void builder_optionSetTwice_failsNamingTheOption() {
    assertThatThrownBy(() -> Policy.builder().tiers(TierScheme.ABC).tiers(TierScheme.ABC))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy option 'tiers' is set twice");
  }

  @Test
  void builder_objectiveWeightSetTwice_failsNamingObjective() {
    assertThatThrownBy(() -> Policy.builder().weight(Objective.VALUE, 1).weight(Objective.VALUE, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy option 'weight value-balance' is set twice");
  }

  @Test
  void builder_sameRuleDisabledTwice_failsNamingRule() {
    assertThatThrownBy(() -> Policy.builder().disable(Rule.REGION).disable(Rule.REGION))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy option 'disable region' is set twice");
  }

  @Test
  void builder_differentOptions_areIndependent() {
    Policy p =
        Policy.builder()
            .weight(Objective.VALUE, 2)
            .weight(Objective.COUNT, 0)
            .disable(Rule.ROLE)
            .tierWeight("A", 5)
            .tierWeight("C", 0.5)
            .build();
    assertThat(p.weight(Objective.VALUE)).isEqualTo(2.0);
    assertThat(p.weight(Objective.COUNT)).isZero();
    assertThat(p.enforces(Rule.ROLE)).isFalse();
    assertThat(p.enforces(Rule.REGION)).isTrue();
    assertThat(p.tierWeights().values()).containsExactly(5.0, 1.0, 0.5);
  }

  @Test
  void tierWeight_unknownTier_failsNamingTierAndScheme() {
    assertThatThrownBy(() -> Policy.builder().tierWeight("Z", 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy: tierWeights names tier 'Z', which is not in the tier scheme [A, B, C]");
  }

  @Test
  void tierRule_thresholdOnUnknownTier_failsNamingTier() {
    assertThatThrownBy(
            () ->
                Policy.builder()
                    .tierRule(TierRule.byValue().threshold("Z", 10).otherwise("C"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: tierRule names tier 'Z', which is not in the tier scheme [A, B, C]");
  }

  @Test
  void tierRule_unknownFallback_failsNamingIt() {
    assertThatThrownBy(
            () ->
                Policy.builder()
                    .tierRule(TierRule.byValue().threshold("A", 10).otherwise("D"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy: tierRule fallback names tier 'D', which is not in the tier scheme [A, B, C]");
  }

  @Test
  void objectiveWeight_negative_failsNamingObjective() {
    assertThatThrownBy(() -> Policy.builder().weight(Objective.VALUE, -1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy: weight of objective 'value-balance' must be finite and in [0, 1000], was -1.0");
  }

  @Test
  void tierWeight_aboveLimit_failsNamingTier() {
    assertThatThrownBy(() -> Policy.builder().tierWeight("B", 1001).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: tier weight of 'B' must be finite and in [0, 1000], was 1001.0");
  }

  @Test
  void weightBounds_zeroMinimum_failsNamingField() {
    assertThatThrownBy(() -> Policy.builder().weightBounds(0, 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: minWeight must be in [0.01, 100], was 0.0");
  }

  @Test
  void weightBounds_maximumBelowMinimum_failsNamingBoth() {
    assertThatThrownBy(() -> Policy.builder().weightBounds(1, 0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: maxWeight must be in [minWeight (1.0), 100], was 0.5");
  }

  @Test
  void effectiveWeight_clampsToTheBounds() {
    Policy p = Policy.builder().weightBounds(0.8, 1.25).build();
    assertThat(p.effectiveWeight(Rep.builder("a").weight(0.1).build())).isEqualTo(0.8);
    assertThat(p.effectiveWeight(Rep.builder("a").weight(1.0).build())).isEqualTo(1.0);
    assertThat(p.effectiveWeight(Rep.builder("a").weight(9).build())).isEqualTo(1.25);
  }

  @Test
  void effectiveWeight_shareScalesAfterTheBounds() {
    // A half-time rep of weight 0.1 is bounded to 0.8 first, then halved: 0.4, below minWeight.
    Policy p = Policy.builder().weightBounds(0.8, 1.25).build();
    assertThat(p.effectiveWeight(Rep.builder("a").weight(0.1).share(0.5).build())).isEqualTo(0.4);
    assertThat(p.leastEffectiveWeight()).isEqualTo(0.8 * Rep.MIN_SHARE);
  }

  @Test
  void build_calledTwice_equalPolicies() {
    Policy.Builder b = Policy.builder().weight(Objective.TIER, 4).tierWeight("B", 2);
    assertThat(b.build()).isEqualTo(b.build());
  }

  @Test
  void tierOf_leadWithoutTierOrRule_getsTheLowestTier() {
    Lead lead = Lead.builder("c1").region("East").industry("retail").build();
    assertThat(Policy.defaults().tierOf(lead)).isEqualTo(Tier.of("C"));
  }

  @Test
  void tierOf_leadWithUnknownTier_failsNamingLeadAndTier() {
    Lead lead = Lead.builder("c1").region("East").industry("retail").tier("Z").build();
    assertThatThrownBy(() -> Policy.defaults().tierOf(lead))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c1: tier 'Z' is not in the policy's tier scheme [A, B, C]");
  }

  @Test
  void valueOf_followsTheValueBasis() {
    Lead lead =
        Lead.builder("c1").region("East").industry("retail").value(800).winProbability(0.5).build();
    assertThat(Policy.defaults().valueOf(lead)).isEqualTo(800.0);
    assertThat(Policy.builder().valueBasis(ValueBasis.EXPECTED).build().valueOf(lead))
        .isEqualTo(400.0);
  }

  @Test
  void customRules_sameNameTwice_failsNamingIt() {
    CustomRule r = CustomRule.of("lang", (rep, lead) -> true);
    assertThatThrownBy(() -> Policy.builder().customRule(r).customRule(r).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: two custom rules are named 'lang'");
  }

  @Test
  void tierScheme_repeatedTier_fails() {
    assertThatThrownBy(() -> TierScheme.of("A", "B", "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier scheme must not repeat a tier: [A, B, A]");
  }

  @Test
  void ruleAndObjective_fromId_roundTripAndUnknownFails() {
    for (Rule r : Rule.values()) {
      assertThat(Rule.fromId(r.id())).isEqualTo(r);
    }
    for (Objective o : Objective.values()) {
      assertThat(Objective.fromId(o.id())).isEqualTo(o);
    }
    assertThatThrownBy(() -> Rule.fromId("colour"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown rule 'colour', expected one of [availability, region");
  }
}
