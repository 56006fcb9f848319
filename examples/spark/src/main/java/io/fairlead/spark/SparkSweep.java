package io.fairlead.spark;

import static java.util.Objects.requireNonNull;

import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepRow;
import io.fairlead.lab.SweepTask;
import io.fairlead.lab.report.SweepReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A lab {@link Sweep} on Apache Spark: the sweep's tasks become an RDD of one task per partition,
 * each executor runs {@link Sweep#run(SweepTask)} (one full scenario) on the sweep it received by
 * Java serialization, and the rows come back to the driver in the tasks' order: the same rows as
 * {@link Sweep#runLocal(int)}, wall times aside.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("sweep").getOrCreate();
 * List<SweepRow> rows = SparkSweep.run(spark, sweep);
 * SparkSweep.writeParquet(spark, rows, "out/rows.parquet");
 * SweepReport.of(rows).write(Path.of("out")); // sweep.html and sweep.csv
 * }</pre>
 *
 * <p>{@link #main} is the job for {@code spark-submit} (see {@code docs/sweeps.md}).
 */
public final class SparkSweep {

  private SparkSweep() {}

  /** The table's schema: the row's fields, parameters as a map of strings. */
  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("task", DataTypes.IntegerType, false),
            DataTypes.createStructField("scenario", DataTypes.StringType, false),
            DataTypes.createStructField("policy", DataTypes.StringType, false),
            DataTypes.createStructField("variant", DataTypes.StringType, false),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField(
                "parameters",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                false),
            DataTypes.createStructField("weeks", DataTypes.IntegerType, false),
            DataTypes.createStructField("reps", DataTypes.IntegerType, false),
            DataTypes.createStructField("countGini", DataTypes.DoubleType, false),
            DataTypes.createStructField("countJain", DataTypes.DoubleType, false),
            DataTypes.createStructField("valueGini", DataTypes.DoubleType, false),
            DataTypes.createStructField("valueJain", DataTypes.DoubleType, false),
            DataTypes.createStructField("countMaxDeviation", DataTypes.DoubleType, false),
            DataTypes.createStructField("valueMaxDeviation", DataTypes.DoubleType, false),
            DataTypes.createStructField("lag", DataTypes.DoubleType, false),
            DataTypes.createStructField("countGap", DataTypes.DoubleType, false),
            DataTypes.createStructField("valueMaxGap", DataTypes.DoubleType, false),
            DataTypes.createStructField("topTierGap", DataTypes.DoubleType, false),
            DataTypes.createStructField("receiptsGap", DataTypes.DoubleType, false),
            DataTypes.createStructField("rebalanceMoves", DataTypes.IntegerType, false),
            DataTypes.createStructField("otherMoves", DataTypes.IntegerType, false),
            DataTypes.createStructField("unassigned", DataTypes.IntegerType, false),
            DataTypes.createStructField("wallMillis", DataTypes.LongType, false)
          });

  /**
   * Runs every task of the sweep on the session's cluster, one task per partition, and returns the
   * rows in the tasks' order. The first failing task fails the job (Spark retries it first, as
   * configured).
   */
  public static List<SweepRow> run(SparkSession spark, Sweep sweep) {
    requireNonNull(spark, "spark");
    requireNonNull(sweep, "sweep");
    List<SweepTask> tasks = sweep.tasks();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<SweepRow> rows =
        new ArrayList<>(context.parallelize(tasks, tasks.size()).map(sweep::run).collect());
    rows.sort(Comparator.comparingInt(SweepRow::task));
    return List.copyOf(rows);
  }

  /** The rows as a DataFrame of {@link #SCHEMA}, in their order. */
  public static Dataset<Row> toDataFrame(SparkSession spark, List<SweepRow> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (SweepRow r : rows) {
      out.add(
          RowFactory.create(
              r.task(),
              r.scenario(),
              r.policy(),
              r.variant(),
              r.seed(),
              scala.jdk.javaapi.CollectionConverters.asScala(r.parameters()),
              r.weeks(),
              r.reps(),
              r.countGini(),
              r.countJain(),
              r.valueGini(),
              r.valueJain(),
              r.countMaxDeviation(),
              r.valueMaxDeviation(),
              r.lag(),
              r.countGap(),
              r.valueMaxGap(),
              r.topTierGap(),
              r.receiptsGap(),
              r.rebalanceMoves(),
              r.otherMoves(),
              r.unassigned(),
              r.wallMillis()));
    }
    return spark.createDataFrame(out, SCHEMA);
  }

  /** Writes the rows as a Parquet table (one file) at {@code path}, replacing what is there. */
  public static void writeParquet(SparkSession spark, List<SweepRow> rows, String path) {
    toDataFrame(spark, rows).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
  }

  /**
   * The job for {@code spark-submit}: {@code <output-dir> [weeks] [seeds]}. Runs the generated
   * scenarios {@code uniform} and {@code skewed} ({@link GeneratedScenarios}, 20 leads a day) under
   * {@code default}, {@code receipts} and three variants of {@code rebalancing} ({@code
   * maxMovesShare} 0.01, 0.02, 0.05), for seeds 1..{@code seeds} (default 12 weeks, 4 seeds), and
   * writes {@code rows.parquet/} into the output directory (any Hadoop path) and, when it is a
   * plain local path, the sweep's report too: {@code sweep.html} and {@code sweep.csv} ({@link
   * SweepReport}). Without a master (no {@code spark-submit --master}, no {@code spark.master}
   * property) it runs on {@code local[2]}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SparkSweep <output-dir> [weeks=12] [seeds=4]");
      System.exit(2);
    }
    String out = args[0].endsWith("/") ? args[0] : args[0] + "/";
    // A Hadoop URI (hdfs:, s3a:, file:) is Spark's to write; a plain path is local to the driver.
    boolean local = !out.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Sweep.Builder plan =
        Sweep.builder(new GeneratedScenarios(weeks, 20))
            .scenarios("uniform", "skewed")
            .policies("default", "receipts")
            .seeds(LongStream.rangeClosed(1, seeds).toArray());
    for (String share : List.of("0.01", "0.02", "0.05")) {
      plan.variant("rebalancing", Map.of("maxMovesShare", share));
    }
    Sweep sweep = plan.build();
    SparkSession.Builder builder = SparkSession.builder().appName("fairlead-sweep");
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[2]").config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      long t0 = System.nanoTime();
      List<SweepRow> rows = run(spark, sweep);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      writeParquet(spark, rows, out + "rows.parquet");
      String wrote = out + "rows.parquet";
      if (local) {
        Path page = SweepReport.of(rows).write(Path.of(out));
        wrote += ", " + page + " and " + page.resolveSibling(SweepReport.CSV);
      }
      System.out.printf(
          Locale.ROOT,
          "%d tasks in %.1f s on %s; wrote %s%n",
          rows.size(),
          millis / 1000.0,
          spark.sparkContext().master(),
          wrote);
    } finally {
      spark.stop();
    }
  }
}
