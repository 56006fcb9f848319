package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.LeadAllocator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario lab for data teams, in the manner of Caffeine's simulator: the same input (the Maven
 * CRM reps and open deals) goes to the optimiser under several policies, and one report puts the
 * results side by side. Change {@link #scenarios()} to try your own policies.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.PolicyScenarios \
 *     -Dexec.args="10"              # seconds per scenario, default 10
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.PolicyScenarios \
 *     -Dexec.args="--no-timings"    # as docs/examples.md shows it
 * </pre>
 *
 * <p>The scenarios:
 *
 * <ul>
 *   <li>{@code keep-owners}: every rep counts the same (weights bounded to {@code [1, 1]}); deals
 *       already being worked stay with their agent when the rules allow it.
 *   <li>{@code rebalance-freely}: every rep counts the same; any deal may move, at a low continuity
 *       cost (0.1 instead of 1).
 *   <li>{@code value-heavy-top-performers}: owners kept; the win-rate weights count (bounded to
 *       {@code [0.8, 1.25]}); value balance weighs 3 and A-tier balance 6.
 * </ul>
 */
public final class PolicyScenarios {

  /** A named policy. */
  record Scenario(String name, Policy policy) {}

  /** The solver's time limit per scenario when none is given. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  static final long SEED = 42;

  private PolicyScenarios() {}

  /** The policies compared, in report order. */
  static List<Scenario> scenarios() {
    return List.of(
        new Scenario(
            "keep-owners",
            Policy.builder().tierRule(MavenCrmData.tierRule()).weightBounds(1, 1).build()),
        new Scenario(
            "rebalance-freely",
            Policy.builder()
                .tierRule(MavenCrmData.tierRule())
                .weightBounds(1, 1)
                .allowRebalancing(true)
                .weight(Objective.CONTINUITY, 0.1)
                .build()),
        new Scenario(
            "value-heavy-top-performers",
            MavenCrmData.policyBuilder().weight(Objective.VALUE, 3).tierWeight("A", 6).build()));
  }

  /**
   * Runs every scenario. Arguments: the time limit per scenario in seconds (default 10), and
   * {@value Timings#FLAG} to leave out the elapsed times.
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    Timings timings = Timings.take(rest);
    Duration limit =
        rest.isEmpty() ? DEFAULT_TIME_LIMIT : Duration.ofSeconds(Long.parseLong(rest.get(0)));
    run(limit, timings, System.out);
  }

  /**
   * Runs every scenario on the same reps and leads and prints one report.
   *
   * @param timeLimit the solver's time limit per scenario (a safety cap: each search normally ends
   *     on its move budget well before)
   * @param timings whether the table ends with each scenario's elapsed time
   * @return the allocations, one per scenario in report order
   */
  public static List<Allocation> run(Duration timeLimit, Timings timings, PrintStream out) {
    MavenCrmData crm = MavenCrmData.load();
    List<Rep> reps = crm.reps();
    List<Lead> leads = crm.leads();
    out.println(
        "Policy scenarios on the Maven CRM sample: "
            + reps.size()
            + " reps, "
            + leads.size()
            + " open deals, the same input to every policy, "
            + timeLimit.toSeconds()
            + " s each");
    List<String> titles = new ArrayList<>();
    List<Allocation> results = new ArrayList<>();
    for (Scenario s : scenarios()) {
      Problem problem = Problem.of(s.policy(), reps, leads);
      LeadAllocator solver =
          LeadAllocator.builder().policy(s.policy()).timeLimit(timeLimit).seed(SEED).build();
      titles.add(s.name());
      results.add(solver.allocate(problem));
    }
    out.println();
    FairnessReport.print(out, titles, results, timings);
    out.println();
    out.println(
        "Spreads are over leads/weight with each policy's own weight bounds (equal weights for "
            + "the first two), so a spread measures fairness as that policy defines it. Soft scores are "
            + "not comparable across policies (different objective weights).");
    return results;
  }
}
