package io.fairlead.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocateCommandTest {

  @TempDir Path dir;

  /** A resource copied into the test's directory. */
  private Path copy(String resource, String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = AllocateCommandTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, p);
    }
    return p;
  }

  /** The examples' sample: 12 leads, 5 reps; c09 locked to ben, c12 in a region nobody covers. */
  private Path sample() throws IOException {
    return copy("/problem.json", "problem.json");
  }

  private Path twoLeads() throws IOException {
    return copy("/cli/two-leads.json", "two-leads.json");
  }

  private Path malformed() throws IOException {
    return Files.writeString(dir.resolve("malformed.json"), "{\"reps\": [");
  }

  private static Problem problem(Path p) throws IOException {
    return FairleadJson.readProblem(Files.readString(p));
  }

  /** The first cells of a table's rows: the lines after its rule, up to a blank line. */
  private static List<String> firstColumn(String text, String header) {
    List<String> lines = text.lines().toList();
    int h = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(header)) {
        h = i;
        break;
      }
    }
    assertThat(h).as("a table headed '%s' in:%n%s", header, text).isNotNegative();
    assertThat(lines.get(h + 1)).matches("-+");
    List<String> cells = new ArrayList<>();
    for (int i = h + 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
      cells.add(lines.get(i).split("  ")[0].strip());
    }
    return cells;
  }

  // ------------------------------------------------------------------ usage errors

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--time-limit=abc      | --time-limit: expected a duration such as 30s or PT30S, was 'abc'",
        "--time-limit=30       | --time-limit: expected a duration such as 30s or PT30S, was '30'",
        "--time-limit=0s       | --time-limit: must be more than 0, was '0s'",
        "--time-limit=PT-5S    | --time-limit: must be more than 0, was 'PT-5S'",
        "--move-budget=0       | --move-budget: must be at least 1, was 0",
        "--move-budget=lots    | --move-budget: expected a whole number such as 200000, was 'lots'",
        "--move-budget=99999999999999999999 | --move-budget: expected a whole number",
        "--seed=x              | --seed: 'x' is not a long",
        "--time-limit          | Missing required parameter for option '--time-limit'",
        "--explain=yes         | --explain",
        "--colour              | Unknown option: '--colour'",
      })
  void aBadOption_isNamed_exitsWith2_beforeTheProblemIsRead(String option, String message)
      throws IOException {
    // The problem file is malformed: an option checked after reading it would report the JSON.
    Path out = dir.resolve("out.json");

    Cli.Result r = Cli.run("allocate", malformed().toString(), "-o", out.toString(), option);

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("error: ").contains(message);
    assertThat(r.err()).contains("Try 'fairlead allocate --help' for more.");
    assertThat(r.err()).doesNotContain("malformed");
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void aMissingProblemFile_isNamed_exitsWith2() {
    Cli.Result r = Cli.run("allocate", dir.resolve("nope.json").toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("error: PROBLEM.json: no such file '" + dir.resolve("nope.json"));
  }

  @Test
  void aDirectoryAsProblem_isNamed_exitsWith2() {
    Cli.Result r = Cli.run("allocate", dir.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("error: PROBLEM.json: '" + dir + "' is a directory");
  }

  @Test
  void noProblem_isBadUsage() {
    Cli.Result r = Cli.run("allocate");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'PROBLEM.json'");
  }

  @Test
  void anOutputInADirectoryThatDoesNotExist_failsBeforeTheProblemIsRead() throws IOException {
    Path out = dir.resolve("no-such-dir").resolve("out.json");

    Cli.Result r = Cli.run("allocate", malformed().toString(), "-o", out.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: --output: no such directory '" + dir.resolve("no-such-dir") + "'");
    assertThat(r.err()).doesNotContain("malformed");
    assertThat(dir.resolve("no-such-dir")).doesNotExist();
  }

  @Test
  void anOutputInADirectoryThatDoesNotExist_failsBeforeSolving() throws IOException {
    // With --progress a solve writes its progress lines, the last one "done · ...": none here.
    Path out = dir.resolve("no-such-dir").resolve("out.json");

    Cli.Result r = Cli.run("allocate", sample().toString(), "--progress", "-o", out.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--output: no such directory").doesNotContain("done ·");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anOutputThatIsADirectory_orTheProblemItself_isRefused() throws IOException {
    Path problem = twoLeads();

    Cli.Result toDir = Cli.run("allocate", problem.toString(), "-o", dir.toString());
    Cli.Result toSelf = Cli.run("allocate", problem.toString(), "--output", problem.toString());

    assertThat(toDir.code()).as(toDir.toString()).isEqualTo(2);
    assertThat(toDir.err()).contains("--output: '" + dir + "' is a directory");
    assertThat(toSelf.code()).as(toSelf.toString()).isEqualTo(2);
    assertThat(toSelf.err()).contains("--output: '" + problem + "' is the problem file itself");
    assertThat(problem(problem).leads()).hasSize(2);
  }

  // ------------------------------------------------------------------ refused input

  @Test
  void aWrongValueInTheProblem_isRefusedWithItsPath_exitsWith1() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"),
            """
            {"reps": [{"id": "ana"}], "leads": [{"id": "c1", "value": -5}]}
            """);
    Path out = dir.resolve("out.json");

    Cli.Result r = Cli.run("allocate", bad.toString(), "-o", out.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: "
                + bad
                + ": problem JSON at $.leads[0].value: lead c1: value must be in [0, 1e15], was"
                + " -5.0"
                + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void malformedJson_isRefusedWithItsLocation_exitsWith1() throws IOException {
    Cli.Result r = Cli.run("allocate", malformed().toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + dir.resolve("malformed.json") + ": problem JSON");
    assertThat(r.err()).contains("line 1");
    assertThat(r.out()).isEmpty();
  }

  // ------------------------------------------------------------------ answers

  @Test
  void toAFile_writesAnAllocationThatReadsBack_andTheTableListsEveryLeadOnce() throws IOException {
    Path problemFile = sample();
    Path out = dir.resolve("result.json");

    Cli.Result r =
        Cli.run("allocate", problemFile.toString(), "-o", out.toString(), "--table", "--explain");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    Problem problem = problem(problemFile);
    Allocation a = FairleadJson.readAllocation(Files.readString(out), problem);
    List<String> ids = problem.leads().stream().map(l -> l.id().value()).toList();
    assertThat(a.outcomes()).extracting(o -> o.lead().value()).containsExactlyElementsOf(ids);
    assertThat(Files.readString(out)).contains("\"explanations\"");

    assertThat(firstColumn(r.out(), "lead ")).containsExactlyElementsOf(ids);
    assertThat(firstColumn(r.out(), "rep "))
        .containsExactlyElementsOf(problem.reps().stream().map(p -> p.id().value()).toList());
    String c12 = row(r.out(), "c12 ");
    assertThat(a.outcome(LeadId.of("c12")).status()).isEqualTo(Status.UNASSIGNED);
    assertThat(c12).contains("unassigned").contains("no eligible rep");
    for (LeadOutcome o : a.outcomes()) {
      if (o.rep().isPresent()) {
        assertThat(row(r.out(), o.lead().value() + " "))
            .contains(" " + o.rep().get().value() + " ");
      }
    }
    assertThat(r.out())
        .contains("12 leads, 5 reps: 11 assigned, 1 unassigned, 0 hard violations")
        .contains("-> " + out);
  }

  private static String row(String text, String start) {
    List<String> rows = text.lines().filter(l -> l.startsWith(start)).toList();
    assertThat(rows).as("rows starting '%s'", start).hasSize(1);
    return rows.get(0);
  }

  @Test
  void toStandardOutput_theJsonIsAlone_andTheTableGoesToStandardError() throws IOException {
    Path problemFile = twoLeads();

    Cli.Result r = Cli.run("allocate", problemFile.toString(), "--table");

    assertThat(r.code()).as(r.toString()).isZero();
    Allocation a = FairleadJson.readAllocation(r.out(), problem(problemFile));
    assertThat(a.outcomes()).hasSize(2);
    assertThat(firstColumn(r.err(), "lead ")).containsExactly("c1", "c2");
    assertThat(r.err()).contains("2 leads, 2 reps: 2 assigned, 0 unassigned");
    assertThat(r.err())
        .containsPattern(
            "solved in [0-9,]+ ms: compile [0-9,]+ ms, .*local search [0-9,]+ ms;"
                + " 100,000 of 100,000 moves");
  }

  @Test
  void seedAndMoveBudget_reachTheSolver_andTheSameOptionsGiveTheSameAnswer() throws IOException {
    Path problemFile = sample();
    Problem problem = problem(problemFile);

    Cli.Result first =
        Cli.run("allocate", problemFile.toString(), "--seed=7", "--move-budget=2_000");
    Cli.Result again =
        Cli.run(
            "allocate",
            problemFile.toString(),
            "--seed",
            "7",
            "--move-budget",
            "2000",
            "--progress");

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(again.code()).as(again.toString()).isZero();
    Allocation a = FairleadJson.readAllocation(first.out(), problem);
    Allocation b = FairleadJson.readAllocation(again.out(), problem);
    assertThat(a.search().seed()).isEqualTo(7);
    assertThat(a.search().moveBudget()).isEqualTo(2_000);
    assertThat(a.search().reproducible()).isTrue();
    assertThat(b.assignment()).isEqualTo(a.assignment());
    assertThat(again.err().lines().filter(l -> l.startsWith("done · ")).count()).isEqualTo(1);
    assertThat(first.err()).doesNotContain("done · ");
  }

  @Test
  void aTimeLimit_isTheSolversCapOnly_theAnswerEndsOnItsBudget() throws IOException {
    Path problemFile = twoLeads();

    Cli.Result r =
        Cli.run("allocate", problemFile.toString(), "--time-limit=PT10M", "--move-budget=500");

    assertThat(r.code()).as(r.toString()).isZero();
    Allocation a = FairleadJson.readAllocation(r.out(), problem(problemFile));
    assertThat(a.search().reproducible()).isTrue();
    Problem p = problem(problemFile);
    for (Lead l : p.leads()) {
      assertThat(a.outcome(l.id()).rep())
          .isPresent()
          .get()
          .isIn(p.reps().stream().map(Rep::id).toList());
    }
  }
}
