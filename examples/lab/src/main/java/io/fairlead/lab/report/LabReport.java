package io.fairlead.lab.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.lab.CurveFigures;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.WeekFigures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a lab run: one self-contained HTML page that a sales manager can read — a verdict
 * in plain sentences per policy first, a legend of every measure, then the charts and the table of
 * final figures with their proven bounds — and the same figures as JSON and CSV for a data team.
 *
 * <pre>{@code
 * LabResult result = Lab.run(scenario);
 * LabReport.of(result).write(Path.of("target/lab-report"));
 * // report.html, figures.json, figures.csv (per run and week), reps.csv (per run and rep)
 * }</pre>
 *
 * <p>The page needs no network: the chart library (Apache ECharts 5.3.1, from its webjar) is
 * inlined and a content security policy forbids every fetch. Charts are SVG, so the page's DOM
 * shows what was drawn. Every name of the result (scenario, policies, reps, reasons) is escaped, in
 * the HTML and in the script's data.
 *
 * <p>Immutable and thread-safe; the same result gives the same files, byte for byte.
 *
 * @since 0.1.0
 */
public final class LabReport {

  /** The page's file name in {@link #write(Path)}'s folder. */
  public static final String HTML = "report.html";

  /** The JSON figures' file name. */
  public static final String JSON = "figures.json";

  /** The weekly figures' CSV file name: one row per run and week. */
  public static final String CSV = "figures.csv";

  /** The final reps' CSV file name: one row per run and rep. */
  public static final String REPS_CSV = "reps.csv";

  /** One color per run, in run order; the recorded history is grey. Also the charts' colors. */
  private static final List<String> COLORS =
      List.of(
          "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
          "#bcbd22");

  private static final String HISTORY_COLOR = "#7f7f7f";

  private final LabResult result;
  private final ObjectNode figures;

  private LabReport(LabResult result) {
    this.result = result;
    this.figures = Figures.tree(result);
  }

  /**
   * The report of a result.
   *
   * @throws IllegalArgumentException if the result has no run
   */
  public static LabReport of(LabResult result) {
    requireNonNull(result, "result");
    if (result.runs().isEmpty()) {
      throw new IllegalArgumentException(
          "lab result " + result.scenario() + ": no run to report on");
    }
    return new LabReport(result);
  }

  /**
   * Writes {@value #HTML}, {@value #JSON}, {@value #CSV} and {@value #REPS_CSV} into the folder,
   * creating it if need be, replacing files of those names.
   *
   * @return the page's path
   */
  public Path write(Path dir) throws IOException {
    requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Path page = dir.resolve(HTML);
    Files.writeString(page, html(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(JSON), json(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(CSV), csv(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(REPS_CSV), repsCsv(), StandardCharsets.UTF_8);
    return page;
  }

  /**
   * The figures as JSON: the scenario, and per run its policy, one-line verdict, moves, weeks
   * (every figure of {@link WeekFigures} but the full metrics and gaps) and final reps (customers,
   * value, top tier and receipts next to their fair shares) and trade-off curve at the end ({@code
   * curve}: movable customers, the proven fewest moves to the count optimum, and per budget the
   * moves and the gaps to the proven bounds). A figure that is not finite, and a budget without a
   * limit, is null.
   */
  public String json() {
    return Figures.json(figures);
  }

  /** The weekly figures as CSV, one row per run and week, the JSON week's fields as columns. */
  public String csv() {
    return Figures.weeksCsv(figures);
  }

  /** The final reps as CSV, one row per run and rep, the JSON rep's fields as columns. */
  public String repsCsv() {
    return Figures.repsCsv(figures);
  }

  /** The page, self-contained. */
  public String html() {
    StringBuilder h = new StringBuilder(1_200_000);
    String end = result.start().plusDays(result.days() - 1L).toString();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape("fairlead lab report: " + result.scenario()))
        .append("</title>\n<style>\n")
        .append(Resources.resource("report.css"))
        .append("</style>\n<script>\n")
        .append(Resources.resource("status.js"))
        .append("</script>\n</head>\n<body>\n");
    h.append("<header>\n<h1>")
        .append(escape(result.scenario()))
        .append("</h1>\n<p class=\"sub\">fairlead lab report · ")
        .append(escape(result.start().toString()))
        .append(" to ")
        .append(escape(end))
        .append(" (")
        .append(result.days())
        .append(" days) · seed ")
        .append(result.seed())
        .append("</p>\n</header>\n");
    h.append("<div id=\"report-status\" hidden></div>\n");
    verdict(h);
    legend(h);
    charts(h);
    table(h);
    h.append("<footer>The same figures are in <code>")
        .append(JSON)
        .append("</code>, <code>")
        .append(CSV)
        .append("</code> (per run and week) and <code>")
        .append(REPS_CSV)
        .append("</code> (per run and rep) next to this page. Charts: Apache ECharts 5.3.1")
        .append(" (Apache License 2.0), inlined.</footer>\n");
    h.append("<script>\n").append(Resources.echarts()).append("\n</script>\n");
    h.append("<script>\nwindow.FAIRLEAD_FIGURES = ")
        .append(Figures.script(figures))
        .append(";\nwindow.FAIRLEAD_COLORS = ")
        .append(colorsScript())
        .append(";\n</script>\n<script>\n")
        .append(Resources.resource("report.js"))
        .append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private void verdict(StringBuilder h) {
    h.append("<section id=\"verdict\">\n<h2>Verdict</h2>\n");
    for (String s : Verdicts.summary(result)) {
      h.append("<p>").append(escape(s)).append("</p>\n");
    }
    List<Verdicts.Verdict> verdicts = Verdicts.of(result);
    for (int i = 0; i < verdicts.size(); i++) {
      Verdicts.Verdict v = verdicts.get(i);
      h.append("<div class=\"run\" style=\"border-color:")
          .append(color(i))
          .append("\">\n<h3>")
          .append(escape(v.policy()))
          .append("</h3>\n<ul>\n");
      for (String sentence : v.sentences()) {
        h.append("<li>").append(escape(sentence)).append("</li>\n");
      }
      h.append("</ul>\n</div>\n");
    }
    h.append("</section>\n");
  }

  private static void legend(StringBuilder h) {
    h.append("<section id=\"legend\">\n<h2>What the measures mean</h2>\n<dl>\n");
    String[][] terms = {
      {"Fair share", Resources.FAIR_SHARE},
      {"Gini", Resources.GINI},
      {
        "Jain",
        "Another evenness index: 1 when every rep's load is the same, 1/n when one of n reps holds"
            + " everything."
      },
      {
        "Largest gap to fair share",
        "The most customers any single rep holds above or below its fair share."
      },
      {
        "Receipts lag",
        "The most new leads any rep is behind (or ahead of) its entitlement this period (its"
            + " weight's share of the period's new leads): it shows a rep being starved of fresh"
            + " leads even when holdings look even."
      },
      {
        "Gap to the proven bound",
        "How far a figure is above the best that any allocation could reach, which fairlead proves"
            + " by exact computation: 0 % means provably optimal, 5 % means 5 % above the best"
            + " possible."
      },
      {"Moves", Resources.MOVES},
      {
        "What more moves would buy",
        "At the end of each run the book is rebalanced on paper, nothing moved, with budgets of 0,"
            + " 1, 2, 5 and 10 % of the customers that may move and without a limit: each point is"
            + " the moves a budget used and how far customers and the largest value then are above"
            + " the proven best. Where the line flattens, more moves buy little fairness."
      },
      {
        "Lorenz curve",
        "Reps ordered from least to most loaded: the curve shows what share of all customers the"
            + " least loaded part of the team holds; the diagonal is perfectly even, and the"
            + " further below it, the less even."
      }
    };
    Resources.definitions(h, terms);
    h.append("</dl>\n</section>\n");
  }

  private void charts(StringBuilder h) {
    h.append(
            "<section id=\"loads\">\n<h2>Each rep's customers at the end, against its fair share</h2>\n")
        .append(
            "<p class=\"note\">One chart per run. Bars are the customers a rep holds; the black"
                + " tick is its fair share. Red: more than 10 % above fair; blue: more than 10 %"
                + " below; green: within 10 %. Reps from most above to most below.</p>\n")
        .append("<div class=\"grid\">\n");
    for (int i = 0; i < result.runs().size(); i++) {
      chart(h, "load", "data-run=\"" + i + "\"", "tall");
    }
    h.append("</div>\n</section>\n");
    h.append("<section id=\"lorenz\">\n<h2>How evenly the book is spread at the end</h2>\n")
        .append("<div class=\"grid\">\n");
    chart(h, "lorenz-count", "", "");
    chart(h, "lorenz-value", "", "");
    h.append("</div>\n</section>\n");
    h.append("<section id=\"time\">\n<h2>Fairness week by week</h2>\n")
        .append(
            "<p class=\"note\">Measured at the end of each week; lower is fairer on all three."
                + " The receipts lag starts again with each period of the policy (a month by"
                + " default), so it can drop at a month's start.</p>\n")
        .append("<div class=\"grid\">\n");
    chart(h, "time-gini", "", "");
    chart(h, "time-deviation", "", "");
    chart(h, "time-lag", "", "");
    h.append("</div>\n</section>\n");
    h.append("<section id=\"moves\">\n<h2>Moves</h2>\n");
    if (result.runs().stream().anyMatch(r -> r.rebalanceMoves() > 0)) {
      h.append("<div class=\"grid\">\n");
      chart(h, "moves", "", "");
      h.append("</div>\n");
    } else {
      h.append("<p>No run rebalanced: no customer was moved by rebalancing.</p>\n");
    }
    h.append("</section>\n");
    curve(h);
    h.append("<section id=\"unassigned\">\n<h2>Unassigned leads</h2>\n");
    boolean any =
        result.runs().stream()
            .flatMap(r -> r.weeks().stream())
            .anyMatch(w -> !w.unassignedByReason().isEmpty());
    if (any) {
      h.append(
              "<p class=\"note\">Reasons: <b>no-eligible-rep:&lt;rule&gt;</b> — no rep on the team"
                  + " may take the lead (the rule that excluded the most reps);"
                  + " <b>all-eligible-full:&lt;cap&gt;</b> — every rep who may take it is at its"
                  + " cap; <b>not-placed</b> — it waits for the next placement.</p>\n")
          .append("<div class=\"grid\">\n");
      chart(h, "unassigned", "", "");
      h.append("</div>\n");
    } else {
      h.append("<p>No lead was left unassigned at the end of a week, in any run.</p>\n");
    }
    h.append("</section>\n");
  }

  /** The trade-off curve at the end of each run, and the proven fewest moves to the optimum. */
  private void curve(StringBuilder h) {
    h.append("<section id=\"curve\">\n<h2>What more moves would buy</h2>\n")
        .append("<p class=\"note\">At the end of each run, the book rebalanced on paper with")
        .append(" budgets of 0, 1, 2, 5 and 10 % of its movable customers and without a limit,")
        .append(" under the rebalancer the schedule would use, whether or not the policy")
        .append(" rebalances. Solid: customers above the proven best; dotted: the largest value")
        .append(" above its proven bound. Points with the same moves share a label. The fewest")
        .append(" moves that reach the best spread of customers, proven (no rebalance needs")
        .append(" fewer): ");
    List<String> fewest = new ArrayList<>();
    for (PolicyRun run : result.runs()) {
      CurveFigures c = run.curve();
      fewest.add(
          escape(run.policy())
              + " "
              + c.fewestMovesToCountOptimum().stream()
                  .mapToObj(String::valueOf)
                  .findFirst()
                  .orElse("out of reach")
              + " of "
              + c.movable()
              + " movable");
    }
    h.append(String.join("; ", fewest)).append(".</p>\n<div class=\"grid\">\n");
    chart(h, "curve", "", "tall");
    h.append("</div>\n</section>\n");
  }

  private static void chart(StringBuilder h, String kind, String attributes, String size) {
    h.append("<div class=\"chart ")
        .append(size)
        .append("\" data-chart=\"")
        .append(kind)
        .append('"');
    if (!attributes.isEmpty()) {
      h.append(' ').append(attributes);
    }
    h.append("></div>\n");
  }

  private void table(StringBuilder h) {
    h.append("<section id=\"figures\">\n<h2>Final figures and their proven bounds</h2>\n")
        .append(
            "<p class=\"note\">At the end of the last week. \"Above the proven best\": how far the"
                + " run's squared-load term is above the optimum fairlead proves no allocation can"
                + " beat (0 % = optimal).</p>\n")
        .append("<div class=\"scroll\"><table>\n<thead>\n<tr><th rowspan=\"2\">run</th>")
        .append("<th colspan=\"4\">evenness (Gini; Jain)</th>")
        .append("<th colspan=\"3\">largest gap to fair share</th>")
        .append("<th rowspan=\"2\">receipts lag (leads)</th>")
        .append("<th colspan=\"4\">above the proven best</th>")
        .append("<th colspan=\"2\">moves</th>")
        .append("<th rowspan=\"2\">conflicts</th><th rowspan=\"2\">pool at end</th></tr>\n")
        .append("<tr><th>customers</th><th>customers (Jain)</th><th>value</th><th>top tier</th>")
        .append("<th>customers</th><th>value</th><th>top-tier customers</th>")
        .append("<th>customers</th><th>largest value</th><th>top tier</th><th>receipts</th>")
        .append("<th>rebalancing</th><th>other</th></tr>\n</thead>\n<tbody>\n");
    boolean infeasible = false;
    for (int i = 0; i < result.runs().size(); i++) {
      PolicyRun run = result.runs().get(i);
      if (run.weeks().isEmpty()) {
        continue;
      }
      WeekFigures w = Verdicts.last(run);
      boolean feasible = w.gaps().feasible();
      infeasible |= !feasible;
      h.append("<tr><th class=\"name\" style=\"border-left-color:")
          .append(color(i))
          .append("\">")
          .append(escape(run.policy()))
          .append(feasible ? "" : " *")
          .append("</th>");
      cells(
          h,
          f("%.3f", w.countGini()),
          f("%.3f", w.countJain()),
          f("%.3f", w.valueGini()),
          f("%.3f", w.topTierGini()),
          f("%.1f", w.countMaxDeviation()),
          f("%,.0f", w.valueMaxDeviation()),
          f("%.1f", w.topTierMaxDeviation()),
          f("%.1f", w.lag()),
          pct(w.countGap(), feasible),
          pct(w.valueMaxGap(), feasible),
          pct(w.topTierGap(), feasible),
          pct(w.receiptsGap(), feasible),
          Integer.toString(run.rebalanceMoves()),
          Integer.toString(run.reassigned()),
          Integer.toString(run.conflicts()),
          Integer.toString(w.pool()));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
    if (infeasible) {
      h.append(
          "<p class=\"note\">* At the end this run's book breaks a hard rule (a customer held"
              + " against a territory or another rule, or a rep over its capacity; the verdict"
              + " above says which). The proven bounds assume every rule is kept, so for this run"
              + " the gaps are a guide, not a guarantee; where it even lies below a bound, the gap"
              + " is shown as –.</p>\n");
    }
    h.append("</section>\n");
  }

  private static void cells(StringBuilder h, String... values) {
    for (String v : values) {
      h.append("<td>").append(escape(v)).append("</td>");
    }
  }

  private static String f(String format, double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, format, x) : "–";
  }

  /**
   * A gap in percent. A book that breaks a rule can be below a bound that assumes the rules are
   * kept: such a gap says nothing, and is shown as a dash.
   */
  private static String pct(double gap, boolean feasible) {
    if (!Double.isFinite(gap) || (!feasible && gap < 0)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1f %%", 100 * gap);
  }

  private String color(int run) {
    return Verdicts.isHistory(result.runs().get(run))
        ? HISTORY_COLOR
        : COLORS.get(run % COLORS.size());
  }

  private String colorsScript() {
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < result.runs().size(); i++) {
      quoted.add('"' + color(i) + '"');
    }
    return "[" + String.join(",", quoted) + "]";
  }

  /**
   * Text for HTML element content and quoted attribute values: {@code & < > " '} as character
   * references.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
