package io.fairlead.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sessions {@code docs/cli.md} shows under {@code <!-- checked: CliGuideTest NAME -->} are what
 * the command line prints today: each {@code $ fairlead ...} line is run in a scratch directory
 * holding the files the guide names, {@code $ echo $?} is the exit code before it, and the output
 * must equal the guide's lines (a solve's "solved in" line excepted: its times are the machine's).
 * Tests run in the module's directory, so the guide is two levels up.
 */
class CliGuideTest {

  private static final Path GUIDE = Path.of("../../docs/cli.md");

  private Path dir;

  @BeforeEach
  void files(@org.junit.jupiter.api.io.TempDir Path scratch) throws IOException {
    dir = scratch;
    try (InputStream in = CliGuideTest.class.getResourceAsStream("/problem.json")) {
      assertThat(in).as("the examples' sample problem").isNotNull();
      Files.copy(in, dir.resolve("problem.json"));
    }
    Files.writeString(
        dir.resolve("bad.json"),
        "{\"reps\": [{\"id\": \"ana\"}], \"leads\": [{\"id\": \"c1\", \"value\": -5}]}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allocate", "errors"})
  void theGuidesSession_isWhatTheCommandLinePrints(String name) throws IOException {
    List<String> block = block(Files.readString(GUIDE), name);
    List<String> shown = new ArrayList<>();
    List<String> printed = new ArrayList<>();
    int code = -1;
    for (int i = 0; i < block.size(); i++) {
      String line = block.get(i);
      if (!line.startsWith("$ ")) {
        shown.add(line);
        continue;
      }
      printed.add(line);
      shown.add(line);
      if (line.equals("$ echo $?")) {
        printed.add(String.valueOf(code));
        continue;
      }
      String[] words = line.substring(2).split(" ");
      assertThat(words[0]).as("a command of the guide").isEqualTo("fairlead");
      Cli.Result r = Cli.run(files(Arrays.copyOfRange(words, 1, words.length)));
      code = r.code();
      String text = (r.out() + r.err()).replace(dir + dir.getFileSystem().getSeparator(), "");
      printed.addAll(text.lines().toList());
    }

    assertThat(withoutTimes(printed)).isEqualTo(withoutTimes(shown));
  }

  /** The arguments, with the guide's file names made names in the scratch directory. */
  private String[] files(String[] args) {
    String[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      boolean afterO = i > 0 && out[i - 1].equals("-o");
      if (afterO || (!out[i].startsWith("-") && out[i].endsWith(".json"))) {
        out[i] = dir.resolve(out[i]).toString();
      }
    }
    return out;
  }

  private static List<String> withoutTimes(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("solved in ")).toList();
  }

  /** The fenced block after the marker. */
  private static List<String> block(String guide, String name) {
    String marker = "<!-- checked: CliGuideTest " + name + " -->";
    int at = guide.indexOf(marker);
    assertThat(at).as("%s in %s", marker, GUIDE).isNotNegative();
    List<String> lines = guide.substring(at + marker.length()).lines().toList();
    assertThat(lines.get(1)).as("a fence after %s", marker).isEqualTo("```");
    List<String> out = new ArrayList<>();
    for (int i = 2; !lines.get(i).equals("```"); i++) {
      out.add(lines.get(i));
    }
    assertThat(out).as("the block of %s", marker).isNotEmpty();
    return out;
  }
}
