package io.fairlead.core.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.book.Book;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.LeadRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The documents the fuzzer starts from, and what the oracle reads them against. All come from the
 * documented examples ({@code src/test/resources/json}): the problem, the minimal problem, the
 * policy and the result, the problem's policy, reps and leads on their own, a round-robin result of
 * the problem without explanations, the state of a router that holds the problem's leads, and a
 * book of the problem's team with a few days of its life. Allocations are read against the example
 * problem, router states under its policy.
 *
 * <p>Built once, deterministically (the round-robin result's elapsed time is fixed).
 */
public final class Seeds {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The clock books are read with: the seed book's zone, UTC. */
  public static final java.time.Clock CLOCK =
      java.time.Clock.fixed(
          java.time.Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneOffset.UTC);

  private static final Seeds INSTANCE = new Seeds();

  private final Problem problem;
  private final List<Rep> plainReps;
  private final List<Lead> plainLeads;
  private final Map<Document, List<String>> documents = new EnumMap<>(Document.class);

  private Seeds() {
    String problemJson = resource("/json/problem.json");
    problem = FairleadJson.readProblem(problemJson);
    JsonNode tree = tree(problemJson);

    // The roster and leads without tiers, every lead with a numeric "annualRevenue": they make a
    // valid problem under any policy whose tier rule reads the value or that attribute.
    ArrayNode reps = ((ArrayNode) tree.get("reps")).deepCopy();
    reps.forEach(r -> ((ObjectNode) r).remove("allowedTiers"));
    ArrayNode leads = ((ArrayNode) tree.get("leads")).deepCopy();
    leads.forEach(
        l -> {
          ObjectNode lead = (ObjectNode) l;
          lead.remove("tier");
          ObjectNode attributes =
              lead.has("attributes")
                  ? (ObjectNode) lead.get("attributes")
                  : lead.putObject("attributes");
          attributes.put("annualRevenue", Long.toString(lead.path("value").asLong() * 10));
        });
    plainReps = FairleadJson.readReps(reps.toString());
    plainLeads = FairleadJson.readLeads(leads.toString());

    Allocation roundRobin = Baselines.roundRobin().allocate(problem);
    Allocation fixed =
        Allocation.of(
            problem, roundRobin.assignment(), roundRobin.method(), Duration.ofNanos(1_234_567));

    documents.put(Document.PROBLEM, List.of(problemJson, resource("/json/problem-minimal.json")));
    documents.put(
        Document.POLICY, List.of(resource("/json/policy.json"), tree.get("policy").toString()));
    documents.put(Document.REPS, List.of(tree.get("reps").toString()));
    documents.put(Document.LEADS, List.of(tree.get("leads").toString()));
    documents.put(
        Document.ALLOCATION,
        List.of(resource("/json/result.json"), FairleadJson.writeAllocation(fixed, false)));
    documents.put(Document.ROUTER, List.of(FairleadJson.writeRouter(router(problem))));
    documents.put(Document.BOOK, List.of(FairleadJson.writeBook(book(problem))));
  }

  /** A builder for books under the problem's policy on {@link #CLOCK}. */
  public Book.Builder bookBuilder() {
    return Book.builder(problem.policy()).clock(CLOCK);
  }

  /**
   * A book under the problem's policy: the roster joins, the leads come in (owned ones with their
   * owners), the pool is placed, one customer is worked, one given back, one overridden, a leave.
   */
  private static Book book(Problem problem) {
    Book book = Book.builder(problem.policy()).clock(CLOCK).build();
    problem.reps().forEach(r -> book.addRep(r, "manager:lee", "joins"));
    problem.leads().forEach(l -> book.add(l, "crm", "import"));
    book.distribute("batch");
    var owned = book.customers().stream().filter(c -> !c.pooled()).toList();
    book.touch(owned.get(0).id(), io.fairlead.core.book.Activity.DEAL, "rep");
    book.release(owned.get(1).id(), "rep", "not now");
    book.override(owned.get(0).id(), problem.reps().get(0).id(), "manager:lee", "key account");
    book.setAvailability(
        problem.reps().get(1).id(),
        java.time.LocalDate.of(2026, 3, 9),
        java.time.LocalDate.of(2026, 3, 20),
        0,
        "hr",
        "leave");
    return book;
  }

  /** The seeds, built on first use. */
  public static Seeds get() {
    return INSTANCE;
  }

  /**
   * A router under the problem's policy holding its owned leads, into which the rest are routed.
   */
  private static LeadRouter router(Problem problem) {
    LeadRouter router =
        LeadRouter.builder(problem.policy())
            .roster(problem.reps())
            .book(problem.leads().stream().filter(l -> l.currentOwner().isPresent()).toList())
            .build();
    problem.leads().stream().filter(l -> l.currentOwner().isEmpty()).forEach(router::route);
    return router;
  }

  /** The documents to mutate for one kind of document, valid ones. */
  public List<String> documents(Document document) {
    return documents.get(document);
  }

  /** The example problem ({@code json/problem.json}): allocations are read against it. */
  public Problem problem() {
    return problem;
  }

  /** The example problem's policy: router states are read under it. */
  public Policy policy() {
    return problem.policy();
  }

  /** The example's reps without allowed tiers, valid under any tier scheme. */
  public List<Rep> plainReps() {
    return plainReps;
  }

  /** The example's leads without own tiers, each with a numeric {@code annualRevenue}. */
  public List<Lead> plainLeads() {
    return plainLeads;
  }

  /** Reads a resource of the core module's tests as UTF-8. */
  public static String resource(String name) {
    try (InputStream in = Seeds.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a seed is not JSON", e);
    }
  }
}
