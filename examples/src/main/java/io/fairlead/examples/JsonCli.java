package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.LeadAllocator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Solves a problem given as JSON and writes the allocation as JSON: the smallest way to use
 * fairlead from another language or a shell script.
 *
 * <pre>
 * JsonCli problem.json result.json [--explain] [--time-limit=SECONDS] [--seed=N] [--progress]
 *
 * # from the repository root (exec:java runs in Maven's working directory):
 * mvn -q -B -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.JsonCli \
 *     -Dexec.args="examples/src/main/resources/problem.json result.json --explain"
 * </pre>
 *
 * <p>{@code --progress} writes a progress line of the solve to standard error ({@link
 * ConsoleProgress}): rewritten in place on a terminal, a line at most every 5 s otherwise. Standard
 * output and the result file stay the same.
 *
 * <p>Exit codes: 0 solved (infeasible leads come back unassigned with a reason; that is an answer,
 * not an error), 2 bad usage or bad input (the message goes to standard error), 3 the files could
 * not be read or written.
 */
public final class JsonCli {

  static final int OK = 0;
  static final int BAD_INPUT = 2;
  static final int IO_ERROR = 3;

  static final String USAGE =
      "usage: JsonCli problem.json result.json [--explain] [--time-limit=SECONDS] [--seed=N]"
          + " [--progress]";

  private JsonCli() {}

  public static void main(String[] args) {
    int code = run(Path.of(""), args, System.out, System.err);
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the command line and returns its exit code (never exits the JVM).
   *
   * @param dir the directory relative file names are resolved against, as a shell's working
   *     directory; messages name the files as given
   * @param args as on the command line
   */
  public static int run(Path dir, String[] args, PrintStream out, PrintStream err) {
    Path in = null;
    Path result = null;
    boolean explain = false;
    boolean progress = false;
    Duration timeLimit = null; // the library's: scaled to the problem
    long seed = 42;
    try {
      for (String a : args) {
        if (a.equals("--explain")) {
          explain = true;
        } else if (a.equals("--progress")) {
          progress = true;
        } else if (a.startsWith("--progress=")) {
          throw new IllegalArgumentException("--progress takes no value, was " + a);
        } else if (a.startsWith("--time-limit=")) {
          long s = Long.parseLong(a.substring("--time-limit=".length()));
          if (s < 1) {
            throw new IllegalArgumentException("--time-limit must be >= 1 second, was " + s);
          }
          timeLimit = Duration.ofSeconds(s);
        } else if (a.startsWith("--seed=")) {
          seed = Long.parseLong(a.substring("--seed=".length()));
        } else if (a.startsWith("--")) {
          throw new IllegalArgumentException("unknown option " + a);
        } else if (in == null) {
          in = Path.of(a);
        } else if (result == null) {
          result = Path.of(a);
        } else {
          throw new IllegalArgumentException("unexpected argument " + a);
        }
      }
      if (result == null) {
        throw new IllegalArgumentException("two file names are needed");
      }
    } catch (IllegalArgumentException e) { // NumberFormatException included
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return BAD_INPUT;
    }

    Problem problem;
    try (Reader r = Files.newBufferedReader(dir.resolve(in), StandardCharsets.UTF_8)) {
      problem = FairleadJson.readProblem(r);
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + in);
      return IO_ERROR;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("error: cannot read " + in + ": " + e.getMessage());
      return IO_ERROR;
    } catch (IllegalArgumentException e) {
      err.println("error: " + in + ": " + e.getMessage());
      return BAD_INPUT;
    }

    LeadAllocator.Builder builder = LeadAllocator.builder().policy(problem.policy()).seed(seed);
    if (timeLimit != null) {
      builder.timeLimit(timeLimit);
    }
    if (progress) {
      builder.progress(ConsoleProgress.INTERVAL, ConsoleProgress.to(err, System.console() != null));
    }
    Allocation allocation = builder.build().allocate(problem);
    try {
      Files.writeString(
          dir.resolve(result),
          FairleadJson.writeAllocation(allocation, explain),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: cannot write " + result + ": " + e.getMessage());
      return IO_ERROR;
    }
    out.println(AllocationTables.summary(allocation) + " -> " + result);
    return OK;
  }
}
