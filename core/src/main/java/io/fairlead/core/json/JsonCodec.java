package io.fairlead.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one place that knows Jackson: a strict mapper, reading a document into its private DTO
 * records with every Jackson failure turned into a {@link JsonPath} error, and pretty writing.
 *
 * <p>Strict means: unknown fields, repeated keys, trailing content, fractions for integers, strings
 * for numbers or booleans and numbers or booleans for strings are all errors. The strings {@code
 * "Infinity"}, {@code "-Infinity"} and {@code "NaN"} are read as doubles (and written for
 * non-finite doubles); domain validation rejects them wherever a finite number is required.
 *
 * <p>Thread-safe: the mapper is configured once, readers and writers are immutable.
 */
final class JsonCodec {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonCodec() {}

  /** Writes a DTO as pretty JSON (two-space indent, {@code \n} line ends, no trailing newline). */
  static String write(Object dto) {
    try {
      return WRITER.writeValueAsString(dto);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a whole document into a DTO of the given type.
   *
   * @throws IllegalArgumentException for malformed JSON (the parser's limits included: nesting
   *     deeper than 1000, names longer than 50,000 characters, numbers of more than 1000 digits),
   *     an unknown field, a wrong type or a null document, naming the position
   */
  static <T> T read(String document, String json, Class<T> type) {
    return read(JsonPath.root(document), json, type, null);
  }

  /**
   * Reads a whole text into a DTO whose errors are reported from {@code root}, which may be the
   * base of a record embedded in another document. When {@code record} is given ({@code "lead"},
   * {@code "rep"}), a text that is an object with a string {@code id} labels its errors {@code
   * "lead <id>"}.
   */
  static <T> T read(JsonPath root, String json, Class<T> type, String record) {
    String document = root.document();
    java.util.Objects.requireNonNull(json, () -> document + " JSON");
    ObjectReader reader = MAPPER.readerFor(type);
    try (JsonParser p = MAPPER.createParser(json)) {
      try {
        if (p.nextToken() == null) {
          throw malformed(root, p.currentLocation(), "no content", null);
        }
        T value = reader.readValue(p);
        if (p.nextToken() != null) {
          throw malformed(
              root, p.currentTokenLocation(), "unexpected content after the document", null);
        }
        if (value == null) {
          throw root.error("expected " + expected(type) + ", was null");
        }
        return value;
      } catch (StreamConstraintsException e) { // nesting, a name or a number past Jackson's limits
        throw malformed(root, p.currentLocation(), e.getOriginalMessage(), e);
      }
    } catch (StreamReadException e) {
      throw malformed(root, e.getLocation(), e.getOriginalMessage(), e);
    } catch (DatabindException e) {
      throw mappingError(root, json, e, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads all of a reader; I/O failures are {@link UncheckedIOException}s. */
  static String readAll(java.io.Reader reader) {
    java.util.Objects.requireNonNull(reader, "reader");
    try {
      java.io.StringWriter w = new java.io.StringWriter();
      reader.transferTo(w);
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A syntax error: at a line and column of the document, or of the embedded record's own text
   * after its base ({@code "scenario JSON at $.stream[3].lead, line 1 column 9: ..."}).
   */
  private static IllegalArgumentException malformed(
      JsonPath root, JsonLocation where, String message, Throwable cause) {
    boolean located = where != null && where.getLineNr() >= 0;
    String line = located ? "line " + where.getLineNr() + " column " + where.getColumnNr() : null;
    String at;
    if (root.isDocumentRoot()) {
      at = located ? line : "$";
    } else {
      at = located ? root + ", " + line : root.toString();
    }
    return new JsonInputException(
        root.document(),
        root.toString(),
        null,
        line,
        "malformed JSON: " + message,
        root.document() + " JSON at " + at + ": malformed JSON: " + message,
        cause);
  }

  private static IllegalArgumentException mappingError(
      JsonPath root, String json, DatabindException e, String record) {
    String document = root.document();
    if (e.getCause() instanceof JsonParseException syntax) { // found while binding, wrapped
      return malformed(root, syntax.getLocation(), syntax.getOriginalMessage(), e);
    }
    List<Object> segments = new ArrayList<>();
    for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
      if (r.getFieldName() != null) {
        segments.add(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        segments.add(r.getIndex());
      }
    }
    JsonNode tree = tree(json);
    JsonPath at = root;
    if (record != null && tree != null && tree.isObject() && tree.path("id").isTextual()) {
      at = at.labelled(record + " " + tree.get("id").asText());
    }
    JsonNode node = tree;
    Object container = document;
    for (Object s : segments) {
      if (s instanceof Integer i) {
        at = at.index(i);
        node = node == null ? null : node.get(i);
        String label = label(container, node);
        if (label != null) {
          at = at.labelled(label);
        }
      } else {
        at = at.field((String) s);
        node = node == null ? null : node.get((String) s);
        container = s;
      }
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return at.error("unknown field '" + u.getPropertyName() + "' (known: " + known(u) + ")", e);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return at.error(
          "wrong type: expected " + expected(m.getTargetType()) + ", found " + found(node), e);
    }
    return at.error(e.getOriginalMessage(), e);
  }

  /** The record an array element stands for, e.g. {@code "lead c42"}, from its id field. */
  private static String label(Object container, JsonNode element) {
    if (element == null || !element.isObject()) {
      return null;
    }
    JsonNode id = element.get("id");
    if (id != null && id.isTextual()) {
      if ("leads".equals(container)) {
        return "lead " + id.asText();
      }
      if ("reps".equals(container)) {
        return "rep " + id.asText();
      }
    }
    for (String kind : List.of("lead", "rep")) {
      JsonNode ref = element.get(kind);
      if (ref != null && ref.isTextual()) {
        return kind + " " + ref.asText();
      }
    }
    return null;
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The fields a DTO knows, in declaration order. */
  private static String known(UnrecognizedPropertyException u) {
    Class<?> type = u.getReferringClass();
    if (type != null && type.isRecord()) {
      return String.join(
          ", ",
          java.util.Arrays.stream(type.getRecordComponents())
              .map(java.lang.reflect.RecordComponent::getName)
              .toList());
    }
    Collection<Object> ids = u.getKnownPropertyIds();
    return ids == null
        ? ""
        : String.join(", ", ids.stream().map(String::valueOf).sorted().toList());
  }

  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class || type == BigDecimal.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static String found(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "another type";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    String text = node.toString();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    if (node.isTextual()) {
      return "a string (" + text + ")";
    }
    if (node.isBoolean()) {
      return text;
    }
    return "a number (" + text + ")";
  }
}
