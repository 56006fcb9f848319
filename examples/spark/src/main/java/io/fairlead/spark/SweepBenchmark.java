package io.fairlead.spark;

import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepRow;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The wall time of one small sweep — 3 policies × 4 seeds of a generated 12-week scenario, 20 leads
 * a day — on a thread pool of 1 and of 2 threads and on Spark's {@code local[2]}, printed (not
 * asserted: machines are noisy). After a warm-up run on 2 threads; the Spark session's start is
 * timed apart from the sweep. Checks that every way gives the same rows, wall times aside.
 *
 * <pre>
 * mvn -q -B -pl examples/spark -am test-compile exec:exec -Dexec.mainClass=io.fairlead.spark.SweepBenchmark
 * </pre>
 */
public final class SweepBenchmark {

  private SweepBenchmark() {}

  public static void main(String[] args) {
    int weeks = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    Sweep sweep =
        Sweep.builder(new GeneratedScenarios(weeks, 20))
            .scenarios("uniform")
            .policies(GeneratedScenarios.POLICIES.toArray(String[]::new))
            .seeds(1, 2, 3, 4)
            .build();
    System.out.printf(
        Locale.ROOT,
        "sweep: %d tasks (3 policies x 4 seeds, %d weeks, 20 leads a day), %d cores%n",
        sweep.tasks().size(),
        weeks,
        Runtime.getRuntime().availableProcessors());
    List<SweepRow> reference = timed("warm-up, 2 threads", () -> sweep.runLocal(2));
    same(reference, timed("thread pool, 1 thread", () -> sweep.runLocal(1)));
    same(reference, timed("thread pool, 2 threads", () -> sweep.runLocal(2)));
    SparkSession spark =
        timed(
            "Spark local[2]: session start",
            () ->
                SparkSession.builder()
                    .appName("fairlead-sweep-benchmark")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .getOrCreate());
    try {
      same(reference, timed("Spark local[2]: first sweep", () -> SparkSweep.run(spark, sweep)));
      same(reference, timed("Spark local[2]: second sweep", () -> SparkSweep.run(spark, sweep)));
    } finally {
      spark.stop();
    }
    long taskMillis = reference.stream().mapToLong(SweepRow::wallMillis).sum();
    System.out.printf(
        Locale.ROOT, "sum of the tasks' own wall times (warm-up): %.2f s%n", taskMillis / 1000.0);
  }

  private static <T> T timed(String what, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    System.out.printf(Locale.ROOT, "%-34s %7.2f s%n", what, (System.nanoTime() - t0) / 1e9);
    return result;
  }

  private static void same(List<SweepRow> expected, List<SweepRow> actual) {
    if (!expected.stream()
        .map(SweepRow::withoutWallTime)
        .toList()
        .equals(actual.stream().map(SweepRow::withoutWallTime).toList())) {
      throw new IllegalStateException("the rows differ from the warm-up's");
    }
  }
}
