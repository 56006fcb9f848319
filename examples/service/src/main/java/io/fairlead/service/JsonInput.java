package io.fairlead.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small JSON object the service reads itself (a request such as {@code {"to": "ana", "reason":
 * "..."}}, or the configuration), read strictly: unknown fields, repeated keys, wrong types and
 * missing fields are refused as {@link ApiError}s naming the document and the JSON path. The
 * library's own documents (leads, reps, problems) are read by {@code FairleadJson}.
 */
final class JsonInput {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String document;
  private final String path;
  private final JsonNode node;
  private final String text; // the whole document as sent, at the top level; else null

  private JsonInput(String document, String path, JsonNode node) {
    this(document, path, node, null);
  }

  private JsonInput(String document, String path, JsonNode node, String text) {
    this.document = document;
    this.path = path;
    this.node = node;
    this.text = text;
  }

  /** Parses a whole body; an empty body is the empty object when {@code emptyIsObject}. */
  static JsonInput parse(String document, String text, boolean emptyIsObject) {
    if (text == null || text.isBlank()) {
      if (emptyIsObject) {
        return new JsonInput(document, "$", MAPPER.createObjectNode());
      }
      throw ApiError.invalid(document, "$", "the body is empty; expected a JSON object");
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(text);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new ApiError(
          400,
          "malformed-json",
          document + " at $: malformed JSON" + where + ": " + e.getOriginalMessage(),
          document,
          "$",
          null,
          e.getLocation() == null
              ? null
              : "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr(),
          List.of());
    }
    JsonInput in = new JsonInput(document, "$", n, text);
    in.requireObject();
    return in;
  }

  private void requireObject() {
    if (node == null || !node.isObject()) {
      throw error("expected a JSON object, found " + kind(node));
    }
  }

  ApiError error(String message) {
    return ApiError.invalid(document, path, message);
  }

  JsonInput at(String field) {
    return new JsonInput(document, path + "." + field, node.get(field));
  }

  /** Refuses a field not in {@code known}, naming it and the ones that are. */
  JsonInput only(String... known) {
    Set<String> k = Set.of(known);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!k.contains(f)) {
        throw at(f).error("unknown field '" + f + "' (known: " + String.join(", ", known) + ")");
      }
    }
    return this;
  }

  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** The parsed value of a field. */
  JsonNode raw(String field) {
    return node.get(field);
  }

  /**
   * The text of a top-level field's value exactly as sent, for a library document embedded in a
   * request. Parsed and written back, a value would not be what the client sent: the number 1e999
   * becomes the string "Infinity", which a reader takes as a name (a rep called "Infinity").
   *
   * @throws IllegalStateException below the top level
   */
  String source(String field) {
    if (text == null) {
      throw new IllegalStateException("source(" + field + ") below the top level, at " + path);
    }
    try (JsonParser p = MAPPER.createParser(text)) {
      p.nextToken(); // the object: parse() read it whole, so the text is well-formed
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        p.finishToken();
        if (name.equals(field)) {
          return text.substring(start, (int) p.currentLocation().getCharOffset());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw at(field).error("missing required field '" + field + "'");
  }

  String string(String field) {
    return optString(field)
        .orElseThrow(() -> at(field).error("missing required field '" + field + "'"));
  }

  /** A required string that is not blank. */
  String text(String field) {
    String s = string(field);
    if (s.isBlank()) {
      throw at(field).error("must not be blank");
    }
    return s;
  }

  Optional<String> optString(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw at(field).error("wrong type: expected a string, found " + kind(v));
    }
    return Optional.of(v.textValue());
  }

  int integer(String field, int min, int max, int otherwise) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw at(field).error("wrong type: expected an integer, found " + kind(v));
    }
    int i = v.intValue();
    if (i < min || i > max) {
      throw at(field).error("must be between " + min + " and " + max + ", was " + i);
    }
    return i;
  }

  long longInteger(String field, long min, long max, long otherwise) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw at(field).error("wrong type: expected an integer, found " + kind(v));
    }
    long i = v.longValue();
    if (i < min || i > max) {
      throw at(field).error("must be between " + min + " and " + max + ", was " + i);
    }
    return i;
  }

  boolean bool(String field, boolean otherwise) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isBoolean()) {
      throw at(field).error("wrong type: expected true or false, found " + kind(v));
    }
    return v.booleanValue();
  }

  /** The objects of an array field; absent is empty. */
  List<JsonInput> objects(String field) {
    JsonNode v = node.get(field);
    List<JsonInput> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw at(field).error("wrong type: expected an array, found " + kind(v));
    }
    for (int i = 0; i < v.size(); i++) {
      JsonInput e = new JsonInput(document, path + "." + field + "[" + i + "]", v.get(i));
      e.requireObject();
      out.add(e);
    }
    return out;
  }

  /** The strings of an array field; absent is empty. */
  List<String> strings(String field) {
    JsonNode v = node.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw at(field).error("wrong type: expected an array, found " + kind(v));
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw new JsonInput(document, path + "." + field + "[" + i + "]", v.get(i))
            .error("wrong type: expected a string, found " + kind(v.get(i)));
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  /** An object field, required. */
  JsonInput object(String field) {
    JsonInput o = at(field);
    if (o.node == null || o.node.isNull()) {
      throw o.error("missing required field '" + field + "'");
    }
    o.requireObject();
    return o;
  }

  Optional<JsonInput> optObject(String field) {
    return has(field) ? Optional.of(object(field)) : Optional.empty();
  }

  String document() {
    return document;
  }

  String path() {
    return path;
  }

  private static String kind(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
