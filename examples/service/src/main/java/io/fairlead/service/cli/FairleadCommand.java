package io.fairlead.service.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fairlead} command line: {@code fairlead <command> [options]}; see {@code --help} and
 * {@code docs/cli.md}. {@code allocate} solves a problem file here; {@code serve} runs the service;
 * the other commands are clients of a running service, one per operation of its HTTP API.
 */
@Command(
    name = "fairlead",
    mixinStandardHelpOptions = true,
    version = "fairlead 0.1.0",
    description =
        "Fair lead distribution: allocate a problem file, run the service, or talk to it.",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
    exitCodeList = {
      FairleadCommand.EXIT_OK,
      FairleadCommand.EXIT_REFUSED,
      FairleadCommand.EXIT_USAGE
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  fairlead allocate problem.json -o result.json --table",
      "  fairlead serve --sample",
      "  FAIRLEAD_TOKEN=demo-manager-token fairlead ledger --table",
      "See docs/cli.md."
    },
    subcommands = {
      AllocateCommand.class,
      ServeCommand.class,
      ClientCommands.RouteCommand.class,
      ClientCommands.ClaimCommand.class,
      ClientCommands.ReleaseCommand.class,
      ClientCommands.ReclaimCommand.class,
      ClientCommands.OverrideCommand.class,
      ClientCommands.WhoOwnsCommand.class,
      ClientCommands.MayTakeCommand.class,
      ClientCommands.LedgerCommand.class,
      ClientCommands.ReportCommand.class,
      ClientCommands.AuditCommand.class,
      ClientCommands.VerifyCommand.class,
      ClientCommands.PoolCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FairleadCommand implements Runnable {

  /** Exit code: the command did what it was asked. */
  static final int OK = 0;

  /**
   * Exit code: the input or the service refused the request (malformed JSON, a rule, a role, a
   * service that cannot be reached, a broken log); the message is on standard error.
   */
  static final int REFUSED = 1;

  /** Exit code: bad usage (picocli's code for invalid input); nothing was done. */
  static final int USAGE = 2;

  static final String EXIT_CODES_HEADING = "%nExit codes:%n";
  static final String EXIT_OK = "0:done";
  static final String EXIT_REFUSED =
      "1:refused: the input (malformed JSON, with its path) or the service (an error, a rule, a"
          + " role, unreachable)";
  static final String EXIT_USAGE =
      "2:bad usage: an option or file is wrong (the message names it); nothing was done";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  private FairleadCommand(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Standard output: a command's result (JSON, or a table when asked). */
  PrintStream out() {
    return out;
  }

  /** Standard error: messages, progress, and tables beside JSON on standard output. */
  PrintStream err() {
    return err;
  }

  /** Whether standard error is a person's terminal (a progress line is rewritten in place). */
  boolean terminal() {
    return terminal;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. 'allocate' or 'serve' (see --help)");
  }

  /**
   * The command line's model on this process's streams, e.g. to parse arguments without running.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new FairleadCommand(System.out, System.err, false));
  }

  /** The exit code of a command line on this process's standard streams, for the entry point. */
  public static int run(String... args) {
    return run(utf8(FileDescriptor.out), utf8(FileDescriptor.err), System.console() != null, args);
  }

  /**
   * The exit code of a command line whose output and messages go to the given streams; never exits
   * the JVM.
   *
   * @param terminal whether {@code err} is a terminal (progress lines are rewritten in place)
   */
  static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
    CommandLine cl = new CommandLine(new FairleadCommand(out, err, terminal));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(new Refusals());
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** JSON is UTF-8 whatever the platform's default; messages and tables follow it. */
  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
