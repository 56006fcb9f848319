package io.fairlead.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepTest {

  @Test
  void capacity_negative_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").capacity(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: capacity must be >= 0, was -1");
  }

  @Test
  void heldOutside_negative_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").heldOutside(-2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: heldOutside must be >= 0, was -2");
  }

  @Test
  void newLeadCap_negative_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").newLeadCap(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: newLeadCap must be >= 0, was -1");
  }

  @Test
  void share_outsideItsDomain_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").share(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: share must be in [0.05, 1] (leave is available = false), was 0.0");
    assertThatThrownBy(() -> Rep.builder("ana").share(1.5).build()).hasMessageContaining("was 1.5");
    assertThatThrownBy(() -> Rep.builder("ana").share(Double.NaN).build())
        .hasMessageContaining("was NaN");
    assertThat(Rep.builder("ana").share(0.05).build().share()).isEqualTo(0.05);
  }

  @Test
  void weight_zero_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").weight(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: weight must be finite and > 0, was 0.0");
  }

  @Test
  void weight_nan_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").weight(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: weight must be finite and > 0, was NaN");
  }

  @Test
  void weight_infinite_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").weight(Double.POSITIVE_INFINITY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: weight must be finite and > 0, was Infinity");
  }

  @Test
  void regions_blankValue_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").regions("East", " ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: regions must not hold blank values");
  }

  @Test
  void industries_blankValue_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").industries("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: industries must not hold blank values");
  }

  @Test
  void preferredIndustries_blankValue_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").preferredIndustries("\t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: preferredIndustries must not hold blank values");
  }

  @Test
  void role_null_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").role(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: role must be set (HUNTER, FARMER or BOTH)");
  }

  @Test
  void companySizes_null_failsNamingRepAndField() {
    assertThatThrownBy(() -> Rep.builder("ana").companySizes(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: companySizes must be set");
  }

  @Test
  void builder_defaults_anyRegionBothRolesNoCapsWeightOne() {
    Rep ana = Rep.builder("ana").build();

    assertThat(ana.regions()).isEmpty();
    assertThat(ana.industries()).isEmpty();
    assertThat(ana.allowedTiers()).isEmpty();
    assertThat(ana.role()).isEqualTo(Role.BOTH);
    assertThat(ana.companySizes()).isEqualTo(SizeRange.ANY);
    assertThat(ana.capacity()).isEqualTo(Rep.UNLIMITED);
    assertThat(ana.newLeadCap()).isEqualTo(Rep.UNLIMITED);
    assertThat(ana.heldOutside()).isZero();
    assertThat(ana.available()).isTrue();
    assertThat(ana.weight()).isEqualTo(1.0);
  }

  @Test
  void regions_callerSetChangedLater_repKeepsItsCopy() {
    Set<String> regions = new HashSet<>(Set.of("East"));
    Rep ana =
        new Rep(
            RepId.of("ana"),
            regions,
            Set.of(),
            new HashSet<>(),
            Role.BOTH,
            SizeRange.ANY,
            1,
            0,
            1,
            true,
            1,
            1,
            Set.of());
    regions.add("West");

    assertThat(ana.regions()).containsExactly("East");
    assertThatThrownBy(() -> ana.regions().add("North"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void allowedTiers_immutableSet_isAccepted() {
    Rep ana =
        new Rep(
            RepId.of("ana"),
            Set.of(),
            Set.of(),
            Set.of(Tier.of("A")),
            Role.BOTH,
            SizeRange.ANY,
            1,
            0,
            1,
            true,
            1,
            1,
            Set.of());
    assertThat(ana.allowedTiers()).containsExactly(Tier.of("A"));
    assertThat(
            new Rep(
                ana.id(),
                ana.regions(),
                ana.industries(),
                ana.allowedTiers(),
                ana.role(),
                ana.companySizes(),
                ana.capacity(),
                ana.heldOutside(),
                ana.newLeadCap(),
                ana.available(),
                ana.weight(),
                ana.share(),
                ana.preferredIndustries()))
        .isEqualTo(ana);
  }

  @Test
  void allowedTiers_nullTier_failsNamingRepAndField() {
    Set<Tier> tiers = new HashSet<>();
    tiers.add(null);
    assertThatThrownBy(
            () ->
                new Rep(
                    RepId.of("ana"),
                    Set.of(),
                    Set.of(),
                    tiers,
                    Role.BOTH,
                    SizeRange.ANY,
                    1,
                    0,
                    1,
                    true,
                    1,
                    1,
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep ana: allowedTiers must not hold null");
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualRep() {
    Rep ana =
        Rep.builder("ana")
            .regions("East")
            .industries("retail")
            .tiers("A", "B")
            .role(Role.FARMER)
            .companySizes(SizeRange.of(10, 99))
            .capacity(50)
            .heldOutside(3)
            .newLeadCap(5)
            .available(false)
            .weight(1.5)
            .preferredIndustries("retail")
            .build();
    assertThat(ana.toBuilder().build()).isEqualTo(ana);
  }

  @Test
  void sizeRange_maxBelowMin_failsNamingBoth() {
    assertThatThrownBy(() -> SizeRange.of(100, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size range max must be >= min (100), was 99");
  }

  @Test
  void role_works_matchesKinds() {
    assertThat(Role.HUNTER.works(LeadKind.NEW_BUSINESS)).isTrue();
    assertThat(Role.HUNTER.works(LeadKind.EXISTING_CUSTOMER)).isFalse();
    assertThat(Role.FARMER.works(LeadKind.NEW_BUSINESS)).isFalse();
    assertThat(Role.FARMER.works(LeadKind.EXISTING_CUSTOMER)).isTrue();
    assertThat(Role.BOTH.works(LeadKind.NEW_BUSINESS)).isTrue();
  }
}
