package io.fairlead.service.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.core.fuzz.Document;
import io.fairlead.core.fuzz.Seeds;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.json.JsonInputException;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.service.Fixture;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An endpoint that reads a body, with valid bodies to mutate (its seeds) and a token that may call
 * it, and, when the body is or holds a library document (a lead, a rep, a problem), where: the
 * library's verdict on that document is what the service must give.
 *
 * @param method the HTTP method
 * @param path the path, with the id of a customer or rep of {@link FuzzService}
 * @param token the token it is called with
 * @param seeds valid bodies, each answered 2xx when sent in order at the start of a run
 * @param embedded the library document in the body, if any
 * @param weight how many mutants it gets for one of an endpoint of weight 1
 */
record Endpoint(
    String method,
    String path,
    String token,
    List<String> seeds,
    Optional<Embedded> embedded,
    int weight) {

  /** The weight of most endpoints; an allocation, solved while the caller waits, has 1. */
  static final int WEIGHT = 4;

  Endpoint(
      String method, String path, String token, List<String> seeds, Optional<Embedded> embedded) {
    this(method, path, token, seeds, embedded, WEIGHT);
  }

  /** The library's readers, as the service calls them. */
  enum Reader {
    LEAD,
    REP,
    PROBLEM
  }

  /**
   * A library document in a body.
   *
   * @param reader the reader the service hands it to
   * @param field the body's top-level field that holds it, or null for the whole body
   * @param document the document name the service gives the reader
   * @param base the document's JSON path in the body
   */
  record Embedded(Reader reader, String field, String document, String base) {

    /**
     * The library's verdict on the document in {@code body}: empty if the body holds none to read
     * (not an object, no such field), else the path it refuses (for malformed JSON, {@code base}
     * with a location), or null if it reads it.
     */
    Optional<Verdict> verdict(String body) {
      Optional<String> text = field == null ? Optional.of(body) : JsonText.field(body, field);
      if (text.isEmpty() || text.get().equals("null")) {
        return Optional.empty();
      }
      try {
        switch (reader) {
          case LEAD -> FairleadJson.readLead(text.get(), document, base);
          case REP -> FairleadJson.readRep(text.get(), document, base);
          case PROBLEM -> FairleadJson.readProblem(text.get());
        }
        return Optional.of(new Verdict(null, false));
      } catch (JsonInputException e) {
        return Optional.of(new Verdict(e.path(), e.location().isPresent()));
      }
    }

    /** Whether a JSON path of the body is inside this document. */
    boolean contains(String path) {
      return path.equals(base) || path.startsWith(base + ".") || path.startsWith(base + "[");
    }
  }

  /**
   * The library's verdict.
   *
   * @param path where it refuses the document, or null if it reads it
   * @param malformed whether it refuses it as malformed JSON
   */
  record Verdict(String path, boolean malformed) {}

  /** A short name for reports and failure files, e.g. {@code POST-v1-leads-c1-override}. */
  String name() {
    return (method + path).replaceAll("[^A-Za-z0-9]+", "-");
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The endpoints that read a body, in the order their seeds are sent: a seed of a later one may
   * need what an earlier one did (a pin to lift, a customer in the pool to claim).
   *
   * @param claimer the token of a rep that may claim customer c2 once it is in the pool (not its
   *     owner, who would be in a cool-down)
   */
  static List<Endpoint> all(String claimer) {
    List<String> leads = leads();
    String rep = "{\"rep\": %s, \"reason\": \"joins\"}";
    List<Endpoint> out = new ArrayList<>();
    out.add(
        new Endpoint(
            "POST", "/v1/leads", Fixture.MANAGER, leads, embedded(Reader.LEAD, null, "lead", "$")));
    out.add(
        new Endpoint(
            "POST",
            "/v1/who-owns",
            Fixture.ANA,
            leads,
            embedded(Reader.LEAD, null, "who-owns request", "$")));
    out.add(
        new Endpoint(
            "POST",
            "/v1/may-take",
            Fixture.MANAGER,
            List.of(
                "{\"rep\": \"ana\", \"lead\": \"c1\"}",
                "{\"rep\": \"ben\", \"candidate\": " + leads.get(1) + "}"),
            embedded(Reader.LEAD, "candidate", "may-take request", "$.candidate")));
    out.add(body("/v1/leads/c1/override", "{\"to\": \"ben\", \"reason\": \"key account\"}"));
    out.add(body("/v1/leads/c1/unpin", "{\"reason\": \"back to the rules\"}"));
    out.add(body("/v1/leads/c2/release", "{\"reason\": \"not now\"}"));
    out.add(new Endpoint("POST", "/v1/leads/c2/claim", claimer, List.of("{}"), Optional.empty()));
    out.add(body("/v1/leads/c3/reclaim", "{\"reason\": \"no follow-up for weeks\"}"));
    out.add(
        new Endpoint(
            "POST",
            "/v1/leads/c4/touch",
            Fixture.MANAGER,
            List.of("{\"activity\": \"follow-up\"}", "{\"activity\": \"deal\"}"),
            Optional.empty()));
    out.add(
        new Endpoint(
            "POST",
            "/v1/reps",
            Fixture.ADMIN,
            reps().stream().map(rep::formatted).toList(),
            embedded(Reader.REP, "rep", "rep request", "$.rep")));
    out.add(
        new Endpoint(
            "DELETE",
            "/v1/reps/gus",
            Fixture.ADMIN,
            List.of("{\"reason\": \"leaves the team\"}"),
            Optional.empty()));
    out.add(
        new Endpoint(
            "PUT",
            "/v1/reps/dan",
            Fixture.ADMIN,
            List.of(
                "{\"rep\": {\"id\": \"dan\", \"regions\": [\"West\"], \"capacity\": 90,"
                    + " \"weight\": 1.5}, \"reason\": \"more capacity\"}"),
            embedded(Reader.REP, "rep", "rep request", "$.rep")));
    out.add(
        new Endpoint(
            "POST",
            "/v1/reps/ben/availability",
            Fixture.ADMIN,
            List.of(
                "{\"from\": \"2026-03-09\", \"until\": \"2026-03-13\", \"share\": 0.5,"
                    + " \"reason\": \"leave\"}"),
            Optional.empty()));
    out.add(body("/v1/book/distribute", "{}"));
    out.add(body("/v1/book/start-day", "{}"));
    out.add(
        new Endpoint(
            "POST",
            "/v1/allocations",
            Fixture.MANAGER,
            Seeds.get().documents(Document.PROBLEM),
            embedded(Reader.PROBLEM, null, "problem", "$"),
            1)); // a valid problem is solved in about a second: a quarter of the others' share
    return out;
  }

  private static Endpoint body(String path, String seed) {
    return new Endpoint("POST", path, Fixture.MANAGER, List.of(seed), Optional.empty());
  }

  private static Optional<Embedded> embedded(
      Reader reader, String field, String document, String base) {
    return Optional.of(new Embedded(reader, field, document, base));
  }

  /**
   * The library's example leads (core's fuzz seeds) as new customers: ids s1..s5, no owner (an
   * owner is the book's to decide).
   */
  private static List<String> leads() {
    List<Lead> leads = Seeds.get().plainLeads();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      String id = "s" + (i + 1);
      out.add(
          edit(
              FairleadJson.writeLead(leads.get(i)),
              o -> {
                o.put("id", id);
                o.remove("currentOwner");
                o.remove("locked");
                return o;
              }));
    }
    return out;
  }

  /** The library's example reps (core's fuzz seeds) as new reps: eve, fay, gus. */
  private static List<String> reps() {
    List<Rep> reps = Seeds.get().plainReps();
    List<String> names = List.of("eve", "fay", "gus");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      String id = names.get(i);
      out.add(edit(FairleadJson.writeRep(reps.get(i)), o -> o.put("id", id)));
    }
    return out;
  }

  private static String edit(String json, UnaryOperator<ObjectNode> change) {
    try {
      return MAPPER.writeValueAsString(change.apply((ObjectNode) MAPPER.readTree(json)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
