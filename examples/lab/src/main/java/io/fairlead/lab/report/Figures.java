package io.fairlead.lab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.lab.CurveFigures;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.WeekFigures;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's figures as one Jackson tree: the same tree is {@code figures.json} and the data the
 * page's charts draw from. The CSV tables flatten it (one row per run and week; one row per run and
 * rep). A figure that is not finite (a gap to a bound of zero) is written as null, an empty cell.
 * Each run's trade-off curve at the end ({@code curve}) is in the JSON only.
 */
final class Figures {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final CsvMapper CSV = new CsvMapper();

  /** The columns of {@code figures.csv}, in order; the names of the JSON week's fields. */
  static final List<String> WEEK_COLUMNS =
      List.of(
          "policy",
          "week",
          "from",
          "to",
          "arrived",
          "assigned",
          "unassigned",
          "unassignedByReason",
          "merged",
          "repeats",
          "conflicts",
          "placed",
          "rebalanceMoves",
          "reassigned",
          "pool",
          "reps",
          "countGini",
          "countJain",
          "valueGini",
          "valueJain",
          "topTierGini",
          "countMaxDeviation",
          "valueMaxDeviation",
          "topTierMaxDeviation",
          "lag",
          "feasible",
          "violations",
          "countGap",
          "valueMaxGap",
          "topTierGap",
          "receiptsGap");

  /** The columns of {@code reps.csv}, in order; the names of the JSON rep's fields. */
  static final List<String> REP_COLUMNS =
      List.of(
          "policy",
          "rep",
          "weight",
          "customers",
          "fairCustomers",
          "value",
          "fairValue",
          "topTier",
          "fairTopTier",
          "receipts",
          "fairReceipts",
          "held",
          "capacity");

  private Figures() {}

  static ObjectNode tree(LabResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", result.scenario());
    root.put("start", result.start().toString());
    root.put("end", result.start().plusDays(result.days() - 1L).toString());
    root.put("days", result.days());
    root.put("seed", result.seed());
    ArrayNode runs = root.putArray("runs");
    for (PolicyRun run : result.runs()) {
      ObjectNode r = runs.addObject();
      r.put("policy", run.policy());
      r.put("history", run.policy().equals(Scenario.HISTORY));
      r.put("verdict", run.verdict());
      r.put("leads", run.leads());
      r.put("rebalanceMoves", run.rebalanceMoves());
      r.put("reassigned", run.reassigned());
      r.put("conflicts", run.conflicts());
      ArrayNode weeks = r.putArray("weeks");
      for (WeekFigures w : run.weeks()) {
        week(weeks.addObject(), w);
      }
      ArrayNode reps = r.putArray("reps");
      for (RepStats s : run.finalReps()) {
        rep(reps.addObject(), s);
      }
      curve(r.putObject("curve"), run.curve());
    }
    return root;
  }

  /** The trade-off curve at the end; a budget or per-rep budget without a limit is null. */
  private static void curve(ObjectNode o, CurveFigures c) {
    o.put("movable", c.movable());
    moves(o, "maxMovesPerRep", c.maxMovesPerRep());
    if (c.fewestMovesToCountOptimum().isPresent()) {
      o.put("fewestMovesToCountOptimum", c.fewestMovesToCountOptimum().getAsInt());
    } else {
      o.putNull("fewestMovesToCountOptimum");
    }
    ArrayNode points = o.putArray("points");
    for (CurveFigures.Point p : c.points()) {
      ObjectNode q = points.addObject();
      q.put("budget", p.budget());
      moves(q, "maxMoves", p.maxMoves());
      q.put("moves", p.moves());
      number(q, "countGap", p.countGap());
      number(q, "valueMaxGap", p.valueMaxGap());
      number(q, "topTierGap", p.topTierGap());
    }
  }

  private static void moves(ObjectNode o, String field, int moves) {
    if (moves == Integer.MAX_VALUE) {
      o.putNull(field);
    } else {
      o.put(field, moves);
    }
  }

  private static void week(ObjectNode o, WeekFigures w) {
    o.put("week", w.week());
    o.put("from", w.from().toString());
    o.put("to", w.to().toString());
    o.put("arrived", w.arrived());
    o.put("assigned", w.assigned());
    o.put("unassigned", w.unassigned());
    ObjectNode reasons = o.putObject("unassignedByReason");
    w.unassignedByReason().forEach(reasons::put);
    o.put("merged", w.merged());
    o.put("repeats", w.repeats());
    o.put("conflicts", w.conflicts());
    o.put("placed", w.placed());
    o.put("rebalanceMoves", w.rebalanceMoves());
    o.put("reassigned", w.reassigned());
    o.put("pool", w.pool());
    o.put("reps", w.reps());
    number(o, "countGini", w.countGini());
    number(o, "countJain", w.countJain());
    number(o, "valueGini", w.valueGini());
    number(o, "valueJain", w.valueJain());
    number(o, "topTierGini", w.topTierGini());
    number(o, "countMaxDeviation", w.countMaxDeviation());
    number(o, "valueMaxDeviation", w.valueMaxDeviation());
    number(o, "topTierMaxDeviation", w.topTierMaxDeviation());
    number(o, "lag", w.lag());
    o.put("feasible", w.gaps().feasible());
    o.put("violations", w.metrics().violations().size());
    number(o, "countGap", w.countGap());
    number(o, "valueMaxGap", w.valueMaxGap());
    number(o, "topTierGap", w.topTierGap());
    number(o, "receiptsGap", w.receiptsGap());
  }

  private static void rep(ObjectNode o, RepStats s) {
    o.put("rep", s.rep().value());
    number(o, "weight", s.weight());
    o.put("customers", s.leads());
    number(o, "fairCustomers", s.fairLeads());
    number(o, "value", s.value());
    number(o, "fairValue", s.fairValue());
    // the top tier is the first in tier order
    o.put("topTier", s.tierLeads().values().stream().findFirst().orElse(0));
    number(o, "fairTopTier", s.fairTierLeads().values().stream().findFirst().orElse(0.0));
    number(o, "receipts", s.receipts());
    number(o, "fairReceipts", s.fairReceipts());
    o.put("held", s.held());
    o.put("capacity", s.capacity());
  }

  private static void number(ObjectNode o, String field, double x) {
    if (Double.isFinite(x)) {
      o.put(field, x);
    } else {
      o.putNull(field);
    }
  }

  static String json(ObjectNode tree) {
    try {
      return JSON.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tree as a JavaScript literal safe inside a {@code <script>} element: {@code <}, {@code >}
   * and {@code &} (only ever inside strings in JSON) become JSON unicode escapes, so no string can
   * close the element or open a comment; U+2028 and U+2029 likewise.
   */
  static String script(ObjectNode tree) {
    String s;
    try {
      s = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }

  /** {@code figures.csv}: one row per run and week, columns {@link #WEEK_COLUMNS}. */
  static String weeksCsv(ObjectNode tree) {
    List<List<Object>> rows = new ArrayList<>();
    for (var run : tree.withArray("runs")) {
      for (var w : run.withArray("weeks")) {
        List<Object> row = new ArrayList<>();
        for (String c : WEEK_COLUMNS) {
          if (c.equals("policy")) {
            row.add(run.get("policy").asText());
          } else if (c.equals("unassignedByReason")) {
            // reason=count;reason=count, reasons sorted (as in WeekFigures)
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : w.get(c).properties()) {
              parts.add(e.getKey() + "=" + e.getValue().asInt());
            }
            row.add(String.join(";", parts));
          } else {
            row.add(cell(w.get(c)));
          }
        }
        rows.add(row);
      }
    }
    return csv(WEEK_COLUMNS, rows);
  }

  /** {@code reps.csv}: one row per run and rep at the end, columns {@link #REP_COLUMNS}. */
  static String repsCsv(ObjectNode tree) {
    List<List<Object>> rows = new ArrayList<>();
    for (var run : tree.withArray("runs")) {
      for (var rep : run.withArray("reps")) {
        List<Object> row = new ArrayList<>();
        for (String c : REP_COLUMNS) {
          row.add(c.equals("policy") ? run.get("policy").asText() : cell(rep.get(c)));
        }
        rows.add(row);
      }
    }
    return csv(REP_COLUMNS, rows);
  }

  private static Object cell(JsonNode n) {
    if (n == null || n.isNull()) {
      return "";
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.numberValue();
  }

  private static String csv(List<String> columns, List<List<Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try {
      return CSV.writer(schema.build()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
