package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.Spread;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.LeadAllocator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Speed and quality figures: the optimiser against round robin and least busy on synthetic problems
 * of 1k leads × 30 reps and 10k × 200 and on the Maven CRM sample, all in one run, with a verdict
 * on the targets. Timings are wall-clock around {@code allocate} (problem compilation included), so
 * they depend on the machine; that is why they live here and not in a test.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.Benchmark            # 9 s limit
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.Benchmark -Dexec.args="2"
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.Benchmark \
 *     -Dexec.args="--no-timings"     # the quality figures only, as docs/examples.md shows them
 * </pre>
 *
 * <p>The targets, checked on every problem and binding at 10k × 200:
 *
 * <ol>
 *   <li>0 hard violations;
 *   <li>count balance no worse than least busy: count Gini at most least busy's + 0.005 and count
 *       max−min (weighted leads) at most least busy's + 1;
 *   <li>value max/min and tier-A spread clearly better than least busy: the excess of value max/min
 *       over 1 at least 25 % smaller, tier-A max−min at least 25 % smaller and tier-A Gini at least
 *       25 % smaller;
 *   <li>at most 10 s (not checked with {@link Timings#OMIT}, which leaves out every time and the
 *       machine, so that the report is the same on every machine whenever the searches end on their
 *       move budget, as the "stop" column says).
 * </ol>
 */
public final class Benchmark {

  /** The solver's time limit when none is given: leaves room under the 10 s target. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(9);

  static final Duration TARGET_TIME = Duration.ofSeconds(10);
  static final long SEED = 42;

  private Benchmark() {}

  /** A problem to benchmark. */
  record Case(String name, Supplier<Problem> problem) {}

  /** One allocator's figures on one problem. */
  record Run(String method, Allocation allocation, Duration wallClock) {}

  static List<Case> cases() {
    return List.of(
        new Case("1k x 30", () -> SyntheticProblems.generate(1_000, 30, 1)),
        new Case("10k x 200", () -> SyntheticProblems.generate(10_000, 200, 2)),
        new Case("maven-crm 2089 x 35", () -> MavenCrmData.load().problem()));
  }

  /**
   * Runs every case. Arguments: the solver's time limit in seconds (default 9), and {@value
   * Timings#FLAG} to leave out the times, the time target and the machine.
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    Timings timings = Timings.take(rest);
    Duration limit =
        rest.isEmpty() ? DEFAULT_TIME_LIMIT : Duration.ofSeconds(Long.parseLong(rest.get(0)));
    run(limit, timings, System.out);
  }

  /**
   * Runs every case and prints a table and a verdict for each.
   *
   * @param timeLimit the solver's time limit (a safety cap: the search normally ends on its move
   *     budget before)
   * @param timings whether to print wall-clock times, the time target's verdict and the machine
   */
  public static void run(Duration timeLimit, Timings timings, PrintStream out) {
    run(timeLimit, timings, cases(), out);
  }

  /** Runs the given cases and prints a table and a verdict for each; returns every run. */
  static List<List<Run>> run(
      Duration timeLimit, Timings timings, List<Case> cases, PrintStream out) {
    out.println(
        "fairlead benchmark: solver time limit "
            + timeLimit.toMillis()
            + " ms, seed "
            + SEED
            + (timings == Timings.OMIT
                ? ""
                : ", "
                    + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java "
                    + System.getProperty("java.version")));
    List<List<Run>> all = new ArrayList<>();
    for (Case c : cases) {
      Problem problem = c.problem().get();
      List<Allocator> allocators =
          List.of(
              LeadAllocator.builder()
                  .policy(problem.policy())
                  .timeLimit(timeLimit)
                  .seed(SEED)
                  .build(),
              Baselines.roundRobin(),
              Baselines.leastBusy());
      List<Run> runs = new ArrayList<>();
      for (Allocator a : allocators) {
        long start = System.nanoTime();
        Allocation result = a.allocate(problem);
        runs.add(new Run(a.name(), result, Duration.ofNanos(System.nanoTime() - start)));
      }
      out.println();
      out.println(
          "== "
              + c.name()
              + ": "
              + problem.leads().size()
              + " leads, "
              + problem.reps().size()
              + " reps");
      table(runs, timeLimit, timings).print(out);
      verdict(runs, timings, out);
      all.add(runs);
    }
    return all;
  }

  /**
   * The figures of each run. "stop" says whether the optimiser ended on its move budget (the
   * deterministic end) or was cut by the time limit (then its quality depends on machine speed).
   */
  static TextTable table(List<Run> runs, Duration timeLimit, Timings timings) {
    List<String> header = new ArrayList<>(List.of("method"));
    if (timings == Timings.SHOW) {
      header.add("time ms");
    }
    header.addAll(
        List.of(
            "stop",
            "hard",
            "unassigned",
            "count gini",
            "count max-min",
            "count max dev",
            "value max/min",
            "A max-min",
            "A gini",
            "soft score"));
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (Run r : runs) {
      FairnessMetrics m = r.allocation().metrics();
      List<Object> row = new ArrayList<>(List.of(r.method()));
      if (timings == Timings.SHOW) {
        row.add(TextTable.count(r.wallClock().toMillis()));
      }
      row.addAll(
          List.of(
              r.method().equals("fairlead")
                  ? (r.allocation().elapsed().compareTo(timeLimit) >= 0 ? "time limit" : "budget")
                  : "-",
              m.violations().size(),
              m.unassigned(),
              TextTable.ratio(m.count().gini()),
              TextTable.one(FairnessReport.gap(m.count())),
              TextTable.one(m.count().maxDeviation()),
              TextTable.ratio(m.value().maxMinRatio()),
              TextTable.one(FairnessReport.gap(m.topTier())),
              TextTable.ratio(m.topTier().gini()),
              TextTable.count(r.allocation().score().soft())));
      t.row(row.toArray());
    }
    return t;
  }

  /**
   * Prints PASS/FAIL for each target, comparing the optimiser (first run) with least busy (last);
   * the time target only with {@link Timings#SHOW}.
   */
  static List<Boolean> verdict(List<Run> runs, Timings timings, PrintStream out) {
    Run opt = runs.get(0);
    Run lb = runs.get(runs.size() - 1);
    FairnessMetrics o = opt.allocation().metrics();
    FairnessMetrics l = lb.allocation().metrics();
    List<Boolean> results = new ArrayList<>();
    results.add(
        check(out, o.violations().isEmpty(), "0 hard violations", o.violations().size() + ""));
    results.add(
        check(
            out,
            o.count().gini() <= l.count().gini() + 0.005
                && FairnessReport.gap(o.count()) <= FairnessReport.gap(l.count()) + 1,
            "count balance no worse than least busy",
            String.format(
                Locale.ROOT,
                "gini %.3f vs %.3f, max-min %.1f vs %.1f",
                o.count().gini(),
                l.count().gini(),
                FairnessReport.gap(o.count()),
                FairnessReport.gap(l.count()))));
    Spread oa = o.topTier();
    Spread la = l.topTier();
    boolean valueBetter =
        Double.isInfinite(excess(l.value()))
            ? Double.isFinite(excess(o.value()))
            : excess(o.value()) <= 0.75 * excess(l.value());
    boolean tierBetter =
        FairnessReport.gap(oa) <= 0.75 * FairnessReport.gap(la) && oa.gini() <= 0.75 * la.gini();
    results.add(
        check(
            out,
            valueBetter && tierBetter,
            "value max/min and tier-A spread clearly better than least busy",
            String.format(
                Locale.ROOT,
                "value max/min %s vs %s, A max-min %.1f vs %.1f, A gini %.3f vs %.3f",
                TextTable.ratio(o.value().maxMinRatio()),
                TextTable.ratio(l.value().maxMinRatio()),
                FairnessReport.gap(oa),
                FairnessReport.gap(la),
                oa.gini(),
                la.gini())));
    if (timings == Timings.SHOW) {
      results.add(
          check(
              out,
              opt.wallClock().compareTo(TARGET_TIME) <= 0,
              "at most " + TARGET_TIME.toSeconds() + " s",
              String.format(Locale.ROOT, "%.1f s", opt.wallClock().toMillis() / 1000.0)));
    }
    return results;
  }

  /** max/min − 1, infinite when some rep has nothing. */
  private static double excess(Spread s) {
    return s.maxMinRatio() - 1;
  }

  private static boolean check(PrintStream out, boolean ok, String target, String figures) {
    out.println("  " + (ok ? "PASS" : "FAIL") + "  " + target + " (" + figures + ")");
    return ok;
  }
}
