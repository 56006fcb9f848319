package io.fairlead.service.cli;

import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where the service is and who asks: the options every client command shares. */
final class ServiceOptions {

  /** The environment variable a token is read from when {@code --token} is not given. */
  static final String TOKEN_VARIABLE = "FAIRLEAD_TOKEN";

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:7070",
      converter = Converters.ServiceUrl.class,
      description = "the service (default: ${DEFAULT-VALUE})")
  URI url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:" + TOKEN_VARIABLE + "}",
      description = {
        "your API token (default: the environment variable "
            + TOKEN_VARIABLE
            + ", which"
            + " keeps it out of the process list and the shell's history)"
      })
  String token;

  /** A client of the service; refuses (bad usage) when no token is given. */
  ServiceClient client(CommandLine cl) {
    if (token == null || token.isBlank()) {
      throw new CommandLine.ParameterException(
          cl,
          "--token: no token given; give --token=TOKEN or set the environment variable "
              + TOKEN_VARIABLE);
    }
    return new ServiceClient(url, token.strip());
  }
}
