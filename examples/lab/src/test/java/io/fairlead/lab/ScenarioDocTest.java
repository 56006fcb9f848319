package io.fairlead.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.routing.LeadRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Scenario section of {@code docs/json-format.md} honest, as core's {@code
 * JsonFormatDocTest} does for the rest: its example is {@code scenario.json} verbatim, reads as
 * described, and the errors it quotes are the ones the reader produces. Paths are relative to the
 * lab module, the working directory of its tests.
 */
class ScenarioDocTest {

  private static final Path DOC = Path.of("../../docs/json-format.md");
  private static final Path EXAMPLE = Path.of("src/test/resources/scenario.json");

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String section() {
    String doc = read(DOC);
    int start = doc.indexOf("\n## Scenario\n");
    assertThat(start).as("the doc has a Scenario section").isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static List<String> blocks(String kind) {
    Matcher m = Pattern.compile("```" + kind + "\n(.*?)```", Pattern.DOTALL).matcher(section());
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void doc_jsonBlock_isTheExampleFileVerbatim() {
    assertThat(blocks("json")).containsExactly(read(EXAMPLE));
  }

  @Test
  void example_reads_asDocumented() {
    Scenario s = Scenario.fromJson(read(EXAMPLE));

    assertThat(s.name()).isEqualTo("q1");
    assertThat(s.end()).isEqualTo(s.start().plusDays(27));
    assertThat(s.roster()).hasSize(2);
    assertThat(s.events())
        .extracting(RosterEvent::kind)
        .containsExactlyInAnyOrder(RosterEvent.Kind.values());
    assertThat(s.leads()).hasSize(3);
    assertThat(s.policies()).containsOnlyKeys("default", "receipts");
    assertThat(s.history()).hasSize(2);
    assertThat(s.schedule())
        .isEqualTo(Schedule.nightly().rebalanceEvery(7, 0.02).maxMovesPerRep(3));
    assertThat(s.lifecycle().conflicts())
        .isEqualTo(Lifecycle.Conflicts.firstTouchWins(14).protect("A"));
    assertThat(s.lifecycle().reclaim()).hasSize(1);
    assertThat(s.allocator()).containsSame(LeadRouter.allocator());
    assertThat(Scenario.fromJson(s.toJson())).isEqualTo(s);
  }

  @Test
  void doc_quotedErrors_areTheOnesTheReaderProduces() {
    String example = read(EXAMPLE);
    List<String> produced =
        List.of(
            error(example.replace("\"2024-01-16\"", "\"2024-02-16\"")),
            error(
                example.replace(
                    "\"DEPARTURE\", \"rep\": \"ben\"", "\"DEPARTURE\", \"rep\": \"zoe\"")),
            error(example.replace("\"value\": 1200", "\"value\": -5")),
            error(example.replace("\"CAPPED(2)\"", "\"SOME\"")));

    assertThat(blocks("text")).hasSize(1);
    assertThat(blocks("text").get(0).lines().toList()).isEqualTo(produced);
  }

  private static String error(String json) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Scenario.fromJson(json));
    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    return t.getMessage();
  }

  @Test
  void emptyDocument_isMalformed() {
    assertThatThrownBy(() -> Scenario.fromJson("  "))
        .hasMessage("scenario JSON at line 1 column 3: malformed JSON: no content");
  }
}
