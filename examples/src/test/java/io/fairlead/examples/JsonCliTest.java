package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return JsonCli.run(dir, args, o, e);
    }
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path sample() throws IOException {
    Path p = dir.resolve("problem.json");
    try (InputStream in = JsonCliTest.class.getResourceAsStream("/problem.json")) {
      assertThat(in).as("bundled problem.json").isNotNull();
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void sampleProblem_roundTrip_everyLeadOnce_withExplanations() throws IOException {
    Path problemFile = sample();
    Path result = dir.resolve("result.json");

    int code = run(problemFile.toString(), result.toString(), "--explain", "--time-limit=5");

    assertThat(code).as(stderr()).isEqualTo(JsonCli.OK);
    assertThat(stderr()).isEmpty();
    Problem problem = FairleadJson.readProblem(Files.readString(problemFile));
    String json = Files.readString(result);
    Allocation a = FairleadJson.readAllocation(json, problem);
    assertThat(a.outcomes())
        .extracting(LeadOutcome::lead)
        .containsExactlyElementsOf(problem.leads().stream().map(l -> l.id()).toList());
    // c09 is locked to ben; c12 is in a region nobody covers: an answer, not an error.
    assertThat(a.outcome(LeadId.of("c09")).status()).isEqualTo(Status.LOCKED);
    assertThat(a.outcome(LeadId.of("c09")).rep()).isEqualTo(Optional.of(RepId.of("ben")));
    assertThat(a.outcome(LeadId.of("c12")).status()).isEqualTo(Status.UNASSIGNED);
    assertThat(a.outcome(LeadId.of("c12")).reason().orElseThrow().kind())
        .isEqualTo(UnassignedReason.Kind.NO_ELIGIBLE_REP);
    assertThat(a.metrics().violations()).isEmpty();
    assertThat(json).contains("\"summary\"");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("12 leads, 5 reps: 11 assigned, 1 unassigned");
  }

  @Test
  void withoutExplain_noExplanationsWritten() throws IOException {
    Path result = dir.resolve("result.json");
    assertThat(run(sample().toString(), result.toString(), "--time-limit=5")).isEqualTo(JsonCli.OK);
    assertThat(Files.readString(result)).doesNotContain("\"summary\"");
  }

  @Test
  void malformedJson_exit2_messageOnStderr_noResult() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ \"policy\": {}, \"reps\": [ ");
    Path result = dir.resolve("result.json");

    assertThat(run(bad.toString(), result.toString())).isEqualTo(JsonCli.BAD_INPUT);
    assertThat(stderr()).startsWith("error: " + bad);
    assertThat(result).doesNotExist();
  }

  @Test
  void invalidLead_exit2_messageNamesLeadAndField() throws IOException {
    String json = Files.readString(sample()).replace("\"value\": 150000", "\"value\": -5");
    Path bad = dir.resolve("negative.json");
    Files.writeString(bad, json);

    assertThat(run(bad.toString(), dir.resolve("r.json").toString())).isEqualTo(JsonCli.BAD_INPUT);
    assertThat(stderr()).contains("lead c01: value must be in [0, 1e15], was -5.0");
  }

  @Test
  void missingFile_exit3() {
    Path missing = dir.resolve("nope.json");
    assertThat(run(missing.toString(), dir.resolve("r.json").toString()))
        .isEqualTo(JsonCli.IO_ERROR);
    assertThat(stderr()).contains("no such file: " + missing);
  }

  @Test
  void badUsage_exit2_withUsage() {
    assertThat(run("only-one.json")).isEqualTo(JsonCli.BAD_INPUT);
    assertThat(stderr()).contains("two file names are needed").contains(JsonCli.USAGE);
  }

  @Test
  void unknownOption_exit2() {
    assertThat(run("a.json", "b.json", "--fast")).isEqualTo(JsonCli.BAD_INPUT);
    assertThat(stderr()).contains("unknown option --fast");
  }

  @Test
  void progress_linesOnStderr_stdoutAndResultAsWithout() throws IOException {
    Path problemFile = sample();
    assertThat(run(problemFile.toString(), "plain.json", "--time-limit=5")).isEqualTo(JsonCli.OK);
    String plainOut = out.toString(StandardCharsets.UTF_8);
    assertThat(stderr()).isEmpty();
    out.reset();

    int code = run(problemFile.toString(), "watched.json", "--time-limit=5", "--progress");

    assertThat(code).as(stderr()).isEqualTo(JsonCli.OK);
    // The test's stderr is no terminal: separate lines, the first report and the last one.
    assertThat(stderr()).doesNotContain("\r");
    assertThat(stderr().lines())
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(l -> l.startsWith("search ") || l.startsWith("done · "), "progress lines");
    assertThat(stderr().lines().toList().get(0)).startsWith("search ").contains("count gap");
    assertThat(stderr().lines().reduce((a, b) -> b).orElseThrow())
        .matches("done · [0-9,]+ moves in [0-9.]+ s · count gap -?[0-9.]+ %");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(plainOut.replace("plain.json", "watched.json"));
    Problem problem = FairleadJson.readProblem(Files.readString(problemFile));
    assertThat(
            FairleadJson.readAllocation(Files.readString(dir.resolve("watched.json")), problem)
                .assignment())
        .isEqualTo(
            FairleadJson.readAllocation(Files.readString(dir.resolve("plain.json")), problem)
                .assignment());
  }

  @Test
  void progressWithAValue_exit2_messageNamesTheOption() {
    assertThat(run("a.json", "b.json", "--progress=5")).isEqualTo(JsonCli.BAD_INPUT);
    assertThat(stderr())
        .contains("--progress takes no value, was --progress=5")
        .contains(JsonCli.USAGE);
  }
}
