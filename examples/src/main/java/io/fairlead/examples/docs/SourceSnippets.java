package io.fairlead.examples.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code that the guides show, cut from compiled sources (examples, tests) between two comments:
 *
 * <pre>
 * // --- docs/routing.md: quick start
 * ...the code the guide shows...
 * // --- end
 * </pre>
 *
 * <p>A snippet is named by its file's class and its label ({@code RoutingGuideTest: quick start}),
 * and comes out without the indentation its lines share.
 */
final class SourceSnippets {

  private static final Pattern BEGIN = Pattern.compile("// --- (docs/[^:]+): (.+)");
  private static final String END = "// --- end";

  private SourceSnippets() {}

  /**
   * The snippets of one source file, by name, in file order.
   *
   * @param className names the snippets and the file in messages
   * @throws IllegalArgumentException if a snippet is not closed or a label is used twice
   */
  static Map<String, String> of(String source, String className) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = BEGIN.matcher(lines.get(i).strip());
      if (!m.matches()) {
        continue;
      }
      String name = className + ": " + m.group(2);
      List<String> body = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).strip().equals(END)) {
        body.add(lines.get(j));
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalArgumentException(
            className + " line " + (i + 1) + ": snippet '" + m.group(2) + "' has no " + END);
      }
      if (out.put(name, dedent(body)) != null) {
        throw new IllegalArgumentException(className + ": two snippets are named " + name);
      }
      i = j;
    }
    return out;
  }

  /** The lines without the leading spaces they all share (blank lines aside), each with '\n'. */
  static String dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return sb.toString();
  }
}
