package io.fairlead.lab;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Intake;
import io.fairlead.core.book.RosterEntry;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One policy's run of a scenario: a book, a clock moved day by day, the week's figures. */
final class PolicyReplay {

  private static final String ACTOR = "lab";

  private final Scenario s;
  private final String name;
  private final Policy policy;
  private final boolean history;
  private final Allocator allocator;
  private final LabListener listener;

  PolicyReplay(
      Scenario s,
      String name,
      Policy policy,
      boolean history,
      Allocator allocator,
      LabListener listener) {
    this.s = s;
    this.name = name;
    this.policy = policy;
    this.history = history;
    this.allocator = allocator;
    this.listener = listener;
  }

  // Indices of the week's counters, in WeekFigures' order.
  private static final int ARRIVED = 0;
  private static final int MERGED = 3;
  private static final int REPEATS = 4;
  private static final int CONFLICTS = 5;
  private static final int PLACED = 6;
  private static final int REBALANCED = 7;
  private static final int REASSIGNED = 8;

  PolicyRun run(int run, int runs, long labStart) {
    DayClock clock = new DayClock(s.start());
    Book book =
        Book.builder(policy).lifecycle(s.lifecycle()).clock(clock).allocator(allocator).build();
    for (Rep r : s.roster()) {
      book.addRep(r, ACTOR, "on the team at the start");
    }
    for (Lead l : s.book()) {
      book.add(l, ACTOR, "in the book at the start");
    }
    Map<LocalDate, List<DatedLead>> leadsByDay = new TreeMap<>();
    for (DatedLead d : s.leads()) {
      leadsByDay.computeIfAbsent(d.day(), k -> new ArrayList<>()).add(d);
    }
    Map<LocalDate, List<RosterEvent>> eventsByDay = new TreeMap<>();
    for (RosterEvent e : s.events()) {
      eventsByDay.computeIfAbsent(e.day(), k -> new ArrayList<>()).add(e);
    }

    List<WeekFigures> weeks = new ArrayList<>();
    int[] counts = new int[11];
    Set<LeadId> addedThisWeek = new HashSet<>();
    long weekStart = book.events().size();
    int consumed = 0;
    Map<LeadId, RepId> finalOwners = new LinkedHashMap<>();
    List<io.fairlead.core.fairness.RepStats> finalReps = List.of();
    CurveFigures curve = null;
    for (int day = 0; day < s.days(); day++) {
      LocalDate today = s.start().plusDays(day);
      clock.day(today);
      for (RosterEvent e : eventsByDay.getOrDefault(today, List.of())) {
        apply(book, e);
        clock.tick();
      }
      book.startDay(ACTOR);
      clock.minutes(60);
      for (DatedLead d : leadsByDay.getOrDefault(today, List.of())) {
        listener.consumed(name, d);
        consumed++;
        Intake in = take(book, d.lead());
        counts[ARRIVED]++;
        switch (in.outcome()) {
          case ADDED -> addedThisWeek.add(in.customer());
          case MERGED -> {
            counts[MERGED]++;
            Lead lead = d.lead();
            RepId brought = history ? s.history().get(lead.id()) : lead.currentOwner().orElse(null);
            if (brought != null
                && in.matches().stream()
                    .anyMatch(m -> m.owner().isPresent() && !m.owner().get().equals(brought))) {
              counts[CONFLICTS]++;
            }
          }
          case REPEAT -> counts[REPEATS]++;
        }
        clock.tick();
      }
      clock.minutes(60);
      boolean weekEnd = day % 7 == 6 || day == s.days() - 1;
      if (!history) {
        Schedule.Placement p = s.schedule().placement();
        if (p == Schedule.Placement.NIGHTLY || (p == Schedule.Placement.WEEKLY && weekEnd)) {
          book.distribute(ACTOR);
        }
        int every = s.schedule().rebalanceEveryDays();
        if (every > 0 && policy.allowRebalancing() && (day + 1) % every == 0) {
          clock.minutes(30);
          book.rebalance(
              book.rebalancer()
                  .maxMovesShare(s.schedule().maxMovesShare())
                  .maxMovesPerRep(s.schedule().maxMovesPerRep())
                  .build(),
              ACTOR);
        }
      }
      if (weekEnd) {
        for (BookEvent e : book.eventsAfter(weekStart)) {
          switch (e.kind()) {
            case ASSIGNED -> counts[PLACED]++;
            case MOVED -> counts[e.rule().startsWith("rebalance:") ? REBALANCED : REASSIGNED]++;
            case COVERED, HANDED_BACK -> counts[REASSIGNED]++;
            default -> {}
          }
        }
        Problem problem = book.problem();
        Map<LeadId, RepId> owners = new LinkedHashMap<>();
        for (Lead l : problem.leads()) {
          l.currentOwner().ifPresent(o -> owners.put(l.id(), o));
        }
        Allocation held = Baselines.measure(problem, owners, name);
        Map<String, Integer> reasons = new TreeMap<>();
        int unassigned = 0;
        for (LeadOutcome o : held.unassigned()) {
          if (addedThisWeek.contains(o.lead())) {
            unassigned++;
            reasons.merge(reasonKey(o.reason().orElseThrow()), 1, Integer::sum);
          }
        }
        counts[1] = addedThisWeek.size() - unassigned;
        counts[2] = unassigned;
        counts[9] = held.unassigned().size();
        counts[10] = (int) book.roster().stream().filter(RosterEntry::active).count();
        LocalDate from = s.start().plusDays(7L * weeks.size());
        weeks.add(
            WeekFigures.of(
                weeks.size() + 1, from, today, counts, reasons, held.metrics(), held.gaps()));
        finalOwners = owners;
        finalReps = held.metrics().reps();
        counts = new int[11];
        addedThisWeek.clear();
        weekStart = book.events().size();
      }
      if (day == s.days() - 1) {
        // what more moves would buy, under the rebalancer the schedule would use
        curve =
            CurveFigures.of(
                book.curve(
                    book.rebalancer().maxMovesPerRep(s.schedule().maxMovesPerRep()).build()));
      }
      listener.progress(
          new LabListener.Progress(
              name,
              run,
              runs,
              day + 1,
              s.days(),
              consumed,
              java.time.Duration.ofNanos(System.nanoTime() - labStart)));
    }
    return new PolicyRun(name, weeks, finalReps, finalOwners, consumed, curve);
  }

  /** A lead comes in: routed, added to the pool, or (history) added with its recorded owner. */
  private Intake take(Book book, Lead lead) {
    if (history) {
      RepId owner = s.history().get(lead.id());
      boolean onTeam = owner != null && book.rep(owner).map(RosterEntry::active).orElse(false);
      Lead l =
          onTeam
              ? lead.toBuilder().currentOwner(owner.value()).build()
              : lead.toBuilder().clearCurrentOwner().build();
      return book.add(l, ACTOR, "recorded owner");
    }
    if (lead.currentOwner().filter(o -> !onTeam(book, o)).isPresent()) {
      lead = lead.toBuilder().clearCurrentOwner().build(); // found by a rep no longer here
    }
    if (s.schedule().placement() == Schedule.Placement.ROUTE) {
      return book.route(lead, ACTOR);
    }
    return book.add(lead, ACTOR, "arrived");
  }

  private static boolean onTeam(Book book, RepId rep) {
    return book.rep(rep).map(RosterEntry::active).orElse(false);
  }

  /** A roster event, by the book's own operations. */
  private static void apply(Book book, RosterEvent e) {
    switch (e.kind()) {
      case HIRE -> book.addRep(e.hire().orElseThrow(), ACTOR, "hired");
      case LEAVE ->
          book.setAvailability(e.rep(), e.day(), e.until().orElseThrow(), 0, ACTOR, "leave");
      case AVAILABILITY ->
          book.setAvailability(
              e.rep(), e.day(), e.until().orElseThrow(), e.amount(), ACTOR, "part time");
      case DEPARTURE -> book.removeRep(e.rep(), ACTOR, "leaves");
      case CAPACITY ->
          book.changeRep(
              current(book, e).toBuilder().capacity((int) e.amount()).build(), ACTOR, "capacity");
      case WEIGHT ->
          book.changeRep(current(book, e).toBuilder().weight(e.amount()).build(), ACTOR, "weight");
    }
  }

  private static Rep current(Book book, RosterEvent e) {
    return book.rep(e.rep())
        .filter(RosterEntry::active)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "roster event "
                        + e.kind()
                        + " on "
                        + e.day()
                        + ": rep "
                        + e.rep()
                        + " is not on the team"))
        .rep();
  }

  /** The key an unassigned reason is counted under. */
  static String reasonKey(UnassignedReason r) {
    String kind = r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String top = null;
    int most = 0;
    for (Map.Entry<String, Integer> e : r.excludedBy().entrySet()) { // sorted by rule id
      if (e.getValue() > most) {
        top = e.getKey();
        most = e.getValue();
      }
    }
    return top == null ? kind : kind + ":" + top;
  }

  /** A clock the lab moves: 09:00 UTC on each day, then minutes on. */
  static final class DayClock extends Clock {
    private Instant now;

    DayClock(LocalDate start) {
      day(start);
    }

    void day(LocalDate day) {
      now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    void minutes(long m) {
      now = now.plusSeconds(60 * m);
    }

    /** 10 ms on: a day holds a hundred thousand leads before its evening. */
    void tick() {
      now = now.plusMillis(10);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the lab runs in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
