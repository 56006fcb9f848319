package io.fairlead.core.csv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CSV file read against a {@link CsvMapping}: its header checked and resolved (which column holds
 * which field, which are attributes, which are dropped) and its data rows, each with the row number
 * a spreadsheet shows (the header is row 1; blank rows count but are not returned). The one place
 * that parses CSV; every error is made by {@link CsvRecord#error} or {@link #error}.
 *
 * <p>Immutable after construction.
 */
final class CsvTable {

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  /** A data row: its spreadsheet row number and its cells as written (not stripped). */
  record Row(int number, String[] cells) {}

  final CsvMapping mapping;
  final String document;
  final int width;

  /** Field to column index, for the fields whose column is present. */
  final Map<String, Integer> fieldColumns = new LinkedHashMap<>();

  /** Attribute name (the header) to column index, in column order. */
  final Map<String, Integer> attributeColumns = new LinkedHashMap<>();

  final List<Row> rows = new ArrayList<>();

  private CsvTable(CsvMapping mapping, List<String[]> records) {
    this.mapping = mapping;
    this.document = mapping.document();
    if (records.isEmpty()) {
      throw error(1, null, "no header row (the file is empty)");
    }
    String[] header = records.get(0);
    this.width = header.length;
    readHeader(header);
    for (int i = 1; i < records.size(); i++) {
      String[] cells = records.get(i);
      if (blank(cells)) {
        continue;
      }
      int number = i + 1;
      if (cells.length != width) {
        throw error(
            number,
            null,
            "the row has " + cells.length + " cells, the header has " + width + " columns");
      }
      rows.add(new Row(number, cells));
    }
  }

  /** Parses {@code csv} (a byte-order mark at its start is dropped) and resolves its header. */
  static CsvTable read(String csv, CsvMapping mapping) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    List<String[]> records = new ArrayList<>();
    try (MappingIterator<String[]> it =
        MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
      while (it.hasNextValue()) {
        records.add(it.nextValue());
      }
    } catch (JacksonException e) {
      throw error(
          mapping.document(),
          records.size() + 1,
          null,
          null,
          "malformed CSV: " + firstLine(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CsvTable(mapping, records);
  }

  private void readHeader(String[] header) {
    Map<String, String> fieldOfHeader = new LinkedHashMap<>();
    mapping.columns().forEach((field, h) -> fieldOfHeader.put(h, field));
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      String h = header[c].strip();
      if (h.isEmpty()) {
        throw error(1, null, "column " + (c + 1) + " has no header");
      }
      Integer before = seen.putIfAbsent(h, c);
      if (before != null) {
        throw error(
            1,
            h,
            "the header names '"
                + h
                + "' twice (columns "
                + (before + 1)
                + " and "
                + (c + 1)
                + ")");
      }
      String field = fieldOfHeader.get(h);
      if (field != null) {
        fieldColumns.put(field, c);
      } else if (mapping.ignored().contains(h)) {
        continue;
      } else if (mapping.isForLeads()
          && mapping.attributes().map(a -> a.contains(h)).orElse(true)) {
        attributeColumns.put(h, c);
      } else {
        unknown.add(h);
      }
    }
    if (!unknown.isEmpty()) {
      Set<String> known = new TreeSet<>(mapping.columns().values());
      known.addAll(mapping.ignored());
      mapping.attributes().ifPresent(known::addAll);
      throw error(
          1,
          unknown.get(0),
          "unknown column '"
              + unknown.get(0)
              + "'"
              + (mapping.isForLeads() ? "" : " (reps have no attributes)")
              + "; known columns: "
              + String.join(", ", known)
              + "; map it to a field or ignore it in the CsvMapping");
    }
    String idHeader = mapping.columns().get("id");
    if (!fieldColumns.containsKey("id")) {
      throw error(
          1,
          null,
          "missing required column '"
              + idHeader
              + "'; the header has: "
              + String.join(", ", java.util.Arrays.stream(header).map(String::strip).toList()));
    }
  }

  private static boolean blank(String[] cells) {
    for (String c : cells) {
      if (!c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The header of the column a field is read from (the mapping's, present or not). */
  String header(String field) {
    return mapping.columns().get(field);
  }

  IllegalArgumentException error(int row, String column, String message) {
    return error(document, row, column, null, message, null);
  }

  /**
   * {@code "<document> CSV at row <n>, column '<header>' (<label>): <message>"}, the column and the
   * label when known; a message that starts with the label has it dropped there.
   */
  static IllegalArgumentException error(
      String document, int row, String column, String label, String message, Throwable cause) {
    StringBuilder s = new StringBuilder(document).append(" CSV at row ").append(row);
    if (column != null) {
      s.append(", column '").append(column).append('\'');
    }
    String text = message;
    if (label != null) {
      s.append(" (").append(label).append(')');
      if (text.startsWith(label + ": ")) {
        text = text.substring(label.length() + 2);
      }
    }
    return new IllegalArgumentException(s.append(": ").append(text).toString(), cause);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
  }
}
