package io.fairlead.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Starvation over a hand-made sequence of nightly runs: each night one East lead, given to the rep
 * the test names, so who was passed over is known in advance.
 */
class RunsAssertTest {

  private static final Rep ANA = Rep.builder("ana").build();
  private static final Rep BOB = Rep.builder("bob").build();
  private static final Rep CY = Rep.builder("cy").build();

  /** One night: one lead per owner given ("-" leaves it unassigned), on the roster given. */
  private static Allocation night(int n, List<Rep> roster, String... owners) {
    List<Lead> leads = new ArrayList<>();
    Map<LeadId, RepId> held = new java.util.LinkedHashMap<>();
    for (int i = 0; i < owners.length; i++) {
      Lead lead = Lead.builder("n" + n + "-" + (i + 1)).region("East").industry("retail").build();
      leads.add(lead);
      if (!owners[i].equals("-")) {
        held.put(lead.id(), RepId.of(owners[i]));
      }
    }
    return Allocation.of(
        Problem.of(Policy.defaults(), roster, leads), held, "nightly", Duration.ZERO);
  }

  @Test
  void runOf_starvedReceivedOrCouldTakeNone_asDefined() {
    // bob is full (capacity 0), cy on leave, dan covers West only: none could take the East lead.
    List<Rep> roster =
        List.of(
            ANA,
            Rep.builder("bob").capacity(0).build(),
            Rep.builder("cy").available(false).build(),
            Rep.builder("dan").regions("West").build(),
            Rep.builder("eve").build());

    assertThat(RunsAssert.runOf(night(1, roster, "ana")))
        .containsExactly(
            Map.entry(RepId.of("ana"), RunsAssert.Run.RECEIVED),
            Map.entry(RepId.of("bob"), RunsAssert.Run.COULD_TAKE_NONE),
            Map.entry(RepId.of("cy"), RunsAssert.Run.COULD_TAKE_NONE),
            Map.entry(RepId.of("dan"), RunsAssert.Run.COULD_TAKE_NONE),
            Map.entry(RepId.of("eve"), RunsAssert.Run.STARVED));
  }

  @Test
  void noRepStarvedLongerThan_listsTheLongestStreaksFirst_withTheirRuns() {
    // ana takes every lead for four nights; bob is passed over four nights in a row. cy is on
    // leave on 03-03: that night neither counts nor ends its streak, so it was starved on three
    // consecutive nights it could take a lead (03-01, 03-02, 03-04).
    List<Rep> all = List.of(ANA, BOB, CY);
    List<Rep> cyAway = List.of(ANA, BOB, Rep.builder("cy").available(false).build());
    Map<LocalDate, Allocation> nights = new TreeMap<>();
    nights.put(LocalDate.of(2024, 3, 1), night(1, all, "ana"));
    nights.put(LocalDate.of(2024, 3, 2), night(2, all, "ana"));
    nights.put(LocalDate.of(2024, 3, 3), night(3, cyAway, "ana"));
    nights.put(LocalDate.of(2024, 3, 4), night(4, all, "ana"));

    assertThatCode(() -> FairnessAssertions.assertThatRuns(nights).noRepStarvedLongerThan(4))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> FairnessAssertions.assertThatRuns(nights).noRepStarvedLongerThan(2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected no rep starved for more than 2 consecutive runs (of 4 runs), but 2 reps"
                + " were, longest first:\n"
                + "  bob was starved in 4 consecutive runs, from 2024-03-01 to 2024-03-04: each"
                + " time it could have taken a lead and received none\n"
                + "  cy was starved in 3 consecutive runs, from 2024-03-01 to 2024-03-04: each"
                + " time it could have taken a lead and received none");
    assertThatThrownBy(() -> FairnessAssertions.assertThatRuns(nights).noRepStarvedLongerThan(3))
        .hasMessageContaining("but 1 rep was:\n  bob was starved in 4 consecutive runs");
  }

  @Test
  void aLeadReceived_endsTheStreak() {
    // bob: starved, starved, receives, starved, starved: its longest streak is 2 (the first of
    // two). ana, passed over on night 3 only, has a streak of 1.
    List<Rep> two = List.of(ANA, BOB);
    List<Allocation> runs =
        List.of(
            night(1, two, "ana"),
            night(2, two, "ana"),
            night(3, two, "bob"),
            night(4, two, "ana"),
            night(5, two, "ana"));

    assertThatCode(() -> FairnessAssertions.assertThatRuns(runs).noRepStarvedLongerThan(2))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> FairnessAssertions.assertThatRuns(runs).noRepStarvedLongerThan(1))
        .hasMessage(
            "expected no rep starved for more than 1 consecutive run (of 5 runs), but 1 rep was:\n"
                + "  bob was starved in 2 consecutive runs, from run 1 to run 2: each time it could"
                + " have taken a lead and received none");
  }

  @Test
  void eachRun_namesTheRunThatFails() {
    List<Rep> two = List.of(ANA, BOB);
    List<Allocation> runs = List.of(night(1, two, "ana", "bob"), night(2, two, "ana", "ana"));

    assertThatThrownBy(
            () ->
                FairnessAssertions.assertThatRuns(runs)
                    .eachRun(run -> run.noRepAbove(1.5, Measure.LEADS)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "run 2 (nightly): expected no rep above 150 % of its fair share of leads, but 1 of 2"
                + " reps is:\n"
                + "  ana holds 2 leads, 200 % of its fair share of 1, 0.5 over its limit of 1.5");
  }

  @Test
  void arguments_areValidated() {
    assertThatThrownBy(() -> FairnessAssertions.assertThatRuns(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runs: at least one run is needed");
    List<Allocation> one = List.of(night(1, List.of(ANA), "ana"));
    assertThatThrownBy(() -> FairnessAssertions.assertThatRuns(one).noRepStarvedLongerThan(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("noRepStarvedLongerThan: runs must be >= 0, was -1");
  }
}
