package io.fairlead.core.book;

import io.fairlead.core.identity.EntityKey;
import io.fairlead.core.identity.EntityKeys;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state a book's log builds: who owns which customer since when, the roster and its calendars,
 * the merged duplicates. {@link #apply} is the only way it changes; it checks the event first and
 * refuses one that would break the book's invariants (one owner per customer, owners on the roster,
 * cool-downs kept, pins and locks honoured, time never going back), so a state is always one a
 * valid log can reach. Not thread-safe: the {@link Book} serialises access.
 */
final class BookState {

  /** A customer's mutable record. */
  private static final class Entry {
    /** Its place in the order customers entered the book. */
    long order;

    Lead record;
    RepId owner;
    Instant since;
    Instant lastTouched;
    Instant lastDeal;
    final TreeMap<RepId, LocalDate> coolDown = new TreeMap<>();
    LocalDate warnedFor;
    RepId coveredFor;
    String pinnedBy;
    final List<LeadId> duplicates = new ArrayList<>(0);
  }

  /** A rep's mutable record. */
  private static final class Member {
    Rep rep;
    Instant joined;
    Instant left;
    final List<Change.Availability> calendar = new ArrayList<>(0);
  }

  final ZoneId zone;
  private final Lifecycle.Period period;
  private final EntityKeys keys;
  // Every entity key of a customer or of a duplicate merged into it, to the customers that have it.
  private final Map<EntityKey, Set<LeadId>> byKey = new HashMap<>();
  private final Map<LeadId, Entry> customers = new LinkedHashMap<>();
  private final Map<RepId, Member> roster = new LinkedHashMap<>();
  private final Map<RepId, Set<LeadId>> owned = new LinkedHashMap<>();
  private final Map<LeadId, Lead> duplicates = new LinkedHashMap<>();
  private final Map<LeadId, LeadId> mergedInto = new LinkedHashMap<>();
  private long seq;
  // Customers that ever entered the book, for each one's place in that order.
  private long entered;
  private String lastHash = "";
  private Instant lastAt = Instant.MIN;
  // New customers each rep received in the period that starts on periodStart, and the claims it
  // made on claimDay.
  private LocalDate periodStart = LocalDate.MIN;
  private final Map<RepId, Integer> received = new LinkedHashMap<>();
  // Catch-up adjustments of the period: a rep's credit is what it received plus its adjustment.
  private final Map<RepId, Double> adjust = new LinkedHashMap<>();
  private LocalDate lastDayStarted = LocalDate.MIN;
  private LocalDate claimDay = LocalDate.MIN;
  private final Map<RepId, Integer> claims = new LinkedHashMap<>();

  BookState(ZoneId zone, Lifecycle.Period period, EntityKeys keys) {
    this.zone = zone;
    this.period = period;
    this.keys = keys;
  }

  long seq() {
    return seq;
  }

  String lastHash() {
    return lastHash;
  }

  Instant lastAt() {
    return lastAt;
  }

  LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }

  // ---------------------------------------------------------------- reads

  boolean knows(LeadId lead) {
    return customers.containsKey(lead);
  }

  /** The customer a duplicate was merged into, if it was. */
  Optional<LeadId> mergedInto(LeadId duplicate) {
    return Optional.ofNullable(mergedInto.get(duplicate));
  }

  Optional<Lead> duplicate(LeadId duplicate) {
    return Optional.ofNullable(duplicates.get(duplicate));
  }

  Optional<RepId> ownerOf(LeadId lead) {
    Entry e = customers.get(lead);
    return e == null ? Optional.empty() : Optional.ofNullable(e.owner);
  }

  Optional<Customer> customer(LeadId lead) {
    Entry e = customers.get(lead);
    return e == null ? Optional.empty() : Optional.of(view(e));
  }

  List<Customer> customers() {
    List<Customer> out = new ArrayList<>(customers.size());
    customers.values().forEach(e -> out.add(view(e)));
    return out;
  }

  /**
   * The customers the lead shares entity keys with (by its keys, or by those of a duplicate merged
   * into them), each with the shared keys, in the order they entered the book.
   */
  Map<LeadId, Set<EntityKey>> matches(Lead lead) {
    Map<LeadId, Set<EntityKey>> out = new TreeMap<>();
    for (EntityKey k : keys.of(lead)) {
      for (LeadId id : byKey.getOrDefault(k, Set.of())) {
        out.computeIfAbsent(id, x -> new TreeSet<>()).add(k);
      }
    }
    // In the order they entered the book: sort the few matches, never walk the whole book.
    List<LeadId> ids = new ArrayList<>(out.keySet());
    ids.removeIf(id -> !customers.containsKey(id));
    ids.sort(java.util.Comparator.comparingLong(id -> customers.get(id).order));
    Map<LeadId, Set<EntityKey>> ordered = new LinkedHashMap<>();
    for (LeadId id : ids) {
      ordered.put(id, out.get(id));
    }
    return ordered;
  }

  private void index(Lead lead, LeadId customer, boolean add) {
    for (EntityKey k : keys.of(lead)) {
      if (add) {
        byKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(customer);
      } else {
        Set<LeadId> s = byKey.get(k);
        if (s != null) {
          s.remove(customer);
          if (s.isEmpty()) {
            byKey.remove(k);
          }
        }
      }
    }
  }

  /** The ids of the customers the rep owns, in the order it got them. */
  List<LeadId> ownedBy(RepId rep) {
    Set<LeadId> s = owned.get(rep);
    return s == null ? List.of() : List.copyOf(s);
  }

  int holding(RepId rep) {
    Set<LeadId> s = owned.get(rep);
    return s == null ? 0 : s.size();
  }

  Optional<RosterEntry> member(RepId rep) {
    Member m = roster.get(rep);
    return m == null ? Optional.empty() : Optional.of(view(m));
  }

  List<RosterEntry> roster() {
    List<RosterEntry> out = new ArrayList<>(roster.size());
    roster.values().forEach(m -> out.add(view(m)));
    return out;
  }

  /**
   * The new customers the rep received in the period that holds the day (assigned, claimed, moved
   * or overridden to it; not covers or hand-backs).
   */
  int received(RepId rep, LocalDate day) {
    return period.start(day).equals(periodStart) ? received.getOrDefault(rep, 0) : 0;
  }

  /**
   * What the ledger credits the rep in the period that holds the day: what it received plus the
   * catch-up it was calibrated to.
   */
  double credited(RepId rep, LocalDate day) {
    return period.start(day).equals(periodStart)
        ? received.getOrDefault(rep, 0) + adjust.getOrDefault(rep, 0.0)
        : 0;
  }

  /** The last day the book's day started, or {@link LocalDate#MIN}. */
  LocalDate lastDayStarted() {
    return lastDayStarted;
  }

  /** The customers the rep claimed from the pool on the day. */
  int claims(RepId rep, LocalDate day) {
    return day.equals(claimDay) ? claims.getOrDefault(rep, 0) : 0;
  }

  boolean active(RepId rep) {
    Member m = roster.get(rep);
    return m != null && m.left == null;
  }

  private static Customer view(Entry e) {
    Lead.Builder b = e.record.toBuilder();
    if (e.owner == null) {
      b.clearCurrentOwner().locked(false);
    } else {
      b.currentOwner(e.owner.value()).locked(e.record.locked() || e.pinnedBy != null);
    }
    return new Customer(
        b.build(),
        Optional.ofNullable(e.owner),
        e.since,
        Optional.ofNullable(e.lastTouched),
        Optional.ofNullable(e.lastDeal),
        e.coolDown,
        Optional.ofNullable(e.warnedFor),
        Optional.ofNullable(e.coveredFor),
        Optional.ofNullable(e.pinnedBy),
        e.duplicates);
  }

  private static RosterEntry view(Member m) {
    return new RosterEntry(m.rep, m.joined, Optional.ofNullable(m.left), m.calendar);
  }

  // ---------------------------------------------------------------- the one write

  /**
   * Checks an event against the state and applies it.
   *
   * @throws IllegalArgumentException naming the event and what it would break; the state is then
   *     unchanged
   */
  void apply(BookEvent e) {
    check(e.seq() == seq + 1, e, "expected event number " + (seq + 1));
    check(
        !e.at().isBefore(lastAt),
        e,
        "its time " + e.at() + " is before the previous event's " + lastAt);
    check(
        e.previousHash().equals(lastHash),
        e,
        "its previousHash is not the hash of the event before");
    LocalDate day = day(e.at());
    if (e.change() instanceof Change.RepJoined c) {
      repJoined(e, c.rep());
    } else if (e.change() instanceof Change.RepChanged c) {
      Member m = activeMember(e, c.rep().id());
      m.rep = c.rep();
    } else if (e.change() instanceof Change.RepLeft c) {
      Member m = activeMember(e, c.rep());
      check(
          holding(c.rep()) == 0,
          e,
          "rep " + c.rep() + " still owns " + holding(c.rep()) + " customers; they leave first");
      for (Entry x : customers.values()) {
        check(
            !c.rep().equals(x.coveredFor),
            e,
            "rep " + c.rep() + " still has customer " + x.record.id() + " with a cover");
      }
      m.left = e.at();
    } else if (e.change() instanceof Change.Availability c) {
      Member m = roster.get(c.rep());
      check(m != null, e, "rep " + c.rep() + " is not on the roster");
      m.calendar.add(c);
    } else if (e.change() instanceof Change.LeadAdded c) {
      LeadId id = c.lead().id();
      check(!customers.containsKey(id), e, "customer " + id + " is already in the book");
      check(
          !mergedInto.containsKey(id), e, "lead " + id + " was merged into " + mergedInto.get(id));
      Entry x = new Entry();
      x.order = ++entered;
      x.record = c.lead();
      x.since = e.at();
      customers.put(id, x);
      index(c.lead(), id, true);
    } else if (e.change() instanceof Change.LeadUpdated c) {
      Entry x = entry(e, c.lead().id());
      index(x.record, x.record.id(), false);
      x.record = c.lead();
      reindex(x);
    } else if (e.change() instanceof Change.Owned c) {
      owned(e, c, day);
    } else if (e.change() instanceof Change.Pooled c) {
      pooled(e, c, day);
    } else if (e.change() instanceof Change.Touched c) {
      Entry x = entry(e, c.lead());
      x.lastTouched = e.at();
      if (c.activity() == Activity.DEAL) {
        x.lastDeal = e.at();
      }
      x.warnedFor = null;
    } else if (e.change() instanceof Change.Warned c) {
      Entry x = entry(e, c.lead());
      check(x.owner != null, e, "customer " + c.lead() + " is in the pool; nothing to warn");
      x.warnedFor = c.on();
    } else if (e.change() instanceof Change.Merged c) {
      LeadId dup = c.duplicate().id();
      Entry into = entry(e, c.into());
      check(
          !customers.containsKey(dup) && !mergedInto.containsKey(dup),
          e,
          "lead " + dup + " is already in the book");
      duplicates.put(dup, c.duplicate());
      mergedInto.put(dup, c.into());
      into.duplicates.add(dup);
      index(c.duplicate(), c.into(), true);
    } else if (e.change() instanceof Change.Calibrated c) {
      check(active(c.rep()), e, "rep " + c.rep() + " is not on the roster");
      int got = received(c.rep(), day);
      check(
          c.credited() >= got,
          e,
          "rep "
              + c.rep()
              + " received "
              + got
              + " leads this period; it cannot be credited "
              + c.credited());
      startPeriod(period.start(day));
      adjust.put(c.rep(), c.credited() - got);
    } else if (e.change() instanceof Change.DayStarted c) {
      check(
          c.day().equals(day) && c.day().isAfter(lastDayStarted),
          e,
          "day "
              + c.day()
              + " cannot start on "
              + day
              + " (the last day started was "
              + lastDayStarted
              + ")");
      lastDayStarted = c.day();
    } else if (e.change() instanceof Change.Unpinned c) {
      Entry x = entry(e, c.lead());
      check(x.pinnedBy != null, e, "customer " + c.lead() + " is not pinned");
      x.pinnedBy = null;
    } else if (e.change() instanceof Change.Removed c) {
      Entry x = entry(e, c.lead());
      disown(x);
      index(x.record, c.lead(), false);
      for (LeadId d : x.duplicates) {
        index(duplicates.get(d), c.lead(), false);
      }
      customers.remove(c.lead());
    } else {
      throw new AssertionError("a change the book does not know: " + e.change());
    }
    seq = e.seq();
    lastHash = e.hash();
    lastAt = e.at();
  }

  private void repJoined(BookEvent e, Rep rep) {
    Member m = roster.get(rep.id());
    check(m == null || m.left != null, e, "rep " + rep.id() + " is already on the roster");
    if (m == null) {
      m = new Member();
      roster.put(rep.id(), m);
    }
    m.rep = rep;
    m.joined = e.at();
    m.left = null;
  }

  private void owned(BookEvent e, Change.Owned c, LocalDate day) {
    Entry x = entry(e, c.lead());
    RepId to = c.to();
    check(active(to), e, "rep " + to + " is not on the roster");
    RepId from = x.owner;
    switch (e.kind()) {
      case ASSIGNED, CLAIMED ->
          check(
              from == null,
              e,
              "customer " + c.lead() + " is owned by " + from + ", not in the pool");
      case KEPT ->
          check(
              to.equals(from), e, "customer " + c.lead() + " is owned by " + from + ", not " + to);
      case MOVED, COVERED -> {
        check(
            from != null && !from.equals(to),
            e,
            "customer " + c.lead() + " is owned by " + from + "; nothing to move to " + to);
        check(
            x.pinnedBy == null,
            e,
            "customer " + c.lead() + " is pinned by " + x.pinnedBy + "; unpin it first");
        check(
            !x.record.locked(),
            e,
            "customer " + c.lead() + " is locked to its owner by the host; unlock it first");
      }
      case HANDED_BACK ->
          check(
              to.equals(x.coveredFor),
              e,
              "customer "
                  + c.lead()
                  + " is not covered for "
                  + to
                  + " (covered for "
                  + x.coveredFor
                  + ")");
      case OVERRIDDEN -> {
        // a manager may give any customer to anyone (audited), but not into a cool-down
      }
      default -> throw new AssertionError(e.kind());
    }
    if (!to.equals(from)) {
      LocalDate until = x.coolDown.get(to);
      check(
          until == null || !day.isBefore(until),
          e,
          "rep "
              + to
              + " may not own customer "
              + c.lead()
              + " again before "
              + until
              + " (cool-down)");
    }
    if (e.kind() == BookEvent.Kind.COVERED) {
      x.coveredFor = x.coveredFor == null ? from : x.coveredFor;
    } else {
      x.coveredFor = null; // kept, moved, handed back: the cover ends
    }
    if (e.kind() == BookEvent.Kind.OVERRIDDEN) {
      x.pinnedBy = e.actor();
    } else if (!to.equals(from)) {
      x.pinnedBy = null;
    }
    if (!to.equals(from)
        && e.kind() != BookEvent.Kind.COVERED
        && e.kind() != BookEvent.Kind.HANDED_BACK) {
      count(received, to, period.start(day), true);
    }
    if (e.kind() == BookEvent.Kind.CLAIMED) {
      count(claims, to, day, false);
    }
    if (!to.equals(from)) {
      disown(x);
      x.owner = to;
      x.since = e.at();
      x.warnedFor = null;
      owned.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(c.lead());
    }
  }

  private void pooled(BookEvent e, Change.Pooled c, LocalDate day) {
    Entry x = entry(e, c.lead());
    check(x.owner != null, e, "customer " + c.lead() + " is already in the pool");
    check(
        !c.coolDownUntil().isBefore(day),
        e,
        "its cool-down ends (" + c.coolDownUntil() + ") before the day it happens (" + day + ")");
    if (e.kind() == BookEvent.Kind.RECLAIMED) {
      check(
          !x.record.locked() && x.pinnedBy == null,
          e,
          "customer " + c.lead() + " is locked or pinned; it is never reclaimed");
    }
    RepId from = x.owner;
    disown(x);
    x.owner = null;
    x.since = e.at();
    x.pinnedBy = null;
    x.coveredFor = null;
    x.warnedFor = null;
    x.coolDown.merge(from, c.coolDownUntil(), (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Adds one to a rep's count of the span (a period or a day), starting the span afresh. */
  private void count(Map<RepId, Integer> counts, RepId rep, LocalDate span, boolean isPeriod) {
    if (isPeriod) {
      startPeriod(span);
    } else if (!span.equals(claimDay)) {
      counts.clear();
      claimDay = span;
    }
    counts.merge(rep, 1, Integer::sum);
  }

  /** Makes the period that starts on {@code start} the current one; a new one starts at zero. */
  private void startPeriod(LocalDate start) {
    if (!start.equals(periodStart)) {
      received.clear();
      adjust.clear();
      periodStart = start;
    }
  }

  /** Indexes a customer's record and its duplicates again (a key the update removed stays off). */
  private void reindex(Entry x) {
    index(x.record, x.record.id(), true);
    for (LeadId d : x.duplicates) {
      index(duplicates.get(d), x.record.id(), true);
    }
  }

  private void disown(Entry x) {
    if (x.owner != null) {
      owned.get(x.owner).remove(x.record.id());
    }
  }

  private Entry entry(BookEvent e, LeadId lead) {
    Entry x = customers.get(lead);
    check(x != null, e, "customer " + lead + " is not in the book");
    return x;
  }

  private Member activeMember(BookEvent e, RepId rep) {
    Member m = roster.get(rep);
    check(m != null && m.left == null, e, "rep " + rep + " is not on the roster");
    return m;
  }

  private static void check(boolean ok, BookEvent e, String why) {
    if (!ok) {
      throw new IllegalArgumentException(
          "book event " + e.seq() + " (" + e.kind().id() + " by " + e.actor() + "): " + why);
    }
  }
}
