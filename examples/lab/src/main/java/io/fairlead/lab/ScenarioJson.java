package io.fairlead.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link Scenario} (format {@code fairlead-scenario}, version 1, see {@code
 * docs/json-format.md}). Reps, leads and policies are read by core's codecs ({@link FairleadJson},
 * embedded at their path); the rest is read here, as strictly: unknown fields, repeated keys and
 * wrong types are errors, and every error reads {@code "scenario JSON at <path>: <record>: <what is
 * wrong>"}. Reading builds through {@link Scenario#builder}, so every rule of the scenario applies,
 * its messages pointed at the field they concern.
 *
 * <p>Stateless and thread-safe.
 */
final class ScenarioJson {

  static final String FORMAT = "fairlead-scenario";
  static final int VERSION = 1;
  private static final String DOCUMENT = "scenario";

  /** The document's fields, in the order they are written. */
  private static final List<String> FIELDS =
      List.of(
          "format",
          "version",
          "name",
          "start",
          "days",
          "seed",
          "roster",
          "book",
          "events",
          "stream",
          "policies",
          "history",
          "schedule",
          "lifecycle",
          "allocator");

  private static final List<String> EVENT_FIELDS =
      List.of("day", "kind", "rep", "hire", "until", "share", "capacity", "weight");
  private static final List<String> SCHEDULE_FIELDS =
      List.of("placement", "rebalanceEveryDays", "maxMovesShare", "maxMovesPerRep");

  /** The allocators a file can name: the default and the router's order. */
  static final String SOLVER = "solver";

  static final String ROUTER = "router";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // numbers kept as written
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ScenarioJson() {}

  // ---------------------------------------------------------------- writing

  static String write(Scenario s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("name", s.name());
    root.put("start", s.start().toString());
    root.put("days", s.days());
    root.put("seed", s.seed());
    ArrayNode roster = root.putArray("roster");
    s.roster().forEach(r -> roster.add(tree(FairleadJson.writeRep(r))));
    ArrayNode book = root.putArray("book");
    s.book().forEach(l -> book.add(tree(FairleadJson.writeLead(l))));
    ArrayNode events = root.putArray("events");
    s.events().forEach(e -> events.add(event(e)));
    ArrayNode stream = root.putArray("stream");
    for (DatedLead d : s.leads()) {
      ObjectNode entry = stream.addObject();
      entry.put("day", d.day().toString());
      entry.set("lead", tree(FairleadJson.writeLead(d.lead())));
    }
    ObjectNode policies = root.putObject("policies");
    s.policies().forEach((name, p) -> policies.set(name, tree(FairleadJson.writePolicy(p))));
    ObjectNode history = root.putObject("history");
    s.history().forEach((lead, rep) -> history.put(lead.value(), rep.value()));
    root.set("schedule", schedule(s.schedule()));
    root.set("lifecycle", tree(FairleadJson.writeLifecycle(s.lifecycle())));
    root.put("allocator", allocatorName(s));
    try {
      return WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String allocatorName(Scenario s) {
    if (s.allocator().isEmpty()) {
      return SOLVER;
    }
    if (s.allocator().get() == LeadRouter.allocator()) {
      return ROUTER;
    }
    throw new IllegalArgumentException(
        "scenario "
            + s.name()
            + ": its allocator "
            + s.allocator().get()
            + " lives in code and cannot be written as JSON (a file names '"
            + SOLVER
            + "' or '"
            + ROUTER
            + "'); write the scenario without it and set it in code after reading");
  }

  private static ObjectNode event(RosterEvent e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("day", e.day().toString());
    o.put("kind", e.kind().name());
    if (e.kind() == RosterEvent.Kind.HIRE) {
      o.set("hire", tree(FairleadJson.writeRep(e.hire().orElseThrow())));
    } else {
      o.put("rep", e.rep().value());
    }
    e.until().ifPresent(u -> o.put("until", u.toString()));
    switch (e.kind()) {
      case AVAILABILITY -> o.put("share", e.amount());
      case CAPACITY -> o.put("capacity", (int) e.amount());
      case WEIGHT -> o.put("weight", e.amount());
      default -> {}
    }
    return o;
  }

  private static ObjectNode schedule(Schedule s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("placement", s.placement().name());
    o.put("rebalanceEveryDays", s.rebalanceEveryDays());
    o.put("maxMovesShare", s.maxMovesShare());
    if (s.maxMovesPerRep() != Integer.MAX_VALUE) {
      o.put("maxMovesPerRep", s.maxMovesPerRep());
    }
    return o;
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("core wrote JSON it cannot read: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- reading

  static Scenario read(String json) {
    java.util.Objects.requireNonNull(json, "scenario JSON");
    JsonNode root = parse(json);
    At at = At.ROOT;
    Obj doc = new Obj(at, root, FIELDS);
    String format = doc.requiredString("format");
    if (!format.equals(FORMAT)) {
      throw at.field("format").error("expected '" + FORMAT + "', was '" + format + "'");
    }
    int version = doc.requiredInt("version");
    if (version != VERSION) {
      throw at.field("version").error("version " + version + " is not known, expected " + VERSION);
    }
    String name = doc.requiredString("name");
    Scenario.Builder b = at.field("name").check(() -> Scenario.builder(name));
    b.start(doc.requiredDate("start"));
    doc.optionalInt("days").ifPresent(b::days);
    if (doc.has("seed")) {
      b.seed(doc.longValue("seed"));
    }

    Reading r = new Reading();
    JsonNode roster = doc.requiredArray("roster");
    for (int i = 0; i < roster.size(); i++) {
      Rep rep =
          FairleadJson.readRep(text(roster.get(i)), DOCUMENT, at.field("roster").index(i).path);
      r.roster.add(rep);
    }
    b.roster(r.roster);

    JsonNode book = doc.optionalArray("book");
    for (int i = 0; i < book.size(); i++) {
      r.book.add(
          FairleadJson.readLead(text(book.get(i)), DOCUMENT, at.field("book").index(i).path));
    }
    b.book(r.book);

    JsonNode events = doc.optionalArray("events");
    for (int i = 0; i < events.size(); i++) {
      RosterEvent e = event(at.field("events").index(i), events.get(i));
      r.events.add(e);
      b.event(e);
    }

    JsonNode stream = doc.requiredArray("stream");
    for (int i = 0; i < stream.size(); i++) {
      At here = at.field("stream").index(i);
      JsonNode entry = stream.get(i);
      JsonNode id = entry == null ? null : entry.path("lead").path("id");
      if (id != null && id.isTextual()) {
        here = here.labelled("lead " + id.asText());
      }
      Obj o = new Obj(here, entry, List.of("day", "lead"));
      LocalDate day = o.requiredDate("day");
      o.required("lead");
      Lead lead = FairleadJson.readLead(text(entry.get("lead")), DOCUMENT, here.field("lead").path);
      r.stream.add(new DatedLead(day, lead));
    }
    b.leads(r.stream);

    JsonNode policies = doc.requiredObject("policies");
    for (Iterator<Map.Entry<String, JsonNode>> it = policies.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      At here = at.field("policies").field(p.getKey());
      Policy policy = FairleadJson.readPolicy(text(p.getValue()), DOCUMENT, here.path);
      here.check(() -> b.policy(p.getKey(), policy));
    }

    if (doc.has("history")) {
      JsonNode history = doc.requiredObject("history");
      Map<LeadId, RepId> owners = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = history.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        At here = at.field("history").field(h.getKey()).labelled("lead " + h.getKey());
        LeadId lead = here.check(() -> LeadId.of(h.getKey()));
        String rep = here.string(h.getValue(), true);
        owners.put(lead, here.check(() -> RepId.of(rep)));
      }
      b.history(owners);
    }
    if (doc.has("schedule")) {
      b.schedule(schedule(at.field("schedule"), doc.get("schedule")));
    }
    if (doc.has("lifecycle")) {
      b.lifecycle(
          FairleadJson.readLifecycle(
              text(doc.get("lifecycle")), DOCUMENT, at.field("lifecycle").path));
    }
    if (doc.has("allocator")) {
      String allocator = doc.requiredString("allocator");
      Allocator chosen =
          switch (allocator) {
            case SOLVER -> null;
            case ROUTER -> LeadRouter.allocator();
            default ->
                throw at.field("allocator")
                    .error(
                        "unknown allocator '"
                            + allocator
                            + "', expected one of "
                            + SOLVER
                            + ", "
                            + ROUTER
                            + " (other allocators live in code: set them on the builder)");
          };
      if (chosen != null) {
        b.allocator(chosen);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw r.locate(e.getMessage(), name).error(strip(e.getMessage(), name), e);
    }
  }

  private static String strip(String message, String name) {
    String prefix = "scenario " + name + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static RosterEvent event(At at, JsonNode node) {
    JsonNode rep = node == null ? null : node.get("rep");
    JsonNode hire = node == null ? null : node.path("hire").get("id");
    if (rep != null && rep.isTextual()) {
      at = at.labelled("rep " + rep.asText());
    } else if (hire != null && hire.isTextual()) {
      at = at.labelled("rep " + hire.asText());
    }
    Obj o = new Obj(at, node, EVENT_FIELDS);
    LocalDate day = o.requiredDate("day");
    RosterEvent.Kind kind = o.requiredEnum("kind", RosterEvent.Kind.class);
    List<String> uses =
        switch (kind) {
          case HIRE -> List.of("day", "kind", "hire");
          case LEAVE -> List.of("day", "kind", "rep", "until");
          case AVAILABILITY -> List.of("day", "kind", "rep", "until", "share");
          case DEPARTURE -> List.of("day", "kind", "rep");
          case CAPACITY -> List.of("day", "kind", "rep", "capacity");
          case WEIGHT -> List.of("day", "kind", "rep", "weight");
        };
    for (String f : EVENT_FIELDS) {
      if (o.has(f) && !uses.contains(f)) {
        throw at.field(f)
            .error("a " + kind + " event has no field '" + f + "' (its fields: " + uses + ")");
      }
    }
    At atFinal = at;
    if (kind == RosterEvent.Kind.HIRE) {
      o.required("hire");
      Rep r = FairleadJson.readRep(text(node.get("hire")), DOCUMENT, at.field("hire").path);
      return at.check(() -> RosterEvent.hire(day, r));
    }
    String repText = o.requiredString("rep");
    RepId id = at.field("rep").check(() -> RepId.of(repText));
    Supplier<RosterEvent> make =
        switch (kind) {
          case LEAVE -> {
            LocalDate until = o.requiredDate("until");
            yield () -> RosterEvent.leave(id, day, until);
          }
          case AVAILABILITY -> {
            LocalDate until = o.requiredDate("until");
            double share = o.requiredNumber("share");
            yield () -> RosterEvent.availability(id, day, until, share);
          }
          case DEPARTURE -> () -> RosterEvent.departure(day, id);
          case CAPACITY -> {
            int capacity = o.requiredInt("capacity");
            yield () -> RosterEvent.capacity(day, id, capacity);
          }
          case WEIGHT -> {
            double weight = o.requiredNumber("weight");
            yield () -> RosterEvent.weight(day, id, weight);
          }
          case HIRE -> throw new AssertionError();
        };
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      String field =
          m.contains(": ends on ")
              ? "until"
              : m.contains(": share ")
                  ? "share"
                  : m.contains(": capacity ")
                      ? "capacity"
                      : m.contains(": weight ") ? "weight" : null;
      throw (field == null ? atFinal : atFinal.field(field)).error(m, e);
    }
  }

  private static Schedule schedule(At at, JsonNode node) {
    Obj o = new Obj(at, node, SCHEDULE_FIELDS);
    Schedule.Placement placement =
        o.has("placement")
            ? o.requiredEnum("placement", Schedule.Placement.class)
            : Schedule.Placement.NIGHTLY;
    int every = o.optionalInt("rebalanceEveryDays").orElse(0);
    double share = o.has("maxMovesShare") ? o.requiredNumber("maxMovesShare") : 0;
    int perRep = o.optionalInt("maxMovesPerRep").orElse(Integer.MAX_VALUE);
    return at.check(
        () -> new Schedule(placement, every, share, perRep), SCHEDULE_FIELDS, "schedule: ");
  }

  /** The text of an embedded record, for core's codecs; numbers as they were written. */
  private static String text(JsonNode node) {
    try {
      return node == null ? "null" : MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      try {
        if (p.nextToken() == null) {
          throw malformed(p.currentLocation(), "no content", null);
        }
        JsonNode root = MAPPER.readTree(p);
        if (p.nextToken() != null) {
          throw malformed(p.currentTokenLocation(), "unexpected content after the document", null);
        }
        return root;
      } catch (StreamConstraintsException e) {
        throw malformed(p.currentLocation(), e.getOriginalMessage(), e);
      }
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation(), e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalArgumentException malformed(
      JsonLocation where, String message, Throwable cause) {
    String at =
        where == null || where.getLineNr() < 0
            ? "$"
            : "line " + where.getLineNr() + " column " + where.getColumnNr();
    return new IllegalArgumentException(
        DOCUMENT + " JSON at " + at + ": malformed JSON: " + message, cause);
  }

  /** What was read, to point the scenario's own messages at their field. */
  private static final class Reading {
    final List<Rep> roster = new ArrayList<>();
    final List<Lead> book = new ArrayList<>();
    final List<RosterEvent> events = new ArrayList<>();
    final List<DatedLead> stream = new ArrayList<>();

    private static final Pattern TWICE_ROSTER =
        Pattern.compile("^rep (.+) is twice in the roster$");
    private static final Pattern TWICE_BOOK = Pattern.compile("^lead (.+) is twice in the book$");
    private static final Pattern TWICE_BOTH =
        Pattern.compile("^lead (.+) is twice in the book and the stream$");
    private static final Pattern LEAD_OUTSIDE = Pattern.compile("^lead (.+) is on (\\S+), outside");
    private static final Pattern EVENT_OUTSIDE =
        Pattern.compile("^roster event (\\w+) of (.+) is on (\\S+), outside");
    private static final Pattern EVENT_REP =
        Pattern.compile("^roster event (\\w+) on (\\S+) names rep (.+), who is neither");
    private static final Pattern HISTORY =
        Pattern.compile("^history (?:names|gives) lead (.+?)[,]? (?:which|to) ");

    At locate(String message, String name) {
      String m = strip(message, name);
      At at = At.ROOT;
      Matcher x;
      if (message.startsWith("scenario: name")) {
        return at.field("name");
      }
      if (m.startsWith("days must be")) {
        return at.field("days");
      }
      if (m.startsWith("the roster is empty")) {
        return at.field("roster");
      }
      if (m.startsWith("no policy to run")) {
        return at.field("policies");
      }
      if (m.startsWith("'" + Scenario.HISTORY + "'")) {
        return at.field("policies").field(Scenario.HISTORY);
      }
      if ((x = TWICE_ROSTER.matcher(m)).find()) {
        int i = second(roster.stream().map(r -> r.id().value()).toList(), x.group(1));
        return at.field("roster").index(i).labelled("rep " + x.group(1)).field("id");
      }
      if ((x = TWICE_BOTH.matcher(m)).find()) {
        String id = x.group(1);
        boolean inBook = book.stream().anyMatch(l -> l.id().value().equals(id));
        List<Integer> order = byDay(id);
        int i = inBook ? order.get(0) : order.get(1);
        return at.field("stream").index(i).labelled("lead " + id).field("lead").field("id");
      }
      if ((x = TWICE_BOOK.matcher(m)).find()) {
        int i = second(book.stream().map(l -> l.id().value()).toList(), x.group(1));
        return at.field("book").index(i).labelled("lead " + x.group(1)).field("id");
      }
      if ((x = LEAD_OUTSIDE.matcher(m)).find()) {
        for (int i = 0; i < stream.size(); i++) {
          DatedLead d = stream.get(i);
          if (d.lead().id().value().equals(x.group(1)) && d.day().toString().equals(x.group(2))) {
            return at.field("stream").index(i).labelled("lead " + x.group(1)).field("day");
          }
        }
      }
      if ((x = EVENT_OUTSIDE.matcher(m)).find()) {
        int i = event(x.group(1), x.group(2), x.group(3));
        if (i >= 0) {
          return at.field("events").index(i).labelled("rep " + x.group(2)).field("day");
        }
      }
      if ((x = EVENT_REP.matcher(m)).find()) {
        int i = event(x.group(1), x.group(3), x.group(2));
        if (i >= 0) {
          return at.field("events").index(i).labelled("rep " + x.group(3)).field("rep");
        }
      }
      if ((x = HISTORY.matcher(m)).find()) {
        return at.field("history").field(x.group(1)).labelled("lead " + x.group(1));
      }
      return at;
    }

    private int event(String kind, String rep, String day) {
      for (int i = 0; i < events.size(); i++) {
        RosterEvent e = events.get(i);
        if (e.kind().name().equalsIgnoreCase(kind)
            && e.rep().value().equals(rep)
            && e.day().toString().equals(day)) {
          return i;
        }
      }
      return -1;
    }

    /** The stream indexes holding a lead id, in the order the scenario sorts them (by day). */
    private List<Integer> byDay(String id) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < stream.size(); i++) {
        if (stream.get(i).lead().id().value().equals(id)) {
          out.add(i);
        }
      }
      out.sort(java.util.Comparator.comparing(i -> stream.get(i).day()));
      return out;
    }

    private static int second(List<String> ids, String id) {
      return ids.subList(ids.indexOf(id) + 1, ids.size()).indexOf(id) + ids.indexOf(id) + 1;
    }
  }

  /**
   * A position in the scenario document, e.g. {@code $.events[2].until}, with the record it belongs
   * to ({@code rep ana}, {@code lead c4}) when known.
   */
  private record At(String path, String label) {

    static final At ROOT = new At("$", null);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    At field(String name) {
      String segment =
          IDENTIFIER.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
      return new At(path + segment, label);
    }

    At index(int i) {
      return new At(path + "[" + i + "]", label);
    }

    At labelled(String l) {
      return new At(path, l);
    }

    /** An error here; the record is named unless the message already names it (its id). */
    IllegalArgumentException error(String message) {
      return error(message, null);
    }

    IllegalArgumentException error(String message, Throwable cause) {
      boolean named =
          label == null
              || message.contains(label)
              || message.contains(" of " + label.substring(label.indexOf(' ') + 1) + ":")
              || message.contains(" of " + label.substring(label.indexOf(' ') + 1) + " ");
      String text = named ? message : label + ": " + message;
      return new IllegalArgumentException(DOCUMENT + " JSON at " + path + ": " + text, cause);
    }

    /** Runs a domain constructor here; its error points here. */
    <T> T check(Supplier<T> build) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage(), e);
      }
    }

    /**
     * Runs a domain constructor here and points its error at the field its message names after
     * {@code prefix}, e.g. {@code "schedule: maxMovesShare must ..."} at {@code .maxMovesShare}.
     */
    <T> T check(Supplier<T> build, List<String> fields, String prefix) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        At at = this;
        if (m.startsWith(prefix)) {
          String rest = m.substring(prefix.length());
          for (String f : fields) {
            if (rest.startsWith(f + " ")) {
              at = field(f);
              break;
            }
          }
        }
        throw at.error(m, e);
      }
    }

    String string(JsonNode node, boolean required) {
      if (node == null || node.isNull()) {
        if (required) {
          throw error("expected a string, was null");
        }
        return null;
      }
      if (!node.isTextual()) {
        throw wrongType("a string", node);
      }
      return node.asText();
    }

    IllegalArgumentException wrongType(String expected, JsonNode node) {
      return error("wrong type: expected " + expected + ", found " + found(node));
    }
  }

  /** An object of the document, its fields checked against the known ones on creation. */
  private static final class Obj {
    private final At at;
    private final JsonNode node;

    Obj(At at, JsonNode node, List<String> known) {
      this.at = at;
      if (node == null || node.isNull()) {
        throw at.error("expected an object, was null");
      }
      if (!node.isObject()) {
        throw at.wrongType("an object", node);
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!known.contains(f)) {
          throw at.field(f)
              .error("unknown field '" + f + "' (known: " + String.join(", ", known) + ")");
        }
      }
      this.node = node;
    }

    boolean has(String field) {
      JsonNode v = node.get(field);
      return v != null && !v.isNull();
    }

    JsonNode get(String field) {
      return node.get(field);
    }

    JsonNode required(String field) {
      if (!has(field)) {
        throw at.field(field).error("missing required field '" + field + "'");
      }
      return node.get(field);
    }

    String requiredString(String field) {
      required(field);
      return at.field(field).string(node.get(field), true);
    }

    LocalDate requiredDate(String field) {
      String text = requiredString(field);
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw at.field(field)
            .error("not a date: expected an ISO date (yyyy-mm-dd), was '" + text + "'", e);
      }
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
      String name = requiredString(field);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(name)) {
          return e;
        }
      }
      List<String> names =
          java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      throw at.field(field)
          .error(
              "unknown " + field + " '" + name + "', expected one of " + String.join(", ", names));
    }

    int requiredInt(String field) {
      JsonNode v = required(field);
      if (!v.isIntegralNumber()) {
        throw at.field(field).wrongType("a whole number", v);
      }
      if (!v.canConvertToInt()) {
        throw at.field(field).error(field + " must be a 32-bit whole number, was " + v);
      }
      return v.intValue();
    }

    Optional<Integer> optionalInt(String field) {
      return has(field) ? Optional.of(requiredInt(field)) : Optional.empty();
    }

    long longValue(String field) {
      JsonNode v = required(field);
      if (!v.isIntegralNumber()) {
        throw at.field(field).wrongType("a whole number", v);
      }
      if (!v.canConvertToLong()) {
        throw at.field(field).error(field + " must be a 64-bit whole number, was " + v);
      }
      return v.longValue();
    }

    double requiredNumber(String field) {
      JsonNode v = required(field);
      if (v.isTextual()) {
        switch (v.asText()) {
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          case "NaN":
            return Double.NaN;
          default:
            break;
        }
      }
      if (!v.isNumber()) {
        throw at.field(field).wrongType("a number", v);
      }
      return v.doubleValue();
    }

    JsonNode requiredArray(String field) {
      JsonNode v = required(field);
      if (!v.isArray()) {
        throw at.field(field).wrongType("an array", v);
      }
      return v;
    }

    JsonNode optionalArray(String field) {
      return has(field) ? requiredArray(field) : MAPPER.createArrayNode();
    }

    JsonNode requiredObject(String field) {
      JsonNode v = required(field);
      if (!v.isObject()) {
        throw at.field(field).wrongType("an object", v);
      }
      return v;
    }
  }

  private static String found(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    String text = node.toString();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    if (node.isTextual()) {
      return "a string (" + text + ")";
    }
    if (node.isBoolean()) {
      return text;
    }
    return "a number (" + text + ")";
  }
}
