package io.fairlead.service.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fairlead} command line: {@code fairlead <command> [options]}; see {@code --help}. */
@Command(
    name = "fairlead",
    mixinStandardHelpOptions = true,
    version = "fairlead 0.1.0",
    description = "Fair lead distribution: run the service, allocate files, or talk to a service.",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class FairleadCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'serve'");
  }

  /** The exit code of a command line, for tests and the entry point. */
  public static int run(String... args) {
    return new CommandLine(new FairleadCommand()).execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
