package io.fairlead.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonInputTest {

  @Test
  void source_isTheFieldsTextAsSent_notAsParsedAndWrittenBack() {
    String json =
        "{\"a\": 1e999, \"rep\" :\n {\"id\": \"x\\\"}\", \"w\": [1.0000000000000002e15, -0]},"
            + " \"s\": \"\\ud800\", \"n\": null}";
    JsonInput in = JsonInput.parse("request", json, false);

    assertThat(in.source("a")).isEqualTo("1e999");
    assertThat(in.source("rep"))
        .isEqualTo("{\"id\": \"x\\\"}\", \"w\": [1.0000000000000002e15, -0]}");
    assertThat(in.source("s")).isEqualTo("\"\\ud800\"");
    assertThat(in.source("n")).isEqualTo("null");
  }

  @Test
  void source_ofAMissingField_isRefusedAtItsPath() {
    JsonInput in = JsonInput.parse("rep request", "{\"reason\": \"x\"}", false);

    assertThatThrownBy(() -> in.source("rep"))
        .isInstanceOf(ApiError.class)
        .hasMessage("rep request at $.rep: missing required field 'rep'");
  }
}
