package io.fairlead.service.cli;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.problem.Problem;
import io.fairlead.examples.AllocationTables;
import io.fairlead.examples.ConsoleProgress;
import io.fairlead.solver.LeadAllocator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairlead allocate PROBLEM.json}: solves a problem document with {@link LeadAllocator} and
 * writes the allocation document, as {@code POST /v1/allocations} of the service does, here on the
 * machine. Every option and both files are checked before the problem is read.
 */
@Command(
    name = "allocate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Solve a problem document (docs/json-format.md) and write the allocation document: every"
          + " lead with its rep, or unassigned with the reason.",
      "The allocation goes to standard output unless -o names a file; with --table, a lead ->"
          + " rep table and a per-rep summary go beside it (standard error when the JSON is on"
          + " standard output)."
    },
    exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
    exitCodeList = {
      FairleadCommand.EXIT_OK,
      FairleadCommand.EXIT_REFUSED,
      FairleadCommand.EXIT_USAGE
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  fairlead allocate problem.json -o result.json --table",
      "  fairlead allocate problem.json --time-limit=2m --progress > result.json"
    })
final class AllocateCommand implements Callable<Integer> {

  @ParentCommand FairleadCommand top;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PROBLEM.json",
      description = "the problem: policy, reps, leads (and the period ledger)")
  Path problem;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT.json",
      description = "write the allocation here, not to standard output; its directory must exist")
  Path output;

  @Option(names = "--explain", description = "add each lead's explanation to the allocation")
  boolean explain;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      converter = Converters.PositiveDuration.class,
      description = {
        "a safety cap on the search, e.g. 30s, 2m, PT30S (default: the library's, 60 s per"
            + " 100,000 free leads); an answer it cuts is not reproducible"
      })
  Duration timeLimit;

  @Option(
      names = "--move-budget",
      paramLabel = "N",
      converter = Converters.PositiveLong.class,
      description = {
        "how many moves the search evaluates (default: the library's, 100 per free lead from"
            + " 100,000 to 2,000,000); a smaller budget is faster and may be less fair"
      })
  Long moveBudget;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "the random seed (default: the library's, 0, as the service uses)")
  Long seed;

  @Option(names = "--progress", description = "a progress line of the solve on standard error")
  boolean progress;

  @Option(names = "--table", description = "print the lead -> rep table and the per-rep summary")
  boolean table;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    FileChecks.readable(cl, "PROBLEM.json", problem);
    if (output != null) {
      FileChecks.writable(cl, "--output", output);
      if (FileChecks.same(output, problem)) {
        throw new CommandLine.ParameterException(
            cl, "--output: '" + output + "' is the problem file itself; write elsewhere");
      }
    }
    quietLibraryLogs();
    Problem p = read();
    Allocation a = allocator(p).allocate(p);
    String json = FairleadJson.writeAllocation(a, explain);
    PrintStream human;
    if (output == null) {
      top.out().println(json);
      human = top.err();
    } else {
      write(json);
      human = top.out();
    }
    if (table) {
      AllocationTables.leads(human, a);
      human.println();
      AllocationTables.reps(human, a);
      human.println();
    }
    human.println(AllocationTables.summary(a) + (output == null ? "" : " -> " + output));
    human.println(times(a));
    return FairleadCommand.OK;
  }

  /**
   * Where the solve's time went, from its search report: {@code solved in 2,790 ms: compile 49 ms,
   * prepare 25 ms, construction 25 ms, local search 2,667 ms; 100,000 of 100,000 moves}.
   */
  static String times(Allocation a) {
    SearchReport s = a.search();
    StringBuilder sb = new StringBuilder("solved in ").append(millis(a.elapsed())).append(':');
    String sep = " ";
    for (SearchReport.PhaseTime p : s.phases()) {
      sb.append(sep).append(p.name()).append(' ').append(millis(p.time()));
      sep = ", ";
    }
    if (s.moveBudget() > 0) {
      sb.append(String.format(Locale.ROOT, "; %,d of %,d moves", s.moves(), s.moveBudget()));
    }
    return sb.toString();
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%,d ms", d.toMillis());
  }

  private Problem read() {
    try (Reader r = Files.newBufferedReader(problem, StandardCharsets.UTF_8)) {
      return FairleadJson.readProblem(r);
    } catch (IOException e) {
      throw new Refusal("cannot read " + problem + ": " + e.getMessage());
    } catch (IllegalArgumentException e) { // JsonInputException: document, path, record, detail
      throw new Refusal(problem + ": " + e.getMessage());
    }
  }

  private LeadAllocator allocator(Problem p) {
    LeadAllocator.Builder b = LeadAllocator.builder().policy(p.policy());
    if (timeLimit != null) {
      b.timeLimit(timeLimit);
    }
    if (moveBudget != null) {
      b.moveBudget(moveBudget);
    }
    if (seed != null) {
      b.seed(seed);
    }
    if (progress) {
      b.progress(ConsoleProgress.INTERVAL, ConsoleProgress.to(top.err(), top.terminal()));
    }
    return b.build();
  }

  /** Writes the allocation beside its target and moves it there: no half-written file is left. */
  private void write(String json) {
    Path target = output.toAbsolutePath();
    Path partial = null;
    try {
      partial = Files.createTempFile(target.getParent(), ".fairlead-", ".json.partial");
      Files.writeString(partial, json + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new Refusal("cannot write " + output + ": " + e.getMessage());
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // the message above says what failed
        }
      }
    }
  }

  /**
   * The solver's and OptaPlanner's INFO lines ("Solving started", "allocated 2 leads ...") are for
   * a service's log, not a command's standard error; {@code -Dorg.slf4j.simpleLogger.
   * defaultLogLevel=info} brings them back. Set before the first logger exists.
   */
  private static void quietLibraryLogs() {
    String key = "org.slf4j.simpleLogger.defaultLogLevel";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "warn");
    }
  }
}
