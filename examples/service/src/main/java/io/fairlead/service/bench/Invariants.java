package io.fairlead.service.bench;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Change;
import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Rulebook;
import io.fairlead.service.ServiceConfig;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold after a load, checked against an independent replay of the book's log: the replay
 * here keeps its own owners, holdings, period receipts, claims per day and cool-downs from the
 * events' changes, and never asks the library's book. The checks:
 *
 * <ol>
 *   <li><b>acknowledged decisions are in the log</b>: every 2xx answer's events are there, of the
 *       kind, lead and rep the answer gave;
 *   <li><b>no customer held by two reps</b>: each {@code assigned} or {@code claimed} goes to a
 *       customer without an owner (a change of owner otherwise is an explicit {@code moved}, {@code
 *       overridden}, {@code covered}...), each release to one with an owner;
 *   <li><b>every routed lead is in the book once</b>: one {@code added} event for each, and one
 *       place for each customer of the book among the reps' customers and the pool, as the target
 *       reports them; a lead routed to the pool was given a reason;
 *   <li><b>no cap exceeded</b>: whenever a rep received a customer (other than by a manager's
 *       override), its holdings were within its capacity and its new customers of the period within
 *       its new-lead cap, as the policy's {@link Rulebook} defines them for the rep as it was then;
 *       no rep claimed more than the lifecycle's claims a day; no rep got back a customer in its
 *       cool-down;
 *   <li><b>holdings and pool equal the replay</b>;
 *   <li><b>the ledger equals the replay</b>: each rep's holding, received and credited;
 *   <li><b>the audit log accounts for every event</b> (a service only): its lines' event ranges
 *       follow one another and cover the log, each acknowledged decision has its line, and there
 *       are at least as many audited refusals as refusals answered;
 *   <li><b>the logs verify</b>: the target's own verification (chains intact; for a service, its
 *       memory equal to its database).
 * </ol>
 *
 * The workload has no availability spans, so a rep's share is the one it was defined with.
 */
public final class Invariants {

  private Invariants() {}

  /** One rep's line of the period ledger. */
  public record LedgerLine(int holding, int received, double credited) {}

  /** One line of a service's audit log; {@code firstEvent} and {@code lastEvent} may be null. */
  public record AuditLine(
      long id,
      String actor,
      String action,
      String target,
      String outcome,
      int status,
      Long firstEvent,
      Long lastEvent) {}

  /** A target's verification of its logs. */
  public record Verification(boolean intact, boolean memoryMatchesDatabase, String text) {}

  /**
   * What a target says after a load.
   *
   * @param events the book's log, in order
   * @param customers each rep of the roster with the customers it holds
   * @param pool the customers in the pool
   * @param periodStart the first day of the ledger's period
   * @param ledger each rep of the roster with its line of the ledger
   * @param audit the audit log, or null (the book has none)
   * @param verification the target's own verification
   */
  public record Observed(
      List<BookEvent> events,
      Map<String, List<String>> customers,
      List<String> pool,
      LocalDate periodStart,
      Map<String, LedgerLine> ledger,
      List<AuditLine> audit,
      Verification verification) {
    public Observed {
      requireNonNull(events, "events");
      requireNonNull(customers, "customers");
      requireNonNull(pool, "pool");
      requireNonNull(periodStart, "periodStart");
      requireNonNull(ledger, "ledger");
      requireNonNull(verification, "verification");
    }
  }

  /** A check's verdict: its name, whether it holds, and what it saw (or the first problems). */
  public record Check(String name, boolean holds, String detail) {
    @Override
    public String toString() {
      return (holds ? "  holds   " : "  BROKEN  ") + name + ": " + detail;
    }
  }

  /** Whether every check holds. */
  public static boolean allHold(List<Check> checks) {
    return checks.stream().allMatch(Check::holds);
  }

  /**
   * Checks what a load left.
   *
   * @param load the load's acknowledged answers (for a killed service: those before the kill)
   * @param seen what the target says now
   * @param config the service's configuration: its policy, lifecycle and zone
   */
  public static List<Check> check(Workload.Result load, Observed seen, ServiceConfig config) {
    Replay r = new Replay(config);
    for (BookEvent e : seen.events()) {
      r.apply(e);
    }
    List<Check> out = new ArrayList<>();
    out.add(acknowledged(load, seen));
    out.add(
        check(
            "no customer held by two reps",
            r.twoOwners,
            r.changes
                + " changes of owner replayed ("
                + r.fromPool
                + " assigned or claimed from the pool, "
                + r.moves
                + " explicit moves, "
                + r.pooled
                + " back to the pool), each from the owner the customer had"));
    out.add(once(load, seen, r));
    out.add(
        check(
            "no cap exceeded",
            r.overCap,
            r.receipts
                + " receipts checked against capacity and new-lead cap, "
                + r.claims
                + " claims against "
                + config.lifecycle().claimsPerDay()
                + " a day, and the cool-downs; at the end "
                + r.atCapacity()
                + " reps at their capacity and "
                + r.atPeriodCap()
                + " at their new-lead cap"));
    out.add(holdings(seen, r));
    out.add(ledger(seen, r));
    if (seen.audit() != null) {
      out.add(audit(load, seen));
    }
    Verification v = seen.verification();
    out.add(
        new Check(
            "the logs verify",
            v.intact() && v.memoryMatchesDatabase(),
            v.intact() && v.memoryMatchesDatabase() ? seen.events().size() + " events" : v.text()));
    return out;
  }

  private static Check check(String name, List<String> problems, String fine) {
    return problems.isEmpty()
        ? new Check(name, true, fine)
        : new Check(name, false, problems.size() + " problems, e.g. " + first(problems));
  }

  private static String first(List<String> problems) {
    return String.join("; ", problems.subList(0, Math.min(3, problems.size())));
  }

  // ------------------------------------------------------------------ the checks

  private static Check acknowledged(Workload.Result load, Observed seen) {
    List<String> problems = new ArrayList<>();
    List<BookEvent> log = seen.events();
    int events = 0;
    for (Workload.Ack a : load.acks()) {
      long[] ev = a.answer().events();
      events += ev.length;
      String what = a.op().id() + " " + a.lead();
      boolean lost = false;
      for (long s : ev) {
        if (s < 1 || s > log.size()) {
          problems.add(what + ": its event " + s + " is not in the log of " + log.size());
          lost = true;
        }
      }
      if (lost) {
        continue;
      }
      switch (a.op()) {
        case ROUTE -> {
          if ("repeat".equals(a.answer().outcome())) {
            expect(problems, what, ev.length == 0, "a repeat recorded events");
          } else if ("added".equals(a.answer().outcome())) {
            String owner = a.answer().owner();
            expect(problems, what, ev.length == (owner == null ? 1 : 2), "events " + ev.length);
            if (ev.length >= 1) {
              BookEvent e = log.get((int) ev[0] - 1);
              expect(
                  problems,
                  what,
                  e.change() instanceof Change.LeadAdded x
                      && x.lead().id().value().equals(a.lead()),
                  "event " + ev[0] + " is " + e.kind().id() + ", not its addition");
            }
            if (owner != null && ev.length == 2) {
              expectOwned(problems, what, log.get((int) ev[1] - 1), BookEvent.Kind.ASSIGNED, owner);
            }
          } else {
            problems.add(what + ": outcome " + a.answer().outcome());
          }
        }
        case CLAIM -> {
          expect(problems, what, ev.length == 1, "events " + ev.length);
          if (ev.length == 1) {
            expectOwned(
                problems,
                what,
                log.get((int) ev[0] - 1),
                BookEvent.Kind.CLAIMED,
                Workload.repId(a.rep()));
          }
        }
        case RELEASE -> {
          expect(problems, what, ev.length == 1, "events " + ev.length);
          if (ev.length == 1) {
            BookEvent e = log.get((int) ev[0] - 1);
            expect(
                problems,
                what,
                e.kind() == BookEvent.Kind.RELEASED
                    && ((Change.Pooled) e.change()).lead().value().equals(a.lead()),
                "event " + ev[0] + " is " + e.kind().id() + " " + e.change());
          }
        }
        default -> throw new AssertionError(a.op());
      }
    }
    return check(
        "acknowledged decisions are in the log",
        problems,
        load.acks().size()
            + " acknowledged answers, their "
            + events
            + " events in the log of "
            + log.size()
            + " as answered");
  }

  private static void expect(List<String> problems, String what, boolean ok, String otherwise) {
    if (!ok) {
      problems.add(what + ": " + otherwise);
    }
  }

  private static void expectOwned(
      List<String> problems, String what, BookEvent e, BookEvent.Kind kind, String rep) {
    boolean ok =
        e.kind() == kind
            && e.change() instanceof Change.Owned o
            && o.to().value().equals(rep)
            && what.endsWith(" " + o.lead().value());
    expect(problems, what, ok, "event " + e.seq() + " is " + e.kind().id() + " " + e.change());
  }

  private static Check once(Workload.Result load, Observed seen, Replay r) {
    List<String> problems = new ArrayList<>();
    int routed = 0;
    int toPool = 0;
    for (Workload.Ack a : load.acks()) {
      if (a.op() != Workload.Op.ROUTE || !"added".equals(a.answer().outcome())) {
        continue;
      }
      routed++;
      int n = r.added.getOrDefault(a.lead(), 0);
      if (n != 1) {
        problems.add("lead " + a.lead() + " was added " + n + " times");
      }
      if (a.answer().owner() == null) {
        toPool++;
        String why = a.answer().reason();
        if (why == null || why.isBlank()) {
          problems.add("lead " + a.lead() + " went to the pool without a reason");
        }
      }
    }
    r.added.forEach(
        (lead, n) -> {
          if (n != 1) {
            problems.add("lead " + lead + " was added " + n + " times");
          }
        });
    Map<String, Integer> places = new HashMap<>();
    seen.customers().values().forEach(l -> l.forEach(c -> places.merge(c, 1, Integer::sum)));
    seen.pool().forEach(c -> places.merge(c, 1, Integer::sum));
    for (String c : r.inBook) {
      int n = places.getOrDefault(c, 0);
      if (n != 1) {
        problems.add("customer " + c + " is in " + n + " places (reps' customers and the pool)");
      }
    }
    for (String c : places.keySet()) {
      if (!r.inBook.contains(c)) {
        problems.add("customer " + c + " is shown but its log has no addition");
      }
    }
    return check(
        "every routed lead is in the book once",
        problems,
        routed
            + " leads routed ("
            + toPool
            + " to the pool, with the reason why), "
            + r.inBook.size()
            + " customers in the book, each in one place");
  }

  private static Check holdings(Observed seen, Replay r) {
    List<String> problems = new ArrayList<>();
    Set<String> reps = new TreeSet<>(seen.customers().keySet());
    reps.addAll(r.reps.keySet());
    int held = 0;
    for (String rep : reps) {
      Set<String> mine = new HashSet<>(seen.customers().getOrDefault(rep, List.of()));
      Set<String> replayed = r.holdings.getOrDefault(rep, Set.of());
      held += replayed.size();
      if (!mine.equals(replayed)) {
        problems.add(rep + " holds " + mine.size() + " customers, the replay " + replayed.size());
      }
    }
    Set<String> pool = new HashSet<>(r.inBook);
    pool.removeAll(r.owner.keySet());
    if (!pool.equals(new HashSet<>(seen.pool()))) {
      problems.add("the pool has " + seen.pool().size() + " customers, the replay " + pool.size());
    }
    return check(
        "holdings and pool equal the replay",
        problems,
        reps.size() + " reps holding " + held + " customers, " + pool.size() + " in the pool");
  }

  private static Check ledger(Observed seen, Replay r) {
    List<String> problems = new ArrayList<>();
    boolean samePeriod = seen.periodStart().equals(r.periodStart);
    int received = 0;
    for (Map.Entry<String, LedgerLine> e : seen.ledger().entrySet()) {
      String rep = e.getKey();
      LedgerLine l = e.getValue();
      boolean counts = samePeriod && r.active.contains(rep);
      int got = counts ? r.received.getOrDefault(rep, 0) : 0;
      double credited = counts ? got + r.adjust.getOrDefault(rep, 0.0) : 0;
      int holding = r.holdings.getOrDefault(rep, Set.of()).size();
      received += got;
      if (l.holding() != holding
          || l.received() != got
          || Math.abs(l.credited() - credited) > 1e-9) {
        problems.add(rep + " " + l + ", the replay " + new LedgerLine(holding, got, credited));
      }
    }
    if (!seen.ledger().keySet().equals(r.reps.keySet())) {
      problems.add("the ledger's reps are not the roster's: " + seen.ledger().keySet().size());
    }
    return check(
        "the ledger equals the replay",
        problems,
        seen.ledger().size()
            + " reps' holding, received and credited; "
            + received
            + " new customers this period");
  }

  private static Check audit(Workload.Result load, Observed seen) {
    List<String> problems = new ArrayList<>();
    List<AuditLine> audit = seen.audit();
    Map<Long, AuditLine> byFirst = new HashMap<>();
    long next = 1;
    int refusals = 0;
    for (int i = 0; i < audit.size(); i++) {
      AuditLine a = audit.get(i);
      if (a.id() != i + 1) {
        problems.add("audit line " + (i + 1) + " has id " + a.id());
      }
      if ("refused".equals(a.outcome())) {
        refusals++;
      }
      if (a.firstEvent() == null) {
        continue;
      }
      if (a.firstEvent() != next || a.lastEvent() == null || a.lastEvent() < a.firstEvent()) {
        problems.add(
            "audit line "
                + a.id()
                + " records events "
                + a.firstEvent()
                + ".."
                + a.lastEvent()
                + ", expected from "
                + next);
      } else {
        next = a.lastEvent() + 1;
      }
      byFirst.put(a.firstEvent(), a);
    }
    if (next != seen.events().size() + 1) {
      problems.add(
          "the audit log accounts for events up to " + (next - 1) + " of " + seen.events().size());
    }
    int decisions = 0;
    for (Workload.Ack k : load.acks()) {
      long[] ev = k.answer().events();
      if (ev.length == 0) {
        continue;
      }
      decisions++;
      AuditLine a = byFirst.get(ev[0]);
      if (a == null
          || a.lastEvent() != ev[ev.length - 1]
          || !a.action().equals(k.op().id())
          || a.status() != k.answer().status()) {
        problems.add(k.op().id() + " " + k.lead() + " (events " + ev[0] + "..): audit line " + a);
      }
    }
    if (refusals < load.refused()) {
      problems.add(load.refused() + " refusals answered, " + refusals + " audited");
    }
    return check(
        "the audit log accounts for every event",
        problems,
        audit.size()
            + " audit lines cover events 1.."
            + (next - 1)
            + "; the lines of "
            + decisions
            + " acknowledged decisions match them; "
            + refusals
            + " refusals audited ("
            + load.refused()
            + " answered)");
  }

  // ------------------------------------------------------------------ the replay

  /** Owners, holdings and the period's receipts, from the events' changes alone. */
  private static final class Replay {
    final Rulebook rules;
    final Lifecycle lifecycle;
    final ZoneId zone;

    final Map<String, Rep> reps = new LinkedHashMap<>();
    final Set<String> active = new HashSet<>();
    final Set<String> inBook = new LinkedHashSet<>();
    final Map<String, Integer> added = new HashMap<>();
    final Map<String, String> owner = new HashMap<>();
    final Map<String, Set<String>> holdings = new HashMap<>();
    final Map<String, Map<String, LocalDate>> coolDown = new HashMap<>();
    final Map<String, Integer> received = new HashMap<>();
    final Map<String, Double> adjust = new HashMap<>();
    final Map<String, Integer> claimsToday = new HashMap<>();
    LocalDate periodStart = LocalDate.MIN;
    LocalDate claimDay = LocalDate.MIN;

    final List<String> twoOwners = new ArrayList<>();
    final List<String> overCap = new ArrayList<>();
    int changes;
    int fromPool;
    int moves;
    int pooled;
    int receipts;
    int claims;

    Replay(ServiceConfig config) {
      this.rules = config.policy().rulebook();
      this.lifecycle = config.lifecycle();
      this.zone = config.zone();
    }

    void apply(BookEvent e) {
      LocalDate day = LocalDate.ofInstant(e.at(), zone);
      Change c = e.change();
      if (c instanceof Change.RepJoined x) {
        reps.put(x.rep().id().value(), x.rep());
        active.add(x.rep().id().value());
      } else if (c instanceof Change.RepChanged x) {
        reps.put(x.rep().id().value(), x.rep());
      } else if (c instanceof Change.RepLeft x) {
        active.remove(x.rep().value());
      } else if (c instanceof Change.LeadAdded x) {
        String id = x.lead().id().value();
        added.merge(id, 1, Integer::sum);
        inBook.add(id);
      } else if (c instanceof Change.Merged x) {
        added.merge(x.duplicate().id().value(), 1, Integer::sum);
      } else if (c instanceof Change.Removed x) {
        disown(x.lead().value());
        inBook.remove(x.lead().value());
      } else if (c instanceof Change.Owned x) {
        owned(e, x, day);
      } else if (c instanceof Change.Pooled x) {
        String lead = x.lead().value();
        String from = owner.get(lead);
        if (from == null) {
          twoOwners.add("event " + e.seq() + " " + e.kind().id() + " of " + lead + " in the pool");
          return;
        }
        pooled++;
        disown(lead);
        coolDown
            .computeIfAbsent(lead, k -> new HashMap<>())
            .merge(from, x.coolDownUntil(), (a, b) -> a.isAfter(b) ? a : b);
      } else if (c instanceof Change.Calibrated x) {
        period(day);
        String rep = x.rep().value();
        adjust.put(rep, x.credited() - received.getOrDefault(rep, 0));
      }
    }

    private void owned(BookEvent e, Change.Owned x, LocalDate day) {
      String lead = x.lead().value();
      String to = x.to().value();
      String from = owner.get(lead);
      BookEvent.Kind k = e.kind();
      if (k == BookEvent.Kind.ASSIGNED || k == BookEvent.Kind.CLAIMED) {
        if (from != null) {
          twoOwners.add(
              "event "
                  + e.seq()
                  + " "
                  + k.id()
                  + " "
                  + lead
                  + " to "
                  + to
                  + " while "
                  + from
                  + " held it");
          return;
        }
        fromPool++;
      } else if (k != BookEvent.Kind.KEPT) {
        moves++;
      }
      if (to.equals(from)) {
        return;
      }
      changes++;
      LocalDate until = coolDown.getOrDefault(lead, Map.of()).get(to);
      if (until != null && day.isBefore(until)) {
        overCap.add(
            "event "
                + e.seq()
                + ": "
                + to
                + " got "
                + lead
                + " back in its cool-down (to "
                + until
                + ")");
      }
      disown(lead);
      owner.put(lead, to);
      holdings.computeIfAbsent(to, r -> new HashSet<>()).add(lead);
      boolean receipt = k != BookEvent.Kind.COVERED && k != BookEvent.Kind.HANDED_BACK;
      if (receipt) {
        period(day);
        received.merge(to, 1, Integer::sum);
      }
      Rep rep = reps.get(to);
      if (rep != null && k != BookEvent.Kind.OVERRIDDEN) {
        receipts++;
        long held = (long) holdings.get(to).size() + rep.heldOutside();
        if (held > rules.holdingCap(rep)) {
          overCap.add(
              "event "
                  + e.seq()
                  + ": "
                  + to
                  + " holds "
                  + held
                  + ", capacity "
                  + rules.holdingCap(rep));
        }
        if (receipt && received.get(to) > rules.periodCap(rep)) {
          overCap.add(
              "event "
                  + e.seq()
                  + ": "
                  + to
                  + " received "
                  + received.get(to)
                  + " this period, new-lead cap "
                  + rules.periodCap(rep));
        }
      }
      if (k == BookEvent.Kind.CLAIMED) {
        claims++;
        if (!day.equals(claimDay)) {
          claimsToday.clear();
          claimDay = day;
        }
        int n = claimsToday.merge(to, 1, Integer::sum);
        if (n > lifecycle.claimsPerDay()) {
          overCap.add(
              "event "
                  + e.seq()
                  + ": "
                  + to
                  + " claimed "
                  + n
                  + " on "
                  + day
                  + ", at most "
                  + lifecycle.claimsPerDay());
        }
      }
    }

    private void period(LocalDate day) {
      LocalDate start = lifecycle.period().start(day);
      if (!start.equals(periodStart)) {
        received.clear();
        adjust.clear();
        periodStart = start;
      }
    }

    private void disown(String lead) {
      String from = owner.remove(lead);
      if (from != null) {
        holdings.get(from).remove(lead);
      }
    }

    long atCapacity() {
      return reps.values().stream()
          .filter(
              r -> holdings.getOrDefault(r.id().value(), Set.of()).size() >= rules.holdingCap(r))
          .count();
    }

    long atPeriodCap() {
      return reps.values().stream()
          .filter(r -> received.getOrDefault(r.id().value(), 0) >= rules.periodCap(r))
          .count();
    }
  }
}
