package io.fairlead.spark;

import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepRow;
import io.fairlead.lab.report.SweepReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The wall time of one small sweep — 3 policies × 4 seeds of a generated 12-week scenario, 20 leads
 * a day — on a thread pool of 1 and of 2 threads and on Spark's {@code local[2]}, printed (not
 * asserted: machines are noisy). After a warm-up of each way, the three ways take turns for a few
 * rounds; the median of each is printed. The Spark session's start is timed apart. Checks that
 * every way gives the same rows, wall times aside.
 *
 * <pre>
 * mvn -q -B -pl examples/spark -am test-compile exec:exec -Dexec.mainClass=io.fairlead.spark.SweepBenchmark
 * </pre>
 *
 * Arguments: {@code [weeks=12] [rounds=3] [report-dir]}; with a report folder, the sweep's report
 * ({@link SweepReport}: {@code sweep.html} and {@code sweep.csv}) of its rows is written there.
 */
public final class SweepBenchmark {

  private SweepBenchmark() {}

  public static void main(String[] args) throws IOException {
    int weeks = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path reportDir = args.length > 2 ? Path.of(args[2]) : null;
    Sweep sweep =
        Sweep.builder(new GeneratedScenarios(weeks, 20))
            .scenarios("uniform")
            .policies(GeneratedScenarios.POLICIES.toArray(String[]::new))
            .seeds(1, 2, 3, 4)
            .build();
    System.out.printf(
        Locale.ROOT,
        "sweep: %d tasks (3 policies x 4 seeds, %d weeks, 20 leads a day), %d cores, %d rounds%n",
        sweep.tasks().size(),
        weeks,
        Runtime.getRuntime().availableProcessors(),
        rounds);
    long t0 = System.nanoTime();
    SparkSession spark =
        SparkSession.builder()
            .appName("fairlead-sweep-benchmark")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    System.out.printf(
        Locale.ROOT, "Spark local[2] session start: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    try {
      Map<String, Supplier<List<SweepRow>>> ways = new LinkedHashMap<>();
      ways.put("thread pool, 1 thread", () -> sweep.runLocal(1));
      ways.put("thread pool, 2 threads", () -> sweep.runLocal(2));
      ways.put("Spark local[2]", () -> SparkSweep.run(spark, sweep));
      List<SweepRow> reference = sweep.runLocal(2);
      ways.values().forEach(way -> same(reference, way.get())); // warm-up
      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        for (Map.Entry<String, Supplier<List<SweepRow>>> way : ways.entrySet()) {
          long start = System.nanoTime();
          List<SweepRow> rows = way.getValue().get();
          double s = (System.nanoTime() - start) / 1e9;
          same(reference, rows);
          seconds.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(s);
          System.out.printf(
              Locale.ROOT,
              "round %d  %-24s %6.2f s  (tasks' own time %.2f s)%n",
              round,
              way.getKey(),
              s,
              rows.stream().mapToLong(SweepRow::wallMillis).sum() / 1e3);
        }
      }
      System.out.println("median wall time of the sweep:");
      seconds.forEach(
          (way, s) -> System.out.printf(Locale.ROOT, "  %-24s %6.2f s%n", way, median(s)));
      if (reportDir != null) {
        System.out.println("wrote " + SweepReport.of(reference).write(reportDir));
      }
    } finally {
      spark.stop();
    }
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = xs.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void same(List<SweepRow> expected, List<SweepRow> actual) {
    if (!expected.stream()
        .map(SweepRow::withoutWallTime)
        .toList()
        .equals(actual.stream().map(SweepRow::withoutWallTime).toList())) {
      throw new IllegalStateException("the rows differ from the first run's");
    }
  }
}
