package io.fairlead.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: the first column left-aligned, the others right-aligned unless {@linkplain
 * #left(int...) made left-aligned} (names, sentences), a rule under the header. Enough for reports
 * printed to a terminal; not thread-safe. Public for the service's command line, which prints the
 * same tables.
 *
 * <pre>{@code
 * new TextTable("lead", "rep", "value").left(1).row("c1", "ana", TextTable.money(12000)).print(out);
 * }</pre>
 */
public final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private final boolean[] left;

  /** A table with this header; the number of names is the number of columns. */
  public TextTable(String... header) {
    this.columns = header.length;
    this.left = new boolean[columns];
    if (columns > 0) {
      left[0] = true;
    }
    rows.add(header.clone());
  }

  /** Left-aligns these columns (0-based) as well as the first. */
  public TextTable left(int... columnIndices) {
    for (int c : columnIndices) {
      if (c < 0 || c >= columns) {
        throw new IllegalArgumentException(
            "column " + c + " is not in the table's " + columns + " columns");
      }
      left[c] = true;
    }
    return this;
  }

  /** Adds a row; missing cells are blank, extra cells are an error. */
  public TextTable row(Object... cells) {
    if (cells.length > columns) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the table has " + columns + " columns");
    }
    String[] r = new String[columns];
    Arrays.fill(r, "");
    for (int i = 0; i < cells.length; i++) {
      r[i] = String.valueOf(cells[i]);
    }
    rows.add(r);
    return this;
  }

  /** Prints the header, a rule, and the rows. */
  public void print(PrintStream out) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          sb.append("  ");
        }
        String pad = " ".repeat(width[c] - r[c].length());
        sb.append(left[c] ? r[c] + pad : pad + r[c]);
      }
      out.println(sb.toString().stripTrailing());
      if (i == 0) {
        int total = Arrays.stream(width).sum() + 2 * (columns - 1);
        out.println("-".repeat(total));
      }
    }
  }

  /** A number with 3 decimals, or "inf". */
  public static String ratio(double x) {
    return Double.isInfinite(x) ? "inf" : String.format(Locale.ROOT, "%.3f", x);
  }

  /** A number with 1 decimal. */
  public static String one(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }

  /** A whole amount with thousands separators. */
  public static String money(double x) {
    return String.format(Locale.ROOT, "%,.0f", x);
  }

  /** An integer with thousands separators. */
  public static String count(long x) {
    return String.format(Locale.ROOT, "%,d", x);
  }
}
