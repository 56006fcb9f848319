package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.json.JsonInputException;
import io.fairlead.core.policy.Exclusion;
import java.util.List;

/**
 * A request the service answers with an error: its HTTP status, a stable code, a message in words,
 * and where the input was wrong (document, JSON path, record) or which rules said no. Every error
 * body has the one shape documented in {@code docs/service.md}: {@code {"error": {...}}}.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String document;
  private final String path;
  private final String record;
  private final String location;
  private final transient List<Exclusion> rules;
  private volatile boolean audited;

  ApiError(
      int status,
      String code,
      String message,
      String document,
      String path,
      String record,
      String location,
      List<Exclusion> rules) {
    super(requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.code = requireNonNull(code, "code");
    this.document = document;
    this.path = path;
    this.record = record;
    this.location = location;
    this.rules = List.copyOf(rules);
  }

  static ApiError of(int status, String code, String message) {
    return new ApiError(status, code, message, null, null, null, null, List.of());
  }

  /** 400: the input is wrong at this path of this document. */
  static ApiError invalid(String document, String path, String message) {
    return new ApiError(
        400,
        "invalid-input",
        document + " at " + path + ": " + message,
        document,
        path,
        null,
        null,
        List.of());
  }

  /** 400 from a library reader's refusal, its fields carried over. */
  static ApiError of(JsonInputException e) {
    return new ApiError(
        400,
        e.location().isPresent() ? "malformed-json" : "invalid-input",
        e.getMessage(),
        e.document(),
        e.path(),
        e.record().orElse(null),
        e.location().orElse(null),
        List.of());
  }

  /**
   * The code of an error the HTTP layer answers by its status alone (Jetty refusing a request it
   * cannot parse, Javalin finding no route): the service's own code for that status where it has
   * one, so that one condition has one code whoever detects it; else {@code http-<status>}.
   */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 408 -> "request-timeout";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 431 -> "headers-too-large";
      case 500 -> "internal";
      case 503 -> "unavailable";
      default -> "http-" + status;
    };
  }

  static ApiError unauthorized(String message) {
    return of(401, "unauthorized", message);
  }

  static ApiError forbidden(String message) {
    return of(403, "forbidden", message);
  }

  static ApiError notFound(String message) {
    return of(404, "not-found", message);
  }

  /** 409: the book's rules say no; each rule with its reason. */
  static ApiError conflict(String message, List<Exclusion> rules) {
    return new ApiError(409, "rule-violation", message, null, null, null, null, rules);
  }

  /** Marks this refusal as written to the audit log (so it is written once). */
  ApiError audited() {
    audited = true;
    return this;
  }

  boolean isAudited() {
    return audited;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String document() {
    return document;
  }

  public String path() {
    return path;
  }

  public String record() {
    return record;
  }

  public String location() {
    return location;
  }

  public List<Exclusion> rules() {
    return rules;
  }
}
