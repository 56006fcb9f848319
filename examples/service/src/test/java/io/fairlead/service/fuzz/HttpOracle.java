package io.fairlead.service.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every answer of the service must be, whatever it was sent: JSON ({@code Content-Type:
 * application/json}, a body that parses), an error in the one shape {@code {"error": {"status",
 * "code", "message", "document"?, "path"?, "record"?, "location"?, "rules"?}}} with a code
 * documented for its status ({@code docs/service-errors.md}), and no Java stack trace; a 401 with
 * {@code WWW-Authenticate}, a 405 with {@code Allow} (RFC 9110). Failures are {@link
 * AssertionError}s.
 */
final class HttpOracle {

  /** The documented error codes, by status; any other status Jetty answers is {@code http-<n>}. */
  static final Map<Integer, Set<String>> CODES =
      Map.ofEntries(
          Map.entry(
              400, Set.of("invalid-input", "malformed-json", "invalid-request", "bad-request")),
          Map.entry(401, Set.of("unauthorized")),
          Map.entry(403, Set.of("forbidden")),
          Map.entry(404, Set.of("not-found")),
          Map.entry(405, Set.of("method-not-allowed")),
          Map.entry(408, Set.of("request-timeout")),
          Map.entry(409, Set.of("rule-violation")),
          Map.entry(413, Set.of("payload-too-large")),
          Map.entry(414, Set.of("uri-too-long")),
          Map.entry(415, Set.of("unsupported-media-type")),
          Map.entry(422, Set.of("job-failed")),
          Map.entry(431, Set.of("headers-too-large")),
          Map.entry(500, Set.of("internal")),
          Map.entry(503, Set.of("unavailable", "busy")));

  private static final Set<String> FIELDS =
      Set.of("status", "code", "message", "document", "path", "record", "location", "rules");

  /** Signs of a stack trace or an exception's class name in a body. */
  private static final List<String> TRACE =
      List.of(
          "Exception",
          "\tat ",
          "java.lang.",
          "java.io.",
          "at org.eclipse.",
          "at io.javalin.",
          "at io.fairlead.");

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private HttpOracle() {}

  /**
   * Checks an answer.
   *
   * @param answer what the service answered
   * @param sent what was sent (as text): a sign of a stack trace that the request itself holds may
   *     be echoed in an error message
   * @param statuses the statuses allowed for this request
   * @return the answer's body as JSON
   * @throws AssertionError if a rule is broken
   */
  static JsonNode check(Answer answer, String sent, Set<Integer> statuses) {
    int status = answer.status();
    String text = answer.text();
    check(
        statuses.contains(status),
        "status " + status + " is not one of " + statuses + ": " + shorten(text));
    String type = answer.header("Content-Type");
    check(
        type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json"),
        "Content-Type is " + type + ", not application/json: " + shorten(text));
    for (String sign : TRACE) {
      check(
          !text.contains(sign) || sent.contains(sign),
          "the body holds '" + sign.replace("\t", "\\t") + "', a stack trace? " + shorten(text));
    }
    JsonNode json;
    try {
      json = STRICT.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("the body is not JSON (" + e.getMessage() + "): " + shorten(text));
    }
    check(json != null && !json.isMissingNode(), "the body is empty");
    if (status >= 400) {
      checkError(status, json, text);
    }
    check(status != 401 || answer.header("WWW-Authenticate") != null, "a 401 names no scheme");
    check(status != 405 || answer.header("Allow") != null, "a 405 names no allowed method");
    return json;
  }

  /** The one error shape, with a documented code for the status. */
  private static void checkError(int status, JsonNode json, String text) {
    check(
        json.isObject() && json.size() == 1 && json.path("error").isObject(),
        "an error body is not {\"error\": {...}}: " + shorten(text));
    JsonNode e = json.get("error");
    for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      check(
          FIELDS.contains(f), "the error has an undocumented field '" + f + "': " + shorten(text));
    }
    check(
        e.path("status").isInt() && e.get("status").intValue() == status,
        "the error's status is not " + status + ": " + shorten(text));
    String code = e.path("code").asText("");
    Set<String> codes = CODES.getOrDefault(status, Set.of("http-" + status));
    check(
        codes.contains(code),
        "the error code '" + code + "' is not documented for " + status + " " + codes);
    check(
        e.path("message").isTextual() && !e.get("message").asText().isBlank(),
        "the error has no message: " + shorten(text));
    for (String f : List.of("document", "path", "record", "location")) {
      check(!e.has(f) || e.get(f).isTextual(), "the error's " + f + " is not a string: " + text);
    }
    if (e.has("rules")) {
      check(e.get("rules").isArray(), "the error's rules are not an array: " + shorten(text));
      for (JsonNode r : e.get("rules")) {
        check(
            r.path("rule").isTextual() && r.path("reason").isTextual(),
            "a rule is not {rule, reason}: " + shorten(text));
      }
    }
  }

  static String shorten(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "...";
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
