package io.fairlead.service.cli;

import io.fairlead.service.ApiError;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A {@link Refusal} (or a JSON or I/O failure) ends a command with its message on standard error
 * and exit code 1, without a stack trace; anything else is a defect and keeps picocli's report (the
 * stack trace) with the same exit code.
 */
final class Refusals implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed)
      throws Exception {
    if (!(ex instanceof Refusal)
        && !(ex instanceof ApiError)
        && !(ex instanceof java.io.UncheckedIOException)) {
      throw ex;
    }
    cl.getErr().println(cl.getColorScheme().errorText("error: " + ex.getMessage()));
    cl.getErr().flush();
    return FairleadCommand.REFUSED;
  }
}
