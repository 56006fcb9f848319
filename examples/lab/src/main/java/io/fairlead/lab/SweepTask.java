package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One task of a {@link Sweep}: which scenario, which policy under which parameters, which seed. A
 * description, not a closure: names, strings and a number, so it can be sent to another thread,
 * process or machine (it is {@link Serializable}) and run there by the same {@link Sweep}.
 *
 * <pre>{@code
 * for (SweepTask task : sweep.tasks()) {
 *   SweepRow row = sweep.run(task); // one full scenario run
 * }
 * }</pre>
 *
 * <p>Immutable; {@code parameters} keeps the sweep's grid order.
 *
 * @param index its place in the sweep's order, from 0
 * @param scenario the scenario's name, as the sweep lists it
 * @param policy the policy's name
 * @param parameters the grid's values for this task, by parameter name, in the grid's order (empty
 *     without a grid)
 * @param seed the seed the scenario is built with
 * @since 0.1.0
 */
public record SweepTask(
    int index, String scenario, String policy, Map<String, String> parameters, long seed)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public SweepTask {
    if (index < 0) {
      throw new IllegalArgumentException("sweep task: index must be >= 0, was " + index);
    }
    requireNonNull(scenario, "sweep task: scenario");
    requireNonNull(policy, "sweep task: policy");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * The policy variant's name: the policy's, followed by the parameters, for example {@code
   * "rebalancing maxMovesShare=0.02"}; the policy's name alone without parameters.
   */
  public String variant() {
    if (parameters.isEmpty()) {
      return policy;
    }
    return policy
        + " "
        + parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }
}
