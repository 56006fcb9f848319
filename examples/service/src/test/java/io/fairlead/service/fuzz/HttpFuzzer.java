package io.fairlead.service.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.core.fuzz.Fuzzer;
import io.fairlead.core.fuzz.JsonMutator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded mutation fuzz over HTTP: the seeds of every {@link Endpoint} sent once as they are (each
 * must be answered 2xx), then {@code runs} mutants, the endpoints taking turns by their weight,
 * each made by core's {@link JsonMutator} from one of the endpoint's seeds with a {@link Random}
 * seeded from the run's seed and the mutant's index. Same seed and count, same inputs. A lone
 * surrogate a mutant holds is sent as the three bytes that would encode it, which are not UTF-8.
 *
 * <p>Every answer must pass {@link HttpOracle} with a status of 2xx, 400, 403, 404, 409 or 413; a
 * body that is not UTF-8 is 400 malformed-json; a body over the limit is 413; and where the body is
 * or holds a library document, the service gives the library's verdict on it as sent: if the
 * library refuses it, the answer is 400, and an error inside the document names the library's path;
 * if the library reads it, the service does not call it malformed. Each failing input is written to
 * {@code target/http-fuzz-failures/<name>.json} with its request and error in {@code <name>.txt},
 * at most three of each kind.
 *
 * <p>The same system properties as core's fuzz: {@code fuzz.runs} and {@code fuzz.seed}.
 */
final class HttpFuzzer {

  private static final Path FAILURES = Path.of("target", "http-fuzz-failures");
  private static final int FILES_PER_KIND = 3;
  private static final Set<Integer> STATUSES = Set.of(200, 201, 400, 403, 404, 409, 413);

  private HttpFuzzer() {}

  /**
   * One input.
   *
   * @param endpoint where it is sent
   * @param name its name in reports and failure files
   * @param body its text
   */
  record Input(Endpoint endpoint, String name, String body) {}

  /** The {@code i}-th mutant of a run. */
  static Input mutant(List<Endpoint> endpoints, long seed, int i) {
    List<Endpoint> turns = new ArrayList<>(); // each endpoint as often as its weight
    for (int w = 0; w < Endpoint.WEIGHT; w++) {
      for (Endpoint e : endpoints) {
        if (w < e.weight()) {
          turns.add(e);
        }
      }
    }
    Endpoint e = turns.get(i % turns.size());
    Random random = new Random(new SplittableRandom(seed + i * 0x9E3779B97F4A7C15L).nextLong());
    String body = JsonMutator.mutate(e.seeds().get(random.nextInt(e.seeds().size())), random);
    return new Input(e, e.name() + "-" + Long.toHexString(seed) + "-" + i, body);
  }

  /** Sends the seeds, then {@code runs} mutants, and checks every answer. */
  static Report run(FuzzClient client, List<Endpoint> endpoints, long seed, int runs) {
    Report report = new Report(seed);
    for (Endpoint e : endpoints) {
      for (int k = 0; k < e.seeds().size(); k++) {
        Input input = new Input(e, e.name() + "-seed-" + k, e.seeds().get(k));
        runOne(client, input, true, report);
      }
    }
    for (int i = 0; i < runs; i++) {
      runOne(client, mutant(endpoints, seed, i), false, report);
    }
    return report;
  }

  private static void runOne(FuzzClient client, Input input, boolean seed, Report report) {
    long start = System.nanoTime();
    try {
      int status = check(client, input);
      if (seed && status / 100 != 2) {
        throw new AssertionError("a seed was answered " + status + ", not 2xx");
      }
      report.done(input, status, System.nanoTime() - start);
    } catch (AssertionError | RuntimeException e) {
      report.failed(input, e);
    }
  }

  /** Sends an input and checks its answer; returns its status. */
  static int check(FuzzClient client, Input input) {
    Endpoint e = input.endpoint();
    String body = input.body();
    byte[] bytes = wtf8(body);
    Answer a = client.send(e.method(), e.path(), e.token(), bytes);
    JsonNode json = HttpOracle.check(a, body, STATUSES);
    int status = a.status();
    JsonNode error = json.path("error");
    String code = error.path("code").asText(null);
    String path = error.path("path").asText(null);
    String said = " (answered " + status + " " + HttpOracle.shorten(a.text()) + ")";
    if (bytes.length > FuzzService.MAX_BODY) {
      require(status == 413, "a body of " + bytes.length + " bytes is over the limit" + said);
      return status;
    }
    if (!wellFormed(body)) {
      require(
          status == 400 && "malformed-json".equals(code),
          "a body that is not UTF-8 is malformed JSON" + said);
      return status;
    }
    if (body.isBlank() && e.embedded().isPresent() && e.embedded().get().field() == null) {
      require(status == 400 && "$".equals(path), "an empty body is refused at $" + said);
      return status;
    }
    Optional<Endpoint.Verdict> verdict = e.embedded().flatMap(d -> d.verdict(body));
    if (verdict.isPresent()) {
      Endpoint.Embedded d = e.embedded().orElseThrow();
      Endpoint.Verdict v = verdict.get();
      if (v.path() != null) {
        require(status == 400, "the library refuses it at " + v.path() + said);
        if (path != null && d.contains(path)) {
          require(
              path.equals(v.path()) && v.malformed() == "malformed-json".equals(code),
              "the library refuses it at "
                  + v.path()
                  + (v.malformed() ? " as malformed JSON" : "")
                  + said);
        }
      } else {
        require(
            !(status == 400 && "malformed-json".equals(code) && path != null && d.contains(path)),
            "the library reads it" + said);
      }
    }
    return status;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  /** Whether a string holds no lone surrogate (is encodable as UTF-8). */
  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8, with each lone surrogate written as the three bytes of its code point (not UTF-8). */
  static byte[] wtf8(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        out.writeBytes(s.substring(from, i).getBytes(StandardCharsets.UTF_8));
        out.write(0xE0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3F));
        out.write(0x80 | (c & 0x3F));
        from = i + 1;
      }
    }
    out.writeBytes(s.substring(from).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** What a run saw: statuses per endpoint, failures by kind, the slowest input. */
  static final class Report {
    private final long seed;
    private final long started = System.nanoTime();
    private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, List<String>> failures = new LinkedHashMap<>();
    private int inputs;
    private int failed;
    private long slowestNanos = -1;
    private String slowest;

    Report(long seed) {
      this.seed = seed;
    }

    void done(Input input, int status, long took) {
      inputs++;
      String e = input.endpoint().method() + " " + input.endpoint().path();
      statuses.computeIfAbsent(e, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
      nanos.merge(e, took, Long::sum);
      if (took > slowestNanos) {
        slowestNanos = took;
        slowest = input.name();
      }
    }

    void failed(Input input, Throwable error) {
      inputs++;
      failed++;
      String kind = input.endpoint().name() + ": " + kind(error);
      List<String> files = failures.computeIfAbsent(kind, k -> new ArrayList<>());
      if (files.size() < FILES_PER_KIND) {
        files.add(write(input, error));
      }
    }

    /** The number of inputs sent, seeds included. */
    int inputs() {
      return inputs;
    }

    /** The kinds of failure, each with up to three files holding an input and its error. */
    Map<String, List<String>> failures() {
      return failures;
    }

    /** How many answers of each status an endpoint gave ({@code "POST /v1/leads"}). */
    Map<Integer, Integer> statuses(Endpoint e) {
      return statuses.getOrDefault(e.method() + " " + e.path(), Map.of());
    }

    /** A few lines for the test log. */
    String summary() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              "http fuzz seed 0x%x: %d inputs in %.1f s, %d failed; slowest %s, %.1f ms%n",
              seed,
              inputs,
              (System.nanoTime() - started) / 1e9,
              failed,
              slowest,
              slowestNanos / 1e6));
      statuses.forEach(
          (e, n) -> b.append(String.format("  %-32s %5.1f s  %s%n", e, nanos.get(e) / 1e9, n)));
      failures.forEach((k, files) -> b.append("  FAILURE ").append(k).append(files).append('\n'));
      return Fuzzer.utf8Safe(b.toString());
    }
  }

  /** A failure's kind: the start of its message, numbers blanked. */
  private static String kind(Throwable error) {
    String said = String.valueOf(error.getMessage()).replaceAll("[0-9]+", "#").replace('\n', ' ');
    return error.getClass().getSimpleName() + ": " + said.substring(0, Math.min(said.length(), 70));
  }

  private static String write(Input input, Throwable error) {
    try {
      Files.createDirectories(FAILURES);
      Path json = FAILURES.resolve(input.name() + ".json");
      Files.writeString(json, Fuzzer.utf8Safe(input.body()));
      StringWriter trace = new StringWriter();
      trace.append(input.endpoint().method()).append(' ').append(input.endpoint().path());
      trace.append(" with the body in ").append(json.getFileName().toString()).append("\n\n");
      error.printStackTrace(new PrintWriter(trace));
      Files.writeString(FAILURES.resolve(input.name() + ".txt"), Fuzzer.utf8Safe(trace.toString()));
      return json.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
