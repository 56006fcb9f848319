package io.fairlead.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.examples.TextTable;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The service's answers as tables, for {@code --table}: read from the JSON the service sent (the
 * same figures, fewer of them), so a table never says what the JSON does not.
 */
final class ServiceTables {

  private ServiceTables() {}

  /** A routing decision: where the lead went and why, and the customers it matched. */
  static void decision(PrintStream out, JsonNode d) {
    new TextTable("lead", "outcome", "customer", "owner", "reason")
        .left(1, 2, 3, 4)
        .row(
            d.path("lead").asText(),
            d.path("outcome").asText(),
            d.path("customer").asText(),
            d.hasNonNull("owner") ? d.get("owner").asText() : "pool",
            d.path("reason").asText())
        .print(out);
    if (d.path("matches").size() > 0) {
      out.println();
      TextTable m = new TextTable("matched customer", "owner", "keys").left(1, 2);
      for (JsonNode x : d.path("matches")) {
        m.row(x.path("customer").asText(), owner(x), join(x.path("keys")));
      }
      m.print(out);
    }
  }

  /** The period ledger, one line per rep. */
  static void ledger(PrintStream out, JsonNode l) {
    out.println(
        "day "
            + l.path("day").asText()
            + ", "
            + l.path("period").asText()
            + " from "
            + l.path("periodStart").asText());
    TextTable t = new TextTable("rep", "active", "holding", "received", "credited").left(1);
    for (JsonNode r : l.path("reps")) {
      t.row(
          r.path("rep").asText(),
          r.path("active").asBoolean() ? "yes" : "left",
          TextTable.count(r.path("holding").asLong()),
          TextTable.count(r.path("received").asLong()),
          TextTable.one(r.path("credited").asDouble()));
    }
    t.print(out);
  }

  /** The customers of the pool, one line each. */
  static void pool(PrintStream out, JsonNode p) {
    TextTable t =
        new TextTable("customer", "since (UTC)", "region", "industry", "value", "last touched")
            .left(1, 2, 3, 5);
    for (JsonNode c : p) {
      JsonNode lead = c.path("lead");
      t.row(
          c.path("id").asText(),
          minutes(c.path("since").asText()),
          lead.path("region").asText("-"),
          lead.path("industry").asText("-"),
          TextTable.money(lead.path("value").asDouble()),
          c.path("lastTouched").asText("-"));
    }
    t.print(out);
    out.println(p.size() + (p.size() == 1 ? " customer" : " customers") + " in the pool");
  }

  /** The book's fairness report: each rep against its fair share, then the summary figures. */
  static void report(PrintStream out, JsonNode r) {
    JsonNode m = r.path("metrics");
    TextTable reps =
        new TextTable("rep", "weight", "leads", "fair", "value", "fair value", "held", "capacity");
    for (JsonNode x : m.path("reps")) {
      int capacity = x.path("capacity").asInt();
      reps.row(
          x.path("rep").asText(),
          String.format(Locale.ROOT, "%.2f", x.path("weight").asDouble()),
          TextTable.count(x.path("leads").asLong()),
          TextTable.one(x.path("fairLeads").asDouble()),
          TextTable.money(x.path("value").asDouble()),
          TextTable.money(x.path("fairValue").asDouble()),
          TextTable.count(x.path("held").asLong()),
          capacity == Integer.MAX_VALUE ? "-" : TextTable.count(capacity));
    }
    reps.print(out);
    out.println();
    JsonNode g = r.path("gaps");
    JsonNode score = r.path("score");
    new TextTable("book on " + r.path("day").asText(), "")
        .row("customers", TextTable.count(r.path("customers").asLong()))
        .row("held", TextTable.count(r.path("held").asLong()))
        .row("unassigned", TextTable.count(m.path("unassigned").asLong()))
        .row("hard violations", TextTable.count(m.path("violations").size()))
        .row(
            "score",
            score.path("hard").asLong()
                + "hard/"
                + score.path("medium").asLong()
                + "medium/"
                + score.path("soft").asLong()
                + "soft")
        .row("count gini", TextTable.ratio(m.path("count").path("gini").asDouble()))
        .row("value gini", TextTable.ratio(m.path("value").path("gini").asDouble()))
        .row("count gap to optimum", percent(g, "countGap"))
        .row("value max gap to bound", percent(g, "valueMaxGap"))
        .print(out);
  }

  /** An instant as {@code 2026-03-02 09:00} (UTC), enough to tell customers apart in a table. */
  private static String minutes(String instant) {
    return instant.length() >= 16 && instant.charAt(10) == 'T'
        ? instant.substring(0, 10) + " " + instant.substring(11, 16)
        : instant;
  }

  private static String percent(JsonNode gaps, String field) {
    if (!gaps.path("feasible").asBoolean(false)) {
      return "n/a (breaks rules)";
    }
    JsonNode v = gaps.get(field);
    return v == null || !v.isNumber()
        ? "n/a"
        : String.format(Locale.ROOT, "%.2f %%", 100 * v.asDouble());
  }

  private static String owner(JsonNode match) {
    if (match.hasNonNull("owner")) {
      return match.get("owner").asText();
    }
    return match.path("ownedByAnotherRep").asBoolean(false) ? "another rep" : "pool";
  }

  private static String join(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode k : array) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.asText());
    }
    return sb.toString();
  }
}
