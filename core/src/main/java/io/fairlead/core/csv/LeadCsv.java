package io.fairlead.core.csv;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of a {@link Lead}: one row per lead, the columns of {@link CsvMapping#LEAD_FIELDS},
 * and its attributes in the columns the mapping leaves to them. An absent cell takes the default of
 * {@link Lead#builder(String)}; an empty attribute cell means the lead has no such attribute.
 */
final class LeadCsv {

  private LeadCsv() {}

  /** Reads every data row of the table, failing at a repeated id. */
  static List<Lead> read(CsvTable table) {
    List<Lead> out = new ArrayList<>(table.rows.size());
    Map<LeadId, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.rows) {
      CsvRecord r = new CsvRecord(table, row);
      Lead lead = toLead(table, r);
      Integer before = seen.putIfAbsent(lead.id(), row.number());
      if (before != null) {
        throw r.error("id", "duplicate id (also at row " + before + ")", null);
      }
      out.add(lead);
    }
    return out;
  }

  private static Lead toLead(CsvTable table, CsvRecord r) {
    String id = r.text("id");
    if (id == null) {
      throw r.error("id", "missing required id", null);
    }
    Lead.Builder b;
    try {
      b = Lead.builder(id);
    } catch (IllegalArgumentException e) {
      throw r.error("id", e.getMessage(), e);
    }
    r.label("lead " + id);
    String region = r.text("region");
    if (region != null) {
      r.set("region", () -> b.region(region));
    }
    String industry = r.text("industry");
    if (industry != null) {
      r.set("industry", () -> b.industry(industry));
    }
    Integer companySize = r.integer("companySize");
    if (companySize != null) {
      b.companySize(companySize);
    }
    Double value = r.number("value");
    if (value != null) {
      b.value(value);
    }
    Double winProbability = r.number("winProbability");
    if (winProbability != null) {
      b.winProbability(winProbability);
    }
    String tier = r.text("tier");
    if (tier != null) {
      r.set("tier", () -> b.tier(tier));
    }
    LeadKind kind = r.enumValue(LeadKind.class, "kind");
    if (kind != null) {
      b.kind(kind);
    }
    String owner = r.text("currentOwner");
    if (owner != null) {
      r.set("currentOwner", () -> b.currentOwner(owner));
    }
    Boolean locked = r.bool("locked");
    if (locked != null) {
      b.locked(locked);
    }
    for (String name : table.attributeColumns.keySet()) {
      String v = r.attribute(name);
      if (v != null) {
        b.attribute(name, v);
      }
    }
    return r.build(b::build, CsvMapping.LEAD_FIELDS);
  }
}
