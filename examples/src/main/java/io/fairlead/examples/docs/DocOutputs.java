package io.fairlead.examples.docs;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.problem.Problem;
import io.fairlead.examples.Benchmark;
import io.fairlead.examples.BookLifecycleDemo;
import io.fairlead.examples.JsonCli;
import io.fairlead.examples.MavenCrmData;
import io.fairlead.examples.MavenCrmDemo;
import io.fairlead.examples.PolicyScenarios;
import io.fairlead.examples.RebalancingDemo;
import io.fairlead.examples.Timings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Regenerates every deterministic output that the guides in {@code docs/} show: what the examples
 * print, the code they quote from compiled sources, the routing guide's explanations and saved
 * state, and the result example of the JSON format (also written to core's test resources, which
 * core's {@code JsonFormatDocTest} compares with the guide). Run it from the repository root:
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.docs.DocOutputs
 * </pre>
 *
 * <p>A generated block is a fenced block right after a marker comment, {@code <!-- generated: NAME
 * -->}, where NAME is one of {@link #outputs}; only the blocks' contents are rewritten. Programs
 * run with {@link Timings#OMIT}, so no elapsed time or machine detail reaches the guides, and with
 * time limits that are safety caps (their defaults, and 60 s for the benchmark): every search here
 * ends on its move budget, so the outputs are the same on every machine. {@code DocOutputsTest}
 * regenerates them in memory and fails when a guide differs. Measured figures (times, throughput,
 * heap) are not regenerated: they are kept, with their dates, in {@code docs/performance.md}.
 */
public final class DocOutputs {

  /** The command that refreshes the guides, from the repository root. */
  static final String COMMAND =
      "mvn -q -B -pl examples -am test-compile exec:java"
          + " -Dexec.mainClass=io.fairlead.examples.docs.DocOutputs";

  /** The guides, relative to the repository root. */
  static final Path DOCS = Path.of("docs");

  /** Files generated whole, relative to the repository root, by the output that fills them. */
  static final Map<Path, String> FILES =
      Map.of(Path.of("core/src/test/resources/json/result.json"), "result.json");

  /** Sources that guides quote code from, relative to the repository root. */
  static final List<Path> SNIPPET_SOURCES =
      List.of(
          Path.of("examples/src/main/java/io/fairlead/examples/MavenCrmDemo.java"),
          Path.of("examples/src/main/java/io/fairlead/examples/RebalancingDemo.java"),
          Path.of("core/src/test/java/io/fairlead/core/routing/RoutingGuideTest.java"),
          Path.of("solver/src/test/java/io/fairlead/solver/NightlyLedgerTest.java"),
          Path.of("core/src/test/java/io/fairlead/core/identity/IdentityKeysGuideTest.java"),
          Path.of("core/src/test/java/io/fairlead/core/rebalance/RebalancingGuideTest.java"),
          Path.of("core/src/test/java/io/fairlead/core/book/BookGuideTest.java"),
          Path.of("examples/src/test/java/io/fairlead/examples/FairnessPolicyTest.java"));

  /** The problem of the JSON format's examples, relative to the repository root. */
  static final Path JSON_PROBLEM = Path.of("core/src/test/resources/json/problem.json");

  /** The JsonCli sample as the examples guide names it, relative to the repository root. */
  static final String JSON_CLI_SAMPLE = "examples/src/main/resources/problem.json";

  /**
   * The benchmark's time limit here: not its default (9 s, for its 10 s target, which the guides do
   * not show), but a cap that a busy machine stays well within, so that the searches end on their
   * move budget and the figures are the same everywhere.
   */
  static final Duration BENCHMARK_TIME_LIMIT = Duration.ofSeconds(60);

  private static final String JSON_CLI_MAIN =
      "mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.JsonCli";

  private DocOutputs() {}

  /**
   * Rewrites the generated blocks of every guide, and the generated files, that differ from what
   * the code prints today. The optional argument is the repository root (default: the working
   * directory).
   */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "");
    if (!Files.isDirectory(root.resolve(DOCS)) || !Files.isDirectory(root.resolve("examples"))) {
      throw new IllegalArgumentException(
          "run from the repository root (no docs/ or examples/ in '"
              + root.toAbsolutePath()
              + "'): "
              + COMMAND);
    }
    Map<String, String> outputs = outputs(root);
    List<String> changed = new ArrayList<>();
    for (Map.Entry<Path, String> doc : refreshed(root, outputs).entrySet()) {
      if (!doc.getValue().equals(read(root.resolve(doc.getKey())))) {
        write(root.resolve(doc.getKey()), doc.getValue());
        changed.add(doc.getKey().toString());
      }
    }
    for (Map.Entry<Path, String> file : FILES.entrySet()) {
      String text = outputs.get(file.getValue());
      if (!text.equals(read(root.resolve(file.getKey())))) {
        write(root.resolve(file.getKey()), text);
        changed.add(file.getKey().toString());
      }
    }
    System.out.println(
        outputs.size()
            + " outputs regenerated; "
            + (changed.isEmpty() ? "every file was up to date" : "rewritten: " + changed));
  }

  /**
   * Every output the guides may show, by name, computed now. Runs the examples (a few seconds: the
   * Maven sample is solved under four policies and rebalanced, and the benchmark's three problems
   * once).
   */
  static Map<String, String> outputs(Path root) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path source : SNIPPET_SOURCES) {
      String className = source.getFileName().toString().replace(".java", "");
      SourceSnippets.of(read(root.resolve(source)), className).forEach(out::put);
    }
    out.put(
        "MavenCrmDemo",
        printed(o -> MavenCrmDemo.run(MavenCrmDemo.DEFAULT_TIME_LIMIT, Timings.OMIT, o)));
    out.putAll(jsonCli(root));
    out.put(
        "PolicyScenarios",
        printed(o -> PolicyScenarios.run(PolicyScenarios.DEFAULT_TIME_LIMIT, Timings.OMIT, o)));
    out.put("Benchmark", printed(o -> Benchmark.run(BENCHMARK_TIME_LIMIT, Timings.OMIT, o)));
    out.put("RebalancingDemo", printed(o -> RebalancingDemo.run(Timings.OMIT, 0, 0, o)));
    out.put(
        "BookLifecycleDemo",
        printed(o -> BookLifecycleDemo.print(BookLifecycleDemo.run(MavenCrmData.load()), o)));
    out.put("router explanations", RouterOutputs.explanations());
    out.put("router state", RouterOutputs.savedState());
    out.put("router state errors", RouterOutputs.restoreErrors());
    out.put("result.json", resultJson(root));
    out.forEach(GeneratedBlocks::checkOutput);
    return out;
  }

  /**
   * Every guide with its generated blocks filled from the outputs, by path relative to the root.
   *
   * @throws IllegalArgumentException if a guide names an output that does not exist, or an output
   *     is shown in no guide
   */
  static Map<Path, String> refreshed(Path root, Map<String, String> outputs) {
    Map<Path, String> out = new LinkedHashMap<>();
    TreeSet<String> unused = new TreeSet<>(outputs.keySet());
    for (Path doc : guides(root)) {
      String text = read(root.resolve(doc));
      GeneratedBlocks.find(text, doc.toString()).forEach(b -> unused.remove(b.name()));
      out.put(doc, GeneratedBlocks.fill(text, outputs, doc.toString()));
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          "no guide shows the outputs " + unused + ": add a <!-- generated: NAME --> block");
    }
    return out;
  }

  /** The guides, {@code docs/*.md}, relative to the root, by name. */
  static List<Path> guides(Path root) {
    try (Stream<Path> files = Files.list(root.resolve(DOCS))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".md"))
          .map(f -> DOCS.resolve(f.getFileName()))
          .sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The examples guide's two JsonCli sessions, run as the guide shows them (from the repository
   * root) in a scratch directory that holds the same sample under the same name.
   */
  private static Map<String, String> jsonCli(Path root) {
    Path dir;
    try {
      dir = Files.createTempDirectory("fairlead-docs");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      String problem = read(root.resolve(JSON_CLI_SAMPLE));
      write(dir.resolve(JSON_CLI_SAMPLE), problem);
      Map<String, String> out = new LinkedHashMap<>();
      out.put(
          "JsonCli",
          session(
              dir, JSON_CLI_MAIN + " \\\n    -Dexec.args=\"%s\"", JSON_CLI_SAMPLE, "--explain"));
      // A lead with a negative value, in an otherwise valid problem.
      String bad = problem.replaceFirst("\"value\": \\d+", "\"value\": -5");
      if (bad.equals(problem)) {
        throw new IllegalStateException(JSON_CLI_SAMPLE + " has no lead value to break");
      }
      write(dir.resolve("bad.json"), bad);
      out.put("JsonCli bad input", session(dir, JSON_CLI_MAIN + " -Dexec.args=\"%s\"", "bad.json"));
      return out;
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * A shell session: the command, what it printed (standard output and error, in that order), and
   * the exit code when it is not 0.
   */
  private static String session(Path dir, String command, String problem, String... options) {
    List<String> args = new ArrayList<>(List.of(problem, "result.json"));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = JsonCli.run(dir, args.toArray(String[]::new), o, e);
    }
    StringBuilder sb =
        new StringBuilder("$ ").append(String.format(command, String.join(" ", args)));
    sb.append('\n')
        .append(out.toString(StandardCharsets.UTF_8))
        .append(err.toString(StandardCharsets.UTF_8));
    if (code != 0) {
      sb.append("$ echo $?\n").append(code).append('\n');
    }
    return sb.toString();
  }

  /** The JSON format's result example: the least-busy allocation of its problem example. */
  private static String resultJson(Path root) {
    Problem problem = FairleadJson.readProblem(read(root.resolve(JSON_PROBLEM)));
    Allocation a =
        Allocation.of(
            problem,
            Baselines.leastBusy().allocate(problem).assignment(),
            "least-busy",
            Duration.ofNanos(412_000)); // a fixed time, so that the example does not change
    return FairleadJson.writeAllocation(a, true) + "\n";
  }

  /** What a program prints. */
  static String printed(Consumer<PrintStream> program) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      program.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
