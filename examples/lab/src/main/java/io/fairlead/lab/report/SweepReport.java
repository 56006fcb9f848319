package io.fairlead.lab.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepRow;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The report of a {@link Sweep}: one self-contained HTML page over its rows — a summary in plain
 * sentences first (per policy variant the median and range over seeds of the evenness figures,
 * which variant is most even and what it costs in moves), a legend, then charts (per measure, the
 * variants side by side with their spread over seeds; with a parameter grid, each measure against
 * the parameter's values per policy) and the table of every row — and the rows as CSV.
 *
 * <pre>{@code
 * List<SweepRow> rows = sweep.runLocal(4);
 * SweepReport.of(rows).write(Path.of("target/sweep"));
 * // sweep.html and sweep.csv (Sweep.writeCsv's table)
 * }</pre>
 *
 * <p>Like {@link LabReport}'s page it needs no network: Apache ECharts 5.3.1 is inlined from its
 * webjar, a content security policy forbids every fetch, and the charts are SVG. Every name of the
 * rows (scenarios, policies, variants, parameters and their values) is escaped, in the HTML and in
 * the script's data.
 *
 * <p>Rows are grouped by scenario and variant; a group's rows are its seeds. Figures that are not
 * finite are left out of a group's statistics. Immutable and thread-safe; the same rows give the
 * same files, byte for byte (the table shows each row's wall time, so two runs of a sweep differ
 * there).
 *
 * @since 0.1.0
 */
public final class SweepReport {

  /** The page's file name in {@link #write(Path)}'s folder. */
  public static final String HTML = "sweep.html";

  /** The rows' CSV file name ({@link Sweep#writeCsv}'s table). */
  public static final String CSV = "sweep.csv";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A figure of a row that the summary and the charts show. */
  record Measure(String key, String title, String unit, int digits, ToDoubleFunction<SweepRow> of) {
    String format(double x) {
      return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + digits + "f", x) : "–";
    }
  }

  /** The charted measures, in the page's order. */
  static final List<Measure> MEASURES =
      List.of(
          new Measure("countGini", "Gini of customers", "Gini", 3, SweepRow::countGini),
          new Measure("valueGini", "Gini of value", "Gini", 3, SweepRow::valueGini),
          new Measure(
              "countMaxDeviation",
              "Largest gap to fair share",
              "customers",
              1,
              SweepRow::countMaxDeviation),
          new Measure("lag", "Receipts lag", "leads", 1, SweepRow::lag),
          new Measure(
              "rebalanceMoves",
              "Rebalancing moves over the run",
              "moves",
              0,
              SweepRow::rebalanceMoves));

  private static final Measure COUNT_GINI = MEASURES.get(0);
  private static final Measure VALUE_GINI = MEASURES.get(1);
  private static final Measure GAP = MEASURES.get(2);
  private static final Measure MOVES = MEASURES.get(4);

  /**
   * Lowest, lower quartile, median, upper quartile, highest of a group's finite values (quartiles
   * by linear interpolation), and how many there were.
   */
  record Spread(double min, double q1, double median, double q3, double max, int n) {
    static Spread of(Collection<SweepRow> rows, ToDoubleFunction<SweepRow> figure) {
      double[] xs = rows.stream().mapToDouble(figure).filter(Double::isFinite).sorted().toArray();
      if (xs.length == 0) {
        return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
      }
      return new Spread(
          xs[0],
          quantile(xs, 0.25),
          quantile(xs, 0.5),
          quantile(xs, 0.75),
          xs[xs.length - 1],
          xs.length);
    }

    private static double quantile(double[] sorted, double p) {
      double h = (sorted.length - 1) * p;
      int lo = (int) Math.floor(h);
      int hi = (int) Math.ceil(h);
      return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
  }

  /** One scenario's rows of one variant: its seeds. */
  record Group(String scenario, String variant, String policy, List<SweepRow> rows) {
    Spread spread(Measure m) {
      return Spread.of(rows, m.of());
    }
  }

  private final List<SweepRow> rows;
  private final List<String> scenarios;
  private final List<String> variants;
  private final List<String> parameters;
  private final Map<String, Map<String, Group>> groups; // scenario → variant → group

  private SweepReport(List<SweepRow> rows) {
    this.rows = rows;
    Set<String> sc = new LinkedHashSet<>();
    Set<String> va = new LinkedHashSet<>();
    Set<String> pa = new LinkedHashSet<>();
    Map<String, Map<String, List<SweepRow>>> by = new LinkedHashMap<>();
    for (SweepRow r : rows) {
      sc.add(r.scenario());
      va.add(r.variant());
      pa.addAll(r.parameters().keySet());
      by.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.variant(), k -> new ArrayList<>())
          .add(r);
    }
    this.scenarios = List.copyOf(sc);
    this.variants = List.copyOf(va);
    this.parameters = List.copyOf(pa);
    Map<String, Map<String, Group>> g = new LinkedHashMap<>();
    by.forEach(
        (s, vs) -> {
          Map<String, Group> m = new LinkedHashMap<>();
          vs.forEach((v, rs) -> m.put(v, new Group(s, v, rs.get(0).policy(), List.copyOf(rs))));
          g.put(s, m);
        });
    this.groups = g;
  }

  /**
   * The report of a sweep's rows, in the order given (a sweep's task order).
   *
   * @throws IllegalArgumentException if there is no row
   */
  public static SweepReport of(Collection<SweepRow> rows) {
    requireNonNull(rows, "rows");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("sweep report: no row to report on");
    }
    rows.forEach(r -> requireNonNull(r, "sweep report: a row is null"));
    return new SweepReport(List.copyOf(rows));
  }

  /**
   * Writes {@value #HTML} and {@value #CSV} into the folder, creating it if need be, replacing
   * files of those names.
   *
   * @return the page's path
   */
  public Path write(Path dir) throws IOException {
    requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Path page = dir.resolve(HTML);
    Files.writeString(page, html(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(CSV), csv(), StandardCharsets.UTF_8);
    return page;
  }

  /** The rows as {@link Sweep#writeCsv} writes them. */
  public String csv() {
    StringWriter w = new StringWriter();
    Sweep.writeCsv(rows, w);
    return w.toString();
  }

  /** The page, self-contained. */
  public String html() {
    StringBuilder h = new StringBuilder(1_200_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape("fairlead sweep: " + String.join(", ", scenarios)))
        .append("</title>\n<style>\n")
        .append(Resources.resource("report.css"))
        .append(Resources.resource("sweep.css"))
        .append("</style>\n<script>\n")
        .append(Resources.resource("status.js"))
        .append("</script>\n</head>\n<body>\n");
    h.append("<header>\n<h1>Policy sweep</h1>\n<p class=\"sub\">fairlead sweep report · ")
        .append(rows.size())
        .append(rows.size() == 1 ? " task" : " tasks")
        .append(" · scenarios ")
        .append(escape(String.join(", ", scenarios)))
        .append("</p>\n</header>\n");
    h.append("<div id=\"report-status\" hidden></div>\n");
    summary(h);
    legend(h);
    charts(h);
    table(h);
    h.append("<footer>The same rows are in <code>")
        .append(CSV)
        .append("</code> next to this page. Charts: Apache ECharts 5.3.1")
        .append(" (Apache License 2.0), inlined.</footer>\n");
    h.append("<script>\n").append(Resources.echarts()).append("\n</script>\n");
    h.append("<script>\nwindow.FAIRLEAD_SWEEP = ")
        .append(Figures.script(data()))
        .append(";\n</script>\n<script>\n")
        .append(Resources.resource("sweep.js"))
        .append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  // Summary

  /** The summary's opening sentences: what was run. */
  List<String> overview() {
    Set<Long> seeds = new LinkedHashSet<>();
    Set<Integer> weeks = new LinkedHashSet<>();
    rows.forEach(
        r -> {
          seeds.add(r.seed());
          weeks.add(r.weeks());
        });
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "%d %s: %d %s (%s) × %d policy %s × %d %s%s, %s.",
            rows.size(),
            rows.size() == 1 ? "task" : "tasks",
            scenarios.size(),
            scenarios.size() == 1 ? "scenario" : "scenarios",
            String.join(", ", scenarios),
            variants.size(),
            variants.size() == 1 ? "variant" : "variants",
            seeds.size(),
            seeds.size() == 1 ? "seed" : "seeds",
            rows.size() == scenarios.size() * variants.size() * seeds.size()
                ? ""
                : " (not every combination)",
            weeks.size() == 1
                ? "each run " + weeks.iterator().next() + " weeks"
                : "runs of "
                    + weeks.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))
                    + " weeks"));
    out.add(
        "Figures are measured at the end of each run and given as the median over seeds, with the"
            + " range (lowest–highest) in brackets. Lower is more even on every figure.");
    return out;
  }

  /** The sentence of one variant in one scenario. */
  static String sentence(Group g) {
    Spread cg = g.spread(COUNT_GINI);
    Spread vg = g.spread(VALUE_GINI);
    Spread gap = g.spread(GAP);
    Spread moves = g.spread(MOVES);
    Spread other = Spread.of(g.rows(), SweepRow::otherMoves);
    return String.format(
        Locale.ROOT,
        "%s: Gini of customers %s, of value %s; largest gap to fair share %s customers; %s"
            + " rebalancing moves and %s other moves per run (%d %s).",
        g.variant(),
        medianAndRange(cg, COUNT_GINI),
        medianAndRange(vg, VALUE_GINI),
        medianAndRange(gap, GAP),
        medianAndRange(moves, MOVES),
        MOVES.format(other.median()),
        g.rows().size(),
        g.rows().size() == 1 ? "seed" : "seeds");
  }

  private static String medianAndRange(Spread s, Measure m) {
    if (s.n() == 0) {
      return "not measured";
    }
    if (s.n() == 1 || s.min() == s.max()) {
      return m.format(s.median());
    }
    return m.format(s.median()) + " (" + m.format(s.min()) + "–" + m.format(s.max()) + ")";
  }

  /** Which variant of a scenario is most even, and what it costs in moves. */
  static List<String> verdict(Collection<Group> groups) {
    List<String> out = new ArrayList<>();
    if (groups.size() < 2) {
      return out;
    }
    Comparator<Group> byMoves = Comparator.comparingDouble(g -> orInf(g.spread(MOVES).median()));
    Group countBest =
        groups.stream()
            .min(
                Comparator.<Group>comparingDouble(g -> orInf(g.spread(COUNT_GINI).median()))
                    .thenComparing(byMoves))
            .orElseThrow();
    Group leastMoves =
        groups.stream()
            .min(byMoves.thenComparingDouble(g -> orInf(g.spread(COUNT_GINI).median())))
            .orElseThrow();
    Group valueBest =
        groups.stream()
            .min(
                Comparator.<Group>comparingDouble(g -> orInf(g.spread(VALUE_GINI).median()))
                    .thenComparing(byMoves))
            .orElseThrow();
    double bestMoves = countBest.spread(MOVES).median();
    if (countBest == leastMoves) {
      out.add(
          String.format(
              Locale.ROOT,
              "Most even on customers: %s (median Gini %s), and it moves no more than any other"
                  + " variant (median %s rebalancing moves).",
              countBest.variant(),
              COUNT_GINI.format(countBest.spread(COUNT_GINI).median()),
              MOVES.format(bestMoves)));
    } else {
      out.add(
          String.format(
              Locale.ROOT,
              "Most even on customers: %s (median Gini %s), at a cost of a median %s rebalancing"
                  + " moves per run; %s moves least (median %s) and reaches a median Gini of %s.",
              countBest.variant(),
              COUNT_GINI.format(countBest.spread(COUNT_GINI).median()),
              MOVES.format(bestMoves),
              leastMoves.variant(),
              MOVES.format(leastMoves.spread(MOVES).median()),
              COUNT_GINI.format(leastMoves.spread(COUNT_GINI).median())));
    }
    out.add(
        String.format(
            Locale.ROOT,
            "Most even on value: %s (median Gini %s, median %s rebalancing moves).",
            valueBest.variant(),
            VALUE_GINI.format(valueBest.spread(VALUE_GINI).median()),
            MOVES.format(valueBest.spread(MOVES).median())));
    return out;
  }

  private static double orInf(double x) {
    return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
  }

  private void summary(StringBuilder h) {
    h.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
    for (String s : overview()) {
      h.append("<p>").append(escape(s)).append("</p>\n");
    }
    for (Map.Entry<String, Map<String, Group>> s : groups.entrySet()) {
      h.append("<div class=\"scenario\">\n");
      if (scenarios.size() > 1) {
        h.append("<h3>").append(escape(s.getKey())).append("</h3>\n");
      }
      for (String v : verdict(s.getValue().values())) {
        h.append("<p class=\"verdict\">").append(escape(v)).append("</p>\n");
      }
      h.append("<ul>\n");
      for (Group g : s.getValue().values()) {
        h.append("<li>").append(escape(sentence(g))).append("</li>\n");
      }
      h.append("</ul>\n</div>\n");
    }
    h.append("</section>\n");
  }

  private static void legend(StringBuilder h) {
    h.append("<section id=\"legend\">\n<h2>What the measures mean</h2>\n<dl>\n");
    String[][] terms = {
      {
        "Policy variant",
        "A policy under one setting of the sweep's parameters, named by the policy and its"
            + " parameters (rebalancing maxMovesShare=0.02)."
      },
      {
        "Seed",
        "Each seed draws another lead stream; every variant sees the same streams. The spread over"
            + " seeds shows how much a figure depends on luck rather than on the policy."
      },
      {"Gini", Resources.GINI},
      {
        "Largest gap to fair share",
        "The most customers any single rep holds above or below its fair share. "
            + Resources.FAIR_SHARE
      },
      {
        "Receipts lag",
        "The most new leads any rep is behind (or ahead of) its entitlement this period."
      },
      {"Moves", Resources.MOVES},
      {
        "Box",
        "Per variant, the line across the box is the median over seeds, the box spans the middle"
            + " half (lower to upper quartile), the whiskers reach the lowest and highest seed."
      }
    };
    Resources.definitions(h, terms);
    h.append("</dl>\n</section>\n");
  }

  private void charts(StringBuilder h) {
    h.append("<section id=\"spread\">\n<h2>Each variant's spread over seeds</h2>\n")
        .append("<p class=\"note\">One chart per measure; ")
        .append(
            scenarios.size() > 1
                ? "one box per scenario and variant, a color per scenario."
                : "one box per variant.")
        .append(" Lower is more even.</p>\n<div class=\"grid\">\n");
    for (Measure m : MEASURES) {
      h.append("<div class=\"chart\" data-chart=\"box\" data-measure=\"")
          .append(m.key())
          .append("\"></div>\n");
    }
    h.append("</div>\n</section>\n");
    List<ObjectNode> grids = grids();
    if (!grids.isEmpty()) {
      h.append("<section id=\"parameters\">\n<h2>Each measure against the parameters</h2>\n")
          .append(
              "<p class=\"note\">Per parameter of the grid, one line per policy that has it (and"
                  + " scenario): the median over seeds, and over the other parameters'"
                  + " values if there are several.</p>\n");
      for (int i = 0; i < grids.size(); i++) {
        h.append("<h3>")
            .append(escape(grids.get(i).get("parameter").asText()))
            .append("</h3>\n<div class=\"grid\">\n");
        for (Measure m : MEASURES) {
          h.append("<div class=\"chart\" data-chart=\"parameter\" data-parameter=\"")
              .append(i)
              .append("\" data-measure=\"")
              .append(m.key())
              .append("\"></div>\n");
        }
        h.append("</div>\n");
      }
      h.append("</section>\n");
    }
  }

  private void table(StringBuilder h) {
    h.append("<section id=\"rows\">\n<h2>Every task</h2>\n")
        .append(
            "<p class=\"note\">At the end of each run. Gaps above the proven best: how far the"
                + " run's squared-load term is above the optimum no allocation can beat (0 %"
                + " = optimal).</p>\n")
        .append("<div class=\"scroll\"><table>\n<thead>\n<tr>");
    List<String> heads =
        new ArrayList<>(List.of("task", "scenario", "policy variant", "seed", "weeks", "reps"));
    heads.addAll(
        List.of(
            "Gini customers",
            "Jain customers",
            "Gini value",
            "Jain value",
            "largest gap (customers)",
            "largest gap (value)",
            "receipts lag",
            "above best: customers",
            "above best: largest value",
            "above best: top tier",
            "rebalancing moves",
            "other moves",
            "unassigned",
            "wall time (ms)"));
    for (String t : heads) {
      h.append("<th>").append(escape(t)).append("</th>");
    }
    h.append("</tr>\n</thead>\n<tbody>\n");
    for (SweepRow r : rows) {
      h.append("<tr>");
      for (String c : cells(r)) {
        h.append("<td>").append(escape(c)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n</section>\n");
  }

  /** A row's cells in the page's table, as text. */
  static List<String> cells(SweepRow r) {
    return List.of(
        Integer.toString(r.task()),
        r.scenario(),
        r.variant(),
        Long.toString(r.seed()),
        Integer.toString(r.weeks()),
        Integer.toString(r.reps()),
        f("%.3f", r.countGini()),
        f("%.3f", r.countJain()),
        f("%.3f", r.valueGini()),
        f("%.3f", r.valueJain()),
        f("%.1f", r.countMaxDeviation()),
        f("%,.0f", r.valueMaxDeviation()),
        f("%.1f", r.lag()),
        pct(r.countGap()),
        pct(r.valueMaxGap()),
        pct(r.topTierGap()),
        Integer.toString(r.rebalanceMoves()),
        Integer.toString(r.otherMoves()),
        Integer.toString(r.unassigned()),
        Long.toString(r.wallMillis()));
  }

  private static String f(String format, double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, format, x) : "–";
  }

  private static String pct(double gap) {
    return Double.isFinite(gap) ? String.format(Locale.ROOT, "%.1f %%", 100 * gap) : "–";
  }

  // The charts' data

  /**
   * The charts' data: scenarios, variants, measures; per measure and scenario the five-number
   * spread of each variant (null where the scenario has no such variant); per parameter its values
   * and the medians of each (policy, scenario) line.
   */
  ObjectNode data() {
    ObjectNode root = JSON.createObjectNode();
    scenarios.forEach(root.putArray("scenarios")::add);
    variants.forEach(root.putArray("variants")::add);
    ArrayNode measures = root.putArray("measures");
    ObjectNode boxes = root.putObject("boxes");
    for (Measure m : MEASURES) {
      measures
          .addObject()
          .put("key", m.key())
          .put("title", m.title())
          .put("unit", m.unit())
          .put("digits", m.digits());
      ArrayNode perScenario = boxes.putArray(m.key());
      for (String s : scenarios) {
        ArrayNode perVariant = perScenario.addArray();
        for (String v : variants) {
          Group g = groups.get(s).get(v);
          Spread sp = g == null ? null : g.spread(m);
          if (sp == null || sp.n() == 0) {
            perVariant.addNull();
          } else {
            perVariant
                .addArray()
                .add(sp.min())
                .add(sp.q1())
                .add(sp.median())
                .add(sp.q3())
                .add(sp.max());
          }
        }
      }
    }
    grids().forEach(root.putArray("grid")::add);
    return root;
  }

  /**
   * Per parameter: its values (numerically if all are numbers) and one line per policy and
   * scenario.
   */
  private List<ObjectNode> grids() {
    List<ObjectNode> out = new ArrayList<>();
    for (String p : parameters) {
      List<String> values =
          rows.stream()
              .map(r -> r.parameters().get(p))
              .filter(v -> v != null)
              .distinct()
              .collect(Collectors.toCollection(ArrayList::new));
      if (values.stream().allMatch(SweepReport::isNumber)) {
        values.sort(Comparator.comparingDouble(Double::parseDouble));
      }
      ObjectNode g = JSON.createObjectNode();
      g.put("parameter", p);
      values.forEach(g.putArray("values")::add);
      ArrayNode series = g.putArray("series");
      Map<List<String>, List<SweepRow>> lines = new LinkedHashMap<>();
      for (SweepRow r : rows) {
        if (r.parameters().containsKey(p)) {
          lines.computeIfAbsent(List.of(r.policy(), r.scenario()), k -> new ArrayList<>()).add(r);
        }
      }
      for (Map.Entry<List<String>, List<SweepRow>> line : lines.entrySet()) {
        ObjectNode s = series.addObject();
        String policy = line.getKey().get(0);
        String scenario = line.getKey().get(1);
        s.put("name", scenarios.size() > 1 ? policy + " · " + scenario : policy);
        ObjectNode medians = s.putObject("medians");
        for (Measure m : MEASURES) {
          ArrayNode ys = medians.putArray(m.key());
          for (String v : values) {
            List<SweepRow> at =
                line.getValue().stream().filter(r -> v.equals(r.parameters().get(p))).toList();
            Spread sp = Spread.of(at, m.of());
            if (sp.n() == 0) {
              ys.addNull();
            } else {
              ys.add(sp.median());
            }
          }
        }
      }
      out.add(g);
    }
    return out;
  }

  private static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  // Escaping and resources

  /** {@link LabReport#escape}: text for HTML content and quoted attribute values. */
  static String escape(String s) {
    return LabReport.escape(s);
  }
}
