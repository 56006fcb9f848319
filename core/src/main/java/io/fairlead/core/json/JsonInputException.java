package io.fairlead.core.json;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A JSON document this library refused, with where and why as fields: the document ({@code
 * "problem"}), the JSON path of the offending value ({@code $.leads[3].value}), the record it
 * belongs to when known ({@code "lead c42"}), and what is wrong. Its message is the one every
 * reader has always given: {@code "problem JSON at $.leads[3].value: lead c42: must be >= 0, was
 * -5"}; a host that answers over HTTP (or writes a report) reads the fields instead of parsing it.
 *
 * <p>For malformed JSON the path is the root of what was being read ({@code $}, or an embedded
 * record's base) and {@link #location()} holds the line and column.
 *
 * @since 0.1.0
 */
public final class JsonInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String document;
  private final String path;
  private final String record;
  private final String location;
  private final String detail;

  JsonInputException(
      String document,
      String path,
      String record,
      String location,
      String detail,
      String message,
      Throwable cause) {
    super(message, cause);
    this.document = requireNonNull(document, "document");
    this.path = requireNonNull(path, "path");
    this.record = record;
    this.location = location;
    this.detail = requireNonNull(detail, "detail");
  }

  /** The document being read, e.g. {@code "problem"}, {@code "lead"}, {@code "book event"}. */
  public String document() {
    return document;
  }

  /**
   * The JSON path of the offending value, e.g. {@code $.leads[3].value}; {@code $} for the root.
   */
  public String path() {
    return path;
  }

  /** The record the value belongs to, e.g. {@code "lead c42"}, when the document names one. */
  public Optional<String> record() {
    return Optional.ofNullable(record);
  }

  /** For malformed JSON, where the parser stopped, e.g. {@code "line 3 column 9"}. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** What is wrong, without the document, path and record. */
  public String detail() {
    return detail;
  }
}
