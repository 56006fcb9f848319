package io.fairlead.service.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage, answered in three lines on standard error rather than the whole help: what is wrong,
 * naming the option ({@code --time-limit: expected a duration such as 30s or PT30S, was 'abc'}),
 * the command's synopsis, and where the help is. Exit code 2 (picocli's for invalid input).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(cl.getColorScheme().errorText("error: " + message(ex)));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.print("usage: " + cl.getHelp().synopsis(0));
    err.printf("Try '%s --help' for more.%n", cl.getCommandSpec().qualifiedName());
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * The message, led by the option's name when a converter refused its value: picocli's own wording
   * is {@code Invalid value for option '--seed': 'x' is not a long}.
   */
  static String message(ParameterException ex) {
    ArgSpec arg = ex.getArgSpec();
    if (ex.getCause() instanceof TypeConversionException t && arg != null) {
      return name(arg) + ": " + t.getMessage();
    }
    return ex.getMessage();
  }

  /** An option's longest name, or a parameter's label: the name a user typed or read in help. */
  static String name(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      return o.longestName();
    }
    return ((PositionalParamSpec) arg).paramLabel();
  }
}
