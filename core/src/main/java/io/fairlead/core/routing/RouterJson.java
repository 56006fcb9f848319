package io.fairlead.core.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JSON form of a router's state (format {@code fairlead-router}, version 1). Sets and maps are
 * written sorted, so equal states give equal text. Reading checks every value and names its path
 * ({@code $.reps[2].capacity}) in the {@link IllegalArgumentException} it throws.
 */
final class RouterJson {

  static final String FORMAT = "fairlead-router";
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RouterJson() {}

  // ---------------------------------------------------------------- writing

  static String write(RouterCore core) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("period", core.period);
    root.put("sequence", core.seq);
    root.put("meanValue", core.meanValue);
    root.put("catchUp", core.catchUp.toString());
    if (Double.isInfinite(core.tolerance)) {
      root.put("ledgerTolerance", "Infinity");
    } else {
      root.put("ledgerTolerance", core.tolerance);
    }
    ArrayNode reps = root.putArray("reps");
    for (int r = 0; r < core.n; r++) {
      ObjectNode o = writeRep(core.reps[r]);
      ObjectNode ledger = o.putObject("ledger");
      ledger.put("received", core.received[r]);
      ledger.put("receivedValueUnits", core.receivedValue[r]);
      ledger.put("credited", core.credit[r]);
      ledger.put("lastLead", core.lastSeq[r]);
      ObjectNode book = o.putObject("book");
      book.put("leads", core.leads[r]);
      book.put("valueUnits", core.value[r]);
      ObjectNode tiers = book.putObject("tierLeads");
      for (int t = 0; t < core.tierCount; t++) {
        tiers.put(
            core.policy.tiers().tiers().get(t).name(), core.tierLeads[r * core.tierCount + t]);
      }
      reps.add(o);
    }
    ArrayNode book = root.putArray("book");
    for (RouterCore.Held h : core.book.values()) {
      ObjectNode o = MAPPER.createObjectNode();
      o.set("lead", writeLead(h.lead()));
      o.put("rep", core.reps[h.rep()].id().value());
      o.put("status", h.status().name());
      book.add(o);
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("router state could not be written", e);
    }
  }

  private static ObjectNode writeRep(Rep rep) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", rep.id().value());
    strings(o.putArray("regions"), rep.regions());
    strings(o.putArray("industries"), rep.industries());
    Set<String> tiers = new TreeSet<>();
    rep.allowedTiers().forEach(t -> tiers.add(t.name()));
    strings(o.putArray("allowedTiers"), tiers);
    o.put("role", rep.role().name());
    ObjectNode sizes = o.putObject("companySizes");
    sizes.put("min", rep.companySizes().min());
    sizes.put("max", rep.companySizes().max());
    o.put("capacity", rep.capacity());
    o.put("heldOutside", rep.heldOutside());
    o.put("newLeadCap", rep.newLeadCap());
    o.put("available", rep.available());
    o.put("weight", rep.weight());
    strings(o.putArray("preferredIndustries"), rep.preferredIndustries());
    return o;
  }

  private static void strings(ArrayNode a, Set<String> values) {
    new TreeSet<>(values).forEach(a::add);
  }

  private static ObjectNode writeLead(Lead lead) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", lead.id().value());
    o.put("region", lead.region());
    o.put("industry", lead.industry());
    o.put("companySize", lead.companySize());
    o.put("value", lead.value());
    lead.winProbability().ifPresent(p -> o.put("winProbability", p));
    lead.tier().ifPresent(t -> o.put("tier", t.name()));
    o.put("kind", lead.kind().name());
    lead.currentOwner().ifPresent(r -> o.put("currentOwner", r.value()));
    o.put("locked", lead.locked());
    ObjectNode attrs = o.putObject("attributes");
    new TreeMap<>(lead.attributes()).forEach(attrs::put);
    return o;
  }

  // ---------------------------------------------------------------- reading

  static RouterCore read(String json, Policy policy) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "router state: not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr(),
          e);
    }
    In root = new In(tree, "$");
    root.checkObject();
    String format = root.text("format");
    root.at("format")
        .check(format.equals(FORMAT), () -> "must be '" + FORMAT + "', was '" + format + "'");
    int version = root.integer("version");
    root.at("version")
        .check(
            version == VERSION,
            () -> "unsupported version " + version + ", this library reads " + VERSION);
    int period = root.integer("period");
    root.at("period").check(period >= 1, () -> "must be >= 1, was " + period);
    long sequence = root.longInt("sequence");
    root.at("sequence").check(sequence >= 0, () -> "must be >= 0, was " + sequence);
    double mean = root.number("meanValue");
    root.at("meanValue")
        .check(Double.isFinite(mean) && mean >= 0, () -> "must be finite and >= 0, was " + mean);
    CatchUp catchUp = root.at("catchUp").convert(n -> CatchUp.parse(n.text()));
    In tolNode = root.at("ledgerTolerance");
    double tolerance =
        tolNode.node.isTextual() && tolNode.node.asText().equals("Infinity")
            ? Double.POSITIVE_INFINITY
            : tolNode.num();
    tolNode.check(
        !Double.isNaN(tolerance) && tolerance >= 0, () -> "must be >= 0, was " + tolerance);

    List<In> repNodes = root.array("reps");
    root.at("reps")
        .check(!repNodes.isEmpty(), () -> "the roster is empty, at least one rep is needed");
    List<Rep> roster = new ArrayList<>();
    for (In r : repNodes) {
      roster.add(readRep(r));
    }
    RouterCore core =
        root.at("reps").convert(n -> new RouterCore(policy, mean, catchUp, tolerance, roster));

    List<In> bookNodes = root.array("book");
    for (In b : bookNodes) {
      Lead lead = readLead(b.at("lead"));
      String repId = b.text("rep");
      Integer r = core.repIndex.get(RepId.of(repId));
      b.at("rep").check(r != null, () -> "rep '" + repId + "' is not on the roster");
      Status status = b.at("status").convert(n -> Status.valueOf(n.text()));
      b.at("status")
          .check(status != Status.UNASSIGNED, () -> "a lead in the book cannot be UNASSIGNED");
      lead.currentOwner()
          .ifPresent(
              o ->
                  b.at("lead")
                      .at("currentOwner")
                      .check(
                          core.repIndex.containsKey(o), () -> "'" + o + "' is not on the roster"));
      b.convert(
          n -> {
            core.hold(lead, r, status);
            return null;
          });
    }

    core.period = period;
    core.seq = sequence;
    for (int i = 0; i < repNodes.size(); i++) {
      In ledger = repNodes.get(i).at("ledger");
      ledger.checkObject();
      int received = ledger.integer("received");
      ledger.at("received").check(received >= 0, () -> "must be >= 0, was " + received);
      core.received[i] = received;
      long receivedUnits = ledger.longInt("receivedValueUnits");
      ledger
          .at("receivedValueUnits")
          .check(receivedUnits >= 0, () -> "must be >= 0, was " + receivedUnits);
      core.receivedValue[i] = receivedUnits;
      double credited = ledger.number("credited");
      ledger
          .at("credited")
          .check(
              Double.isFinite(credited) && credited >= 0,
              () -> "must be finite and >= 0, was " + credited);
      core.credit[i] = credited;
      long last = ledger.longInt("lastLead");
      ledger
          .at("lastLead")
          .check(
              last >= -1 && last <= sequence,
              () -> "must be in [-1, sequence " + sequence + "], was " + last);
      core.lastSeq[i] = last;

      // The aggregates are rebuilt from the book; the saved ones must agree.
      In agg = repNodes.get(i).at("book");
      agg.checkObject();
      final int r = i;
      int leads = agg.integer("leads");
      agg.at("leads")
          .check(
              leads == core.leads[r],
              () ->
                  leads
                      + ", but the book holds "
                      + core.leads[r]
                      + " leads of rep "
                      + core.reps[r].id());
      long units = agg.longInt("valueUnits");
      agg.at("valueUnits")
          .check(
              units == core.value[r],
              () ->
                  units
                      + ", but the book's leads of rep "
                      + core.reps[r].id()
                      + " add up to "
                      + core.value[r]
                      + " (was it saved under another policy or meanValue?)");
      In tiers = agg.at("tierLeads");
      tiers.checkObject();
      for (int t = 0; t < core.tierCount; t++) {
        Tier tier = policy.tiers().tiers().get(t);
        int k = tiers.integer(tier.name());
        int have = core.tierLeads[r * core.tierCount + t];
        tiers
            .at(tier.name())
            .check(
                k == have,
                () ->
                    k
                        + ", but the book holds "
                        + have
                        + " tier-"
                        + tier
                        + " leads of rep "
                        + core.reps[r].id()
                        + " (was it saved under another tier scheme or rule?)");
      }
      core.refresh(r);
    }
    return core;
  }

  private static Rep readRep(In o) {
    o.checkObject();
    return o.convert(
        n ->
            new Rep(
                RepId.of(n.text("id")),
                n.stringSet("regions"),
                n.stringSet("industries"),
                n.at("allowedTiers")
                    .convert(
                        x -> {
                          Set<Tier> s = new java.util.LinkedHashSet<>();
                          x.stringSet().forEach(t -> s.add(Tier.of(t)));
                          return s;
                        }),
                n.at("role").convert(x -> Role.valueOf(x.text())),
                n.at("companySizes").convert(x -> SizeRange.of(x.integer("min"), x.integer("max"))),
                n.integer("capacity"),
                n.integer("heldOutside"),
                n.integer("newLeadCap"),
                n.bool("available"),
                n.number("weight"),
                n.stringSet("preferredIndustries")));
  }

  private static Lead readLead(In o) {
    o.checkObject();
    return o.convert(
        n -> {
          Lead.Builder b =
              Lead.builder(n.text("id"))
                  .region(n.text("region"))
                  .industry(n.text("industry"))
                  .companySize(n.integer("companySize"))
                  .value(n.number("value"))
                  .kind(n.at("kind").convert(x -> LeadKind.valueOf(x.text())))
                  .locked(n.bool("locked"));
          if (n.has("winProbability")) {
            b.winProbability(n.number("winProbability"));
          }
          if (n.has("tier")) {
            b.tier(n.text("tier"));
          }
          if (n.has("currentOwner")) {
            b.currentOwner(n.text("currentOwner"));
          }
          In attrs = n.at("attributes");
          attrs.checkObject();
          for (Map.Entry<String, JsonNode> e : attrs.node.properties()) {
            b.attribute(e.getKey(), attrs.text(e.getKey()));
          }
          return b.build();
        });
  }

  /** A node with its path, whose accessors fail with an exception naming the path. */
  private record In(JsonNode node, String path) {

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("router state " + path + ": " + message);
    }

    void check(boolean ok, Supplier<String> message) {
      if (!ok) {
        throw error(message.get());
      }
    }

    void checkObject() {
      check(node != null && node.isObject(), () -> "must be an object, was " + describe(node));
    }

    boolean has(String field) {
      return node.has(field) && !node.get(field).isNull();
    }

    In at(String field) {
      JsonNode child = node.get(field);
      In in = new In(child, path + "." + field);
      if (child == null || child.isNull()) {
        throw in.error("missing");
      }
      return in;
    }

    /** Runs a conversion; an {@link IllegalArgumentException} it throws gets this path. */
    <T> T convert(Function<In, T> f) {
      try {
        return f.apply(this);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("router state ")) {
          throw e;
        }
        throw new IllegalArgumentException("router state " + path + ": " + e.getMessage(), e);
      }
    }

    String text() {
      check(node.isTextual(), () -> "must be a string, was " + describe(node));
      return node.asText();
    }

    String text(String field) {
      return at(field).text();
    }

    double num() {
      check(node.isNumber(), () -> "must be a number, was " + describe(node));
      return node.doubleValue();
    }

    double number(String field) {
      return at(field).num();
    }

    int integer(String field) {
      In c = at(field);
      c.check(
          c.node.isIntegralNumber() && c.node.canConvertToInt(),
          () -> "must be an integer, was " + describe(c.node));
      return c.node.intValue();
    }

    long longInt(String field) {
      In c = at(field);
      c.check(
          c.node.isIntegralNumber() && c.node.canConvertToLong(),
          () -> "must be an integer, was " + describe(c.node));
      return c.node.longValue();
    }

    boolean bool(String field) {
      In c = at(field);
      c.check(c.node.isBoolean(), () -> "must be true or false, was " + describe(c.node));
      return c.node.booleanValue();
    }

    List<In> array(String field) {
      In c = at(field);
      c.check(c.node.isArray(), () -> "must be an array, was " + describe(c.node));
      List<In> out = new ArrayList<>(c.node.size());
      for (int i = 0; i < c.node.size(); i++) {
        out.add(new In(c.node.get(i), c.path + "[" + i + "]"));
      }
      return out;
    }

    Set<String> stringSet() {
      check(node.isArray(), () -> "must be an array of strings, was " + describe(node));
      Set<String> out = new TreeSet<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(new In(node.get(i), path + "[" + i + "]").text());
      }
      return out;
    }

    Set<String> stringSet(String field) {
      return at(field).stringSet();
    }

    private static String describe(JsonNode n) {
      if (n == null) {
        return "missing";
      }
      String s = n.toString();
      return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
  }
}
