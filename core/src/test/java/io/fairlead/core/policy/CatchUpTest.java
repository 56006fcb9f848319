package io.fairlead.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one calibration: the credit of a rep that joins, returns or whose weight rises. Scenario of
 * every case: ana and bob (weight 1) have 6 leads each, cat has 3.
 */
class CatchUpTest {

  @Test
  void none_raisesToTheOthersWeightedMean() {
    assertThat(CatchUp.NONE.calibrate(3, 1, 12, 2)).isEqualTo(6.0);
  }

  @Test
  void capped_raisesToTheMeanMinusN_butNotBelowTheCreditItHas() {
    assertThat(CatchUp.capped(2).calibrate(3, 1, 12, 2)).isEqualTo(4.0);
    assertThat(CatchUp.capped(5).calibrate(3, 1, 12, 2)).isEqualTo(3.0);
  }

  @Test
  void full_keepsTheCredit() {
    assertThat(CatchUp.FULL.calibrate(3, 1, 12, 2)).isEqualTo(3.0);
  }

  @Test
  void weight_scalesTheLevel() {
    // 6 leads per unit of weight among the others: a rep of weight 2 starts at 12, of 0.5 at 3.
    assertThat(CatchUp.NONE.calibrate(0, 2, 12, 2)).isEqualTo(12.0);
    assertThat(CatchUp.NONE.calibrate(0, 0.5, 12, 2)).isEqualTo(3.0);
  }

  @Test
  void aheadOfTheOthers_isNeverLowered() {
    assertThat(CatchUp.NONE.calibrate(9, 1, 12, 2)).isEqualTo(9.0);
  }

  @Test
  void noOtherActiveRep_keepsTheCredit() {
    assertThat(CatchUp.NONE.calibrate(1.5, 1, 0, 0)).isEqualTo(1.5);
  }

  @Test
  void badNumbers_areRefusedNamingTheArgument() {
    assertThatThrownBy(() -> CatchUp.NONE.calibrate(Double.NaN, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calibrate: credited must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> CatchUp.NONE.calibrate(0, 0, 0, 0))
        .hasMessage("calibrate: weight must be > 0, was 0.0");
    assertThatThrownBy(() -> CatchUp.NONE.calibrate(0, 1, -1, 1))
        .hasMessage("calibrate: othersCredited must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> CatchUp.NONE.calibrate(0, 1, 1, Double.POSITIVE_INFINITY))
        .hasMessage("calibrate: othersWeight must be finite and >= 0, was Infinity");
  }

  @Test
  void textForm_roundTrips() {
    for (CatchUp c : List.of(CatchUp.NONE, CatchUp.FULL, CatchUp.capped(3))) {
      assertThat(CatchUp.parse(c.toString())).isEqualTo(c);
    }
    assertThat(CatchUp.capped(0)).isEqualTo(CatchUp.NONE);
    assertThat(CatchUp.capped(3)).hasToString("CAPPED(3)");
    assertThatThrownBy(() -> CatchUp.parse("SOME"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SOME'");
    assertThatThrownBy(() -> CatchUp.capped(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLeads must be >= 0, was -1");
  }

  @Test
  void policy_defaultsToNone_andRefusesSettingItTwice() {
    assertThat(Policy.defaults().catchUp()).isEqualTo(CatchUp.NONE);
    assertThat(Policy.builder().catchUp(CatchUp.FULL).build().catchUp()).isEqualTo(CatchUp.FULL);
    assertThatThrownBy(() -> Policy.builder().catchUp(CatchUp.FULL).catchUp(CatchUp.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy option 'catchUp' is set twice");
  }
}
