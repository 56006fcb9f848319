package io.fairlead.core.csv;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes reps and leads as CSV in the default mapping, every column of {@code docs/csv-format.md}
 * (leads: then one column per attribute name, sorted), so that tests can read them back. The
 * library itself reads reps and leads from CSV and does not write them.
 *
 * <p>Refuses what the CSV format cannot carry, rather than write something that reads back
 * differently: a value that starts or ends with whitespace, an empty attribute value, an item of a
 * multi-valued cell holding the separator, an attribute named like a field.
 *
 * <p>Public because the examples' tests use it too (through core's test jar).
 */
public final class CsvExport {

  private CsvExport() {}

  /** The reps as CSV, header first, {@code \n} after every row. */
  public static String reps(Collection<Rep> reps) {
    StringBuilder out = new StringBuilder();
    row(out, CsvMapping.REP_FIELDS);
    for (Rep r : reps) {
      SizeRange sizes = r.companySizes();
      boolean any = sizes.equals(SizeRange.ANY);
      row(
          out,
          List.of(
              r.id().value(),
              items(r.regions()),
              items(r.industries()),
              items(r.allowedTiers().stream().map(Tier::name).toList()),
              r.role().name(),
              any ? "" : Integer.toString(sizes.min()),
              any || sizes.max() == Integer.MAX_VALUE ? "" : Integer.toString(sizes.max()),
              cap(r.capacity()),
              Integer.toString(r.heldOutside()),
              cap(r.newLeadCap()),
              Boolean.toString(r.available()),
              Double.toString(r.weight()),
              Double.toString(r.share()),
              items(r.preferredIndustries())));
    }
    return out.toString();
  }

  /**
   * The leads as CSV, header first (fields, then attribute names sorted), {@code \n} after rows.
   */
  public static String leads(Collection<Lead> leads) {
    TreeSet<String> attributes = new TreeSet<>();
    leads.forEach(l -> attributes.addAll(l.attributes().keySet()));
    for (String a : attributes) {
      if (CsvMapping.LEAD_FIELDS.contains(a)) {
        throw new IllegalArgumentException("attribute '" + a + "' is named like a field");
      }
    }
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(CsvMapping.LEAD_FIELDS);
    header.addAll(attributes);
    row(out, header);
    for (Lead l : leads) {
      List<String> cells = new ArrayList<>();
      cells.add(l.id().value());
      cells.add(l.region().orElse(""));
      cells.add(l.industry().orElse(""));
      cells.add(Integer.toString(l.companySize()));
      cells.add(Double.toString(l.value()));
      cells.add(
          l.winProbability().isPresent() ? Double.toString(l.winProbability().getAsDouble()) : "");
      cells.add(l.tier().map(Tier::name).orElse(""));
      cells.add(l.kind().name());
      cells.add(l.currentOwner().map(RepId::value).orElse(""));
      cells.add(Boolean.toString(l.locked()));
      for (String a : attributes) {
        String v = l.attributes().get(a);
        if (v != null && v.isEmpty()) {
          throw new IllegalArgumentException("lead " + l.id() + ": attribute '" + a + "' is empty");
        }
        cells.add(v == null ? "" : v);
      }
      row(out, cells);
    }
    return out.toString();
  }

  private static String cap(int cap) {
    return cap == Rep.UNLIMITED ? "" : Integer.toString(cap);
  }

  private static String items(Collection<String> values) {
    Function<String, String> check =
        v -> {
          if (v.indexOf(CsvMapping.DEFAULT_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("'" + v + "' holds the separator");
          }
          return v;
        };
    return String.join(
        String.valueOf(CsvMapping.DEFAULT_SEPARATOR), values.stream().sorted().map(check).toList());
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append('\n');
  }

  private static String cell(String v) {
    if (!v.strip().equals(v)) {
      throw new IllegalArgumentException("'" + v + "' starts or ends with whitespace");
    }
    boolean quote =
        v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
