package io.fairlead.examples.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated blocks of a Markdown file: a fenced block right after a marker comment
 *
 * <pre>
 * &lt;!-- generated: MavenCrmDemo --&gt;
 * ```
 * (what the program prints; replaced as a whole)
 * ```
 * </pre>
 *
 * <p>The marker names the output that fills the block; the fence's info string ({@code ```json}) is
 * kept. Everything outside the blocks is left as it is, byte for byte.
 */
final class GeneratedBlocks {

  private static final Pattern MARKER = Pattern.compile("<!-- generated: (.+?) -->");
  private static final String FENCE = "```";

  /**
   * One generated block.
   *
   * @param name the output's name, from the marker
   * @param line the marker's line number (from 1)
   * @param content the block's lines between the fences, each ending in a newline
   */
  record Block(String name, int line, String content) {}

  private GeneratedBlocks() {}

  /**
   * The generated blocks of a Markdown text, in order.
   *
   * @param file names the text in messages
   * @throws IllegalArgumentException if a marker is not followed by a fenced block
   */
  static List<Block> find(String markdown, String file) {
    List<Block> blocks = new ArrayList<>();
    scan(markdown, file, (b, start, end) -> blocks.add(b));
    return blocks;
  }

  /**
   * The text with every generated block's content replaced by the output of its name.
   *
   * @param file names the text in messages
   * @throws IllegalArgumentException if a marker names no output, is not followed by a fenced
   *     block, or an output does not end in a newline or holds a closing fence
   */
  static String fill(String markdown, Map<String, String> outputs, String file) {
    StringBuilder out = new StringBuilder(markdown.length());
    int[] copied = {0};
    scan(
        markdown,
        file,
        (b, start, end) -> {
          String text = outputs.get(b.name());
          if (text == null) {
            throw new IllegalArgumentException(
                file
                    + ":"
                    + b.line()
                    + ": no output is named '"
                    + b.name()
                    + "'; known: "
                    + outputs.keySet());
          }
          checkOutput(b.name(), text);
          out.append(markdown, copied[0], start).append(text);
          copied[0] = end;
        });
    return out.append(markdown.substring(copied[0])).toString();
  }

  /** Checks that an output fits in a fenced block: whole lines, no closing fence among them. */
  static void checkOutput(String name, String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("output '" + name + "' does not end in a newline");
    }
    if (text.lines().anyMatch(l -> l.startsWith(FENCE))) {
      throw new IllegalArgumentException("output '" + name + "' holds a line starting " + FENCE);
    }
  }

  private interface Visitor {
    /** A block whose content spans {@code [start, end)} of the text. */
    void block(Block block, int start, int end);
  }

  private static void scan(String markdown, String file, Visitor visitor) {
    int pos = 0;
    int line = 1;
    while (pos < markdown.length()) {
      int eol = lineEnd(markdown, pos);
      Matcher m = MARKER.matcher(markdown.substring(pos, eol).strip());
      if (m.matches()) {
        int markerLine = line;
        int open = next(markdown, eol);
        if (open >= markdown.length() || !markdown.startsWith(FENCE, open)) {
          throw new IllegalArgumentException(
              file + ":" + markerLine + ": the marker must be followed by a ``` fenced block");
        }
        int start = next(markdown, lineEnd(markdown, open));
        int close = start;
        line += 2;
        while (close < markdown.length()
            && !markdown.substring(close, lineEnd(markdown, close)).equals(FENCE)) {
          close = next(markdown, lineEnd(markdown, close));
          line++;
        }
        if (close >= markdown.length()) {
          throw new IllegalArgumentException(
              file + ":" + markerLine + ": the block after the marker is not closed with ```");
        }
        visitor.block(
            new Block(m.group(1), markerLine, markdown.substring(start, close)), start, close);
        eol = lineEnd(markdown, close);
      }
      pos = next(markdown, eol);
      line++;
    }
  }

  private static int lineEnd(String s, int from) {
    int i = s.indexOf('\n', from);
    return i < 0 ? s.length() : i;
  }

  private static int next(String s, int eol) {
    return Math.min(s.length(), eol + 1);
  }
}
