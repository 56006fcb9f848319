package io.fairlead.service;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.book.Activity;
import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Claim;
import io.fairlead.core.book.Customer;
import io.fairlead.core.book.Intake;
import io.fairlead.core.book.RosterEntry;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.Verdict;
import io.fairlead.core.problem.Problem;
import io.fairlead.service.BookService.Done;
import io.fairlead.service.Views.CustomerView;
import io.fairlead.service.Views.Decision;
import io.fairlead.service.Views.LedgerLine;
import io.fairlead.service.Views.MayTake;
import io.fairlead.service.Views.Recorded;
import io.fairlead.service.Views.RepView;
import io.fairlead.service.Views.RuleView;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each role may do with the book, decided here and nowhere else: every operation checks its
 * caller first, so a forbidden request changes nothing and is refused with 403 (and audited). The
 * HTTP layer parses and writes; this class decides.
 */
final class Operations {

  private final BookService service;

  Operations(BookService service) {
    this.service = service;
  }

  BookService service() {
    return service;
  }

  // ------------------------------------------------------------------ roles

  static void require(Caller c, Role least, String what) {
    if (!c.role().atLeast(least)) {
      throw ApiError.forbidden(
          "a " + c.role().id() + " may not " + what + "; it takes the " + least.id() + " role");
    }
  }

  private static Customer customer(Book b, LeadId id) {
    return b.customer(id)
        .orElseThrow(() -> ApiError.notFound("customer " + id + " is not in the book"));
  }

  private static RosterEntry member(Book b, RepId id) {
    return b.rep(id).orElseThrow(() -> ApiError.notFound("rep " + id + " is not on the roster"));
  }

  private static List<Long> seqs(List<BookEvent> events) {
    return events.stream().map(BookEvent::seq).toList();
  }

  private static List<Long> seqs(BookEvent event) {
    return List.of(event.seq());
  }

  // ------------------------------------------------------------------ decisions

  /** A new lead, placed at once by the router (or merged into the customer it duplicates). */
  Decision route(Caller c, Lead lead) {
    return service.write(
        c,
        "route",
        "lead " + lead.id(),
        b -> {
          require(c, Role.MANAGER, "route leads");
          Intake in = b.route(lead, c.bookActor());
          Decision d = Decision.of(in, c);
          int status = in.outcome() == Intake.Outcome.REPEAT ? 200 : 201;
          return new Done<>(
              d,
              status,
              in.outcome().name().toLowerCase(java.util.Locale.ROOT)
                  + in.owner().map(o -> " → " + o).orElse(" → pool")
                  + ": "
                  + in.reason());
        });
  }

  /** A rep claims a customer from the pool for itself. */
  Recorded claim(Caller c, LeadId id) {
    return service.write(
        c,
        "claim",
        "lead " + id,
        b -> {
          if (c.role() != Role.REP) {
            throw ApiError.forbidden(
                "only a rep claims from the pool, for itself; a "
                    + c.role().id()
                    + " gives a customer to a rep with an override");
          }
          customer(b, id);
          RepId rep = c.rep().orElseThrow();
          Claim claim = b.claim(rep, id);
          if (!claim.granted()) {
            throw ApiError.conflict(
                rep + " may not claim " + id + ": " + claim.refusals().get(0).reason(),
                claim.refusals());
          }
          BookEvent e = claim.event().orElseThrow();
          return new Done<>(
              new Recorded("claim", id.value(), seqs(e), e.reason()), 200, e.reason());
        });
  }

  /** The owner gives a customer back to the pool; a manager may do it for any owner. */
  Recorded release(Caller c, LeadId id, Optional<String> reason) {
    return service.write(
        c,
        "release",
        "lead " + id,
        b -> {
          Customer cu = customer(b, id);
          if (c.role() == Role.REP && !cu.owner().map(c::is).orElse(false)) {
            throw ApiError.forbidden(
                c.rep().orElseThrow()
                    + " may release only its own customers; "
                    + id
                    + (cu.pooled() ? " is in the pool" : " is another rep's"));
          }
          requireOwned(cu);
          String why = reason.orElse("released by " + c.bookActor());
          BookEvent e = b.release(id, c.bookActor(), why);
          return new Done<>(new Recorded("release", id.value(), seqs(e), why), 200, why);
        });
  }

  /** A manager takes a customer back from its owner into the pool, with a reason. */
  Recorded reclaim(Caller c, LeadId id, String reason) {
    return service.write(
        c,
        "reclaim",
        "lead " + id,
        b -> {
          require(c, Role.MANAGER, "reclaim customers");
          Customer cu = customer(b, id);
          requireOwned(cu);
          String why = "reclaimed from " + cu.owner().orElseThrow() + ": " + reason;
          BookEvent e = b.release(id, c.bookActor(), why);
          return new Done<>(new Recorded("reclaim", id.value(), seqs(e), why), 200, why);
        });
  }

  private static void requireOwned(Customer cu) {
    if (cu.pooled()) {
      throw ApiError.conflict(
          cu.id() + " is in the pool already",
          List.of(new Exclusion("pool", cu.id() + " has no owner to give it up")));
    }
  }

  /** A manager gives a customer to a rep by hand, with a reason; it is pinned there. */
  Recorded override(Caller c, LeadId id, RepId to, String reason) {
    return service.write(
        c,
        "override",
        "lead " + id,
        b -> {
          require(c, Role.MANAGER, "override the rules (give a customer to a rep by hand)");
          customer(b, id);
          RosterEntry m = member(b, to);
          if (!m.active()) {
            throw ApiError.conflict(
                to + " has left the team",
                List.of(new Exclusion("roster", to + " is not on the team")));
          }
          BookEvent e = b.override(id, to, c.bookActor(), reason);
          return new Done<>(
              new Recorded("override", id.value(), seqs(e), e.reason()),
              200,
              "to " + to + ": " + e.reason());
        });
  }

  /** A manager lifts a pin: the rules may move the customer again. */
  Recorded unpin(Caller c, LeadId id, String reason) {
    return service.write(
        c,
        "unpin",
        "lead " + id,
        b -> {
          require(c, Role.MANAGER, "unpin customers");
          Customer cu = customer(b, id);
          if (!cu.pinned()) {
            throw ApiError.conflict(
                id + " is not pinned", List.of(new Exclusion("manual", id + " has no pin")));
          }
          BookEvent e = b.unpin(id, c.bookActor(), reason);
          return new Done<>(new Recorded("unpin", id.value(), seqs(e), reason), 200, reason);
        });
  }

  /** A follow-up or a deal on a customer: its owner, or a manager. */
  Recorded touch(Caller c, LeadId id, Activity activity) {
    return service.write(
        c,
        "touch",
        "lead " + id,
        b -> {
          Customer cu = customer(b, id);
          if (c.role() == Role.REP && !cu.owner().map(c::is).orElse(false)) {
            throw ApiError.forbidden(
                c.rep().orElseThrow() + " may log activity only on its own customers");
          }
          BookEvent e = b.touch(id, activity, c.bookActor());
          return new Done<>(
              new Recorded("touch", id.value(), seqs(e), e.reason()), 200, e.reason());
        });
  }

  RepView addRep(Caller c, Rep rep, String reason) {
    return service.write(
        c,
        "add-rep",
        "rep " + rep.id(),
        b -> {
          require(c, Role.ADMIN, "change the roster");
          if (b.rep(rep.id()).isPresent()) {
            throw ApiError.conflict(
                "rep " + rep.id() + " is on the roster already (change it with PUT)",
                List.of(new Exclusion("roster", rep.id() + " exists")));
          }
          b.addRep(rep, c.bookActor(), reason);
          return new Done<>(RepView.of(b.rep(rep.id()).orElseThrow()), 201, reason);
        });
  }

  RepView changeRep(Caller c, Rep rep, String reason) {
    return service.write(
        c,
        "change-rep",
        "rep " + rep.id(),
        b -> {
          require(c, Role.ADMIN, "change the roster");
          member(b, rep.id());
          b.changeRep(rep, c.bookActor(), reason);
          return new Done<>(RepView.of(b.rep(rep.id()).orElseThrow()), 200, reason);
        });
  }

  List<Long> removeRep(Caller c, RepId rep, String reason) {
    return service.write(
        c,
        "remove-rep",
        "rep " + rep,
        b -> {
          require(c, Role.ADMIN, "change the roster");
          if (!member(b, rep).active()) {
            throw ApiError.conflict(
                rep + " has left already", List.of(new Exclusion("roster", rep + " left")));
          }
          List<BookEvent> events = b.removeRep(rep, c.bookActor(), reason);
          return new Done<>(seqs(events), 200, reason + " (" + events.size() + " events)");
        });
  }

  List<Long> availability(
      Caller c, RepId rep, LocalDate from, LocalDate to, double share, String reason) {
    return service.write(
        c,
        "availability",
        "rep " + rep,
        b -> {
          require(c, Role.ADMIN, "change the roster");
          member(b, rep);
          BookEvent e = b.setAvailability(rep, from, to, share, c.bookActor(), reason);
          return new Done<>(seqs(e), 200, from + ".." + to + " share " + share + ": " + reason);
        });
  }

  List<Long> distribute(Caller c) {
    return service.write(
        c,
        "distribute",
        "pool",
        b -> {
          require(c, Role.MANAGER, "distribute the pool");
          List<BookEvent> events = b.distribute(c.bookActor());
          return new Done<>(seqs(events), 200, events.size() + " customers placed from the pool");
        });
  }

  List<Long> startDay(Caller c) {
    return service.write(
        c,
        "start-day",
        "book",
        b -> {
          require(c, Role.MANAGER, "start the day");
          List<BookEvent> events = b.startDay(c.bookActor());
          return new Done<>(
              seqs(events), 200, "day " + b.today() + ": " + events.size() + " events");
        });
  }

  /** A stateless allocation answered: audited as a decision that changed no customer. */
  void audited(Caller c, String action, String target, String detail) {
    service.write(c, action, target, b -> new Done<>(null, 200, detail));
  }

  // ------------------------------------------------------------------ reads

  /** Refuses a read and audits the refusal. */
  private ApiError refused(Caller c, String action, String target, ApiError e) {
    service.refuse(c, action, target, e);
    return e;
  }

  CustomerView customer(Caller c, LeadId id) {
    Optional<CustomerView> v =
        service.read(
            b -> {
              Customer cu = customer(b, id);
              if (c.role() == Role.REP && !cu.pooled() && !cu.owner().map(c::is).orElse(false)) {
                return Optional.empty();
              }
              return Optional.of(CustomerView.of(cu));
            });
    return v.orElseThrow(
        () ->
            refused(
                c,
                "read-customer",
                "lead " + id,
                ApiError.forbidden(
                    "a rep reads its own customers and the pool; " + id + " is another rep's")));
  }

  List<CustomerView> customersOf(Caller c, RepId rep) {
    if (c.role() == Role.REP && !c.is(rep)) {
      throw refused(
          c,
          "read-customers",
          "rep " + rep,
          ApiError.forbidden("a rep reads only its own customers, not " + rep + "'s"));
    }
    return service.read(
        b -> {
          member(b, rep);
          return b.ownedBy(rep).stream()
              .map(id -> CustomerView.of(b.customer(id).orElseThrow()))
              .toList();
        });
  }

  List<CustomerView> pool(Caller c, int limit) {
    return service.read(b -> b.pool().stream().limit(limit).map(CustomerView::of).toList());
  }

  List<RepView> roster(Caller c) {
    return service.read(b -> b.roster().stream().map(RepView::of).toList());
  }

  /** Who owns the company of this lead (by the book's entity keys), as the caller may see it. */
  List<Views.MatchView> whoOwns(Caller c, Lead lead) {
    return service.read(b -> b.whoOwns(lead).stream().map(m -> Views.MatchView.of(m, c)).toList());
  }

  /** Whether a rep may take a lead now; a rep asks for itself only. */
  MayTake mayTake(Caller c, RepId rep, Optional<LeadId> id, Optional<Lead> lead) {
    if (c.role() == Role.REP && !c.is(rep)) {
      throw refused(
          c,
          "may-take",
          "rep " + rep,
          ApiError.forbidden(
              "a rep asks whether it may take a lead for itself only, not for " + rep));
    }
    return service.read(
        b -> {
          member(b, rep);
          Lead l = id.isPresent() ? customer(b, id.get()).lead() : lead.orElseThrow();
          Verdict v = b.mayTake(rep, l);
          return new MayTake(
              rep.value(),
              l.id().value(),
              v.allowed(),
              v.exclusions().stream().map(RuleView::of).toList());
        });
  }

  /** The period ledger with each rep's holdings. */
  Map<String, Object> ledger(Caller c) {
    return service.read(
        b -> {
          Ledger ledger = b.ledger();
          List<LedgerLine> lines =
              b.roster().stream()
                  .map(
                      e -> {
                        Ledger.Entry x = ledger.entry(e.rep().id());
                        return new LedgerLine(
                            e.rep().id().value(),
                            e.active(),
                            b.ownedBy(e.rep().id()).size(),
                            x.received(),
                            x.credited());
                      })
                  .toList();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("day", b.today().toString());
          out.put("period", b.lifecycle().period().name().toLowerCase(java.util.Locale.ROOT));
          out.put("periodStart", b.lifecycle().period().start(b.today()).toString());
          out.put("reps", lines);
          return out;
        });
  }

  /**
   * The fairness report of the book as it stands: the metrics, score and proven gaps of who holds
   * what today (the same figures as any allocation's), without the lead-by-lead outcomes.
   */
  String report(Caller c) {
    Problem p = service.read(Book::problem);
    Map<LeadId, RepId> held = new HashMap<>();
    for (Lead l : p.leads()) {
      l.currentOwner().ifPresent(o -> held.put(l.id(), o));
    }
    Allocation a = Baselines.measure(p, held, "book");
    try {
      com.fasterxml.jackson.databind.node.ObjectNode all =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              JsonInput.MAPPER.readTree(FairleadJson.writeAllocation(a, false));
      com.fasterxml.jackson.databind.node.ObjectNode out = JsonInput.MAPPER.createObjectNode();
      out.put("day", service.read(Book::today).toString());
      out.put("customers", p.leads().size());
      out.put("held", held.size());
      for (String f : List.of("score", "metrics", "gaps")) {
        if (all.has(f)) {
          out.set(f, all.get(f));
        }
      }
      return JsonInput.MAPPER.writeValueAsString(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void requireManager(Caller c, String what, BookService s, String action) {
    if (!c.role().atLeast(Role.MANAGER)) {
      ApiError e =
          ApiError.forbidden(
              "a " + c.role().id() + " may not " + what + "; it takes the manager role");
      s.refuse(c, action, "book", e);
      throw e;
    }
  }
}
