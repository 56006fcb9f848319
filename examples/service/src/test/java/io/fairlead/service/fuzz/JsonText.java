package io.fairlead.service.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parts of a JSON text exactly as written (not parsed and written again, which would change numbers
 * such as {@code 1e309} or {@code 1.0000000000000002e15}): the elements of an array, the value of
 * an object's field. What a library reader would see if the part were sent on its own.
 */
final class JsonText {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private JsonText() {}

  /** The elements of a top-level array, or empty if the text is not a well-formed array. */
  static Optional<List<String>> elements(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(value(p, json));
      }
      return p.nextToken() == null ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The value of a field of a top-level object, or empty if the text is not a well-formed object or
   * has no such field.
   */
  static Optional<String> field(String json, String name) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String found = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        String v = value(p, json);
        if (f.equals(name)) {
          found = v;
        }
      }
      return p.nextToken() == null ? Optional.ofNullable(found) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The text of the value at the parser's current token, which it then skips. */
  private static String value(JsonParser p, String json) throws IOException {
    int start = (int) p.currentTokenLocation().getCharOffset();
    p.skipChildren();
    p.finishToken();
    int end = (int) p.currentLocation().getCharOffset();
    return json.substring(start, end);
  }
}
