package io.fairlead.service.cli;

import static java.util.Objects.requireNonNull;

/**
 * The request was refused (by the library's reader, or by the service) or could not be done (a
 * file, the network): the command prints its message on standard error and exits with 1. Not for
 * bad usage, which is a {@code ParameterException} (exit 2).
 */
final class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Refusal(String message) {
    super(requireNonNull(message, "message"), null, false, false);
  }
}
