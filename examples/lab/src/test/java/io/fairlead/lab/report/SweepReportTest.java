package io.fairlead.lab.report;

import static io.fairlead.lab.report.SweepRows.HOSTILE_POLICY;
import static io.fairlead.lab.report.SweepRows.HOSTILE_SCENARIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepRow;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's page and CSV without a browser: content, numbers, escaping, self-containment. */
class SweepReportTest {

  /** The made-up figures are sums like 0.06 + 0.01, one ulp off their decimal. */
  private static final Offset<Double> EPS = within(1e-12);

  private static final List<SweepRow> ROWS = SweepRows.sample();
  private static final SweepReport REPORT = SweepReport.of(ROWS);
  private static final String HTML = REPORT.html();

  @Test
  void write_putsThePageAndTheSweepsCsvInTheFolder(@TempDir Path dir) throws Exception {
    Path page = REPORT.write(dir.resolve("out"));

    assertThat(page).isEqualTo(dir.resolve("out").resolve("sweep.html"));
    assertThat(Files.readString(page)).isEqualTo(HTML);
    StringWriter csv = new StringWriter();
    Sweep.writeCsv(ROWS, csv);
    assertThat(Files.readString(dir.resolve("out/sweep.csv"))).isEqualTo(csv.toString());
    assertThat(csv.toString().lines()).hasSize(1 + ROWS.size());
  }

  @Test
  void thePage_isSelfContained() {
    assertThat(HTML)
        .contains("Licensed to the Apache Software Foundation")
        .contains("echarts.init(");
    assertThat(HTML).contains("renderer: 'svg'");
    String own = own(HTML);
    assertThat(Pattern.compile("<(script|img|iframe)[^>]* src=").matcher(own).find()).isFalse();
    assertThat(own).doesNotContain("<link").doesNotContain("http://").doesNotContain("https://");
    assertThat(HTML).contains("Content-Security-Policy").contains("default-src 'none'");
  }

  @Test
  void thePage_leadsWithTheSummary_thenTheLegend_theCharts_theTable() {
    int summary = HTML.indexOf("<section id=\"summary\">");
    int legend = HTML.indexOf("<section id=\"legend\">");
    int spread = HTML.indexOf("<section id=\"spread\">");
    int parameters = HTML.indexOf("<section id=\"parameters\">");
    int rows = HTML.indexOf("<section id=\"rows\">");
    assertThat(summary).isPositive().isLessThan(legend);
    assertThat(legend).isLessThan(spread);
    assertThat(spread).isLessThan(parameters);
    assertThat(parameters).isLessThan(rows);
    assertThat(HTML)
        .contains(
            "<p>18 tasks: 2 scenarios (uniform, "
                + LabReport.escape(HOSTILE_SCENARIO)
                + ") × 3 policy variants × 3 seeds, each run 12 weeks.</p>");
  }

  @Test
  void theSummary_givesEachVariantsMedianAndRangeOverSeeds() {
    // uniform, default: Gini of customers 0.11, 0.12, 0.13; of value 0.26, 0.27, 0.28; the
    // largest gap 40 × the Gini: 4.4, 4.8, 5.2; no rebalancing move; other moves 1, 2, 3
    assertThat(summary())
        .contains(
            "<li>default: Gini of customers 0.120 (0.110–0.130), of value 0.270 (0.260–0.280);"
                + " largest gap to fair share 4.8 (4.4–5.2) customers; 0 rebalancing moves and 2"
                + " other moves per run (3 seeds).</li>");
    // share 0.05: moves 31, 32, 33
    assertThat(summary())
        .contains(
            LabReport.escape(HOSTILE_POLICY)
                + " maxMovesShare=0.05: Gini of customers 0.050 (0.040–0.060)")
        .contains("; 32 (31–33) rebalancing moves");
  }

  @Test
  void theSummary_namesTheMostEvenVariant_andItsCostInMoves() {
    String policy = LabReport.escape(HOSTILE_POLICY);
    assertThat(summary())
        .contains(
            "Most even on customers: "
                + policy
                + " maxMovesShare=0.05 (median Gini 0.050), at a cost of a median 32 rebalancing"
                + " moves per run; default moves least (median 0) and reaches a median Gini of"
                + " 0.120.")
        .contains(
            "Most even on value: "
                + policy
                + " maxMovesShare=0.01 (median Gini 0.170, median 12 rebalancing moves).");
    // one block per scenario, the second's figures 1.5 times as large
    assertThat(summary()).contains("<h3>" + LabReport.escape(HOSTILE_SCENARIO) + "</h3>");
    assertThat(summary()).contains("(median Gini 0.075)");
  }

  @Test
  void theTable_hasEveryRowWithItsNumbers() {
    String table = HTML.substring(HTML.indexOf("<section id=\"rows\">"));
    List<String> trs =
        Pattern.compile("<tr><td>.*?</tr>").matcher(table).results().map(m -> m.group()).toList();
    assertThat(trs).hasSize(ROWS.size());
    for (int i = 0; i < ROWS.size(); i++) {
      SweepRow r = ROWS.get(i);
      assertThat(trs.get(i))
          .startsWith(
              "<tr><td>" + r.task() + "</td><td>" + LabReport.escape(r.scenario()) + "</td>")
          .contains("<td>" + LabReport.escape(r.variant()) + "</td><td>" + r.seed() + "</td>")
          .contains("<td>" + String.format(Locale.ROOT, "%.3f", r.countGini()) + "</td>")
          .contains("<td>" + String.format(Locale.ROOT, "%.3f", r.valueGini()) + "</td>")
          .contains("<td>" + String.format(Locale.ROOT, "%.1f", r.countMaxDeviation()) + "</td>")
          .endsWith(
              "<td>"
                  + r.rebalanceMoves()
                  + "</td><td>"
                  + r.otherMoves()
                  + "</td><td>"
                  + r.unassigned()
                  + "</td><td>"
                  + r.wallMillis()
                  + "</td></tr>");
    }
  }

  @Test
  void theChartsData_holdEachVariantsSpread_andTheGridsMedians() throws Exception {
    JsonNode data = data(HTML);
    assertThat(data.get("scenarios"))
        .extracting(JsonNode::asText)
        .containsExactly("uniform", HOSTILE_SCENARIO);
    assertThat(data.get("variants"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "default",
            HOSTILE_POLICY + " maxMovesShare=0.01",
            HOSTILE_POLICY + " maxMovesShare=0.05");
    // uniform, share 0.01: Gini of customers 0.07, 0.08, 0.09 → min, quartiles, median, max
    JsonNode box = data.get("boxes").get("countGini").get(0).get(1);
    assertThat(doubles(box)).containsExactly(new double[] {0.07, 0.075, 0.08, 0.085, 0.09}, EPS);
    // the hostile scenario, default: moves all 0
    assertThat(doubles(data.get("boxes").get("rebalanceMoves").get(1).get(0)))
        .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0);
    // one parameter; the rebalancing policy per scenario; its medians at 0.01 and 0.05
    JsonNode grid = data.get("grid").get(0);
    assertThat(grid.get("parameter").asText()).isEqualTo("maxMovesShare");
    assertThat(grid.get("values")).extracting(JsonNode::asText).containsExactly("0.01", "0.05");
    assertThat(grid.get("series")).hasSize(2);
    JsonNode uniform = grid.get("series").get(0);
    assertThat(uniform.get("name").asText()).isEqualTo(HOSTILE_POLICY + " · uniform");
    assertThat(doubles(uniform.get("medians").get("countGini")))
        .containsExactly(new double[] {0.08, 0.05}, EPS);
    assertThat(doubles(uniform.get("medians").get("rebalanceMoves"))).containsExactly(12.0, 32.0);
    // a chart per measure for the spread and per measure for the parameter
    assertThat(HTML.split("data-chart=\"box\"", -1)).hasSize(1 + SweepReport.MEASURES.size());
    assertThat(HTML.split("data-chart=\"parameter\"", -1)).hasSize(1 + SweepReport.MEASURES.size());
  }

  @Test
  void everyNameIsEscaped_inTheHtmlAndInTheScriptData() {
    String own = own(HTML);
    assertThat(own).doesNotContain(HOSTILE_SCENARIO).doesNotContain(HOSTILE_POLICY);
    assertThat(own)
        .contains(LabReport.escape(HOSTILE_SCENARIO))
        .contains(LabReport.escape(HOSTILE_POLICY));
    assertThat(own).contains("\\u003c/script\\u003e\\u003cb id=\\\"pwned\\\"\\u003e\\u0026amp;");
    assertThat(HTML.toLowerCase(Locale.ROOT).split("</script", -1))
        .as("only the page's own </script> tags")
        .hasSize(5);
  }

  @Test
  void withoutAGrid_thereIsNoParameterSection_andOneScenarioHasNoHeading() {
    List<SweepRow> plain =
        List.of(
            SweepRows.row(0, "uniform", "default", Map.of(), 1, 0.1, 0.2, 0),
            SweepRows.row(1, "uniform", "receipts", Map.of(), 1, 0.2, 0.1, 0));
    String html = SweepReport.of(plain).html();

    assertThat(html)
        .doesNotContain("<section id=\"parameters\">")
        .doesNotContain("data-chart=\"parameter\"");
    assertThat(html)
        .contains(
            "<p>2 tasks: 1 scenario (uniform) × 2 policy variants × 1 seed, each run 12 weeks.</p>");
    assertThat(html)
        .contains(
            "Most even on customers: default (median Gini 0.100), and it moves no more than any other variant");
    assertThat(html).contains("<li>default: Gini of customers 0.100, of value 0.200;");
  }

  @Test
  void theSameRows_giveTheSamePage() {
    assertThat(SweepReport.of(SweepRows.sample()).html()).isEqualTo(HTML);
  }

  @Test
  void noRows_areRefused() {
    assertThatThrownBy(() -> SweepReport.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sweep report: no row to report on");
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static String summary() {
    return HTML.substring(
        HTML.indexOf("<section id=\"summary\">"), HTML.indexOf("<section id=\"legend\">"));
  }

  /** The charts' data, read back from the page's script. */
  static JsonNode data(String html) throws Exception {
    Matcher m = Pattern.compile("window.FAIRLEAD_SWEEP = (.*);\n</script>").matcher(html);
    assertThat(m.find()).isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  /** The page without ECharts' inlined code. */
  private static String own(String html) {
    return html.substring(0, html.indexOf("<footer>"))
        + html.substring(html.indexOf("window.FAIRLEAD_SWEEP"));
  }
}
