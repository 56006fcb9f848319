package io.fairlead.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedBlocksTest {

  private static final String GUIDE =
      """
      # Guide

      Text with ``` in it, and a block that is not generated:

      ```
      hand-written
      ```

      <!-- generated: Demo -->
      ```text
      old line 1
      old line 2
      ```

      After.
      <!-- generated: Other -->
      ```
      ```
      """;

  @Test
  void find_readsNameLineAndContent_ofGeneratedBlocksOnly() {
    List<GeneratedBlocks.Block> blocks = GeneratedBlocks.find(GUIDE, "guide.md");

    assertThat(blocks)
        .containsExactly(
            new GeneratedBlocks.Block("Demo", 9, "old line 1\nold line 2\n"),
            new GeneratedBlocks.Block("Other", 16, ""));
  }

  @Test
  void fill_replacesTheContents_keepsEverythingElse() {
    String filled =
        GeneratedBlocks.fill(GUIDE, Map.of("Demo", "new\n", "Other", "x\ny\n"), "guide.md");

    assertThat(filled)
        .isEqualTo(
            GUIDE
                .replace("old line 1\nold line 2\n", "new\n")
                .replace("Other -->\n```\n```", "Other -->\n```\nx\ny\n```"));
    assertThat(GeneratedBlocks.fill(filled, Map.of("Demo", "new\n", "Other", "x\ny\n"), "g"))
        .isEqualTo(filled);
  }

  @Test
  void fill_unknownName_failsWithFileLineAndKnownNames() {
    assertThatThrownBy(() -> GeneratedBlocks.fill(GUIDE, Map.of("Demo", "new\n"), "guide.md"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("guide.md:16: no output is named 'Other'; known: [Demo]");
  }

  @Test
  void markerWithoutFencedBlock_fails() {
    assertThatThrownBy(() -> GeneratedBlocks.find("<!-- generated: Demo -->\ntext\n", "g.md"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("g.md:1: the marker must be followed by a ``` fenced block");
    assertThatThrownBy(() -> GeneratedBlocks.find("\n<!-- generated: Demo -->\n```\nx\n", "g.md"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("g.md:2: the block after the marker is not closed");
  }

  @Test
  void checkOutput_refusesPartialLinesAndFences() {
    assertThatThrownBy(() -> GeneratedBlocks.checkOutput("Demo", "no newline"))
        .hasMessageContaining("'Demo' does not end in a newline");
    assertThatThrownBy(() -> GeneratedBlocks.checkOutput("Demo", "a\n```\n"))
        .hasMessageContaining("'Demo' holds a line starting ```");
  }
}
