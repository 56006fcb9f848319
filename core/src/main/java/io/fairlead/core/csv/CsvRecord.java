package io.fairlead.core.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data row of a {@link CsvTable} being read into a rep or a lead: typed cells by field, and
 * every error of the row, in the form {@code "leads CSV at row 7, column 'value' (lead c4): ..."}.
 *
 * <p>A cell is stripped of surrounding whitespace; an empty cell (or a missing column) is absent.
 */
final class CsvRecord {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z]+)");

  private final CsvTable table;
  private final CsvTable.Row row;
  private String label;

  CsvRecord(CsvTable table, CsvTable.Row row) {
    this.table = table;
    this.row = row;
  }

  int number() {
    return row.number();
  }

  /** Names the record in later errors, e.g. {@code "lead c4"}. */
  void label(String label) {
    this.label = label;
  }

  /** The stripped cell of a field, or {@code null} when empty or the column is absent. */
  String text(String field) {
    Integer c = table.fieldColumns.get(field);
    return c == null ? null : present(row.cells()[c]);
  }

  /** The stripped cell of an attribute column, or {@code null} when empty. */
  String attribute(String header) {
    return present(row.cells()[table.attributeColumns.get(header)]);
  }

  private static String present(String cell) {
    String s = cell.strip();
    return s.isEmpty() ? null : s;
  }

  /** A whole number in the {@code int} range, or {@code null} when absent. */
  Integer integer(String field) {
    String s = text(field);
    if (s == null) {
      return null;
    }
    if (INTEGER.matcher(s).matches()) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        // out of range, reported below
      }
    }
    throw error(
        field, field + " must be a whole number in [-2^31, 2^31 - 1], was '" + s + "'", null);
  }

  /**
   * A decimal number ({@code 25000}, {@code 0.3}, {@code 1.5e6}), or {@code Infinity}, {@code
   * -Infinity}, {@code NaN} as in JSON (the model then refuses them where a finite number is
   * needed); {@code null} when absent.
   */
  Double number(String field) {
    String s = text(field);
    if (s == null) {
      return null;
    }
    switch (s) {
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        if (DECIMAL.matcher(s).matches()) {
          return Double.parseDouble(s);
        }
        throw error(field, field + " must be a number, was '" + s + "'", null);
    }
  }

  /** {@code true} or {@code false} in any case, or {@code null} when absent. */
  Boolean bool(String field) {
    String s = text(field);
    if (s == null) {
      return null;
    }
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw error(field, field + " must be true or false, was '" + s + "'", null);
  }

  /** The constant with the cell's name (case-sensitive), or {@code null} when absent. */
  <E extends Enum<E>> E enumValue(Class<E> type, String field) {
    String s = text(field);
    if (s == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    throw error(
        field,
        "unknown " + field + " '" + s + "', expected one of " + String.join(", ", names),
        null);
  }

  /**
   * The items of a multi-valued cell, split at the mapping's separator and stripped; empty when
   * absent. An empty item or a repeated one is an error.
   */
  List<String> items(String field) {
    String s = text(field);
    if (s == null) {
      return List.of();
    }
    char sep = table.mapping.separator();
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String part : s.split(Pattern.quote(String.valueOf(sep)), -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        throw error(
            field, field + " has an empty item in '" + s + "' (separator '" + sep + "')", null);
      }
      if (!seen.add(item)) {
        throw error(field, field + " holds '" + item + "' twice", null);
      }
      out.add(item);
    }
    return out;
  }

  /** Runs a builder step for a field; its {@link IllegalArgumentException} names the column. */
  void set(String field, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException e) {
      throw error(field, e.getMessage(), e);
    }
  }

  /**
   * Builds the record; a domain error points at the column of the field its message starts with
   * ({@code "lead c4: value must be ..."}: {@code value}), or of the attribute it quotes.
   */
  <T> T build(Supplier<T> build, List<String> fields) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String rest =
          label != null && message.startsWith(label + ": ")
              ? message.substring(label.length() + 2)
              : message;
      Matcher m = FIRST_WORD.matcher(rest);
      String word = m.find() ? m.group(1) : "";
      if (fields.contains(word)) {
        throw error(word, message, e);
      }
      Matcher attribute = Pattern.compile("^attribute '([^']*)'").matcher(rest);
      if (attribute.find() && table.attributeColumns.containsKey(attribute.group(1))) {
        throw columnError(attribute.group(1), message, e);
      }
      throw columnError(null, message, e);
    }
  }

  /** An error at the column of {@code field} (the mapping's header for it). */
  IllegalArgumentException error(String field, String message, Throwable cause) {
    return columnError(field == null ? null : table.header(field), message, cause);
  }

  /** An error at the column with this header, or at the row when {@code null}. */
  IllegalArgumentException columnError(String header, String message, Throwable cause) {
    return CsvTable.error(table.document, row.number(), header, label, message, cause);
  }
}
