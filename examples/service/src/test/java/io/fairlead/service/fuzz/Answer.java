package io.fairlead.service.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An answer of the service, however it was asked: status, headers (names in lower case), body.
 *
 * @param status the HTTP status
 * @param headers every header, by its name in lower case
 * @param body the body's bytes
 */
record Answer(int status, Map<String, List<String>> headers, byte[] body) {

  /** A header's first value, or null. */
  String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The body as UTF-8 text. */
  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
