package io.fairlead.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairlead.lab.CurveFigures;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.WeekFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's files without a browser: what they hold, their escaping, their determinism. */
class LabReportTest {

  private static LabResult result;
  private static LabReport report;

  @BeforeAll
  static void run() {
    result = ReportScenarios.small();
    report = LabReport.of(result);
  }

  @Test
  void write_putsThePageAndTheFiguresInTheFolder(@TempDir Path dir) throws Exception {
    Path page = report.write(dir.resolve("out"));

    assertThat(page).isEqualTo(dir.resolve("out").resolve("report.html"));
    assertThat(Files.readString(page)).isEqualTo(report.html());
    assertThat(Files.readString(dir.resolve("out/figures.json"))).isEqualTo(report.json());
    assertThat(Files.readString(dir.resolve("out/figures.csv"))).isEqualTo(report.csv());
    assertThat(Files.readString(dir.resolve("out/reps.csv"))).isEqualTo(report.repsCsv());
  }

  @Test
  void thePage_isSelfContained() {
    String html = report.html();
    // ECharts inlined; no element of the page loads anything, and the browser may fetch nothing
    assertThat(html)
        .contains("Licensed to the Apache Software Foundation")
        .contains("echarts.init(");
    assertThat(html).contains("renderer: 'svg'");
    String own = own(html);
    assertThat(Pattern.compile("<(script|img|iframe)[^>]* src=").matcher(own).find()).isFalse();
    assertThat(own).doesNotContain("<link").doesNotContain("http://").doesNotContain("https://");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
  }

  @Test
  void thePage_leadsWithAVerdictPerRunAndALegend() {
    String html = report.html();
    int verdict = html.indexOf("<section id=\"verdict\">");
    int legend = html.indexOf("<section id=\"legend\">");
    int charts = html.indexOf("<section id=\"loads\">");
    assertThat(verdict).isPositive().isLessThan(legend);
    assertThat(legend).isLessThan(charts);
    for (PolicyRun run : result.runs()) {
      assertThat(html).contains("<h3>" + LabReport.escape(run.policy()) + "</h3>");
    }
    for (String term :
        List.of(
            "Fair share",
            "Gini",
            "Jain",
            "Receipts lag",
            "proven bound",
            "What more moves would")) {
      assertThat(html.substring(legend, charts)).contains(term);
    }
  }

  @Test
  void thePage_drawsTheTradeOffCurve_andNamesTheProvenFewestMovesPerRun() {
    String html = report.html();
    int section = html.indexOf("<section id=\"curve\">");
    assertThat(section).isPositive();
    String curve = html.substring(section, html.indexOf("</section>", section));
    assertThat(curve).contains("What more moves would buy").contains("data-chart=\"curve\"");
    for (PolicyRun run : result.runs()) {
      String fewest =
          run.curve().fewestMovesToCountOptimum().stream()
              .mapToObj(String::valueOf)
              .findFirst()
              .orElse("out of reach");
      assertThat(curve)
          .contains(
              LabReport.escape(run.policy())
                  + " "
                  + fewest
                  + " of "
                  + run.curve().movable()
                  + " movable");
    }
  }

  @Test
  void everyNameIsEscaped_inTheHtmlAndInTheScriptData() {
    String html = report.html();
    // neither hostile name appears raw anywhere, ECharts' own code aside
    String own =
        html.substring(0, html.indexOf("<footer>"))
            + html.substring(html.indexOf("window.FAIRLEAD_FIGURES"));
    assertThat(own).doesNotContain(ReportScenarios.HOSTILE_REP);
    assertThat(own).doesNotContain(ReportScenarios.HOSTILE_POLICY);
    assertThat(own).contains(LabReport.escape(ReportScenarios.HOSTILE_POLICY));
    // in the script: < > & as JSON escapes, so </script> cannot occur
    assertThat(own).contains("\\u003c/script\\u003e\\u003cb id=\\\"pwned\\\"\\u003e\\u0026amp;");
    assertThat(html.toLowerCase().split("</script", -1))
        .as("only the page's own </script> tags")
        .hasSize(5);
    assertThat(LabReport.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
  }

  @Test
  void json_holdsEveryRunWeekAndRep() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report.json());
    assertThat(json.get("scenario").asText()).isEqualTo(result.scenario());
    assertThat(json.get("runs")).hasSize(result.runs().size());
    for (int i = 0; i < result.runs().size(); i++) {
      PolicyRun run = result.runs().get(i);
      JsonNode r = json.get("runs").get(i);
      assertThat(r.get("policy").asText()).isEqualTo(run.policy());
      assertThat(r.get("verdict").asText()).isEqualTo(run.verdict());
      assertThat(r.get("weeks")).hasSize(run.weeks().size());
      assertThat(r.get("reps")).hasSize(run.finalReps().size());
      WeekFigures w = run.weeks().get(run.weeks().size() - 1);
      JsonNode last = r.get("weeks").get(run.weeks().size() - 1);
      assertThat(last.get("countGini").asDouble()).isEqualTo(w.countGini());
      assertThat(last.get("lag").asDouble()).isEqualTo(w.lag());
      assertThat(last.get("pool").asInt()).isEqualTo(w.pool());
      assertThat(last.get("to").asText()).isEqualTo(w.to().toString());
      assertThat(r.get("reps").get(0).get("customers").asInt())
          .isEqualTo(run.finalReps().get(0).leads());
      JsonNode curve = r.get("curve");
      assertThat(curve.get("movable").asInt()).isEqualTo(run.curve().movable());
      assertThat(curve.get("points")).hasSize(6);
      for (int k = 0; k < 6; k++) {
        CurveFigures.Point p = run.curve().points().get(k);
        JsonNode q = curve.get("points").get(k);
        assertThat(q.get("budget").asText()).isEqualTo(p.budget());
        assertThat(q.get("moves").asInt()).isEqualTo(p.moves());
        assertThat(q.get("countGap").asDouble()).isEqualTo(p.countGap());
        assertThat(q.get("valueMaxGap").asDouble()).isEqualTo(p.valueMaxGap());
      }
      // no limit is null, not Integer.MAX_VALUE
      assertThat(curve.get("points").get(5).get("maxMoves").isNull()).isTrue();
      assertThat(curve.get("fewestMovesToCountOptimum").isNull())
          .isEqualTo(run.curve().fewestMovesToCountOptimum().isEmpty());
    }
    // the scenario's North leads: unassigned for want of a rep who may take them
    assertThat(report.json()).contains("\"no-eligible-rep:region\"");
  }

  @Test
  void csv_hasARowPerRunAndWeek_andPerRunAndRep() {
    List<String> weeks = report.csv().lines().toList();
    assertThat(weeks.get(0)).startsWith("policy,week,from,to,arrived,");
    assertThat(weeks).hasSize(1 + result.runs().stream().mapToInt(r -> r.weeks().size()).sum());
    assertThat(weeks.get(1)).startsWith("default,1," + LocalDate.of(2024, 1, 1) + ",");
    List<String> reps = report.repsCsv().lines().toList();
    assertThat(reps.get(0)).isEqualTo(String.join(",", Figures.REP_COLUMNS));
    assertThat(reps).hasSize(1 + result.runs().stream().mapToInt(r -> r.finalReps().size()).sum());
    // the hostile names are quoted CSV fields, not broken rows
    assertThat(report.repsCsv()).contains("\"<img src=x onerror=\"\"document.title='pwned'\"\">\"");
  }

  @Test
  void theSameResult_givesTheSameFiles() {
    LabReport again = LabReport.of(ReportScenarios.small());
    assertThat(again.html()).isEqualTo(report.html());
    assertThat(again.json()).isEqualTo(report.json());
    assertThat(again.csv()).isEqualTo(report.csv());
  }

  @Test
  void aResultWithoutRuns_isRefused() {
    LabResult empty = new LabResult("empty", LocalDate.of(2024, 1, 1), 7, 1, List.of());
    assertThatThrownBy(() -> LabReport.of(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lab result empty: no run to report on");
  }

  /** The page without ECharts' inlined code. */
  private static String own(String html) {
    return html.substring(0, html.indexOf("<footer>"))
        + html.substring(html.indexOf("window.FAIRLEAD_FIGURES"));
  }
}
