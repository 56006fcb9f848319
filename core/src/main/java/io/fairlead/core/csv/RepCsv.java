package io.fairlead.core.csv;

import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of a {@link Rep}: one row per rep, the columns of {@link CsvMapping#REP_FIELDS}. An
 * absent cell takes the default of {@link Rep#builder(String)}.
 */
final class RepCsv {

  private RepCsv() {}

  /** Reads every data row of the table, failing at a repeated id. */
  static List<Rep> read(CsvTable table) {
    List<Rep> out = new ArrayList<>(table.rows.size());
    Map<RepId, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.rows) {
      CsvRecord r = new CsvRecord(table, row);
      Rep rep = toRep(r);
      Integer before = seen.putIfAbsent(rep.id(), row.number());
      if (before != null) {
        throw r.error("id", "duplicate id (also at row " + before + ")", null);
      }
      out.add(rep);
    }
    return out;
  }

  private static Rep toRep(CsvRecord r) {
    String id = r.text("id");
    if (id == null) {
      throw r.error("id", "missing required id", null);
    }
    Rep.Builder b = builder(r, id);
    r.label("rep " + id);
    List<String> regions = r.items("regions");
    r.set("regions", () -> b.regions(regions.toArray(String[]::new)));
    List<String> industries = r.items("industries");
    r.set("industries", () -> b.industries(industries.toArray(String[]::new)));
    List<String> tiers = r.items("allowedTiers");
    r.set("allowedTiers", () -> b.tiers(tiers.toArray(String[]::new)));
    Role role = r.enumValue(Role.class, "role");
    if (role != null) {
      b.role(role);
    }
    Integer min = r.integer("companySizeMin");
    Integer max = r.integer("companySizeMax");
    if (min != null || max != null) {
      int lo = min == null ? 0 : min;
      int hi = max == null ? Integer.MAX_VALUE : max;
      r.set(
          min != null && lo < 0 ? "companySizeMin" : "companySizeMax",
          () -> b.companySizes(SizeRange.of(lo, hi)));
    }
    Integer capacity = r.integer("capacity");
    if (capacity != null) {
      b.capacity(capacity);
    }
    Integer heldOutside = r.integer("heldOutside");
    if (heldOutside != null) {
      b.heldOutside(heldOutside);
    }
    Integer newLeadCap = r.integer("newLeadCap");
    if (newLeadCap != null) {
      b.newLeadCap(newLeadCap);
    }
    Boolean available = r.bool("available");
    if (available != null) {
      b.available(available);
    }
    Double weight = r.number("weight");
    if (weight != null) {
      b.weight(weight);
    }
    Double share = r.number("share");
    if (share != null) {
      b.share(share);
    }
    List<String> preferred = r.items("preferredIndustries");
    r.set("preferredIndustries", () -> b.preferredIndustries(preferred.toArray(String[]::new)));
    return r.build(b::build, CsvMapping.REP_FIELDS);
  }

  private static Rep.Builder builder(CsvRecord r, String id) {
    try {
      return Rep.builder(id);
    } catch (IllegalArgumentException e) {
      throw r.error("id", e.getMessage(), e);
    }
  }
}
