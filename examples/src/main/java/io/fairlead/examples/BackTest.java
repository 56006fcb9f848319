package io.fairlead.examples;

import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.lab.DatedLead;
import io.fairlead.lab.Lab;
import io.fairlead.lab.LabListener;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.Schedule;
import io.fairlead.lab.WeekFigures;
import io.fairlead.lab.report.LabReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Back-tests policies on the bundled Maven CRM sample's real history with the scenario lab: the
 * team's book on 2017-04-01 (every deal engaged before and still open, owned by its agent), then
 * ninety days of deals in engage-date order, fed to three policies and to the sample's own
 * historical assignment (each deal to the agent who worked it). Prints per-week fairness side by
 * side and one verdict per policy.
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.BackTest
 * mvn -q -B -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.BackTest \
 *     -Dexec.args="--report target/back-test"
 * </pre>
 *
 * <p>With {@code --report DIR} it also writes the lab's report into the folder ({@link LabReport}:
 * {@code report.html}, an offline page to open in a browser, and the same figures as {@code
 * figures.json}, {@code figures.csv} and {@code reps.csv}).
 *
 * <p>The policies: the sample's ({@code default}: holdings balanced, owners kept), one that also
 * balances this month's receipts with a catch-up of at most three leads ({@code receipts}), and the
 * default allowing a weekly rebalance within 2 % of the movable customers, at most 3 moves per rep
 * ({@code rebalancing}). Inbound deals wait in the pool and are placed each night by the router's
 * order ({@code LeadRouter.allocator()}, as {@link BookLifecycleDemo}'s book does); a deal of an
 * account joins the account's customer (the book's entity keys), whoever owns it.
 */
public final class BackTest {

  /** The first day. */
  static final LocalDate START = LocalDate.of(2017, 4, 1);

  /** How many days run. */
  static final int DAYS = 90;

  private BackTest() {}

  public static void main(String[] args) throws IOException {
    Optional<Path> report = reportDir(args);
    LabResult result =
        Lab.run(scenario(MavenCrmData.load()), consoleProgress("back-test", System.err));
    print(result, System.out);
    if (report.isPresent()) {
      Path page = LabReport.of(result).write(report.get());
      System.out.println();
      System.out.println("Report: " + page + " (and the figures as JSON and CSV next to it)");
    }
  }

  /** The folder of {@code --report DIR}, if given; any other argument is an error. */
  static Optional<Path> reportDir(String... args) {
    if (args.length == 0) {
      return Optional.empty();
    }
    if (args.length == 2 && args[0].equals("--report") && !args[1].isBlank()) {
      return Optional.of(Path.of(args[1]));
    }
    throw new IllegalArgumentException(
        "usage: BackTest [--report DIR], was " + String.join(" ", args));
  }

  /** The scenario: the sample's team, book, ninety days of deals and their recorded agents. */
  public static Scenario scenario(MavenCrmData crm) {
    List<Lead> book = new ArrayList<>();
    List<DatedLead> stream = new ArrayList<>();
    Map<LeadId, RepId> history = new LinkedHashMap<>();
    LocalDate end = START.plusDays(DAYS - 1L);
    for (MavenCrmData.Deal d : crm.deals()) {
      if (d.engaged().isEmpty()) {
        continue;
      }
      LocalDate engaged = d.engaged().get();
      if (engaged.isBefore(START)) {
        if (d.closed().filter(c -> c.isBefore(START)).isEmpty()) {
          book.add(crm.lead(d).toBuilder().currentOwner(d.agent()).build());
        }
      } else if (!engaged.isAfter(end)) {
        Lead lead = crm.lead(d);
        stream.add(new DatedLead(engaged, lead));
        history.put(lead.id(), RepId.of(d.agent()));
      }
    }
    return Scenario.builder("maven-crm back-test")
        .start(START)
        .days(DAYS)
        .roster(crm.reps())
        .book(book)
        .leads(stream) // Scenario orders them by day, stably: engage-date order, file order within
        .history(history)
        .policy("default", MavenCrmData.policy())
        .policy(
            "receipts",
            MavenCrmData.policyBuilder()
                .weight(Objective.RECEIPTS, 1)
                .catchUp(CatchUp.capped(3))
                .build())
        .policy("rebalancing", MavenCrmData.policyBuilder().allowRebalancing(true).build())
        .schedule(Schedule.nightly().rebalanceEvery(7, 0.02).maxMovesPerRep(3))
        .lifecycle(Lifecycle.defaults())
        .allocator(LeadRouter.allocator())
        .build();
  }

  /**
   * A progress line on standard error, so that the table on standard output stays clean: rewritten
   * in place on a terminal, a line every 5 s of the run otherwise, and a last line when all runs
   * are done.
   */
  static LabListener consoleProgress(String label, PrintStream err) {
    boolean terminal = System.console() != null;
    return new LabListener() {
      private long lastShown = Long.MIN_VALUE;

      @Override
      public void progress(LabListener.Progress p) {
        boolean last = p.run() == p.runs() && p.day() == p.days();
        long now = p.elapsed().toMillis();
        long every = terminal ? 200 : 5_000;
        if (!last && lastShown != Long.MIN_VALUE && now - lastShown < every) {
          return;
        }
        lastShown = now;
        String line =
            String.format(
                Locale.ROOT,
                "%s: %s (run %d of %d) day %d of %d · %.0f %% · %s",
                label,
                p.policy(),
                p.run(),
                p.runs(),
                p.day(),
                p.days(),
                100 * p.fractionDone(),
                last
                    ? String.format(Locale.ROOT, "done in %.1f s", now / 1000.0)
                    : p.estimatedTimeLeft()
                        .map(d -> String.format(Locale.ROOT, "about %d s left", d.toSeconds()))
                        .orElse("starting"));
        if (terminal) {
          err.print("\r" + line + (last ? "\n" : ""));
        } else {
          err.println(line);
        }
        err.flush();
      }
    };
  }

  /** Runs the back-test (deterministic: the same result on every machine). */
  public static LabResult run(MavenCrmData crm) {
    return Lab.run(scenario(crm));
  }

  /** Prints the weeks side by side, measure by measure, then one verdict per run. */
  public static void print(LabResult result, PrintStream out) {
    print(
        result,
        out,
        String.format(
            Locale.ROOT,
            "fairlead back-test — the Maven CRM sample, %s to %s, deals in engage-date order",
            result.start(),
            result.start().plusDays(result.days() - 1L)),
        "Deals");
  }

  /**
   * Prints the weeks side by side under a heading, then one verdict per run ({@link RunScenario}
   * prints any scenario's result this way).
   *
   * @param arrivals what arrives, capitalised: {@code "Deals"}, {@code "Leads"}
   */
  static void print(LabResult result, PrintStream out, String heading, String arrivals) {
    List<PolicyRun> runs = result.runs();
    PolicyRun first = runs.get(0);
    out.println(heading);
    out.println();
    out.println(arrivals + " arrived each week (the same stream for every run):");
    out.print("week  to     ");
    for (WeekFigures w : first.weeks()) {
      out.printf(Locale.ROOT, "%6d", w.week());
    }
    out.println();
    out.print("arrived      ");
    for (WeekFigures w : first.weeks()) {
      out.printf(Locale.ROOT, "%6d", w.arrived());
    }
    out.println();
    out.println();
    block(
        out,
        runs,
        "new customers placed (the rest merged into accounts)",
        w -> w.assigned(),
        "%8.0f");
    block(out, runs, "left in the pool at the week's end", w -> w.pool(), "%8.0f");
    block(out, runs, "Gini of customers per rep (0 = even)", WeekFigures::countGini, "%8.3f");
    block(out, runs, "Gini of value per rep", WeekFigures::valueGini, "%8.3f");
    block(
        out,
        runs,
        "largest gap to a rep's fair share of customers",
        WeekFigures::countMaxDeviation,
        "%8.1f");
    block(
        out,
        runs,
        "top tier (A): count term above its proven optimum",
        w -> 100 * w.topTierGap(),
        "%7.1f%%");
    block(
        out, runs, "receipts lag: most leads a rep is owed this month", WeekFigures::lag, "%8.1f");
    block(
        out,
        runs,
        "moves (rebalancing + other)",
        w -> w.rebalanceMoves() + w.reassigned(),
        "%8.0f");
    out.println("Verdicts at the end:");
    for (PolicyRun r : runs) {
      out.println("  " + r.verdict());
    }
  }

  private static void block(
      PrintStream out,
      List<PolicyRun> runs,
      String title,
      ToDoubleFunction<WeekFigures> figure,
      String format) {
    out.println(title + ":");
    out.print("week  to    ");
    for (PolicyRun r : runs) {
      out.printf(Locale.ROOT, " %12s", r.policy());
    }
    out.println();
    for (int i = 0; i < runs.get(0).weeks().size(); i++) {
      WeekFigures w0 = runs.get(0).weeks().get(i);
      out.printf(Locale.ROOT, "%4d  %s", w0.week(), w0.to().toString().substring(5));
      for (PolicyRun r : runs) {
        out.printf(
            Locale.ROOT,
            " %12s",
            String.format(Locale.ROOT, format, figure.applyAsDouble(r.weeks().get(i))).trim());
      }
      out.println();
    }
    out.println();
  }
}
