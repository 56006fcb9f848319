package io.fairlead.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceSnippetsTest {

  @Test
  void of_cutsBetweenTheComments_namedByClassAndLabel_withoutSharedIndent() {
    String source =
        """
        class Guide {
          void a() {
            // --- docs/guide.md: quick start
            int x =
                1; // one

            x++;
            // --- end
            other();
          }
        }
        """;

    assertThat(SourceSnippets.of(source, "Guide"))
        .containsExactly(
            java.util.Map.entry("Guide: quick start", "int x =\n    1; // one\n\nx++;\n"));
  }

  @Test
  void of_unclosedSnippet_fails() {
    assertThatThrownBy(() -> SourceSnippets.of("  // --- docs/g.md: a\n  x();\n", "G"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("G line 1: snippet 'a' has no // --- end");
  }
}
