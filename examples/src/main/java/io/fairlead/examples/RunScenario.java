package io.fairlead.examples;

import io.fairlead.lab.Lab;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.report.LabReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a scenario read from a JSON file (format {@code fairlead-scenario}, see {@code
 * docs/json-format.md}) through the lab and prints the per-week table {@link BackTest} prints. With
 * no file it runs the bundled example, {@code scenario-small.json}: three reps, a hire and a leave,
 * thirty leads over two weeks, two policies.
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.RunScenario
 * mvn -q -B -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.RunScenario \
 *     -Dexec.args="my-scenario.json --report target/my-scenario"
 * </pre>
 *
 * <p>With {@code --report DIR} it also writes the lab's report into the folder ({@link LabReport}).
 */
public final class RunScenario {

  /** The bundled example, a resource of this module. */
  static final String EXAMPLE = "/scenario-small.json";

  private RunScenario() {}

  public static void main(String[] args) throws IOException {
    Optional<Path> file = Optional.empty();
    Optional<Path> report = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--report") && i + 1 < args.length && report.isEmpty()) {
        report = Optional.of(Path.of(args[++i]));
      } else if (!args[i].startsWith("--") && file.isEmpty()) {
        file = Optional.of(Path.of(args[i]));
      } else {
        throw new IllegalArgumentException(
            "usage: RunScenario [FILE] [--report DIR], was " + String.join(" ", args));
      }
    }
    Scenario scenario =
        Scenario.fromJson(file.isPresent() ? Files.readString(file.get()) : example());
    LabResult result = Lab.run(scenario, BackTest.consoleProgress(scenario.name(), System.err));
    print(scenario, result, System.out);
    if (report.isPresent()) {
      Path page = LabReport.of(result).write(report.get());
      System.out.println();
      System.out.println("Report: " + page + " (and the figures as JSON and CSV next to it)");
    }
  }

  /** The bundled example scenario's JSON. */
  static String example() {
    try (InputStream in = RunScenario.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + EXAMPLE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the weeks side by side, measure by measure, then one verdict per run. */
  static void print(Scenario scenario, LabResult result, PrintStream out) {
    BackTest.print(
        result,
        out,
        String.format(
            Locale.ROOT,
            "fairlead scenario '%s', %s to %s, %d leads, %d policies",
            scenario.name(),
            scenario.start(),
            scenario.end(),
            scenario.leads().size(),
            scenario.policies().size()),
        "Leads");
  }
}
