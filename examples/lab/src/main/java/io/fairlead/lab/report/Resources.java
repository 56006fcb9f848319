package io.fairlead.lab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What both report pages inline: ECharts from its webjar, and this package's CSS and scripts. */
final class Resources {

  /** The ECharts script inside the webjar {@code org.webjars.npm:echarts:5.3.1}. */
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  /** The legend's definition of the Gini coefficient, the same on both pages. */
  static final String GINI =
      "How unevenly customers (or value) are spread over the reps, per unit of weight: 0 when"
          + " every rep holds exactly its share, towards 1 when one rep holds everything.";

  /** The legend's definition of a fair share, the same on both pages. */
  static final String FAIR_SHARE =
      "What a rep would hold in the most even book its territories, roles and caps allow:"
          + " customers split among the reps allowed to take them so that no rep could hold more"
          + " per unit of weight without taking from one that holds less. Two reps' fair shares"
          + " can differ, and one allocation can give every rep its own, to within rounding.";

  /** The legend's definition of moves, the same on both pages. */
  static final String MOVES =
      "Rebalancing moves take an existing customer from one rep and give it to another; other"
          + " moves come from departures, conflicts and covers for long leave.";

  private Resources() {}

  /** Appends a legend: each term and its definition, escaped, as a definition list's items. */
  static void definitions(StringBuilder h, String[][] terms) {
    for (String[] t : terms) {
      h.append("<dt>")
          .append(LabReport.escape(t[0]))
          .append("</dt><dd>")
          .append(LabReport.escape(t[1]))
          .append("</dd>\n");
    }
  }

  /** ECharts, checked to be safe inside a {@code <script>} element. */
  static String echarts() {
    String js =
        read(
            Resources.class.getClassLoader().getResourceAsStream(ECHARTS),
            ECHARTS + " is not on the class path: the reports need org.webjars.npm:echarts:5.3.1");
    if (js.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalStateException(ECHARTS + " contains </script: it cannot be inlined");
    }
    return js;
  }

  /** A CSS or script file of this package. */
  static String resource(String name) {
    return read(
        Resources.class.getResourceAsStream(name),
        "resource " + name + " of the lab's reports is missing");
  }

  private static String read(InputStream stream, String missing) {
    try (InputStream in = stream) {
      if (in == null) {
        throw new IllegalStateException(missing);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
