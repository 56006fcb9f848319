package io.fairlead.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Renders the sweep's page (the made-up rows of {@link SweepRows}: two scenarios, a grid, hostile
 * names) in headless Chromium with {@link LabReportBrowserTest}'s harness and reads the DOM the
 * browser built: every chart holds an SVG with drawn marks, the page's own check found no error,
 * nothing went to the console, no hostile name became markup. Tagged {@code browser}, like the lab
 * report's; it fails, saying how to install one, if no browser is on the PATH.
 */
@Tag("browser")
class SweepReportBrowserTest {

  /** Kept after the run (under target/), so a failure can be looked at. */
  private static final Path DIR = Path.of("target", "sweep-browser-test");

  private static String body;
  private static String console;

  @BeforeAll
  static void render() throws Exception {
    Path page = SweepReport.of(SweepRows.sample()).write(DIR.resolve("report"));
    Chromium.Output out = Chromium.find().dumpDom(page, DIR.resolve("browser"));
    String dom = out.stdout();
    console = out.stderr();
    Files.writeString(DIR.resolve("dom.html"), dom);
    assertThat(out.exitCode()).as("browser exit code; stderr:%n%s", console).isZero();
    assertThat(dom.endsWith("</html>\n")).as("the DOM dump is complete: %s", DIR).isTrue();
    body = dom.replaceAll("(?s)<script>.*?</script>", "<script></script>");
  }

  @Test
  void everyChartContainerHoldsAnSvgWithDrawnMarks() {
    List<String> charts = LabReportBrowserTest.charts(body);
    // per measure a spread chart and a chart against the one parameter
    assertThat(charts).hasSize(2 * SweepReport.MEASURES.size());
    for (String chart : charts) {
      String name = attribute(chart, "data-chart") + " " + attribute(chart, "data-measure");
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
    int charts = LabReportBrowserTest.charts(body).size();
    assertThat(status.group())
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
    assertThat(body.contains("<b id=\"pwned\"")).as("a <b> element from the scenario").isFalse();
    assertThat(body.contains("<img")).as("an <img> element from the policy").isFalse();
    assertThat(body.contains("<title>pwned</title>")).as("the policy name's script ran").isFalse();
    // shown as text: in the summary, and in the charts' SVG (axis labels, legends)
    assertThat(body).contains("&lt;/script&gt;&lt;b id=\"pwned\"&gt;&amp;amp;&lt;/b&gt;");
    String charts = body.substring(body.indexOf("<section id=\"spread\">"));
    assertThat(charts).contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;");
  }

  private static String attribute(String element, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(element);
    return m.find() ? m.group(1) : "";
  }
}
