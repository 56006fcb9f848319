package io.fairlead.core.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The committed regression corpus, {@code src/test/resources/fuzz/corpus}: one input per file,
 * named by what it covers and starting with the document it is ({@code problem-}, {@code router-},
 * ...), and an index, {@code index.txt}, that says what the reader must do with each: {@code <file>
 * accepted}, or {@code <file> rejected <where>}, where {@code <where>} is how the message must go
 * on after {@code "<document> JSON at "}: a JSON path (prefix) such as {@code $.leads[1].value}, or
 * {@code line} for malformed JSON.
 */
public final class Corpus {

  /** The corpus directory, from the core module's directory. */
  public static final String DIRECTORY = "src/test/resources/fuzz/corpus";

  private Corpus() {}

  /**
   * One corpus input.
   *
   * @param file its file name
   * @param document what it is read as
   * @param accepted whether the reader must accept it
   * @param where for a rejected input, how the message goes on after {@code "<document> JSON at "}
   */
  public record Entry(String file, Document document, boolean accepted, String where) {

    /** The input's text. */
    public String json() {
      return Seeds.resource("/fuzz/corpus/" + file);
    }
  }

  /** Every entry of the index, in its order. */
  public static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (String line : Seeds.resource("/fuzz/corpus/index.txt").split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\s+");
      boolean accepted = f[1].equals("accepted");
      if (!(accepted && f.length == 2) && !(f[1].equals("rejected") && f.length == 3)) {
        throw new IllegalStateException("index.txt: cannot read '" + line + "'");
      }
      out.add(new Entry(f[0], Document.ofFile(f[0]), accepted, accepted ? null : f[2]));
    }
    return out;
  }
}
