package io.fairlead.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Small books where most leads are kept or locked: OptaPlanner must not warn "Bailing out of
 * neverEnding selector" (its pinned-entity filter giving up after ten times the lead count of
 * pinned draws in a row), which it did a few times per solve with one free lead among many pinned
 * ones. Reads slf4j-simple's output on standard error (see simplelogger.properties).
 */
class LeadAllocatorWarningTest {

  private static final String BAIL_OUT = "Bailing out of neverEnding selector";

  private static Lead.Builder lead(int i, String region) {
    return Lead.builder("l" + i).region(region).industry("tech").value(1_000 + 37 * i);
  }

  /** One free lead and 19 leads locked to r0, all in the only rep's region. */
  private static Problem oneFreeAmongLocked() {
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      leads.add(lead(i, "north").currentOwner("r0").locked(true).build());
    }
    leads.add(lead(19, "north").build());
    return Problem.of(
        Policy.defaults(), List.of(Rep.builder("r0").regions("north").build()), leads);
  }

  /** Two territories (solved as two parts), each with one free lead and ten kept ones. */
  private static Problem oneFreeAmongKeptPerTerritory() {
    List<Rep> reps =
        List.of(
            Rep.builder("n0").regions("north").build(), Rep.builder("s0").regions("south").build());
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      leads.add(
          lead(i, i % 2 == 0 ? "north" : "south").currentOwner(i % 2 == 0 ? "n0" : "s0").build());
    }
    leads.add(lead(20, "north").build());
    leads.add(lead(21, "south").build());
    return Problem.of(Policy.defaults(), reps, leads);
  }

  /** What is logged to standard error while {@code r} runs. */
  private static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void warningsOfOptaPlannersSelectors_reachStandardError() {
    // Guards the test below: a warning of the selector package must be seen here.
    String err =
        stderrOf(
            () ->
                LoggerFactory.getLogger(
                        "org.optaplanner.core.impl.heuristic.selector.entity.decorator.Probe")
                    .warn(BAIL_OUT + " (probe)"));
    assertThat(err).contains(BAIL_OUT + " (probe)");
  }

  @Test
  void allocate_oneFreeLeadAmongManyPinned_logsNoBailOut() {
    for (Problem problem : List.of(oneFreeAmongLocked(), oneFreeAmongKeptPerTerritory())) {
      for (long seed = 0; seed < 3; seed++) {
        LeadAllocator allocator = LeadAllocator.builder().seed(seed).build();
        String err = stderrOf(() -> allocator.allocate(problem));
        assertThat(err.lines().filter(l -> l.contains(BAIL_OUT))).as("seed %s", seed).isEmpty();
      }
    }
  }
}
