package io.fairlead.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LeadTest {

  private static Lead.Builder c42() {
    return Lead.builder("c42").region("East").industry("retail");
  }

  @Test
  void value_nan_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().value(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: value must be in [0, 1e15], was NaN");
  }

  @Test
  void value_negative_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().value(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: value must be in [0, 1e15], was -1.0");
  }

  @Test
  void value_infinite_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().value(Double.POSITIVE_INFINITY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: value must be in [0, 1e15], was Infinity");
  }

  @Test
  void region_blank_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().region("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: region must not be blank");
  }

  @Test
  void regionAndIndustry_missing_areAbsent() {
    Lead lead = Lead.builder("c42").build();
    assertThat(lead.region()).isEmpty();
    assertThat(lead.industry()).isEmpty();
  }

  @Test
  void builder_clearsWhatItWasGiven() {
    Lead owned = c42().currentOwner("ana").tier("A").build();
    Lead cleared =
        owned.toBuilder().clearCurrentOwner().clearRegion().clearIndustry().clearTier().build();

    assertThat(cleared.currentOwner()).isEmpty();
    assertThat(cleared.region()).isEmpty();
    assertThat(cleared.industry()).isEmpty();
    assertThat(cleared.tier()).isEmpty();
    assertThatThrownBy(() -> owned.toBuilder().locked(true).clearCurrentOwner().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: locked requires a currentOwner");
  }

  @Test
  void value_aboveTheLargest_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().value(1.8e305).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: value must be in [0, 1e15], was 1.8E305");
    assertThat(c42().value(Lead.MAX_VALUE).build().value()).isEqualTo(1e15);
  }

  @Test
  void text_withALoneSurrogate_failsNamingTheField() {
    assertThatThrownBy(() -> Lead.builder("c\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "lead id must be well-formed text, but holds a lone surrogate (\\uD800) at index 1");
    assertThatThrownBy(() -> c42().region("East\uDC00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lead c42: region must be well-formed text");
    assertThatThrownBy(() -> c42().attribute("lang", "\uD83D").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lead c42: attribute 'lang' must be well-formed text");
    assertThat(Lead.builder("c\uD83D\uDE00").build().id().value()).hasSize(3); // a real pair
  }

  @Test
  void names_writtenAsJsonFieldNames_areAtMostTheParsersLimit() {
    String longest = "a".repeat(50_000);
    assertThat(c42().attribute(longest, "1").tier("B".repeat(50_000)).build().attributes())
        .containsKey(longest);
    assertThatThrownBy(() -> c42().attribute(longest + "a", "1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "lead c42: attribute name must be at most 50000 characters (it is written as a JSON"
                + " field name), was 50001 characters");
    assertThatThrownBy(() -> Tier.of("B".repeat(50_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tier name must be at most 50000 characters");
  }

  @Test
  void industry_blank_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().industry("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: industry must not be blank");
  }

  @Test
  void companySize_negative_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().companySize(-5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: companySize must be >= 0, was -5");
  }

  @Test
  void winProbability_aboveOne_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().winProbability(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: winProbability must be in [0, 1], was 1.5");
  }

  @Test
  void winProbability_negative_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().winProbability(-0.1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: winProbability must be in [0, 1], was -0.1");
  }

  @Test
  void winProbability_bounds_areAllowed() {
    assertThat(c42().winProbability(0).build().winProbability()).isEqualTo(OptionalDouble.of(0));
    assertThat(c42().winProbability(1).build().winProbability()).isEqualTo(OptionalDouble.of(1));
  }

  @Test
  void kind_null_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().kind(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: kind must be set (NEW_BUSINESS or EXISTING_CUSTOMER)");
  }

  @Test
  void locked_withoutOwner_failsNamingLeadAndField() {
    assertThatThrownBy(() -> c42().locked(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: locked requires a currentOwner");
  }

  @Test
  void locked_withOwner_isKept() {
    Lead lead = c42().currentOwner("ana").locked(true).build();
    assertThat(lead.locked()).isTrue();
    assertThat(lead.currentOwner()).contains(RepId.of("ana"));
  }

  @Test
  void attributes_nullValue_failsNamingLead() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("lang", null);
    assertThatThrownBy(
            () ->
                new Lead(
                    LeadId.of("c42"),
                    Optional.of("East"),
                    Optional.of("retail"),
                    0,
                    0,
                    OptionalDouble.empty(),
                    Optional.empty(),
                    LeadKind.NEW_BUSINESS,
                    Optional.empty(),
                    false,
                    attributes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c42: attributes must not hold null keys or values");
  }

  @Test
  void attributes_callerMapChangedLater_leadKeepsItsCopy() {
    Map<String, String> attributes = new HashMap<>(Map.of("lang", "fr"));
    Lead lead =
        new Lead(
            LeadId.of("c42"),
            Optional.of("East"),
            Optional.of("retail"),
            0,
            0,
            OptionalDouble.empty(),
            Optional.empty(),
            LeadKind.NEW_BUSINESS,
            Optional.empty(),
            false,
            attributes);
    attributes.put("lang", "de");
    attributes.put("size", "big");

    assertThat(lead.attributes()).containsExactly(Map.entry("lang", "fr"));
    assertThatThrownBy(() -> lead.attributes().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_reusedAfterBuild_earlierLeadUnchanged() {
    Lead.Builder b = c42().attribute("lang", "fr");
    Lead first = b.build();
    b.attribute("lang", "de").value(10);
    Lead second = b.build();

    assertThat(first.attributes()).containsEntry("lang", "fr");
    assertThat(first.value()).isZero();
    assertThat(second.attributes()).containsEntry("lang", "de");
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualLead() {
    Lead lead =
        c42()
            .companySize(120)
            .value(25_000)
            .winProbability(0.4)
            .tier("A")
            .kind(LeadKind.EXISTING_CUSTOMER)
            .currentOwner("ana")
            .locked(true)
            .attribute("k", "v")
            .build();
    assertThat(lead.toBuilder().build()).isEqualTo(lead);
  }

  @Test
  void expectedValue_withAndWithoutProbability() {
    assertThat(c42().value(1000).winProbability(0.25).build().expectedValue()).isEqualTo(250.0);
    assertThat(c42().value(1000).build().expectedValue()).isEqualTo(1000.0);
  }

  @Test
  void leadId_blank_fails() {
    assertThatThrownBy(() -> LeadId.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead id must not be blank");
  }
}
