package io.fairlead.core.book;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.identity.EntityKey;
import io.fairlead.core.identity.EntityKeys;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Verdict;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.rebalance.Move;
import io.fairlead.core.rebalance.Rebalance;
import io.fairlead.core.rebalance.Rebalancer;
import io.fairlead.core.rebalance.TradeOffCurve;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouteDecision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team's book over time: who owns which customer since when, and the append-only log of every
 * event that made it so. The batch, the router and the pool read it and write it; nothing leaves it
 * except by a recorded event, and no customer ever has two owners.
 *
 * <pre>{@code
 * Book book = Book.builder(policy).lifecycle(lifecycle).clock(clock).build();
 * book.addRep(ana, "manager:lee", "joins the East team");
 * book.add(lead, "crm", "web form");          // into the pool, or merged into the customer it is
 * book.route(webLead, "webhook");              // placed at once, as the router would
 * book.distribute("batch");                    // the pool, by the policy (never into a cool-down)
 * book.claim(RepId.of("ana"), LeadId.of("c9")); // a rep takes one from the pool, if the rules let it
 * book.startDay("nightly");                    // catch-up, hand-backs, covers, warnings, reclaims
 * book.rebalance(book.rebalancer().maxMovesShare(0.02).build(), "weekly");
 * String json = FairleadJson.writeBook(book);
 * }</pre>
 *
 * <p><b>The log.</b> Every change is a {@link BookEvent} with its time (from the book's {@link
 * Clock}, never the wall), actor, reason and the rule or policy that decided it. Replaying the log
 * ({@link #replay}) rebuilds the book exactly. Each event carries the hash of the one before, so
 * {@link #verify()} finds an event that was edited, inserted or removed afterwards.
 *
 * <p><b>Rules.</b> Who may own what is the policy's {@link io.fairlead.core.policy.Rulebook}, here
 * with one more rule, {@code custom:cool-down} (a rep does not get back a customer it gave up
 * within the {@link Lifecycle#coolDownDays() cool-down}). When ownership ends and how it passes on
 * is the {@link Lifecycle}: claims, reclaims, conflicts, departures, covers.
 *
 * <p>Thread-safe: every method runs under one lock, so events are numbered in the order they
 * happen. The clock should not go back; if it does, events take the time of the one before.
 *
 * @since 0.1.0
 */
public final class Book {

  /** The rule id of the cool-down, as the rulebook's explanations show it. */
  public static final String COOL_DOWN = "cool-down";

  private final Object lock = new Object();
  private final Policy policy;
  private final Lifecycle lifecycle;
  private final Clock clock;
  private final EntityKeys keys;
  private final Allocator allocator;
  private final BookState state;
  private final List<BookEvent> log = new ArrayList<>();

  private Book(Builder b) {
    this.policy = b.policy;
    this.lifecycle = b.lifecycle;
    this.clock = b.clock;
    this.keys = b.keys;
    this.allocator = b.allocator;
    this.state = new BookState(clock.getZone(), lifecycle.period(), keys);
    for (Tier t : lifecycle.reclaim().keySet()) {
      checkArgument(
          policy.tiers().contains(t),
          "lifecycle: reclaim names tier '%s', which is not in the policy's tier scheme %s",
          t,
          policy.tiers().tiers());
    }
    for (Tier t : lifecycle.conflicts().protectedTiers()) {
      checkArgument(
          policy.tiers().contains(t),
          "lifecycle: conflicts protect tier '%s', which is not in the policy's tier scheme %s",
          t,
          policy.tiers().tiers());
    }
  }

  /** Returns a builder for an empty book under the policy. */
  public static Builder builder(Policy policy) {
    return new Builder(requireNonNull(policy, "policy"));
  }

  /**
   * Rebuilds a book from its log: applies every event in order, as it was recorded.
   *
   * @param events the log, from event 1
   * @param builder the book's policy, lifecycle, clock, keys and allocator (the clock's zone must
   *     be the one the log was written in, for its days)
   * @throws IllegalArgumentException naming the first event that does not follow from the ones
   *     before (a number out of order, a broken chain, a change the book refuses)
   */
  public static Book replay(Collection<BookEvent> events, Builder builder) {
    Book book = builder.build();
    for (BookEvent e : events) {
      try {
        book.checkAgainstPolicy(e.change());
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException(
            "book event "
                + e.seq()
                + " ("
                + e.kind().id()
                + " by "
                + e.actor()
                + "): "
                + x.getMessage(),
            x);
      }
      book.state.apply(e);
      book.log.add(e);
    }
    return book;
  }

  /** Fails for a rep or lead the policy cannot take: a tier it does not know. */
  private void checkAgainstPolicy(Change c) {
    if (c instanceof Change.RepJoined x) {
      checkTiers(x.rep());
    } else if (c instanceof Change.RepChanged x) {
      checkTiers(x.rep());
    } else if (c instanceof Change.LeadAdded x) {
      policy.tierOf(x.lead());
    } else if (c instanceof Change.LeadUpdated x) {
      policy.tierOf(x.lead());
    } else if (c instanceof Change.Merged x) {
      policy.tierOf(x.duplicate());
    }
  }

  // ---------------------------------------------------------------- reads

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /** The lifecycle rules. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The book's clock. */
  public Clock clock() {
    return clock;
  }

  /** The day it is on the book's clock, in its zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The log, oldest first (a copy). */
  public List<BookEvent> events() {
    synchronized (lock) {
      return List.copyOf(log);
    }
  }

  /** The events after number {@code seq}, oldest first. */
  public List<BookEvent> eventsAfter(long seq) {
    synchronized (lock) {
      int from = (int) Math.max(0, Math.min(seq, log.size()));
      return List.copyOf(log.subList(from, log.size()));
    }
  }

  /** Every customer, in the order they entered the book. */
  public List<Customer> customers() {
    synchronized (lock) {
      return state.customers();
    }
  }

  /** A customer, if it is in the book. */
  public Optional<Customer> customer(LeadId lead) {
    synchronized (lock) {
      return state.customer(lead);
    }
  }

  /** The customers in the pool (without an owner), in the order they entered the book. */
  public List<Customer> pool() {
    synchronized (lock) {
      return state.customers().stream().filter(Customer::pooled).toList();
    }
  }

  /** Every rep that ever joined, in the order they first joined. */
  public List<RosterEntry> roster() {
    synchronized (lock) {
      return state.roster();
    }
  }

  /** A rep's entry, if it ever joined. */
  public Optional<RosterEntry> rep(RepId rep) {
    synchronized (lock) {
      return state.member(rep);
    }
  }

  /** The customers a rep owns, in the order it got them. */
  public List<LeadId> ownedBy(RepId rep) {
    synchronized (lock) {
      return state.ownedBy(rep);
    }
  }

  /**
   * The ledger of the current period (see {@link Lifecycle#period()}): what each rep on the team
   * received and is credited, catch-up included. What the book's problems carry, so a nightly batch
   * and the book's router go on from what earlier days gave.
   */
  public Ledger ledger() {
    synchronized (lock) {
      return ledger(Set.of());
    }
  }

  private Ledger ledger(Set<RepId> leaving) {
    LocalDate today = today();
    List<Ledger.Entry> entries = new ArrayList<>();
    for (RosterEntry m : state.roster()) {
      RepId r = m.rep().id();
      if (m.active() && !leaving.contains(r)) {
        int got = state.received(r, today);
        double credited = state.credited(r, today);
        if (got > 0 || credited > 0) {
          entries.add(new Ledger.Entry(r, got, credited));
        }
      }
    }
    return Ledger.of(entries);
  }

  /** The new customers the rep received in the current ledger period. */
  public int receivedThisPeriod(RepId rep) {
    synchronized (lock) {
      return state.received(rep, today());
    }
  }

  /**
   * Who owns the customer with this id: its owner, or that of the customer it was merged into.
   * Empty if it is in the pool or not in the book.
   */
  public Optional<RepId> ownerOf(LeadId lead) {
    synchronized (lock) {
      return state.ownerOf(state.mergedInto(lead).orElse(lead));
    }
  }

  /** A lead that was merged into a customer as its duplicate, as it came. */
  public Optional<Lead> duplicate(LeadId lead) {
    synchronized (lock) {
      return state.duplicate(lead);
    }
  }

  /**
   * Who owns this company: the customers of the book the lead shares entity keys with, each with
   * its owner and the keys, in the order they entered the book. Empty: nobody has it.
   */
  public List<Intake.Match> whoOwns(Lead lead) {
    requireNonNull(lead, "lead");
    synchronized (lock) {
      return matches(lead);
    }
  }

  private List<Intake.Match> matches(Lead lead) {
    List<Intake.Match> out = new ArrayList<>();
    for (Map.Entry<LeadId, Set<EntityKey>> m : state.matches(lead).entrySet()) {
      out.add(new Intake.Match(m.getKey(), state.ownerOf(m.getKey()), m.getValue()));
    }
    return out;
  }

  /**
   * Checks the log: recomputes every event's hash from its content and the hash before it.
   *
   * @return intact, or the first event that was changed, inserted or removed
   */
  public Verification verify() {
    synchronized (lock) {
      return verify(log);
    }
  }

  static Verification verify(List<BookEvent> log) {
    String previous = "";
    long expected = 1;
    for (BookEvent e : log) {
      if (e.seq() != expected) {
        return Verification.broken(
            expected, "event " + expected + " is missing (found " + e.seq() + ")", head(log));
      }
      if (!e.previousHash().equals(previous)) {
        return Verification.broken(
            e.seq(), "its previousHash is not the hash of the event before", head(log));
      }
      String hash = Canonical.hash(e);
      if (!hash.equals(e.hash())) {
        return Verification.broken(
            e.seq(), "its content does not match its hash: it was edited", head(log));
      }
      previous = e.hash();
      expected++;
    }
    return Verification.ok(head(log));
  }

  private static String head(List<BookEvent> log) {
    return log.isEmpty() ? "" : log.get(log.size() - 1).hash();
  }

  // ---------------------------------------------------------------- the one write

  BookState state() {
    return state;
  }

  /** {@link #whoOwns} for a caller that holds the lock. */
  List<Intake.Match> whoOwnsLocked(Lead lead) {
    return matches(lead);
  }

  /** Records an event: numbers, times and chains it, checks it against the book, appends it. */
  BookEvent record(BookEvent.Kind kind, Change change, String actor, String reason, String rule) {
    checkText(actor, "actor");
    checkText(reason, "reason");
    checkText(rule, "rule");
    Instant now = clock.instant();
    Instant at = now.isBefore(state.lastAt()) ? state.lastAt() : now;
    BookEvent draft =
        new BookEvent(state.seq() + 1, at, kind, change, actor, reason, rule, state.lastHash(), "");
    BookEvent e =
        new BookEvent(
            draft.seq(),
            at,
            kind,
            change,
            actor,
            reason,
            rule,
            draft.previousHash(),
            Canonical.hash(draft));
    state.apply(e);
    log.add(e);
    return e;
  }

  private static void checkText(String value, String what) {
    checkArgument(value != null && !value.isBlank(), "book: %s must not be blank", what);
    checkArgument(
        value.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF),
        "book: %s must be well-formed text (it holds a lone surrogate)",
        what);
  }

  // ---------------------------------------------------------------- the roster

  /** A rep joins the team (or rejoins it after leaving). */
  public BookEvent addRep(Rep rep, String actor, String reason) {
    requireNonNull(rep, "rep");
    checkTiers(rep);
    synchronized (lock) {
      BookEvent e =
          record(BookEvent.Kind.REP_JOINED, new Change.RepJoined(rep), actor, reason, "roster");
      calibrate(rep.id(), "joins the team", actor);
      return e;
    }
  }

  /** A rep's definition changes: territory, capacity, weight, share of full time. */
  public BookEvent changeRep(Rep rep, String actor, String reason) {
    requireNonNull(rep, "rep");
    checkTiers(rep);
    synchronized (lock) {
      double before = weightOn(rep.id(), today());
      BookEvent e =
          record(BookEvent.Kind.REP_CHANGED, new Change.RepChanged(rep), actor, reason, "roster");
      if (weightOn(rep.id(), today()) > before) {
        calibrate(rep.id(), "now has a larger share of new leads", actor);
      }
      return e;
    }
  }

  /** The rep's effective weight for new leads on a day: 0 if it takes none (leave, left). */
  private double weightOn(RepId rep, LocalDate day) {
    Optional<RosterEntry> m = state.member(rep).filter(RosterEntry::active);
    if (m.isEmpty()) {
      return 0;
    }
    Rep r = m.get().repOn(day);
    return policy.rulebook().takesNew(r) ? policy.effectiveWeight(r) : 0;
  }

  /**
   * Applies the policy's catch-up to a rep that starts taking new leads (joins, comes back, works
   * more): its credit is raised to the team's level less what the policy lets it catch up, never
   * lowered ({@link io.fairlead.core.policy.CatchUp#calibrate}); records the change, if any.
   */
  private void calibrate(RepId rep, String why, String actor) {
    LocalDate today = today();
    double w = weightOn(rep, today);
    if (w == 0) {
      return;
    }
    double othersCredited = 0;
    double othersWeight = 0;
    for (RosterEntry m : state.roster()) {
      RepId o = m.rep().id();
      double ow = o.equals(rep) ? 0 : weightOn(o, today);
      if (ow > 0) {
        othersCredited += state.credited(o, today);
        othersWeight += ow;
      }
    }
    double before = state.credited(rep, today);
    double after = policy.catchUp().calibrate(before, w, othersCredited, othersWeight);
    if (after <= before) {
      return;
    }
    double level = othersWeight == 0 ? 0 : w * othersCredited / othersWeight;
    record(
        BookEvent.Kind.CALIBRATED,
        new Change.Calibrated(rep, after),
        actor,
        String.format(
            java.util.Locale.ROOT,
            "%s %s: the ledger credits it %.2f leads this period (it had %.2f; the team's level"
                + " is %.2f, catch-up %s)",
            rep,
            why,
            after,
            before,
            level,
            policy.catchUp()),
        "ledger:catch-up");
  }

  private void checkTiers(Rep rep) {
    for (Tier t : rep.allowedTiers()) {
      checkArgument(
          policy.tiers().contains(t),
          "rep %s: allowedTiers names tier '%s', which is not in the policy's tier scheme %s",
          rep.id(),
          t,
          policy.tiers().tiers());
    }
  }

  /**
   * Sets a rep's calendar for some days: {@code share} 0 is leave, between 0 and 1 part time or
   * ramping up (e.g. 0.5 for a new hire's first month), 1 full time. A later span wins on the days
   * it covers.
   */
  public BookEvent setAvailability(
      RepId rep, LocalDate from, LocalDate to, double share, String actor, String reason) {
    Change.Availability c = new Change.Availability(rep, from, to, share);
    checkArgument(
        ChronoUnit.DAYS.between(from, to) < Lifecycle.MAX_DAYS,
        "rep %s: an availability span is at most %s days",
        rep,
        Lifecycle.MAX_DAYS);
    synchronized (lock) {
      return record(BookEvent.Kind.AVAILABILITY, c, actor, reason, "calendar");
    }
  }

  /**
   * A rep leaves the team. Its customers are never grabbed: by the lifecycle's {@link
   * Lifecycle#departure() departure} rule they are redistributed by the policy (those nobody may
   * take go to the pool) or pooled; customers it covered for others go the same way. Pins on them
   * are lifted first, since their owner is gone. Then the rep leaves.
   *
   * @return the events, in order
   */
  public List<BookEvent> removeRep(RepId rep, String actor, String reason) {
    requireNonNull(rep, "rep");
    synchronized (lock) {
      checkArgument(state.active(rep), "removeRep: rep %s is not on the roster", rep);
      List<BookEvent> out = new ArrayList<>();
      List<LeadId> mine = new ArrayList<>(state.ownedBy(rep));
      for (Customer c : state.customers()) {
        if (c.coveredFor().filter(rep::equals).isPresent()) {
          mine.add(c.id()); // covered for it: its cover keeps it only if the policy says so
        }
      }
      String why = rep + " left the team (" + reason + ")";
      for (LeadId id : mine) {
        Customer c = state.customer(id).orElseThrow();
        if (c.pinned()) {
          out.add(
              record(
                  BookEvent.Kind.UNPINNED,
                  new Change.Unpinned(id),
                  actor,
                  why + "; the pin of " + c.pinnedBy().orElseThrow() + " no longer holds",
                  "departure"));
          c = state.customer(id).orElseThrow(); // now locked only if the host locked it
        }
        if (c.lead().locked()) {
          out.add(
              record(
                  BookEvent.Kind.UPDATED,
                  new Change.LeadUpdated(
                      c.lead().toBuilder().locked(false).clearCurrentOwner().build()),
                  actor,
                  why + "; its lock to " + rep + " no longer holds",
                  "departure"));
        }
      }
      if (lifecycle.departure() == Lifecycle.Departure.REDISTRIBUTE) {
        out.addAll(redistribute(mine, Set.of(rep), actor, why, "departure"));
      }
      LocalDate today = today();
      for (LeadId id : mine) {
        Customer c = state.customer(id).orElseThrow();
        if (c.owner().filter(rep::equals).isPresent() || c.coveredFor().isPresent()) {
          out.add(
              record(
                  BookEvent.Kind.ORPHANED,
                  new Change.Pooled(id, today),
                  actor,
                  why
                      + (lifecycle.departure() == Lifecycle.Departure.POOL
                          ? "; the lifecycle puts its customers in the pool"
                          : "; no other rep may take it now"),
                  "departure"));
        }
      }
      out.add(record(BookEvent.Kind.REP_LEFT, new Change.RepLeft(rep), actor, reason, "roster"));
      return out;
    }
  }

  // ---------------------------------------------------------------- customers

  /**
   * A lead comes in. If its id is in the book already it is a repeat and nothing changes. If it is
   * the same company as a customer of the book (they share an entity key), it is merged into that
   * customer and the lifecycle's {@link Lifecycle#conflicts() conflict rule} decides who owns it.
   * Otherwise it is added: to the pool, or to its {@code currentOwner} (a rep's own lead, or an
   * import of an existing book) when it has one.
   */
  public Intake add(Lead lead, String actor, String reason) {
    requireNonNull(lead, "lead");
    policy.tierOf(lead); // fails for a tier the policy does not know
    synchronized (lock) {
      return new Conflicts(this).intake(lead, actor, reason);
    }
  }

  /**
   * A lead arrives and is placed at once, as the router places it: it comes in as by {@link #add}
   * (a repeat, a duplicate merged by the conflict rule, or a new customer), and a new customer
   * without an owner goes to the rep the {@link LeadRouter} picks under the book's policy, ledger
   * and cool-downs, {@code assigned} with the router's explanation; if no rep may take it, it stays
   * in the pool with the router's reason.
   *
   * <p>The book keeps one router in step with itself: a run of routed leads with nothing else in
   * between costs microseconds each; any other change of owners, roster or day makes the next call
   * rebuild the router from the book.
   */
  public Intake route(Lead lead, String actor) {
    requireNonNull(lead, "lead");
    policy.tierOf(lead);
    synchronized (lock) {
      Intake in = new Conflicts(this).intake(lead, actor, "arrived");
      if (in.outcome() != Intake.Outcome.ADDED || in.owner().isPresent()) {
        return in;
      }
      LeadRouter r = router(in.events().size());
      Customer c = state.customer(in.customer()).orElseThrow();
      RouteDecision d = r.route(c.lead());
      List<BookEvent> events = new ArrayList<>(in.events());
      if (d.rep().isPresent()) {
        events.add(
            record(
                BookEvent.Kind.ASSIGNED,
                new Change.Owned(c.id(), d.rep().get()),
                actor,
                d.explanation(),
                "router"));
      }
      routerSeq = state.seq();
      return new Intake(
          in.lead(), in.outcome(), in.customer(), d.rep(), in.matches(), d.explanation(), events);
    }
  }

  // The router the book keeps in step: valid while the log is at routerSeq and the day routerDay.
  private LeadRouter router;
  private long routerSeq = -1;
  private LocalDate routerDay;

  /**
   * The book's router, rebuilt unless the only events since it was last in step are the {@code
   * recent} ones just recorded for the lead about to be routed.
   */
  private LeadRouter router(int recent) {
    LocalDate today = today();
    if (router == null || routerSeq != state.seq() - recent || !today.equals(routerDay)) {
      Problem p = problem();
      List<Lead> owned = p.leads().stream().filter(l -> l.currentOwner().isPresent()).toList();
      LeadRouter.Builder b =
          LeadRouter.builder(p.policy()).roster(p.reps()).book(owned).ledger(p.ledger());
      router = b.build();
      routerDay = today;
    }
    return router;
  }

  /** Adds leads in order (see {@link #add}); duplicates among them are merged, never dropped. */
  public List<Intake> addAll(Collection<Lead> leads, String actor, String reason) {
    List<Intake> out = new ArrayList<>(leads.size());
    for (Lead l : leads) {
      out.add(add(l, actor, reason));
    }
    return out;
  }

  /** A customer's record changes (value, tier, attributes...); its owner does not. */
  public BookEvent update(Lead lead, String actor, String reason) {
    requireNonNull(lead, "lead");
    policy.tierOf(lead);
    synchronized (lock) {
      return record(BookEvent.Kind.UPDATED, new Change.LeadUpdated(lead), actor, reason, "crm");
    }
  }

  /** A customer is worked (a follow-up or a deal): it protects the customer from reclaiming. */
  public BookEvent touch(LeadId lead, Activity activity, String actor) {
    synchronized (lock) {
      return record(
          BookEvent.Kind.TOUCHED,
          new Change.Touched(lead, activity),
          actor,
          activity == Activity.DEAL ? "a deal" : "a follow-up",
          "activity");
    }
  }

  /** A customer leaves the book (won and handed over, lost, deleted). */
  public BookEvent remove(LeadId lead, String actor, String reason) {
    synchronized (lock) {
      return record(BookEvent.Kind.REMOVED, new Change.Removed(lead), actor, reason, "crm");
    }
  }

  // ---------------------------------------------------------------- ownership

  /**
   * Whether a rep may take a lead now, and every reason it may not: the rulebook's rules with the
   * rep's holdings and this period's new customers, the cool-down, and for a customer of the book,
   * whether it is free (in the pool) or owned by another rep, and the claim limit. For a lead not
   * in the book, the customers it duplicates decide by the conflict rule.
   */
  public Verdict mayTake(RepId rep, Lead lead) {
    requireNonNull(rep, "rep");
    requireNonNull(lead, "lead");
    synchronized (lock) {
      return new Conflicts(this).mayTake(rep, lead);
    }
  }

  /**
   * The rulebook's verdict for the rep and the lead today, with the cool-down, and the rep's load:
   * what every ownership decision of the book asks.
   */
  List<Exclusion> rules(RepId rep, Lead lead, boolean asNew) {
    List<Exclusion> out = new ArrayList<>();
    Optional<RosterEntry> m = state.member(rep);
    if (m.isEmpty() || !m.get().active()) {
      out.add(new Exclusion("roster", rep + " is not on the team"));
      return out;
    }
    LocalDate today = today();
    Rep r = m.get().repOn(today);
    int held =
        state.holding(rep) - (state.ownerOf(lead.id()).filter(rep::equals).isPresent() ? 1 : 0);
    Lead pooled =
        lead.currentOwner().isEmpty()
            ? lead
            : lead.toBuilder().locked(false).clearCurrentOwner().build();
    out.addAll(
        policy
            .rulebook()
            .check(r, pooled, new RepLoad(held, asNew ? state.received(rep, today) : 0))
            .exclusions());
    state
        .customer(lead.id())
        .filter(c -> c.coolsDown(rep, today))
        .ifPresent(c -> out.add(coolDownExclusion(rep, c.coolDown().get(rep))));
    return out;
  }

  private static Exclusion coolDownExclusion(RepId rep, LocalDate until) {
    return new Exclusion(
        "custom:" + COOL_DOWN,
        rep + " gave this customer up and may not have it back before " + until);
  }

  /**
   * A rep claims a customer from the pool. Granted if the customer is in the pool, the rulebook
   * lets the rep take it (with its holdings and this period's new customers), it is not in its
   * cool-down, and the rep has claims left today.
   */
  public Claim claim(RepId rep, LeadId lead) {
    requireNonNull(rep, "rep");
    requireNonNull(lead, "lead");
    synchronized (lock) {
      Customer c = state.customer(lead).orElse(null);
      checkArgument(c != null, "claim: customer %s is not in the book", lead);
      List<Exclusion> no = claimRefusals(rep, c);
      if (!no.isEmpty()) {
        return new Claim(rep, lead, Optional.empty(), no);
      }
      BookEvent e =
          record(
              BookEvent.Kind.CLAIMED,
              new Change.Owned(lead, rep),
              "rep:" + rep.value(),
              rep + " claimed it from the pool",
              "pool:claim");
      return new Claim(rep, lead, Optional.of(e), List.of());
    }
  }

  List<Exclusion> claimRefusals(RepId rep, Customer c) {
    List<Exclusion> no = new ArrayList<>();
    if (!c.pooled()) {
      no.add(
          new Exclusion(
              "pool", c.id() + " is not in the pool: " + c.owner().orElseThrow() + " owns it"));
    }
    no.addAll(rules(rep, c.lead(), true));
    int claims = state.claims(rep, today());
    if (claims >= lifecycle.claimsPerDay()) {
      no.add(
          new Exclusion(
              "pool:claims-per-day",
              rep
                  + " claimed "
                  + claims
                  + " today, the most a rep may claim in a day is "
                  + lifecycle.claimsPerDay()));
    }
    return no;
  }

  /** The rep who owns a customer gives it back to the pool; it cools down for that rep. */
  public BookEvent release(LeadId lead, String actor, String reason) {
    synchronized (lock) {
      return record(
          BookEvent.Kind.RELEASED,
          new Change.Pooled(lead, today().plusDays(lifecycle.coolDownDays())),
          actor,
          reason,
          "pool:release");
    }
  }

  /**
   * A manager gives a customer to a rep by hand. The customer is pinned there (rebalancing,
   * reclaims and conflicts leave it) until {@link #unpin}; the override is logged with its actor
   * and reason, and {@link #overrides()} reports every actor's overrides and their effect on each
   * rep's share. Only the cool-down binds an override; the rulebook's other rules are the manager's
   * to overrule, and the event says which ones were.
   */
  public BookEvent override(LeadId lead, RepId to, String actor, String reason) {
    requireNonNull(lead, "lead");
    requireNonNull(to, "to");
    synchronized (lock) {
      Customer c = state.customer(lead).orElse(null);
      checkArgument(c != null, "override: customer %s is not in the book", lead);
      List<Exclusion> overruled = rules(to, c.lead(), !c.owner().filter(to::equals).isPresent());
      String note =
          overruled.isEmpty()
              ? ""
              : " (overruling "
                  + String.join("; ", overruled.stream().map(Exclusion::reason).toList())
                  + ")";
      return record(
          BookEvent.Kind.OVERRIDDEN, new Change.Owned(lead, to), actor, reason + note, "manual");
    }
  }

  /** Lifts a manager's pin: the rules may move the customer again. */
  public BookEvent unpin(LeadId lead, String actor, String reason) {
    synchronized (lock) {
      return record(BookEvent.Kind.UNPINNED, new Change.Unpinned(lead), actor, reason, "manual");
    }
  }

  // ---------------------------------------------------------------- the batch

  /**
   * The book as a batch problem for today: the reps on the team as they are today (on leave
   * unavailable, part time or ramping up with their share), every customer with its owner as {@code
   * currentOwner} (locked when the host locked it or a manager pinned it), the pool without one;
   * under the policy with the {@code custom:cool-down} rule.
   */
  public Problem problem() {
    synchronized (lock) {
      return problem(Set.of(), null, false);
    }
  }

  /**
   * @param leaving reps left out of the roster (their customers enter as pool leads)
   * @param only if not null, the only customers that enter as pool leads (the others keep their
   *     owners)
   */
  private Problem problem(Set<RepId> leaving, Set<LeadId> only) {
    return problem(leaving, only, false);
  }

  /**
   * @param lockCovered whether customers held by a cover are locked there (they go back to their
   *     owner when it returns; rebalancing leaves them)
   */
  private Problem problem(Set<RepId> leaving, Set<LeadId> only, boolean lockCovered) {
    LocalDate today = today();
    List<Rep> reps = new ArrayList<>();
    for (RosterEntry m : state.roster()) {
      if (m.active() && !leaving.contains(m.rep().id())) {
        reps.add(m.repOn(today));
      }
    }
    checkArgument(!reps.isEmpty(), "book: nobody is on the team today");
    List<Lead> leads = new ArrayList<>();
    Map<LeadId, Map<RepId, LocalDate>> coolDowns = new HashMap<>();
    for (Customer c : state.customers()) {
      Lead l = c.lead();
      boolean free =
          c.pooled()
              || (only != null && only.contains(c.id()))
              || leaving.contains(c.owner().orElseThrow());
      if (free && !c.pooled()) {
        l = l.toBuilder().locked(false).clearCurrentOwner().build();
      } else if (lockCovered && c.coveredFor().isPresent()) {
        l = l.toBuilder().locked(true).build();
      }
      leads.add(l);
      if (!c.coolDown().isEmpty()) {
        coolDowns.put(c.id(), c.coolDown());
      }
    }
    Policy p = policy.withCustomRule(new CoolDown(coolDowns, today));
    return Problem.of(p, reps, leads, ledger(leaving));
  }

  /** The cool-down as a rule of the rulebook, for the batch and the router. */
  private record CoolDown(Map<LeadId, Map<RepId, LocalDate>> until, LocalDate today)
      implements CustomRule {
    @Override
    public String name() {
      return COOL_DOWN;
    }

    @Override
    public boolean allows(Rep rep, Lead lead) {
      LocalDate u = until.getOrDefault(lead.id(), Map.of()).get(rep.id());
      return u == null || !today.isBefore(u);
    }

    @Override
    public String reason(Rep rep, Lead lead) {
      return coolDownExclusion(rep.id(), until.get(lead.id()).get(rep.id())).reason();
    }
  }

  /**
   * Distributes the pool by the policy with the book's allocator: every customer without an owner
   * that a rep may take gets one (never a rep in its cool-down), each {@code ASSIGNED} with the
   * allocator's explanation. Customers nobody may take stay in the pool.
   *
   * @return the events, in order
   */
  public List<BookEvent> distribute(String actor) {
    synchronized (lock) {
      List<LeadId> pooled =
          state.customers().stream().filter(Customer::pooled).map(Customer::id).toList();
      return pooled.isEmpty() ? List.of() : place(problem(), pooled, actor, null, "batch");
    }
  }

  /**
   * Adopts an allocation of a problem of this book (from {@link #problem()}, by any allocator):
   * records each change of owner, {@code ASSIGNED} for a customer from the pool, {@code MOVED} for
   * one that had an owner, with the allocation's explanation as the reason. Customers the
   * allocation leaves where they are, or cannot place, are not touched.
   *
   * @throws IllegalArgumentException if the allocation is of leads the book does not hold, or a
   *     change no longer holds (the book changed since the problem was made: the changes before it
   *     are recorded, and the message says which one failed)
   */
  public List<BookEvent> apply(Allocation allocation, String actor) {
    requireNonNull(allocation, "allocation");
    synchronized (lock) {
      List<LeadId> ids = allocation.outcomes().stream().map(LeadOutcome::lead).toList();
      return adopt(allocation, ids, actor, null, "batch:" + allocation.method());
    }
  }

  /**
   * Places the customers {@code which} by the book's allocator on a problem, and records the
   * changes. {@code why} prefixes each reason.
   */
  private List<BookEvent> place(
      Problem problem, List<LeadId> which, String actor, String why, String rule) {
    Allocation a = allocator.allocate(problem);
    return adopt(a, which, actor, why, rule + ":" + a.method());
  }

  private List<BookEvent> adopt(
      Allocation a, List<LeadId> which, String actor, String why, String rule) {
    List<BookEvent> out = new ArrayList<>();
    for (LeadId id : which) {
      LeadOutcome o = a.outcome(id);
      Customer c = state.customer(id).orElse(null);
      checkArgument(c != null, "apply: lead %s is not in the book", id);
      if (o.rep().isEmpty() || o.rep().equals(c.owner())) {
        continue;
      }
      RepId to = o.rep().get();
      String reason = a.explain(id).summary();
      reason = why == null ? reason : why + "; " + reason;
      BookEvent.Kind kind = c.pooled() ? BookEvent.Kind.ASSIGNED : BookEvent.Kind.MOVED;
      out.add(record(kind, new Change.Owned(id, to), actor, reason, rule));
    }
    return out;
  }

  /**
   * Places customers that must change hands (a departure, a cover) by the policy: a problem of the
   * book where they are free and the reps in {@code without} are off the team; the allocator
   * decides; each placement is recorded as {@code MOVED} (or {@code COVERED} for covers).
   */
  private List<BookEvent> redistribute(
      List<LeadId> which, Set<RepId> without, String actor, String why, String rule) {
    if (which.isEmpty()
        || state.roster().stream().filter(RosterEntry::active).count() <= without.size()) {
      return List.of();
    }
    Problem p = problem(without, Set.copyOf(which));
    Allocation a = allocator.allocate(p);
    List<BookEvent> out = new ArrayList<>();
    for (LeadId id : which) {
      LeadOutcome o = a.outcome(id);
      if (o.status() == Status.UNASSIGNED) {
        continue;
      }
      RepId to = o.rep().orElseThrow();
      Customer c = state.customer(id).orElseThrow();
      if (c.owner().filter(to::equals).isPresent()) {
        out.add(
            record(
                BookEvent.Kind.KEPT,
                new Change.Owned(id, to),
                actor,
                why + "; " + to + " covered it and keeps it: " + a.explain(id).summary(),
                rule));
        continue;
      }
      out.add(
          record(
              BookEvent.Kind.MOVED,
              new Change.Owned(id, to),
              actor,
              why + "; " + a.explain(id).summary(),
              rule));
    }
    return out;
  }

  // ---------------------------------------------------------------- rebalancing

  /**
   * A rebalancer set up for this book: customers least recently worked move first off a rep over
   * its capacity (the book's last activity, or the day it got its owner). Set the budget, and your
   * own holds ({@code mustNotMove}: late-stage deals...), then {@link #rebalance} or {@link
   * #curve}.
   *
   * <pre>{@code
   * book.rebalance(book.rebalancer().maxMovesShare(0.02).maxMovesPerRep(3).build(), "weekly");
   * }</pre>
   */
  public Rebalancer.Builder rebalancer() {
    Map<LeadId, Instant> touched = new HashMap<>();
    synchronized (lock) {
      for (Customer c : state.customers()) {
        touched.put(c.id(), c.lastTouched().orElse(c.since()));
      }
    }
    return Rebalancer.builder().lastTouched(l -> Optional.ofNullable(touched.get(l.id())));
  }

  /**
   * Rebalances the book within the rebalancer's budget: its moves are recorded in order as {@code
   * moved} events with their reasons (rule {@code rebalance:capacity}, {@code rebalance:rule} or
   * {@code rebalance:balance}). Pinned, locked and covered customers never move; the pool is left
   * alone.
   *
   * @return the rebalance: its moves, and the book before and after them with their gaps to the
   *     proven bounds
   */
  public Rebalance rebalance(Rebalancer rebalancer, String actor) {
    requireNonNull(rebalancer, "rebalancer");
    synchronized (lock) {
      Rebalance r = rebalancer.rebalance(problem(Set.of(), null, true));
      for (Move m : r.moves()) {
        record(
            BookEvent.Kind.MOVED,
            new Change.Owned(m.lead(), m.to()),
            actor,
            m.reason(),
            "rebalance:" + m.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
      return r;
    }
  }

  /**
   * The trade-off between moves and fairness for this book as it is (see {@link Rebalancer#curve}):
   * the fairness reached and the moves used for budgets of 0, 1, 2, 5, 10 % of the movable
   * customers and without a limit, and the proven fewest moves to the exact count optimum. Changes
   * nothing.
   */
  public TradeOffCurve curve(Rebalancer rebalancer) {
    requireNonNull(rebalancer, "rebalancer");
    synchronized (lock) {
      return rebalancer.curve(problem(Set.of(), null, true));
    }
  }

  // ---------------------------------------------------------------- the day

  /**
   * Runs the lifecycle's rules for today, in this order: customers covered for a rep back from
   * leave are handed back; the customers of a rep whose leave of at least {@link
   * Lifecycle#coverAfterDays()} days runs today go to covers chosen by the policy; idle customers
   * are warned and reclaimed ({@link Reclaimer}). Before them, a rep that takes new leads again
   * since the last day started (back from leave, more of full time) is calibrated by the policy's
   * catch-up. The day itself is an event ({@code day-started}), so a second call on the same day
   * records nothing.
   *
   * @return the events, in order
   */
  public List<BookEvent> startDay(String actor) {
    synchronized (lock) {
      LocalDate today = today();
      LocalDate last = state.lastDayStarted();
      if (!today.isAfter(last)) {
        return List.of(); // this day has started already
      }
      List<BookEvent> out = new ArrayList<>();
      out.add(
          record(
              BookEvent.Kind.DAY_STARTED,
              new Change.DayStarted(today),
              actor,
              "the lifecycle's rules run for " + today,
              "lifecycle"));
      if (!last.equals(LocalDate.MIN)) {
        for (RosterEntry m : state.roster()) {
          RepId r = m.rep().id();
          double before = weightOn(r, last);
          if (m.active() && weightOn(r, today) > before) {
            long before0 = log.size();
            calibrate(r, before == 0 ? "is back" : "works more of full time", actor);
            out.addAll(log.subList((int) before0, log.size()));
          }
        }
      }
      out.addAll(handBacks(today, actor));
      out.addAll(covers(today, actor));
      for (Reclaimer.Step s :
          Reclaimer.plan(
              state.customers(), this::repOn, policy, lifecycle, today, clock.getZone())) {
        out.add(record(s.kind(), s.change(), actor, s.reason(), s.rule()));
      }
      return out;
    }
  }

  /** The rep as it is on a day, or empty if it is not on the team. */
  private Optional<Rep> repOn(RepId rep, LocalDate day) {
    return state.member(rep).filter(RosterEntry::active).map(m -> m.repOn(day));
  }

  private List<BookEvent> handBacks(LocalDate today, String actor) {
    List<BookEvent> out = new ArrayList<>();
    for (Customer c : state.customers()) {
      if (c.coveredFor().isEmpty()) {
        continue;
      }
      RepId owner = c.coveredFor().get();
      Optional<RosterEntry> m = state.member(owner);
      if (m.isPresent() && m.get().active() && m.get().share(today) > 0) {
        out.add(
            record(
                BookEvent.Kind.HANDED_BACK,
                new Change.Owned(c.id(), owner),
                actor,
                owner + " is back from leave; " + c.owner().orElseThrow() + " covered for it",
                "leave:hand-back"));
      }
    }
    return out;
  }

  private List<BookEvent> covers(LocalDate today, String actor) {
    if (lifecycle.coverAfterDays() == 0) {
      return List.of();
    }
    List<BookEvent> out = new ArrayList<>();
    for (RosterEntry m : state.roster()) {
      if (!m.active() || m.share(today) > 0) {
        continue;
      }
      int days = leaveLength(m, today);
      if (days < lifecycle.coverAfterDays()) {
        continue;
      }
      RepId rep = m.rep().id();
      List<LeadId> mine = new ArrayList<>();
      for (LeadId id : state.ownedBy(rep)) {
        Customer c = state.customer(id).orElseThrow();
        if (!c.pinned() && !c.lead().locked()) {
          mine.add(id);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      // The rep stays on the roster, unavailable today, so it keeps what nobody covers.
      Allocation a = allocator.allocate(problem(Set.of(), Set.copyOf(mine)));
      for (LeadId id : mine) {
        LeadOutcome o = a.outcome(id);
        if (o.rep().isEmpty() || o.rep().get().equals(rep)) {
          continue; // nobody may cover it: it waits for its owner
        }
        out.add(
            record(
                BookEvent.Kind.COVERED,
                new Change.Owned(id, o.rep().orElseThrow()),
                actor,
                rep
                    + " is on leave for "
                    + days
                    + " days (covers from "
                    + lifecycle.coverAfterDays()
                    + "); "
                    + a.explain(id).summary(),
                "leave:cover"));
      }
    }
    return out;
  }

  /** The length in days of the leave (share 0) that holds the day, counted up to a year. */
  private static int leaveLength(RosterEntry m, LocalDate day) {
    int n = 1;
    for (LocalDate d = day.minusDays(1); n < 366 && m.share(d) == 0; d = d.minusDays(1)) {
      n++;
    }
    for (LocalDate d = day.plusDays(1); n < 366 && m.share(d) == 0; d = d.plusDays(1)) {
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------- reports

  /** Every manual override, by actor, and its effect on each rep's share of the book. */
  public OverrideReport overrides() {
    synchronized (lock) {
      Problem p = problem();
      Map<LeadId, RepId> owners = new HashMap<>();
      for (Lead l : p.leads()) {
        l.currentOwner().ifPresent(o -> owners.put(l.id(), o));
      }
      return OverrideReport.of(log, state.customers(), policy, FairnessMetrics.of(p, owners));
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "Book[" + state.customers().size() + " customers, " + log.size() + " events]";
    }
  }

  /**
   * Builds a {@link Book}. Setting an option twice is an error; {@link #build()} leaves the builder
   * reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Set<String> set = new java.util.HashSet<>();
    private final Policy policy;
    private Lifecycle lifecycle = Lifecycle.defaults();
    private Clock clock = Clock.systemUTC();
    private EntityKeys keys = EntityKeys.defaults();
    private Allocator allocator = LeadRouter.allocator();

    private Builder(Policy policy) {
      this.policy = policy;
    }

    private void once(String option) {
      com.google.common.base.Preconditions.checkState(
          set.add(option), "book option '%s' is set twice", option);
    }

    /** The lifecycle rules. Default {@link Lifecycle#defaults()}. */
    public Builder lifecycle(Lifecycle lifecycle) {
      once("lifecycle");
      this.lifecycle = requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /**
     * The clock every event is timed by, and whose zone makes the days. Default the system's UTC
     * clock; tests and replays pass a fixed or stepping one.
     */
    public Builder clock(Clock clock) {
      once("clock");
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** What identifies a company, for conflicts. Default {@link EntityKeys#defaults()}. */
    public Builder keys(EntityKeys keys) {
      once("keys");
      this.keys = requireNonNull(keys, "keys");
      return this;
    }

    /**
     * What places customers that change hands (the pool, departures, covers). Default the router's
     * order ({@link LeadRouter#allocator()}); the solver's {@code LeadAllocator} for a nightly
     * batch.
     */
    public Builder allocator(Allocator allocator) {
      once("allocator");
      this.allocator = requireNonNull(allocator, "allocator");
      return this;
    }

    /** An empty book. */
    public Book build() {
      return new Book(this);
    }
  }
}
