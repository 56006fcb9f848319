package io.fairlead.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Tier;
import org.junit.jupiter.api.Test;

class TierRuleTest {

  private static final TierRule BY_VALUE =
      TierRule.byValue().threshold("A", 100_000).threshold("B", 10_000).otherwise("C");
  private static final TierRule BY_REVENUE =
      TierRule.byAttribute("revenue").threshold("A", 1000).otherwise("B");

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail");
  }

  @Test
  void byValue_thresholdsAreInclusiveMinimums() {
    assertThat(BY_VALUE.tierOf(lead("c1").value(150_000).build())).isEqualTo(Tier.of("A"));
    assertThat(BY_VALUE.tierOf(lead("c2").value(100_000).build())).isEqualTo(Tier.of("A"));
    assertThat(BY_VALUE.tierOf(lead("c3").value(99_999).build())).isEqualTo(Tier.of("B"));
    assertThat(BY_VALUE.tierOf(lead("c4").value(10_000).build())).isEqualTo(Tier.of("B"));
    assertThat(BY_VALUE.tierOf(lead("c5").value(9_999.99).build())).isEqualTo(Tier.of("C"));
    assertThat(BY_VALUE.tierOf(lead("c6").build())).isEqualTo(Tier.of("C"));
  }

  @Test
  void byAttribute_readsTheNumber_trimmed() {
    assertThat(BY_REVENUE.tierOf(lead("c1").attribute("revenue", "2500").build()))
        .isEqualTo(Tier.of("A"));
    assertThat(BY_REVENUE.tierOf(lead("c2").attribute("revenue", " 1000.0 ").build()))
        .isEqualTo(Tier.of("A"));
    assertThat(BY_REVENUE.tierOf(lead("c3").attribute("revenue", "12").value(1e9).build()))
        .isEqualTo(Tier.of("B"));
  }

  @Test
  void byAttribute_missingAttribute_failsNamingLeadAndAttribute() {
    assertThatThrownBy(() -> BY_REVENUE.tierOf(lead("c7").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c7: attribute 'revenue' is needed by the tier rule but missing");
  }

  @Test
  void byAttribute_notANumber_failsNamingLeadAttributeAndText() {
    assertThatThrownBy(() -> BY_REVENUE.tierOf(lead("c7").attribute("revenue", "lots").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c7: attribute 'revenue' must be a number for the tier rule, was 'lots'")
        .hasCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void tierOf_leadWithItsOwnTier_keepsIt() {
    assertThat(BY_REVENUE.tierOf(lead("c1").tier("A").build())).isEqualTo(Tier.of("A"));
    assertThat(BY_VALUE.tierOf(lead("c2").tier("C").value(1e6).build())).isEqualTo(Tier.of("C"));
  }

  @Test
  void thresholds_increasing_failNamingBoth() {
    assertThatThrownBy(
            () -> TierRule.byValue().threshold("A", 10).threshold("B", 100).otherwise("C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tier rule thresholds must be strictly decreasing, but Threshold[tier=B, min=100.0]"
                + " follows Threshold[tier=A, min=10.0]");
  }

  @Test
  void thresholds_equal_fail() {
    assertThatThrownBy(
            () -> TierRule.byValue().threshold("A", 10).threshold("B", 10).otherwise("C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tier rule thresholds must be strictly decreasing");
  }

  @Test
  void threshold_notFinite_failsNamingTier() {
    assertThatThrownBy(() -> TierRule.byValue().threshold("A", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold for tier A must be finite, was NaN");
  }

  @Test
  void byAttribute_blankName_fails() {
    assertThatThrownBy(() -> TierRule.byAttribute(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier rule attribute must not be blank");
  }

  @Test
  void policy_withRule_derivesTiersOfLeadsWithoutOne() {
    Policy p = Policy.builder().tierRule(BY_VALUE).build();
    assertThat(p.tierOf(lead("c1").value(200_000).build())).isEqualTo(Tier.of("A"));
    assertThat(p.tierOf(lead("c2").value(200_000).tier("B").build())).isEqualTo(Tier.of("B"));
  }
}
