package io.fairlead.core.json;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RepSnapshot;
import io.fairlead.core.routing.RouterState;
import java.io.Reader;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes problems, policies, reps, leads and allocations as JSON, in the format of {@code
 * docs/json-format.md}.
 *
 * <pre>{@code
 * Problem problem = FairleadJson.readProblem(Files.readString(Path.of("problem.json")));
 * Allocation result = Baselines.leastBusy().allocate(problem);
 * String json = FairleadJson.writeAllocation(result, true);
 * }</pre>
 *
 * <p>Reading is strict: malformed JSON, an unknown field, a wrong type, a missing required field
 * and every domain validation failure are {@link IllegalArgumentException}s whose message names the
 * document, the JSON path and the record, e.g. {@code "problem JSON at $.leads[3].value: lead c42:
 * value must be finite and >= 0, was -5.0"}. Omitted optional fields take the defaults of the Java
 * builders. Writing is deterministic (fields in a fixed order, sets sorted, two-space indent,
 * {@code \n} line ends) and writes every field except those that are absent by nature (no tier, no
 * current owner, an unlimited cap).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class FairleadJson {

  private FairleadJson() {}

  /**
   * Reads a problem: {@code {"policy": {...}, "reps": [...], "leads": [...]}}, the policy optional
   * ({@link Policy#defaults()} when absent).
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid problem
   */
  public static Problem readProblem(String json) {
    return JsonCodec.read("problem", json, ProblemJson.class).toProblem(JsonPath.root("problem"));
  }

  /**
   * Reads a problem from a reader, which is read to its end and not closed.
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid problem
   * @throws java.io.UncheckedIOException if the reader fails
   */
  public static Problem readProblem(Reader json) {
    return readProblem(JsonCodec.readAll(json));
  }

  /**
   * Writes a problem with its policy in full.
   *
   * @throws IllegalArgumentException if the policy has custom rules, which live in code
   */
  public static String writeProblem(Problem problem) {
    requireNonNull(problem, "problem");
    return JsonCodec.write(ProblemJson.from(problem));
  }

  /**
   * Reads a policy; every field is optional and defaults as in {@link Policy#builder()}.
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid policy
   */
  public static Policy readPolicy(String json) {
    return JsonCodec.read("policy", json, PolicyJson.class).toPolicy(JsonPath.root("policy"));
  }

  /**
   * Writes a policy in full, every option explicit.
   *
   * @throws IllegalArgumentException if the policy has custom rules: they live in code and have no
   *     JSON form, and are never dropped silently
   */
  public static String writePolicy(Policy policy) {
    requireNonNull(policy, "policy");
    return JsonCodec.write(PolicyJson.from(policy));
  }

  /**
   * Reads a policy embedded in another document, so that its errors name that document and the
   * policy's place in it: {@code readPolicy(json, "scenario", "$.policies.receipts")} fails with
   * {@code "scenario JSON at $.policies.receipts.minWeight: ..."}.
   *
   * @param json the policy object's own text
   * @param document the outer document's name, e.g. {@code "scenario"}
   * @param path the JSONPath of the policy in the outer document, from {@code $}
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid policy,
   *     or if the document is blank or the path does not start with {@code $}
   * @since 0.1.0
   */
  public static Policy readPolicy(String json, String document, String path) {
    JsonPath root = JsonPath.root(document, path);
    return JsonCodec.read(root, json, PolicyJson.class, null).toPolicy(root);
  }

  /**
   * Reads one rep, e.g. {@code {"id": "ana", "regions": ["East"]}}, as strictly as in a problem.
   * Errors name the document {@code rep}: {@code "rep JSON at $.capacity: rep ana: capacity must be
   * >= 0, was -1"}. Rules across records (tiers the policy knows, unique ids) are the caller's.
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid rep
   * @since 0.1.0
   */
  public static Rep readRep(String json) {
    return readRep(json, "rep", "$");
  }

  /**
   * Reads one rep embedded in another document, so that its errors name that document and the rep's
   * place in it: {@code readRep(json, "scenario", "$.events[2].hire")} fails with {@code "scenario
   * JSON at $.events[2].hire.weight: rep nova: weight must be ..."}.
   *
   * @param json the rep object's own text
   * @param document the outer document's name, e.g. {@code "scenario"}
   * @param path the JSONPath of the rep in the outer document, from {@code $}
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid rep, or
   *     if the document is blank or the path does not start with {@code $}
   * @since 0.1.0
   */
  public static Rep readRep(String json, String document, String path) {
    JsonPath root = JsonPath.root(document, path);
    return JsonCodec.read(root, json, RepJson.class, "rep").toRep(root);
  }

  /**
   * Writes one rep as a JSON object, as {@link #writeReps} writes each.
   *
   * @since 0.1.0
   */
  public static String writeRep(Rep rep) {
    requireNonNull(rep, "rep");
    return JsonCodec.write(RepJson.from(rep));
  }

  /**
   * Reads one lead, e.g. {@code {"id": "c1", "region": "East"}}, as strictly as in a problem.
   * Errors name the document {@code lead}: {@code "lead JSON at $.value: lead c4: value must be in
   * [0, 1e15], was -5.0"}. Rules across records (owners on the roster, unique ids) are the
   * caller's.
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid lead
   * @since 0.1.0
   */
  public static Lead readLead(String json) {
    return readLead(json, "lead", "$");
  }

  /**
   * Reads one lead embedded in another document, so that its errors name that document and the
   * lead's place in it: {@code readLead(json, "scenario", "$.stream[3].lead")} fails with {@code
   * "scenario JSON at $.stream[3].lead.value: lead c4: value must be in [0, 1e15], was -5.0"}.
   *
   * @param json the lead object's own text
   * @param document the outer document's name, e.g. {@code "scenario"}
   * @param path the JSONPath of the lead in the outer document, from {@code $}
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid lead, or
   *     if the document is blank or the path does not start with {@code $}
   * @since 0.1.0
   */
  public static Lead readLead(String json, String document, String path) {
    JsonPath root = JsonPath.root(document, path);
    return JsonCodec.read(root, json, LeadJson.class, "lead").toLead(root);
  }

  /**
   * Writes one lead as a JSON object, as {@link #writeLeads} writes each.
   *
   * @since 0.1.0
   */
  public static String writeLead(Lead lead) {
    requireNonNull(lead, "lead");
    return JsonCodec.write(LeadJson.from(lead));
  }

  /**
   * Reads a JSON array of reps, in order.
   *
   * @throws IllegalArgumentException if the JSON is malformed, a rep is invalid or two share an id
   */
  public static List<Rep> readReps(String json) {
    RepJson[] reps = JsonCodec.read("reps", json, RepJson[].class);
    return RepJson.toReps(JsonPath.root("reps"), Arrays.asList(reps));
  }

  /** Writes reps as a JSON array, in iteration order. */
  public static String writeReps(Collection<Rep> reps) {
    requireNonNull(reps, "reps");
    return JsonCodec.write(RepJson.from(reps));
  }

  /**
   * Reads a JSON array of leads, in order.
   *
   * @throws IllegalArgumentException if the JSON is malformed, a lead is invalid or two share an id
   */
  public static List<Lead> readLeads(String json) {
    LeadJson[] leads = JsonCodec.read("leads", json, LeadJson[].class);
    return LeadJson.toLeads(JsonPath.root("leads"), Arrays.asList(leads));
  }

  /** Writes leads as a JSON array, in iteration order. */
  public static String writeLeads(Collection<Lead> leads) {
    requireNonNull(leads, "leads");
    return JsonCodec.write(LeadJson.from(leads));
  }

  /**
   * Writes an allocation: method, elapsed time, score, one outcome per lead, metrics and, if asked,
   * one explanation per lead (computed here, {@code O(reps)} each).
   */
  public static String writeAllocation(Allocation allocation, boolean withExplanations) {
    requireNonNull(allocation, "allocation");
    return JsonCodec.write(AllocationJson.from(allocation, withExplanations));
  }

  /**
   * Writes a router's state: its settings, roster with ledgers, and book (format {@code
   * fairlead-router}, see {@code docs/json-format.md}). The state is taken in one short step
   * ({@link LeadRouter#state()}) and written outside the router's lock, so routing goes on while a
   * large book is written.
   */
  public static String writeRouter(LeadRouter router) {
    requireNonNull(router, "router");
    RouterState state = router.state();
    List<RepSnapshot> holdings = LeadRouter.restore(state, router.policy()).snapshot();
    return JsonCodec.write(RouterStateJson.from(state, holdings, router.policy()));
  }

  /**
   * Reads a router's state written by {@link #writeRouter} and restores the router under the policy
   * it was written with: it makes exactly the decisions the original would have made. Reading is as
   * strict as for problems (unknown fields, repeated keys and wrong types are errors), and the
   * holdings written with each rep must match the book.
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid state
   *     under this policy, naming the path, e.g. {@code router JSON at $.reps[2].rep.capacity}
   */
  public static LeadRouter readRouter(String json, Policy policy) {
    requireNonNull(policy, "policy");
    return JsonCodec.read("router", json, RouterStateJson.class)
        .toRouter(JsonPath.root("router"), policy);
  }

  /**
   * Writes a book: its zone and its log (format {@code fairlead-book}, see {@code
   * docs/json-format.md}). The state is not written; reading replays the log.
   */
  public static String writeBook(Book book) {
    requireNonNull(book, "book");
    return JsonCodec.write(BookJson.from(book));
  }

  /**
   * Reads a book written by {@link #writeBook}: replays its log into a book made by the builder
   * (the policy, lifecycle, clock, keys and allocator the book runs under; its clock's zone must be
   * the zone the log was written in). The hashes are kept as written: call {@link Book#verify()} on
   * a log you did not write yourself.
   *
   * @throws IllegalArgumentException if the JSON is malformed, or an event does not follow from the
   *     ones before, naming the path, e.g. {@code book JSON at $.events[6]}
   */
  public static Book readBook(String json, Book.Builder builder) {
    requireNonNull(builder, "builder");
    return JsonCodec.read("book", json, BookJson.class).toBook(JsonPath.root("book"), builder);
  }

  /**
   * Writes a book's lifecycle rules (claims per day, cool-down, reclaim rules per tier, the
   * conflict rule, departures, covers, the ledger period) in the form a scenario file and a
   * service's configuration use ({@code docs/json-format.md}); tiers in alphabetical order.
   */
  public static String writeLifecycle(io.fairlead.core.book.Lifecycle lifecycle) {
    requireNonNull(lifecycle, "lifecycle");
    return JsonCodec.write(LifecycleJson.from(lifecycle));
  }

  /**
   * Reads lifecycle rules embedded in another document at {@code path}; a field left out keeps its
   * default ({@link io.fairlead.core.book.Lifecycle#defaults()}).
   *
   * @throws JsonInputException naming the document and path, e.g. {@code "config JSON at
   *     $.lifecycle.coolDownDays: lifecycle: coolDownDays must be in [0, 3650], was -1"}
   */
  public static io.fairlead.core.book.Lifecycle readLifecycle(
      String json, String document, String path) {
    JsonPath root = JsonPath.root(document, path);
    return JsonCodec.read(root, json, LifecycleJson.class, null).toLifecycle(root);
  }

  /**
   * Writes one event of a book's log, in the form of an element of the {@code events} of {@link
   * #writeBook}: a host that stores the log itself (a row per event in its database) writes each
   * new event with this and rebuilds the book with {@link Book#replay} of {@link #readBookEvent}s.
   */
  public static String writeBookEvent(BookEvent event) {
    requireNonNull(event, "event");
    return JsonCodec.write(BookJson.EventJson.from(event));
  }

  /**
   * Reads one event written by {@link #writeBookEvent}, hashes as written ({@link Book#replay} and
   * {@link Book#verify()} check the chain).
   *
   * @throws JsonInputException if the JSON is malformed or not an event, naming the path, e.g.
   *     {@code book event JSON at $.change.to}
   */
  public static BookEvent readBookEvent(String json) {
    JsonPath root = JsonPath.root("book event");
    return BookJson.event(root, JsonCodec.read(root, json, BookJson.EventJson.class, null));
  }

  /**
   * Reads an allocation back against the problem it answers. The allocation is rebuilt from the
   * outcomes (who holds which lead), with the method and elapsed time written; every other figure
   * of the document (statuses, reasons, score, metrics, gaps, explanations) must be the one that
   * assignment gives, so the result equals the one written, and a document whose figures were
   * edited by hand is refused at the first field that differs.
   *
   * @throws IllegalArgumentException if the JSON is malformed, invalid, names leads, reps or tiers
   *     the problem does not have, or holds a figure its outcomes do not give
   */
  public static Allocation readAllocation(String json, Problem problem) {
    requireNonNull(problem, "problem");
    return JsonCodec.read("allocation", json, AllocationJson.class)
        .toAllocation(JsonPath.root("allocation"), problem);
  }
}
