package io.fairlead.core.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a seeded mutation fuzz: every seed document once as it is, then {@code runs} mutants, the
 * {@code i}-th of document {@code documents[i % n]}, made by {@link JsonMutator} with a {@link
 * Random} seeded from the run's seed and {@code i}. Same seed and count, same inputs.
 *
 * <p>Each input runs on a worker thread with a generous limit ({@link #HANG}): an input that takes
 * longer is reported as a hang. That is hang detection, not a speed check; the slowest input's time
 * is only reported (with the slowest mutant's time when run again, best of three). Every failing
 * input is written to {@code target/fuzz-failures/<name>.json} (lone surrogates as {@code \\uXXXX}
 * escapes, so that the file is UTF-8) with the error next to it in {@code <name>.txt}, ready to be
 * added to the corpus; at most three per kind of failure.
 *
 * <p>System properties, for a larger run: {@code fuzz.runs} (the number of mutants) and {@code
 * fuzz.seed} (decimal or {@code 0x} hex).
 */
public final class Fuzzer {

  /** The seed of the runs in the build. */
  public static final long DEFAULT_SEED = 0x5EED_F022L;

  /** An input that takes longer is a hang. */
  public static final Duration HANG = Duration.ofSeconds(10);

  private static final Path FAILURES = Path.of("target", "fuzz-failures");
  private static final int FILES_PER_KIND = 3;

  private Fuzzer() {}

  /**
   * One input.
   *
   * @param document what it is read as
   * @param name its name in reports and failure files
   * @param json its text
   */
  public record Input(Document document, String name, String json) {}

  /** The number of mutants: {@code -Dfuzz.runs}, else the given default. */
  public static int runs(int defaultRuns) {
    return Integer.getInteger("fuzz.runs", defaultRuns);
  }

  /** The run's seed: {@code -Dfuzz.seed}, else {@link #DEFAULT_SEED}. */
  public static long seed() {
    String s = System.getProperty("fuzz.seed");
    return s == null || s.isBlank() ? DEFAULT_SEED : Long.decode(s.trim());
  }

  /** The {@code i}-th mutant of a run. */
  public static Input mutant(List<Document> documents, long seed, int i) {
    Document d = documents.get(i % documents.size());
    Random random = new Random(mix(seed + (i + 1) * 0x9E3779B97F4A7C15L));
    List<String> seeds = Seeds.get().documents(d);
    String json = JsonMutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
    return new Input(d, d.id() + "-" + Long.toHexString(seed) + "-" + i, json);
  }

  /** SplitMix64's finaliser: neighbouring indexes give unrelated seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Runs the seeds of the documents and then {@code runs} mutants through the oracle. */
  public static Report run(
      List<Document> documents, long seed, int runs, Function<Input, FuzzOracle.Verdict> oracle) {
    return run(documents, seed, runs, oracle, HANG);
  }

  /** As {@link #run(List, long, int, Function)}, with another limit for a hang. */
  static Report run(
      List<Document> documents,
      long seed,
      int runs,
      Function<Input, FuzzOracle.Verdict> oracle,
      Duration hang) {
    Report report = new Report(seed);
    ExecutorService worker = worker();
    try {
      for (Document d : documents) {
        List<String> seeds = Seeds.get().documents(d);
        for (int k = 0; k < seeds.size(); k++) {
          Input input = new Input(d, d.id() + "-seed-" + k, seeds.get(k));
          worker = runOne(worker, input, oracle, hang, report);
        }
      }
      for (int i = 0; i < runs; i++) {
        worker = runOne(worker, mutant(documents, seed, i), oracle, hang, report);
      }
      report.retime(worker, oracle);
    } finally {
      worker.shutdownNow();
    }
    return report;
  }

  private static ExecutorService runOne(
      ExecutorService worker,
      Input input,
      Function<Input, FuzzOracle.Verdict> oracle,
      Duration hang,
      Report report) {
    long start = System.nanoTime();
    Future<FuzzOracle.Verdict> f = worker.submit(() -> oracle.apply(input));
    try {
      FuzzOracle.Verdict v = f.get(hang.toMillis(), TimeUnit.MILLISECONDS);
      report.done(input, v, System.nanoTime() - start);
      return worker;
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow(); // its thread may never stop; it is a daemon
      report.failed(input, new AssertionError("no answer within " + hang + ": a hang"));
      return worker();
    } catch (ExecutionException e) {
      report.failed(input, e.getCause());
      return worker;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static ExecutorService worker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-worker");
          t.setDaemon(true);
          return t;
        });
  }

  /** What a run saw: verdicts per document, failures by kind, and the slowest input. */
  public static final class Report {
    private final long seed;
    private final long started = System.nanoTime();
    private final Map<Document, int[]> verdicts = new EnumMap<>(Document.class);
    private final Map<String, List<String>> failures = new LinkedHashMap<>();
    private int inputs;
    private int failed;
    private long slowestNanos = -1;
    private String slowest;
    private long slowestMutantNanos = -1;
    private Input slowestMutant;
    private long slowestMutantAgainNanos = -1;

    Report(long seed) {
      this.seed = seed;
    }

    void done(Input input, FuzzOracle.Verdict v, long nanos) {
      inputs++;
      verdicts.computeIfAbsent(input.document(), d -> new int[2])[v.accepted() ? 0 : 1]++;
      if (nanos > slowestNanos) {
        slowestNanos = nanos;
        slowest = input.name();
      }
      if (!input.name().contains("-seed-") && nanos > slowestMutantNanos) {
        slowestMutantNanos = nanos;
        slowestMutant = input;
      }
    }

    void failed(Input input, Throwable error) {
      inputs++;
      failed++;
      String kind = input.document().id() + ": " + kind(error);
      List<String> files = failures.computeIfAbsent(kind, k -> new ArrayList<>());
      if (files.size() < FILES_PER_KIND) {
        files.add(write(input, error));
      }
    }

    /**
     * Times the slowest mutant again, best of three: a one-off pause (a garbage collection, another
     * process) is told apart from an input that is slow itself.
     */
    void retime(ExecutorService worker, Function<Input, FuzzOracle.Verdict> oracle) {
      if (slowestMutant == null) {
        return;
      }
      long best = Long.MAX_VALUE;
      for (int k = 0; k < 3; k++) {
        long start = System.nanoTime();
        try {
          worker
              .submit(() -> oracle.apply(slowestMutant))
              .get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          return; // a failure, already reported
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        best = Math.min(best, System.nanoTime() - start);
      }
      slowestMutantAgainNanos = best;
    }

    /** The number of inputs run, seeds included. */
    public int inputs() {
      return inputs;
    }

    /** How many inputs of a document the reader accepted. */
    public int accepted(Document d) {
      return verdicts.getOrDefault(d, new int[2])[0];
    }

    /** How many inputs of a document the reader rejected with a well-formed message. */
    public int rejected(Document d) {
      return verdicts.getOrDefault(d, new int[2])[1];
    }

    /** The kinds of failure seen, each with up to three files holding an input and its error. */
    public Map<String, List<String>> failures() {
      return failures;
    }

    /** The slowest input's time in milliseconds (often the first: the JIT has not warmed up). */
    public double slowestMillis() {
      return slowestNanos / 1e6;
    }

    /** A few lines for the test log. */
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              "fuzz seed 0x%x: %d inputs in %.1f s, %d failed; slowest %s, %.1f ms;"
                  + " slowest mutant %s, %.1f ms (%.2f ms at best of 3 runs after)%n",
              seed,
              inputs,
              (System.nanoTime() - started) / 1e9,
              failed,
              slowest,
              slowestMillis(),
              slowestMutant == null ? null : slowestMutant.name(),
              slowestMutantNanos / 1e6,
              slowestMutantAgainNanos / 1e6));
      verdicts.forEach(
          (d, n) ->
              b.append(String.format("  %-10s accepted %6d, rejected %6d%n", d.id(), n[0], n[1])));
      failures.forEach(
          (kind, files) -> b.append("  FAILURE ").append(kind).append(files).append('\n'));
      return b.toString();
    }
  }

  /**
   * A failure's kind: the start of its message, and the class of its root cause with the cause's
   * first frame in fairlead's main code.
   */
  static String kind(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String where = "";
    for (StackTraceElement e : root.getStackTrace()) {
      if (e.getClassName().startsWith("io.fairlead.") && !e.getClassName().contains(".fuzz.")) {
        where = " at " + e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
        break;
      }
    }
    String said = String.valueOf(error.getMessage()).replaceAll("[0-9]+", "#");
    said = said.substring(0, Math.min(said.length(), 60));
    return root == error ? said : said + " / " + root.getClass().getName() + where;
  }

  private static String write(Input input, Throwable error) {
    try {
      Files.createDirectories(FAILURES);
      Path json = FAILURES.resolve(input.name() + ".json");
      Files.writeString(json, utf8Safe(input.json()));
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      Files.writeString(FAILURES.resolve(input.name() + ".txt"), utf8Safe(trace.toString()));
      return json.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with every lone surrogate written as a {@code \\uXXXX} escape. */
  public static String utf8Safe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
