package io.fairlead.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The guides show what the code prints today: every generated block of {@code docs/*.md}, and every
 * generated file, is regenerated in memory and compared. Tests run in the module directory, so the
 * repository root is one level up. Takes several seconds: it runs the examples, as the refresh
 * command does.
 */
class DocOutputsTest {

  private static final Path ROOT = Path.of("..");
  private static final int SHOWN = 5;

  private static Map<String, String> outputs;

  @BeforeAll
  static void regenerate() {
    outputs = DocOutputs.outputs(ROOT);
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedBlock_isWhatTheCodePrintsToday() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : DocOutputs.guides(ROOT)) {
      String text = DocOutputs.read(ROOT.resolve(doc));
      for (GeneratedBlocks.Block b : GeneratedBlocks.find(text, doc.toString())) {
        String where = doc + " line " + b.line() + ", <!-- generated: " + b.name() + " -->";
        tests.add(
            DynamicTest.dynamicTest(
                where,
                () -> {
                  assertThat(outputs).as("outputs named by %s", where).containsKey(b.name());
                  String now = outputs.get(b.name());
                  if (!now.equals(b.content())) {
                    fail(difference(where, "block", b.content(), now));
                  }
                }));
      }
    }
    assertThat(tests).as("generated blocks in docs/").isNotEmpty();
    return tests.stream();
  }

  @Test
  void generatedFiles_areWhatTheCodePrintsToday() {
    DocOutputs.FILES.forEach(
        (file, name) -> {
          String now = outputs.get(name);
          String there = DocOutputs.read(ROOT.resolve(file));
          if (!now.equals(there)) {
            fail(difference(file + " (output '" + name + "')", "file", there, now));
          }
        });
  }

  @Test
  void refresh_changesNothing_andEveryOutputIsShown() {
    // Throws if a guide names an unknown output or an output is shown nowhere.
    Map<Path, String> refreshed = DocOutputs.refreshed(ROOT, outputs);

    assertThat(refreshed.keySet())
        .contains(Path.of("docs/examples.md"), Path.of("docs/routing.md"));
    refreshed.forEach(
        (doc, text) -> {
          if (!text.equals(read(doc))) {
            fail(difference(doc.toString(), "file", read(doc), text));
          }
        });
  }

  @Test
  void outputs_holdNoTimings() {
    assertThat(outputs.get("MavenCrmDemo")).contains("soft score").doesNotContain("elapsed");
    assertThat(outputs.get("PolicyScenarios")).contains("soft score").doesNotContain("elapsed");
    assertThat(outputs.get("Benchmark"))
        .contains("budget")
        .doesNotContain("time ms", "CPUs", "at most 10 s");
  }

  @Test
  void difference_namesTheFirstDifferingLines_andTheCommand() {
    String message =
        difference(
            "docs/x.md line 3", "block", "a\nmoves 918\nc\nd\n", "a\nmoves 1,058\nc\nd\ne\n");

    assertThat(message)
        .contains("docs/x.md line 3")
        .contains("first at line 2 of the block (2 of 5 lines differ)")
        .contains("    guide: moves 918\n    code:  moves 1,058")
        .contains("  line 5\n    guide: (none)\n    code:  e")
        .contains(DocOutputs.COMMAND);
  }

  private static String read(Path doc) {
    return DocOutputs.read(ROOT.resolve(doc));
  }

  /** The first {@value #SHOWN} lines where the guide and the code differ, and how to refresh. */
  static String difference(String where, String unit, String guide, String code) {
    List<String> g = guide.lines().toList();
    List<String> c = code.lines().toList();
    int n = Math.max(g.size(), c.size());
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!line(g, i).equals(line(c, i))) {
        differing.add(i);
      }
    }
    StringBuilder sb = new StringBuilder(where).append(": differs from what the code prints today");
    if (!differing.isEmpty()) {
      sb.append(", first at line ")
          .append(differing.get(0) + 1)
          .append(" of the ")
          .append(unit)
          .append(" (")
          .append(differing.size())
          .append(" of ")
          .append(n)
          .append(" lines differ)");
    }
    if (differing.isEmpty()) {
      sb.append(", in its line endings only");
    }
    sb.append(":\n");
    for (int i : differing.subList(0, Math.min(SHOWN, differing.size()))) {
      sb.append("  line ").append(i + 1).append('\n');
      sb.append("    guide: ").append(line(g, i)).append('\n');
      sb.append("    code:  ").append(line(c, i)).append('\n');
    }
    if (differing.size() > SHOWN) {
      sb.append("  ...\n");
    }
    return sb.append("Refresh the guides from the repository root with:\n  ")
        .append(DocOutputs.COMMAND)
        .append('\n')
        .toString();
  }

  private static String line(List<String> lines, int i) {
    return i < lines.size() ? lines.get(i) : "(none)";
  }
}
