package io.fairlead.core.check;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of fairness assertions: expectations a data team writes in its own tests, which
 * throw {@link AssertionError} with the offending reps and figures. No test library is needed; any
 * framework reports an {@code AssertionError} as a failure.
 *
 * <pre>{@code
 * FairnessAssertions.assertThat(allocation)
 *     .noRepAbove(1.10, Measure.LEADS)          // of its weighted fair share
 *     .topTierWithinBound(0.05)                 // gaps().topTierGap() <= 5 %
 *     .feasible()
 *     .noUnassignedExcept(UnassignedReason.Kind.NO_ELIGIBLE_REP);
 *
 * FairnessAssertions.assertThatRuns(nights)    // a LinkedHashMap<LocalDate, Allocation>, in order
 *     .noRepStarvedLongerThan(2)
 *     .eachRun(night -> night.feasible().noRepAbove(1.5, Measure.RECEIPTS));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class FairnessAssertions {

  private FairnessAssertions() {}

  /** Expectations on one allocation; failures name it by its {@link Allocation#method()}. */
  public static AllocationAssert assertThat(Allocation allocation) {
    requireNonNull(allocation, "allocation");
    return new AllocationAssert(allocation, allocation.method());
  }

  /**
   * Expectations on a sequence of allocations (nightly batches of a period, in order), named {@code
   * "run 1"}, {@code "run 2"}, ….
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public static RunsAssert assertThatRuns(List<Allocation> runs) {
    requireNonNull(runs, "runs");
    Map<String, Allocation> named = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      named.put("run " + (i + 1), requireNonNull(runs.get(i), "runs: run " + (i + 1) + " is null"));
    }
    return assertThatRuns(named);
  }

  /**
   * Expectations on a sequence of allocations, in the map's iteration order (a {@code
   * LinkedHashMap} or a {@code TreeMap} of dates), each named by its key's {@code toString()}.
   *
   * @throws IllegalArgumentException if the map is empty
   */
  public static RunsAssert assertThatRuns(Map<?, Allocation> runs) {
    requireNonNull(runs, "runs");
    checkArgument(!runs.isEmpty(), "runs: at least one run is needed");
    List<String> labels = new ArrayList<>();
    List<Allocation> allocations = new ArrayList<>();
    runs.forEach(
        (label, a) -> {
          String l = String.valueOf(requireNonNull(label, "runs: a run's key is null"));
          labels.add(l);
          allocations.add(requireNonNull(a, () -> "runs: run " + l + " is null"));
        });
    return new RunsAssert(labels, allocations);
  }
}
