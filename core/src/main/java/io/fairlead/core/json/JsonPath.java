package io.fairlead.core.json;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a JSON document being read, such as {@code $.leads[3].value}, with the record it
 * belongs to (e.g. {@code lead c42}) when known. Every reading error is made here, so that all of
 * them read {@code "<document> JSON at <path>: <record>: <what is wrong>"}.
 *
 * <p>Immutable.
 */
final class JsonPath {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern RECORD_PREFIX = Pattern.compile("((?:lead|rep) [^:\\s]+): ");
  private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z]+)");

  private final String document;
  private final String path;
  private final String label;

  private JsonPath(String document, String path, String label) {
    this.document = document;
    this.path = path;
    this.label = label;
  }

  /** The root {@code $} of a document, e.g. {@code root("problem")}. */
  static JsonPath root(String document) {
    return new JsonPath(document, "$", null);
  }

  /**
   * The root of a record embedded in another document at {@code base}, e.g. {@code root("scenario",
   * "$.stream[3].lead")}: its errors name that document and read {@code "scenario JSON at
   * $.stream[3].lead.value: ..."}.
   *
   * @throws IllegalArgumentException if the document is blank or the base is not a path from {@code
   *     $}
   */
  static JsonPath root(String document, String base) {
    java.util.Objects.requireNonNull(document, "document");
    java.util.Objects.requireNonNull(base, "path");
    if (document.isBlank()) {
      throw new IllegalArgumentException("document must not be blank");
    }
    if (!base.startsWith("$") || base.contains("\n")) {
      throw new IllegalArgumentException("path must be a JSONPath from $, was '" + base + "'");
    }
    return new JsonPath(document, base, null);
  }

  /** Whether this is the root {@code $} of a whole document (not an embedded record's base). */
  boolean isDocumentRoot() {
    return path.equals("$");
  }

  /** The member {@code name} of the object here: {@code .name}, or {@code ['na-me']}. */
  JsonPath field(String name) {
    String segment =
        IDENTIFIER.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    return new JsonPath(document, path + segment, label);
  }

  /** The element {@code i} of the array here. */
  JsonPath index(int i) {
    return new JsonPath(document, path + "[" + i + "]", label);
  }

  /** The same position, inside the named record (e.g. {@code "lead c42"}). */
  JsonPath labelled(String label) {
    return new JsonPath(document, path, label);
  }

  /** The document name, e.g. {@code "problem"}. */
  String document() {
    return document;
  }

  @Override
  public String toString() {
    return path;
  }

  /** An error at this position; the record label is prepended unless the message starts with it. */
  IllegalArgumentException error(String message) {
    return error(message, null);
  }

  IllegalArgumentException error(String message, Throwable cause) {
    String record = label;
    String detail = message;
    if (label == null) {
      // a message made deeper down may start with its own record ("lead c42: ...")
      java.util.regex.Matcher m = RECORD_PREFIX.matcher(message);
      if (m.lookingAt()) {
        record = m.group(1);
        detail = message.substring(m.end());
      }
    } else if (message.startsWith(label + ":")) {
      detail = message.substring(label.length() + 1).strip();
    }
    String text =
        record == null || message.startsWith(record + ":") ? message : record + ": " + message;
    return new JsonInputException(
        document, path, record, null, detail, document + " JSON at " + path + ": " + text, cause);
  }

  /** Returns the value of a required field of the object here, or fails naming it. */
  <T> T required(T value, String field) {
    if (value == null) {
      throw field(field).error("missing required field '" + field + "'");
    }
    return value;
  }

  /**
   * Fails at the first null component of a DTO record that is not named optional, e.g. at {@code
   * $.metrics.count.gini} for a spread without {@code gini}.
   */
  void requireAll(Record dto, String... optional) {
    Set<String> skip = Set.of(optional);
    for (java.lang.reflect.RecordComponent c : dto.getClass().getRecordComponents()) {
      if (skip.contains(c.getName())) {
        continue;
      }
      Object value;
      try {
        value = c.getAccessor().invoke(dto);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
      required(value, c.getName());
    }
  }

  /**
   * Returns the strings of an array field, failing at the element for a null or a repeated value.
   * An absent array is empty.
   */
  List<String> strings(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null) {
        throw field(field).index(i).error(field + " must not hold null");
      }
      if (!seen.add(v)) {
        throw field(field).index(i).error(field + " holds '" + v + "' twice");
      }
    }
    return values;
  }

  /** Returns the elements of a required array field, failing at a null element. */
  <T> List<T> elements(List<T> values, String field) {
    required(values, field);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw field(field).index(i).error("expected an object, was null");
      }
    }
    return values;
  }

  /** Returns the enum constant with the given name, or fails listing the names. */
  <E extends Enum<E>> E enumValue(Class<E> type, String field, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    throw field(field)
        .error("unknown " + field + " '" + name + "', expected one of " + String.join(", ", names));
  }

  /**
   * Runs a domain constructor or builder here and turns its {@link IllegalArgumentException} into
   * an error at the field the message names: {@code "lead c42: value must be ..."} points at {@code
   * .value} when {@code value} is one of {@code fields}.
   */
  <T> T check(Supplier<T> build, Set<String> fields) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw locate(e.getMessage(), fields).error(e.getMessage(), e);
    }
  }

  /** Runs a domain constructor here; its errors point at this position. */
  <T> T check(Supplier<T> build) {
    return check(build, Set.of());
  }

  private JsonPath locate(String message, Set<String> fields) {
    String rest = message;
    if (label != null && rest.startsWith(label + ": ")) {
      rest = rest.substring(label.length() + 2);
    }
    Matcher m = FIRST_WORD.matcher(rest);
    if (m.find()) {
      String word = m.group(1);
      if (fields.contains(word)) {
        return field(word);
      }
      if (fields.contains(word + "s")) { // "attribute 'revenue' is missing" -> .attributes
        return field(word + "s");
      }
    }
    return this;
  }

  /** Finds the field of a message in the form {@code "<word> <quoted key>"}, e.g. a map entry. */
  static String quoted(String message, String after) {
    Matcher m = Pattern.compile(Pattern.quote(after) + " '([^']*)'").matcher(message);
    return m.find() ? m.group(1) : null;
  }
}
