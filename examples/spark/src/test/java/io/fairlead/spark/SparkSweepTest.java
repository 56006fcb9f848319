package io.fairlead.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.lab.Sweep;
import io.fairlead.lab.SweepRow;
import io.fairlead.lab.report.SweepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSweepTest {

  static SparkSession spark;

  /** 2 policies × 2 seeds of a generated 3-week scenario, 8 leads a day. */
  static final Sweep SWEEP =
      Sweep.builder(new GeneratedScenarios(3, 8))
          .scenarios("uniform")
          .policies("default", "rebalancing")
          .seeds(1, 2)
          .build();

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .appName("SparkSweepTest")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sparkLocal2_givesTheThreadPoolsRows_wallTimeAside() {
    List<SweepRow> local = SWEEP.runLocal(2);

    List<SweepRow> onSpark = SparkSweep.run(spark, SWEEP);

    assertThat(onSpark).hasSize(4);
    assertThat(onSpark.stream().map(SweepRow::withoutWallTime).toList())
        .isEqualTo(local.stream().map(SweepRow::withoutWallTime).toList());
    assertThat(onSpark)
        .extracting(r -> r.policy() + "/" + r.seed())
        .containsExactly("default/1", "default/2", "rebalancing/1", "rebalancing/2");
    assertThat(onSpark).allSatisfy(r -> assertThat(r.weeks()).isEqualTo(3));
  }

  @Test
  void theRows_roundTripThroughParquet_andGoIntoTheReportAndItsCsv(@TempDir Path dir)
      throws Exception {
    List<SweepRow> rows = SparkSweep.run(spark, SWEEP);

    String parquet = dir.resolve("rows.parquet").toString();
    SparkSweep.writeParquet(spark, rows, parquet);
    List<Row> back = spark.read().parquet(parquet).orderBy("task").collectAsList();
    Path page = SweepReport.of(rows).write(dir);

    assertThat(back).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      SweepRow r = rows.get(i);
      Row p = back.get(i);
      assertThat(p.getString(p.fieldIndex("variant"))).isEqualTo(r.variant());
      assertThat(p.getLong(p.fieldIndex("seed"))).isEqualTo(r.seed());
      assertThat(p.getDouble(p.fieldIndex("countGini"))).isEqualTo(r.countGini());
      assertThat(p.getDouble(p.fieldIndex("lag"))).isEqualTo(r.lag());
      assertThat(p.getInt(p.fieldIndex("rebalanceMoves"))).isEqualTo(r.rebalanceMoves());
    }
    assertThat(Files.readString(page)).contains("<td>" + rows.get(0).variant() + "</td>");
    assertThat(Files.readAllLines(dir.resolve("sweep.csv")))
        .hasSize(1 + rows.size())
        .first()
        .asString()
        .startsWith("task,scenario,policy,variant,seed,weeks,");
  }
}
