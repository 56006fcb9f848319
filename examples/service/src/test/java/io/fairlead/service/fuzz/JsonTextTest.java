package io.fairlead.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class JsonTextTest {

  private static final long SEED = 0x5EED_F022L;

  /** JSON values written as a person might: numbers the parser would change, nesting, escapes. */
  private static Gen<String> values() {
    List<String> values =
        List.of(
            "1e309",
            "-0",
            "1.0000000000000002e15",
            "0.1000000000000000055511151231257827",
            "\"a\\\"b\"",
            "\"\\ud800\"",
            "\"}\"",
            "{\"x\": [1, {\"y\": null}]}",
            "[ ]",
            "true",
            "null",
            "{ \"id\" : \"c1\" }");
    return integers().between(0, values.size() - 1).map(values::get);
  }

  private static Gen<String> spaces() {
    return integers().between(0, 3).map(n -> List.of("", " ", "\n  ", "\t").get(n));
  }

  @Test
  void elements_ofAnArray_areTheTextsAsWritten() {
    qt().withFixedSeed(SEED)
        .forAll(lists().of(values()).ofSizeBetween(0, 6), spaces())
        .checkAssert(
            (elements, space) -> {
              String json = "[" + space + String.join("," + space, elements) + space + "]";
              assertThat(JsonText.elements(json)).as(json).contains(elements);
            });
  }

  @Test
  void field_ofAnObject_isItsValueAsWritten() {
    qt().withFixedSeed(SEED)
        .forAll(values(), values(), spaces())
        .checkAssert(
            (rep, other, space) -> {
              String json =
                  "{"
                      + space
                      + "\"other\":"
                      + other
                      + ","
                      + space
                      + "\"rep\""
                      + space
                      + ":"
                      + space
                      + rep
                      + space
                      + "}";
              assertThat(JsonText.field(json, "rep")).as(json).contains(rep);
              assertThat(JsonText.field(json, "other")).as(json).contains(other);
              assertThat(JsonText.field(json, "none")).as(json).isEmpty();
            });
  }

  @Test
  void malformedText_hasNoParts() {
    assertThat(JsonText.elements("[1, 2")).isEmpty();
    assertThat(JsonText.elements("{}")).isEmpty();
    assertThat(JsonText.field("{\"rep\": 1, \"rep\": 2}", "rep")).isEmpty();
    assertThat(JsonText.field("{\"rep\": 1} x", "rep")).isEmpty();
  }
}
