package io.fairlead.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

  static final LocalDate START = LocalDate.of(2024, 1, 1);

  /** Two small scenarios of 14 days, routed, rebalancing weekly within the grid's share. */
  static final class Tiny implements Sweep.ScenarioFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public Scenario scenario(SweepTask task) {
      List<Rep> team =
          List.of(
              Rep.builder("ana").regions("East").build(),
              Rep.builder("ben").regions("East", "West").build(),
              Rep.builder("cy").regions("West").weight(1.5).build());
      List<DatedLead> leads =
          task.scenario().equals("skewed")
              ? LeadStreams.skewedRegions(task.seed(), START, 14, 5, team, 1.5)
              : LeadStreams.uniform(task.seed(), START, 14, 5, team);
      double share = Double.parseDouble(task.parameters().getOrDefault("maxMovesShare", "0.05"));
      return Scenario.builder(task.scenario())
          .start(START)
          .days(14)
          .seed(task.seed())
          .roster(team)
          .leads(leads)
          .policy("default", Policy.builder().allowRebalancing(true).build())
          .policy(
              "receipts",
              Policy.builder().weight(Objective.RECEIPTS, 1).allowRebalancing(true).build())
          .schedule(Schedule.route().rebalanceEvery(7, share))
          .allocator(LeadRouter.allocator())
          .build();
    }
  }

  static Sweep sweep() {
    return Sweep.builder(new Tiny())
        .scenarios("uniform", "skewed")
        .policies("default", "receipts")
        .grid("maxMovesShare", "0", "0.2")
        .seeds(1, 2)
        .build();
  }

  @Test
  void tasks_comeInAFixedOrder_scenarioThenPolicyThenGridThenSeed() {
    List<SweepTask> tasks = sweep().tasks();

    assertThat(tasks).hasSize(16);
    assertThat(tasks)
        .extracting(SweepTask::index)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(tasks.subList(0, 5))
        .extracting(t -> t.scenario() + "/" + t.variant() + "/" + t.seed())
        .containsExactly(
            "uniform/default maxMovesShare=0/1",
            "uniform/default maxMovesShare=0/2",
            "uniform/default maxMovesShare=0.2/1",
            "uniform/default maxMovesShare=0.2/2",
            "uniform/receipts maxMovesShare=0/1");
    assertThat(tasks.get(8).scenario()).isEqualTo("skewed");
  }

  @Test
  void variantsAddedOneByOne_runAfterThePoliciesTimesTheGrid() {
    Sweep sweep =
        Sweep.builder(new Tiny())
            .scenarios("uniform")
            .policies("default")
            .variant("receipts", Map.of("maxMovesShare", "0.2"))
            .variant("receipts", Map.of("maxMovesShare", "0"))
            .seeds(5)
            .build();

    assertThat(sweep.tasks())
        .extracting(SweepTask::variant)
        .containsExactly("default", "receipts maxMovesShare=0.2", "receipts maxMovesShare=0");
    assertThat(sweep.parameters()).containsExactly("maxMovesShare");
    assertThat(sweep.runLocal(2))
        .extracting(SweepRow::rebalanceMoves)
        .satisfies(moves -> assertThat(moves.get(2)).isZero());
  }

  @Test
  void runLocal_givesTheSameRowsOnOneAndTwoThreads_inTheTasksOrder() {
    Sweep sweep = sweep();

    List<SweepRow> one = sweep.runLocal(1);
    List<SweepRow> two = sweep.runLocal(2);

    assertThat(one)
        .extracting(SweepRow::task)
        .isEqualTo(sweep.tasks().stream().map(SweepTask::index).toList());
    assertThat(two.stream().map(SweepRow::withoutWallTime).toList())
        .isEqualTo(one.stream().map(SweepRow::withoutWallTime).toList());
    // the grid matters: no budget, no rebalancing move
    assertThat(one)
        .filteredOn(r -> r.parameters().get("maxMovesShare").equals("0"))
        .allSatisfy(r -> assertThat(r.rebalanceMoves()).isZero());
    assertThat(one.stream().mapToInt(SweepRow::rebalanceMoves).sum()).isPositive();
  }

  @Test
  void aRow_isTheLastWeekOfTheTasksRun_underItsPolicyAlone() {
    Sweep sweep = sweep();
    SweepTask task = sweep.tasks().get(5); // uniform, receipts, maxMovesShare=0, seed 2

    SweepRow row = sweep.run(task);

    Scenario s = new Tiny().scenario(task);
    PolicyRun run = Lab.run(s).run("receipts");
    WeekFigures last = run.weeks().get(1);
    assertThat(row.scenario()).isEqualTo("uniform");
    assertThat(row.policy()).isEqualTo("receipts");
    assertThat(row.variant()).isEqualTo("receipts maxMovesShare=0");
    assertThat(row.seed()).isEqualTo(2);
    assertThat(row.parameters()).isEqualTo(Map.of("maxMovesShare", "0"));
    assertThat(row.weeks()).isEqualTo(2);
    assertThat(row.countGini()).isEqualTo(last.countGini());
    assertThat(row.valueJain()).isEqualTo(last.valueJain());
    assertThat(row.countMaxDeviation()).isEqualTo(last.countMaxDeviation());
    assertThat(row.lag()).isEqualTo(last.lag());
    assertThat(row.countGap()).isEqualTo(last.countGap());
    assertThat(row.unassigned()).isEqualTo(last.pool());
    assertThat(row.otherMoves()).isEqualTo(run.reassigned());
  }

  @Test
  void theSweepAndItsTasks_surviveJavaSerialization_andRunTheSameThere() throws Exception {
    Sweep sweep = sweep();
    SweepTask task = sweep.tasks().get(3);

    Sweep copy = roundTrip(sweep);
    SweepTask taskCopy = roundTrip(task);

    assertThat(taskCopy).isEqualTo(task);
    assertThat(copy.tasks()).isEqualTo(sweep.tasks());
    assertThat(copy.run(taskCopy).withoutWallTime()).isEqualTo(sweep.run(task).withoutWallTime());
  }

  @Test
  void aFactoryThatForgetsThePolicyOrTheSeed_isNamed() {
    Sweep noPolicy =
        Sweep.builder(new Tiny()).scenarios("uniform").policies("lifo").seeds(1).build();
    assertThatThrownBy(() -> noPolicy.run(noPolicy.tasks().get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sweep task 0: scenario 'uniform' has no policy 'lifo'; it has [default, receipts]");

    Sweep.ScenarioFactory fixedSeed =
        task -> new Tiny().scenario(new SweepTask(0, "uniform", "default", Map.of(), 9));
    Sweep wrongSeed =
        Sweep.builder(fixedSeed).scenarios("uniform").policies("default").seeds(1).build();
    assertThatThrownBy(() -> wrongSeed.runLocal(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sweep task 0: the factory built scenario 'uniform' with seed 9, the task's seed is 1");
  }

  @Test
  void theBuilder_refusesAnOptionTwice_missingOptions_andDuplicates() {
    assertThatThrownBy(() -> Sweep.builder(new Tiny()).seeds(1).seeds(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sweep: seeds already set");
    assertThatThrownBy(() -> Sweep.builder(new Tiny()).scenarios("a").seeds(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sweep: neither policies nor a variant set");
    assertThatThrownBy(() -> Sweep.builder(new Tiny()).policies("a", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sweep: policies must be at least one and distinct, were [a, a]");
    assertThatThrownBy(() -> Sweep.builder(new Tiny()).grid("seed", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sweep: parameter 'seed' has the name of a column of the table");
    assertThatThrownBy(
            () ->
                Sweep.builder(new Tiny())
                    .scenarios("a")
                    .seeds(1)
                    .policies("default")
                    .grid("maxMovesShare", "0.1")
                    .variant("default", Map.of("maxMovesShare", "0.1"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sweep: variant default {maxMovesShare=0.1} is in the grid already");
    assertThatThrownBy(() -> sweep().runLocal(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sweep: threads must be >= 1, was 0");
  }

  @Test
  void writeCsv_writesAHeader_aColumnPerParameter_andARowPerTask() {
    SweepRow row =
        new SweepRow(
            0,
            "uniform",
            "default",
            "default k=a,b",
            7,
            Map.of("k", "a,b"),
            2,
            3,
            0.25,
            0.9,
            0.5,
            0.8,
            1.5,
            1000.0,
            2.0,
            0.0,
            12.5,
            0.0,
            0.0,
            4,
            1,
            0,
            37);

    StringWriter out = new StringWriter();
    Sweep.writeCsv(List.of(row), out);

    assertThat(out.toString())
        .isEqualTo(
            "task,scenario,policy,variant,seed,k,weeks,reps,countGini,countJain,valueGini,"
                + "valueJain,countMaxDeviation,valueMaxDeviation,lag,countGap,valueMaxGap,"
                + "topTierGap,receiptsGap,rebalanceMoves,otherMoves,unassigned,wallMillis\n"
                + "0,uniform,default,\"default k=a,b\",7,\"a,b\",2,3,0.25,0.9,0.5,0.8,1.5,1000.0,"
                + "2.0,0.0,12.5,0.0,0.0,4,1,0,37\n");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
