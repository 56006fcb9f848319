package io.fairlead.core.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads reps and leads from CSV files (spreadsheets, CRM exports) and writes an allocation's
 * outcomes as CSV, in the format of {@code docs/csv-format.md}.
 *
 * <pre>{@code
 * List<Rep> reps = FairleadCsv.readReps(Files.readString(Path.of("reps.csv")), CsvMapping.reps());
 * List<Lead> leads = FairleadCsv.readLeads(
 *     Files.readString(Path.of("leads.csv")),
 *     CsvMapping.forLeads().column("value", "Amount").build());
 * Allocation result = Baselines.leastBusy().allocate(Problem.of(Policy.defaults(), reps, leads));
 * Files.writeString(Path.of("result.csv"), FairleadCsv.writeAllocation(result));
 * }</pre>
 *
 * <p>Reading applies the same validation and numeric domain as {@code FairleadJson}; nothing is
 * skipped silently but blank rows. Every error is an {@link IllegalArgumentException} that names
 * the file, the row as a spreadsheet numbers it (the header is row 1), the column and the record,
 * e.g. {@code "leads CSV at row 7, column 'value' (lead c4): value must be in [0, 1e15], was
 * -5.0"}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class FairleadCsv {

  /** The columns of {@link #writeAllocation}, in order. */
  static final List<String> ALLOCATION_COLUMNS =
      List.of("lead", "rep", "status", "reason", "message");

  private static final CsvMapper WRITER = new CsvMapper();

  private FairleadCsv() {}

  /**
   * Reads reps, one per row, in row order.
   *
   * @throws IllegalArgumentException if the CSV is malformed, its header does not fit the mapping,
   *     a rep is invalid or two share an id, naming the row and column
   */
  public static List<Rep> readReps(String csv, CsvMapping mapping) {
    requireNonNull(csv, "reps CSV");
    checkMapping(mapping, false);
    return RepCsv.read(CsvTable.read(csv, mapping));
  }

  /**
   * Reads reps from a reader, which is read to its end and not closed.
   *
   * @throws IllegalArgumentException as {@link #readReps(String, CsvMapping)}
   * @throws UncheckedIOException if the reader fails
   */
  public static List<Rep> readReps(Reader csv, CsvMapping mapping) {
    return readReps(readAll(csv), mapping);
  }

  /**
   * Reads leads, one per row, in row order.
   *
   * @throws IllegalArgumentException if the CSV is malformed, its header does not fit the mapping,
   *     a lead is invalid or two share an id, naming the row and column
   */
  public static List<Lead> readLeads(String csv, CsvMapping mapping) {
    requireNonNull(csv, "leads CSV");
    checkMapping(mapping, true);
    return LeadCsv.read(CsvTable.read(csv, mapping));
  }

  /**
   * Reads leads from a reader, which is read to its end and not closed.
   *
   * @throws IllegalArgumentException as {@link #readLeads(String, CsvMapping)}
   * @throws UncheckedIOException if the reader fails
   */
  public static List<Lead> readLeads(Reader csv, CsvMapping mapping) {
    return readLeads(readAll(csv), mapping);
  }

  /**
   * Writes an allocation's outcomes, one row per lead in the problem's lead order, under the header
   * {@code lead,rep,status,reason,message}: the lead id, its owner (empty when unassigned), its
   * status ({@code ASSIGNED}, {@code KEPT}, {@code LOCKED}, {@code MOVED}, {@code UNASSIGNED}), and
   * for an unassigned lead the reason's kind and sentence. Cells are quoted only when they need it;
   * every row ends with {@code \n}. Deterministic.
   */
  public static String writeAllocation(Allocation allocation) {
    requireNonNull(allocation, "allocation");
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
    ALLOCATION_COLUMNS.forEach(schema::addColumn);
    List<List<String>> rows = new ArrayList<>();
    for (LeadOutcome o : allocation.outcomes()) {
      rows.add(
          List.of(
              o.lead().value(),
              o.rep().map(RepId::value).orElse(""),
              o.status().name(),
              o.reason().map(r -> r.kind().name()).orElse(""),
              o.reason().map(r -> r.message()).orElse("")));
    }
    try {
      StringWriter out = new StringWriter();
      WRITER.writer(schema.build()).writeValues(out).writeAll(rows).close();
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write CSV: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkMapping(CsvMapping mapping, boolean leads) {
    requireNonNull(mapping, "mapping");
    checkArgument(
        mapping.isForLeads() == leads,
        "the mapping is for %s, not %s: use CsvMapping.%s()",
        mapping.isForLeads() ? "leads" : "reps",
        leads ? "leads" : "reps",
        leads ? "forLeads" : "forReps");
  }

  private static String readAll(Reader reader) {
    requireNonNull(reader, "reader");
    try {
      StringWriter w = new StringWriter();
      reader.transferTo(w);
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
