package io.fairlead.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.lab.LabResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Renders the report of a small scenario in headless Chromium and reads the DOM the browser built:
 * every chart container holds an SVG with drawn marks, nothing went to the console as an error, and
 * no hostile name became markup. Tagged {@code browser}; it runs in every {@code mvn test} and
 * fails, saying how to install one, if no browser is on the PATH.
 */
@Tag("browser")
class LabReportBrowserTest {

  /** Kept after the run (under target/), so a failure can be looked at. */
  private static final Path DIR = Path.of("target", "browser-test");

  private static LabResult result;
  private static String dom;
  private static String body;
  private static String console;

  @BeforeAll
  static void render() throws Exception {
    Chromium chromium = Chromium.find();
    result = ReportScenarios.small();
    Path page = LabReport.of(result).write(DIR.resolve("report"));
    Chromium.Output out = chromium.dumpDom(page, DIR.resolve("browser"));
    dom = out.stdout();
    console = out.stderr();
    Files.writeString(DIR.resolve("dom.html"), dom);
    assertThat(out.exitCode()).as("browser exit code; stderr:%n%s", console).isZero();
    assertThat(dom.endsWith("</html>\n")).as("the DOM dump is complete: %s", DIR).isTrue();
    // the page without its scripts (ECharts is 1 MB): what a reader sees, and the drawn SVG
    body = dom.replaceAll("(?s)<script>.*?</script>", "<script></script>");
  }

  @Test
  void everyChartContainerHoldsAnSvgWithDrawnMarks() {
    List<String> charts = charts(body);
    // a load chart per run (2 policies + history), 2 Lorenz, 3 over time, moves, the trade-off
    // curve, unassigned
    assertThat(charts).hasSize(result.runs().size() + 2 + 3 + 1 + 1 + 1);
    assertThat(charts).anyMatch(c -> c.contains("data-chart=\"curve\""));
    for (String chart : charts) {
      String name = attribute(chart, "data-chart");
      assertThat(chart.contains("<svg")).as("chart %s holds an <svg> (%s)", name, DIR).isTrue();
      Matcher path = Pattern.compile("<path[^>]* d=\"M[^\"]{4,}\"").matcher(chart);
      assertThat(path.find()).as("chart %s has a drawn path (%s)", name, DIR).isTrue();
      assertThat(Integer.parseInt(attribute(chart, "data-marks")))
          .as("marks the page counted in chart %s", name)
          .isPositive();
    }
  }

  @Test
  void thePagesOwnCheckSaysAllDrewAndNoErrors() {
    Matcher status = Pattern.compile("<div id=\"report-status\"[^>]*>").matcher(body);
    assertThat(status.find()).isTrue();
    String tag = status.group();
    int charts = charts(body).size();
    assertThat(tag)
        .contains("data-charts=\"" + charts + "\"")
        .contains("data-drawn=\"" + charts + "\"")
        .contains("data-errors=\"0\"");
  }

  @Test
  void theConsoleHasNoErrors() {
    assertThat(console).doesNotContain("Uncaught").doesNotContain(":CONSOLE");
    assertThat(console).doesNotContainIgnoringCase("Content Security Policy");
  }

  @Test
  void hostileNamesStayText() {
    // the policy name closes </script> and the rep name is an <img>; neither became an element
    assertThat(body.contains("<b id=\"pwned\"")).as("a <b> element from the policy name").isFalse();
    assertThat(body.contains("<img")).as("an <img> element from the rep name").isFalse();
    assertThat(body.contains("<title>pwned</title>")).as("the rep name's script ran").isFalse();
    // both were shown as text: the policy name in the verdict, the rep name in an axis label
    assertThat(body.contains("&lt;/script&gt;&lt;b id=\"pwned\"&gt;&amp;amp;&lt;/b&gt;"))
        .as("the policy name as text")
        .isTrue();
    assertThat(body.contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"))
        .as("the rep name as text")
        .isTrue();
  }

  @Test
  void theVerdictComesFirst() {
    assertThat(body.indexOf("id=\"verdict\""))
        .isPositive()
        .isLessThan(body.indexOf("id=\"legend\""))
        .isLessThan(body.indexOf("class=\"chart"));
  }

  @Test
  void aChartThatFailsToDraw_isReportedByThePageAndTheConsole() throws Exception {
    // the same page with a container no chart builder knows: the drawing script throws
    String html =
        LabReport.of(result)
            .html()
            .replace(
                "<section id=\"legend\">",
                "<div class=\"chart\" data-chart=\"nonsense\"></div>\n<section id=\"legend\">");
    Path page = Files.writeString(DIR.resolve("broken.html"), html);
    Chromium.Output out = Chromium.find().dumpDom(page, DIR.resolve("browser-broken"));
    assertThat(out.stderr()).contains("Uncaught Error: no chart named nonsense");
    Matcher status = Pattern.compile("<div id=\"report-status\"[^>]*>").matcher(out.stdout());
    assertThat(status.find()).isTrue();
    assertThat(status.group()).doesNotContain("hidden").doesNotContain("data-errors=\"0\"");
  }

  /** Each chart container's markup, up to the next one or the end of its section. */
  static List<String> charts(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<div class=\"chart[ \"]").matcher(html);
    List<Integer> starts = new ArrayList<>();
    while (m.find()) {
      starts.add(m.start());
    }
    for (int i = 0; i < starts.size(); i++) {
      int end =
          i + 1 < starts.size() ? starts.get(i + 1) : html.indexOf("</section>", starts.get(i));
      out.add(html.substring(starts.get(i), end));
    }
    return out;
  }

  private static String attribute(String element, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(element);
    return m.find() ? m.group(1) : "";
  }
}
