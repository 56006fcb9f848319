package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario lab: replays one scenario's stream into a fresh book per policy and measures each
 * week. Like Caffeine's simulator, every policy is fed the same input, and the answer is one
 * result.
 *
 * <pre>{@code
 * LabResult result = Lab.run(scenario);
 * result.runs().forEach(run -> System.out.println(run.verdict()));
 * }</pre>
 *
 * <p>Each run: a {@code Book} under the policy, the scenario's lifecycle and allocator, and a clock
 * the lab moves day by day (09:00 UTC on each day, then minutes on). On each day, in order: the
 * roster events of the day, the book's {@code startDay} (covers, hand-backs, reclaims), the day's
 * leads (routed or added to the pool, by the schedule), the batch (nightly, or on the last day of a
 * week), the rebalance (if due and the policy allows rebalancing), and at a week's end the book is
 * measured. The {@code "history"} run adds each lead with its recorded owner as {@code
 * currentOwner} (a lead without a record, or whose recorded owner is not on the team that day, goes
 * to the pool and stays there), never places or rebalances, and is measured under the first policy.
 *
 * <p>Deterministic: the same scenario gives an equal result on every run (the default allocator is
 * seeded with the scenario's seed and ends its search on a move budget). Runs one policy after the
 * other on the calling thread; a sweep runs scenarios in parallel itself.
 *
 * @since 0.1.0
 */
public final class Lab {

  private Lab() {}

  /** Runs the scenario quietly. */
  public static LabResult run(Scenario scenario) {
    return run(scenario, LabListener.QUIET);
  }

  /** Runs the scenario, telling the listener how it goes. */
  public static LabResult run(Scenario scenario, LabListener listener) {
    requireNonNull(scenario, "scenario");
    requireNonNull(listener, "listener");
    Allocator allocator =
        scenario.allocator().orElseGet(() -> new SeededAllocator(scenario.seed()));
    long start = System.nanoTime();
    int runs = scenario.policies().size() + (scenario.history().isEmpty() ? 0 : 1);
    List<PolicyRun> out = new ArrayList<>(runs);
    for (Map.Entry<String, Policy> e : scenario.policies().entrySet()) {
      out.add(
          new PolicyReplay(scenario, e.getKey(), e.getValue(), false, allocator, listener)
              .run(out.size() + 1, runs, start));
    }
    if (!scenario.history().isEmpty()) {
      Policy first = scenario.policies().values().iterator().next();
      out.add(
          new PolicyReplay(scenario, Scenario.HISTORY, first, true, allocator, listener)
              .run(out.size() + 1, runs, start));
    }
    return new LabResult(scenario.name(), scenario.start(), scenario.days(), scenario.seed(), out);
  }
}
