package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.LeadAllocator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The Maven CRM sample solved by fairlead and by the allocators CRMs use today, compared side by
 * side: the optimiser ({@code fairlead}), round robin, least busy, and the sample's own historical
 * assignment. All four are measured by the same {@code FairnessMetrics} in the same run.
 *
 * <pre>
 * mvn -q install -DskipTests
 * mvn -q -pl examples exec:java                               # 20 s time limit
 * mvn -q -pl examples exec:java -Dexec.args="5"               # 5 s time limit
 * mvn -q -pl examples exec:java -Dexec.args="--no-timings"    # as docs/examples.md shows it
 * </pre>
 *
 * <p>The seed is fixed, so the output is the same on every machine whenever the search ends on its
 * move budget (a few seconds here, well within the default limit), except the elapsed times, which
 * {@link Timings#OMIT} leaves out. A limit set low on purpose may cut the search short, and then
 * the result depends on machine speed.
 */
public final class MavenCrmDemo {

  /** The solver's time limit when none is given. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(20);

  /** The solver's random seed. */
  static final long SEED = 42;

  private MavenCrmDemo() {}

  /**
   * Runs the demo. Arguments: the solver's time limit in seconds (1 to 30, default 20), and {@value
   * Timings#FLAG} to leave out the elapsed times.
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    Timings timings = Timings.take(rest);
    Duration limit = DEFAULT_TIME_LIMIT;
    if (rest.size() > 1) {
      throw new IllegalArgumentException(
          "usage: MavenCrmDemo [SECONDS] [" + Timings.FLAG + "], was " + List.of(args));
    }
    if (!rest.isEmpty()) {
      long seconds = Long.parseLong(rest.get(0));
      if (seconds < 1 || seconds > 30) {
        throw new IllegalArgumentException("time limit must be 1..30 seconds, was " + seconds);
      }
      limit = Duration.ofSeconds(seconds);
    }
    run(limit, timings, System.out);
  }

  /**
   * What keeping owners costs, bound against bound (whoever allocates): the best count and value
   * balance with owners kept, and with every lead free; then how the search ended and the value
   * unit the gaps count in.
   */
  static void printPriceOfContinuity(PrintStream out, Allocation a) {
    BoundGaps kept = a.gaps();
    BoundGaps free = a.freeGaps();
    SearchReport s = a.search();
    out.println();
    if (free.maxPlaceable() != kept.maxPlaceable()) {
      // Freeing owners makes room for more leads: the two optima count different leads.
      out.printf(
          Locale.ROOT,
          "Keeping owners: with every lead free, %,d leads could be placed instead of %,d.%n",
          free.maxPlaceable(),
          kept.maxPlaceable());
      return;
    }
    out.printf(
        Locale.ROOT,
        "Keeping owners: the most even lead counts any allocation can reach are %.1f %% less even"
            + " than with every lead free (count optimum %,.0f against %,.0f), and its largest"
            + " weighted value is at least %.2f mean leads against %.2f. %s's search ended on its"
            + " %s after %,d moves (%s); a mean lead is worth %,.0f.%n",
        100 * (kept.countOptimum() - free.countOptimum()) / free.countOptimum(),
        kept.countOptimum(),
        free.countOptimum(),
        kept.valueMaxBound(),
        free.valueMaxBound(),
        a.method(),
        s.ending() == SearchReport.Ending.MOVE_BUDGET ? "move budget" : s.ending().toString(),
        s.moves(),
        s.reproducible() ? "reproducible" : "not reproducible",
        a.meanValue());
  }

  /**
   * Solves the sample with every method and prints the report.
   *
   * @param timeLimit the solver's time limit (a safety cap: the search normally ends on its move
   *     budget well before)
   * @param timings whether the fairness table ends with each method's elapsed time
   * @return the allocations in report order: fairlead, round robin, least busy, historical
   */
  public static List<Allocation> run(Duration timeLimit, Timings timings, PrintStream out) {
    // --- docs/examples.md: the four allocators
    MavenCrmData crm = MavenCrmData.load();
    Problem problem = crm.problem();
    describe(out, problem);

    LeadAllocator solver =
        LeadAllocator.builder().policy(problem.policy()).timeLimit(timeLimit).seed(SEED).build();
    Allocation optimised = solver.allocate(problem);
    Allocation roundRobin = Baselines.roundRobin().allocate(problem);
    Allocation leastBusy = Baselines.leastBusy().allocate(problem);
    Allocation history = Baselines.measure(problem, crm.historicalAssignment(), "historical");
    List<Allocation> all = List.of(optimised, roundRobin, leastBusy, history);
    // --- end

    out.println();
    out.println(
        "== Assignment by "
            + optimised.method()
            + ", per rep (kept = owned before and kept; "
            + "new = received in this run; fair = weighted fair share)");
    AllocationTables.reps(out, optimised);

    out.println();
    out.println(
        "== Fairness side by side (same problem, same FairnessMetrics; spreads are over "
            + "leads/weight)");
    FairnessReport.print(out, all.stream().map(Allocation::method).toList(), all, timings);
    printPriceOfContinuity(out, optimised);

    out.println();
    out.println("== Two decisions of " + optimised.method() + ", explained");
    Tier top = problem.policy().tiers().top();
    Map<LeadId, Lead> leads = new HashMap<>();
    problem.leads().forEach(l -> leads.put(l.id(), l));
    Optional<LeadOutcome> newTop =
        first(
            optimised,
            o ->
                o.status() == Status.ASSIGNED
                    && problem.policy().tierOf(leads.get(o.lead())).equals(top));
    Optional<LeadOutcome> moved = first(optimised, o -> o.status() == Status.MOVED);
    if (moved.isEmpty()) {
      moved = first(optimised, o -> o.status() == Status.KEPT);
    }
    for (Optional<LeadOutcome> o : List.of(newTop, moved)) {
      o.ifPresent(
          outcome -> {
            Lead lead = leads.get(outcome.lead());
            out.println(
                "lead "
                    + lead.id()
                    + " ("
                    + lead.attributes().get("stage")
                    + ", tier "
                    + problem.policy().tierOf(lead)
                    + ", "
                    + lead.region().orElse("no region")
                    + ", "
                    + lead.attributes().getOrDefault("account", "no account")
                    + ", "
                    + lead.attributes().get("product")
                    + " "
                    + TextTable.money(lead.value())
                    + lead.currentOwner()
                        .map(r -> ", worked by " + r + " from " + regionOf(problem, r.value()))
                        .orElse("")
                    + "):");
            out.println("  " + optimised.explain(outcome.lead()).summary());
          });
    }
    return all;
  }

  private static void describe(PrintStream out, Problem problem) {
    Map<String, Integer> repsByRegion = new TreeMap<>();
    for (Rep r : problem.reps()) {
      repsByRegion.merge(String.join("+", r.regions()), 1, Integer::sum);
    }
    Map<String, Integer> stages = new TreeMap<>();
    Map<Tier, Integer> tiers = new TreeMap<>(java.util.Comparator.comparing(Tier::name));
    for (Lead l : problem.leads()) {
      stages.merge(l.attributes().get("stage"), 1, Integer::sum);
      tiers.merge(problem.policy().tierOf(l), 1, Integer::sum);
    }
    Map<String, String> officeOf = new HashMap<>();
    problem.reps().forEach(r -> officeOf.put(r.id().value(), String.join("+", r.regions())));
    long outside =
        problem.leads().stream()
            .filter(l -> l.currentOwner().isPresent())
            .filter(
                l -> !l.region().equals(Optional.of(officeOf.get(l.currentOwner().get().value()))))
            .count();
    Policy p = problem.policy();
    StringBuilder weights = new StringBuilder();
    p.weights()
        .forEach(
            (o, w) ->
                weights
                    .append(weights.length() == 0 ? "" : ", ")
                    .append(o.id())
                    .append(' ')
                    .append(w));
    out.println(
        "fairlead demo: Maven CRM sample (fictitious B2B hardware seller, Maven Analytics)");
    out.println("  reps:  " + problem.reps().size() + " agents " + repsByRegion);
    out.println(
        "  leads: " + problem.leads().size() + " open deals " + stages + ", tiers " + tiers);
    out.println(
        "         "
            + outside
            + " Engaging deals are worked from outside their account's home "
            + "region: the region rule frees them for every method");
    out.println(
        "  policy: "
            + (p.allowRebalancing() ? "rebalancing allowed" : "owners kept")
            + ", rep weights bounded to ["
            + p.minWeight()
            + ", "
            + p.maxWeight()
            + "]; objective weights "
            + weights
            + "; tier weights "
            + p.tierWeights());
  }

  static String regionOf(Problem problem, String repId) {
    for (Rep r : problem.reps()) {
      if (r.id().value().equals(repId)) {
        return String.join("+", r.regions());
      }
    }
    throw new IllegalArgumentException("rep " + repId + " is not in the problem");
  }

  private static Optional<LeadOutcome> first(Allocation a, Predicate<LeadOutcome> p) {
    return a.outcomes().stream().filter(p).findFirst();
  }
}
