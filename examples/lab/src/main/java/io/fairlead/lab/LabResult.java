package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Lab#run(Scenario)} found: one run per policy, in the scenario's order, then the
 * {@code "history"} run when the scenario has recorded owners. Immutable; equal for the same
 * scenario (same seed).
 *
 * <pre>{@code
 * LabResult r = Lab.run(scenario);
 * for (PolicyRun run : r.runs()) System.out.println(run.verdict());
 * double gini = r.run("receipts").weeks().get(3).countGini();
 * }</pre>
 *
 * @param scenario the scenario's name
 * @param start its first day
 * @param days its horizon
 * @param seed its seed
 * @param runs the runs
 * @since 0.1.0
 */
public record LabResult(
    String scenario, LocalDate start, int days, long seed, List<PolicyRun> runs) {

  public LabResult {
    requireNonNull(scenario, "scenario");
    requireNonNull(start, "start");
    runs = List.copyOf(runs);
  }

  /**
   * The run of a policy.
   *
   * @throws IllegalArgumentException naming the runs there are, if none has that name
   */
  public PolicyRun run(String policy) {
    return runs.stream()
        .filter(r -> r.policy().equals(policy))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no run of policy '"
                        + policy
                        + "'; the runs are "
                        + runs.stream().map(PolicyRun::policy).toList()));
  }
}
