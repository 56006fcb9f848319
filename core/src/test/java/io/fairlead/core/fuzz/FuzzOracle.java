package io.fairlead.core.fuzz;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.book.Book;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RepSnapshot;
import io.fairlead.core.routing.RouteDecision;
import io.fairlead.core.routing.RouterState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What must hold for every input, valid or not. The reader either returns, or throws an {@link
 * IllegalArgumentException} whose message names the document and a position: {@code "<document>
 * JSON at $<path>: ..."} or {@code "<document> JSON at line <l> column <c>: ..."}. Any other
 * throwable, from the reader or from what follows, is a failure.
 *
 * <p>What follows a successful read: a problem is allocated by least busy and round robin (or the
 * allocators given: the solver module's fuzz test gives its own); a policy, reps or leads are put
 * into a problem with the example's other parts (if that makes a valid problem) and allocated the
 * same way; an allocation is checked as it is. Every allocation must hold every lead of its problem
 * exactly once, in input order, with a score whose levels and terms are {@code >= 0} and add up
 * without wrapping, gaps that can be computed, and a JSON form that reads back to the same outcomes
 * and score. A router state gets three new leads (a router at its last sequence number, 2^53, or
 * with a rep at 2^31 - 1 leads received in the period, may refuse them with an {@link
 * IllegalStateException}) and one it holds already, must account for each, and write itself back to
 * the same state. Problems, policies, reps and leads must also write themselves back to equal
 * values.
 *
 * <p>Failures are {@link AssertionError}s, with the throwable that broke a rule as the cause.
 */
public final class FuzzOracle {

  private static final Pattern LINE = Pattern.compile("line \\d+ column \\d+: .+", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("\\$.*?: .+", Pattern.DOTALL);

  /** A router numbers at most this many received leads in its life. */
  private static final long LAST_SEQUENCE = 1L << 53;

  private FuzzOracle() {}

  /**
   * The reader's verdict on a document.
   *
   * @param accepted whether the reader returned
   * @param message the error message if not
   */
  public record Verdict(boolean accepted, String message) {
    static final Verdict ACCEPTED = new Verdict(true, null);
  }

  /**
   * Reads a document and runs what follows a successful read.
   *
   * @throws AssertionError if a rule above is broken
   */
  public static Verdict check(Document document, String json) {
    return check(document, json, p -> List.of(Baselines.leastBusy(), Baselines.roundRobin()));
  }

  /**
   * Reads a document and runs what follows a successful read, with the given allocators for every
   * problem (the first one's result is written back with explanations).
   *
   * @throws AssertionError if a rule above is broken
   */
  public static Verdict check(
      Document document, String json, Function<Problem, List<Allocator>> allocators) {
    Seeds seeds = Seeds.get();
    Object value;
    try {
      value =
          switch (document) {
            case PROBLEM -> FairleadJson.readProblem(json);
            case POLICY -> FairleadJson.readPolicy(json);
            case REPS -> FairleadJson.readReps(json);
            case LEADS -> FairleadJson.readLeads(json);
            case ALLOCATION -> FairleadJson.readAllocation(json, seeds.problem());
            case ROUTER -> FairleadJson.readRouter(json, seeds.policy());
            case BOOK -> FairleadJson.readBook(json, seeds.bookBuilder());
          };
    } catch (IllegalArgumentException e) {
      checkNamesPosition(document, e);
      return new Verdict(false, e.getMessage());
    } catch (Throwable e) { // the point: StackOverflowError, NPE, ... are all failures
      throw new AssertionError(
          document.id() + " reader threw " + e.getClass().getName() + ", not an IAE", e);
    }
    switch (document) {
      case PROBLEM -> checkProblem((Problem) value, allocators);
      case POLICY -> checkPolicy((Policy) value, allocators);
      case REPS -> checkReps(castList(value), allocators);
      case LEADS -> checkLeads(castList(value), allocators);
      case ALLOCATION -> checkAllocation((Allocation) value, seeds.problem());
      case ROUTER -> checkRouter((LeadRouter) value, seeds.policy());
      case BOOK -> checkBook((Book) value, seeds);
    }
    return Verdict.ACCEPTED;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(Object value) {
    return (List<T>) value;
  }

  /** The message names the document and a position, then says what is wrong. */
  static void checkNamesPosition(Document document, IllegalArgumentException e) {
    String prefix = document.id() + " JSON at ";
    String m = e.getMessage();
    if (m == null || !m.startsWith(prefix)) {
      throw new AssertionError(
          "the message does not start with '" + prefix + "': " + shorten(m), e);
    }
    String rest = m.substring(prefix.length());
    if (!PATH.matcher(rest).matches() && !LINE.matcher(rest).matches()) {
      throw new AssertionError(
          "the message names no JSON path ($...) or line and column: " + shorten(m), e);
    }
  }

  private static String shorten(String m) {
    return m == null || m.length() < 500 ? m : m.substring(0, 500) + "...";
  }

  // ------------------------------------------------------------------ after reading

  private static void checkProblem(Problem p, Function<Problem, List<Allocator>> allocators) {
    roundTrip("problem", p, () -> FairleadJson.readProblem(FairleadJson.writeProblem(p)));
    allocate(p, allocators);
  }

  private static void checkPolicy(Policy policy, Function<Problem, List<Allocator>> allocators) {
    roundTrip("policy", policy, () -> FairleadJson.readPolicy(FairleadJson.writePolicy(policy)));
    Seeds seeds = Seeds.get();
    problemOf(policy, seeds.plainReps(), seeds.plainLeads())
        .ifPresent(p -> allocate(p, allocators));
  }

  private static void checkReps(List<Rep> reps, Function<Problem, List<Allocator>> allocators) {
    roundTrip("reps", reps, () -> FairleadJson.readReps(FairleadJson.writeReps(reps)));
    problemOf(Policy.defaults(), reps, Seeds.get().plainLeads())
        .ifPresent(p -> allocate(p, allocators));
  }

  private static void checkLeads(List<Lead> leads, Function<Problem, List<Allocator>> allocators) {
    roundTrip("leads", leads, () -> FairleadJson.readLeads(FairleadJson.writeLeads(leads)));
    Seeds seeds = Seeds.get();
    problemOf(seeds.policy(), seeds.problem().reps(), leads)
        .ifPresent(p -> allocate(p, allocators));
  }

  /** The problem of valid parts, if they fit together (an unknown owner or tier does not). */
  private static Optional<Problem> problemOf(Policy policy, List<Rep> reps, List<Lead> leads) {
    try {
      return Optional.of(Problem.of(policy, reps, leads));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void allocate(Problem p, Function<Problem, List<Allocator>> allocators) {
    List<Allocator> list = allocators.apply(p);
    for (int k = 0; k < list.size(); k++) {
      Allocator a = list.get(k);
      checkAllocation(run(a.name(), () -> a.allocate(p)), p, k == 0);
    }
  }

  /** Checks an allocation of a problem, writing it back without explanations. */
  public static void checkAllocation(Allocation a, Problem p) {
    checkAllocation(a, p, false);
  }

  /**
   * Every lead of the problem exactly once, in input order; a score that has not wrapped; gaps that
   * can be computed; a JSON form that reads back to the same outcomes and score.
   */
  public static void checkAllocation(Allocation a, Problem p, boolean withExplanations) {
    String what = a.method() + " allocation";
    List<LeadId> leads = p.leads().stream().map(Lead::id).toList();
    List<LeadId> outcomes = a.outcomes().stream().map(LeadOutcome::lead).toList();
    check(outcomes.equals(leads), what + ": outcomes " + outcomes + " for leads " + leads);
    long unassigned = 0;
    for (LeadOutcome o : a.outcomes()) {
      check(
          o.rep().isEmpty() == (o.status() == Status.UNASSIGNED),
          what + ": lead " + o.lead() + " is " + o.status() + " with owner " + o.rep());
      unassigned += o.status() == Status.UNASSIGNED ? 1 : 0;
    }
    checkScore(what, a.score(), unassigned);
    check(run("gaps", a::gaps) != null, what + ": no gaps");
    String json = run("writeAllocation", () -> FairleadJson.writeAllocation(a, withExplanations));
    Allocation back = run("readAllocation of its own output", () -> read(json, p));
    check(
        back.outcomes().equals(a.outcomes()) && back.score().equals(a.score()),
        what + ": read back as " + back.score() + " " + back.outcomes());
  }

  private static Allocation read(String json, Problem p) {
    return FairleadJson.readAllocation(json, p);
  }

  /** Levels and terms {@code >= 0}, each level the exact sum of its terms. */
  private static void checkScore(String what, ScoreBreakdown s, long unassigned) {
    Map<String, Long> terms = s.byConstraint();
    long hard = 0;
    long soft = 0;
    for (Map.Entry<String, Long> t : terms.entrySet()) {
      check(t.getValue() >= 0, what + ": term " + t.getKey() + " is negative: " + s.byConstraint());
      switch (t.getKey()) {
        case "eligibility", "capacity", "new-lead-cap" -> hard = Math.addExact(hard, t.getValue());
        case "unassigned" -> {}
        default -> soft = Math.addExact(soft, t.getValue());
      }
    }
    check(
        s.hard() >= 0 && s.medium() >= 0 && s.soft() >= 0,
        what + ": a score level is negative (wrapped?): " + s);
    check(
        s.hard() == hard && s.soft() == soft,
        what + ": levels " + s + " are not the sums of the terms " + terms);
    check(
        s.medium() == unassigned && Objects.equals(terms.get("unassigned"), unassigned),
        what + ": medium " + s.medium() + " for " + unassigned + " unassigned leads");
  }

  /**
   * A book read: it writes back to a document that reads to the same log and state, its log
   * verifies or names an event, and its problem of today is one the batch can place.
   */
  private static void checkBook(Book book, Seeds seeds) {
    String again = FairleadJson.writeBook(book);
    Book read = FairleadJson.readBook(again, seeds.bookBuilder());
    check(read.events().equals(book.events()), "a book written and read back has another log");
    check(read.customers().equals(book.customers()), "a book written and read back differs");
    var v = book.verify();
    check(v.intact() == v.brokenAt().isEmpty(), "verify: intact but broken at " + v.brokenAt());
    if (book.roster().stream().anyMatch(io.fairlead.core.book.RosterEntry::active)) {
      Problem p = book.problem();
      checkAllocation(Baselines.leastBusy().allocate(p), p);
    }
  }

  private static void checkRouter(LeadRouter router, Policy policy) {
    RouterState before = router.state();
    int size = router.bookSize();
    List<Lead> fresh =
        List.of(
            Lead.builder("fuzz-new-1")
                .region("East")
                .industry("software")
                .companySize(40)
                .value(150_000)
                .build(),
            Lead.builder("fuzz-new-2")
                .region("West")
                .industry("retail")
                .value(8_000)
                .kind(LeadKind.EXISTING_CUSTOMER)
                .build(),
            Lead.builder("fuzz-new-3").region("North").industry("mining").build());
    for (Lead lead : fresh) {
      RouteDecision d;
      try {
        d = router.route(lead);
      } catch (IllegalStateException e) { // documented: a counter is at its end
        RouterState now = router.state();
        check(
            now.sequence() == LAST_SEQUENCE
                || now.reps().stream().anyMatch(l -> l.received() == Integer.MAX_VALUE),
            "route threw " + e + " with no counter at its end");
        break;
      } catch (Throwable e) {
        throw new AssertionError(
            "route threw " + e.getClass().getName() + ": " + e.getMessage(), e);
      }
      check(d.lead().equals(lead.id()) && !d.repeat(), "routed " + lead.id() + ", got " + d);
      check(
          router.ownerOf(lead.id()).equals(d.rep()),
          "routed "
              + lead.id()
              + " to "
              + d.rep()
              + ", the book says "
              + router.ownerOf(lead.id()));
      size += d.assigned() ? 1 : 0;
    }
    if (!before.book().isEmpty()) {
      RouterState.BookEntry held = before.book().get(0);
      RouteDecision d = run("route a held lead", () -> router.route(held.lead()));
      check(
          d.repeat() && d.rep().equals(Optional.of(held.rep())),
          "routed held lead " + held.lead().id() + " of " + held.rep() + " again, got " + d);
    }
    check(router.bookSize() == size, "book of " + router.bookSize() + " leads, expected " + size);
    int held = router.snapshot().stream().mapToInt(RepSnapshot::leads).sum();
    check(held == size, "the reps hold " + held + " leads, the book " + size);
    String json = run("writeRouter", () -> FairleadJson.writeRouter(router));
    LeadRouter back = run("readRouter of its own output", () -> readRouter(json, policy));
    check(back.state().equals(router.state()), "the router state does not read back as written");
  }

  private static LeadRouter readRouter(String json, Policy policy) {
    return FairleadJson.readRouter(json, policy);
  }

  private static <T> void roundTrip(String what, T value, Supplier<T> writeThenRead) {
    T back = run("write and read back the " + what, writeThenRead);
    check(back.equals(value), what + " reads back as " + back + ", was " + value);
  }

  /** Runs a step after reading: every throwable is a failure. */
  private static <T> T run(String step, Supplier<T> body) {
    try {
      return body.get();
    } catch (Throwable e) {
      throw new AssertionError(
          step + " threw " + e.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
