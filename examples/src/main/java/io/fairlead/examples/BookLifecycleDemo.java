package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.book.Activity;
import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Customer;
import io.fairlead.core.book.Intake;
import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.book.RosterEntry;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.rebalance.Rebalance;
import io.fairlead.core.rebalance.TradeOffCurve;
import io.fairlead.core.rebalance.TradeOffPoint;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ninety days of a sales team's book on the bundled Maven CRM sample: deals arrive each day in
 * engage-date order, idle customers are warned and reclaimed, a rep takes two weeks' leave and is
 * covered, a new hire ramps up at half speed, a rep leaves and its book is redistributed, managers
 * override a few assignments, and ownership conflicts (撞单) are decided by the lifecycle. Prints the
 * fairness of the book week by week, the conflicts, the overrides and their effect on shares, and a
 * summary of the audit log.
 *
 * <pre>
 * mvn -q install -DskipTests
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.fairlead.examples.BookLifecycleDemo
 * </pre>
 *
 * <p>How the sample becomes a team's life (see {@code docs/book-lifecycle.md}):
 *
 * <ul>
 *   <li>The book starts on 2017-04-01 with every deal engaged before and still open, owned by its
 *       agent; deals of one account are one customer (the account, by its name as entity key), so
 *       an account several agents worked is a conflict decided at import.
 *   <li>Each day the deals engaged that day come in. A deal of an account was found by its agent:
 *       it comes with the agent as owner, so a deal of an account someone else owns is a conflict
 *       (first valid touch within 14 days wins; tier A accounts are protected). A deal without an
 *       account is an inbound lead: it goes to the pool, and the pool is placed by the policy at
 *       the end of the day.
 *   <li>A deal closed that day is activity on its customer: a deal if won, a follow-up if lost; a
 *       lost deal without an account leaves the book.
 * </ul>
 */
public final class BookLifecycleDemo {

  /** The first day of the ninety. */
  static final LocalDate START = LocalDate.of(2017, 4, 1);

  /** How many days run. */
  static final int DAYS = 90;

  static final ZoneId ZONE = ZoneOffset.UTC;

  /** The hire who joins on day 10 and ramps up at half speed for 30 days. */
  static final RepId HIRE = RepId.of("Nova Reyes");

  /** The rep on leave for two weeks from day 22. */
  static final RepId ON_LEAVE = RepId.of("Anna Snelling");

  /** The rep who leaves the team on day 60. */
  static final RepId LEAVER = RepId.of("Moses Frase");

  private BookLifecycleDemo() {}

  /**
   * The demo's policy: the sample's (tiers by account revenue, every hard rule, owners kept) that
   * balances what each rep holds and, as much, what it received this month, with a catch-up of at
   * most three leads for a rep back from leave or new.
   */
  static Policy policy() {
    return MavenCrmData.policyBuilder()
        .weight(Objective.RECEIPTS, 1)
        .catchUp(CatchUp.capped(3))
        .build();
  }

  /** The weekly rebalance: at most 2 % of the movable customers, at most 3 per rep. */
  static final double WEEKLY_BUDGET = 0.02;

  /** The lifecycle of the demo. */
  static Lifecycle lifecycle() {
    return Lifecycle.builder()
        .claimsPerDay(3)
        .coolDownDays(30)
        .reclaim("C", Lifecycle.Reclaim.after(30, 60).warning(5))
        .reclaim("B", Lifecycle.Reclaim.after(45, 90).warning(7))
        .conflicts(Lifecycle.Conflicts.firstTouchWins(14).protect("A"))
        .departure(Lifecycle.Departure.REDISTRIBUTE)
        .coverAfterDays(10)
        .build();
  }

  /** A clock the simulation moves, day by day (09:00 UTC). */
  static final class DayClock extends Clock {
    private Instant now = START.atTime(9, 0).toInstant(ZoneOffset.UTC);

    void day(LocalDate day) {
      now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    void minutes(long m) {
      now = now.plusSeconds(60 * m);
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the demo runs in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** What the run did, for the report and the test. */
  /**
   * What the run did, for the report and the tests.
   *
   * @param book the book after the ninety days
   * @param given every lead given to the book, by id
   * @param conflicts the intakes of leads a rep brought in for a customer another rep owned
   * @param weeks the week-by-week figures
   * @param importedMerges the deals merged into their accounts' customers at import
   * @param curve the trade-off curve of the book on the last day
   */
  public record Run(
      Book book,
      Map<LeadId, Lead> given,
      List<Intake> conflicts,
      List<Week> weeks,
      int importedMerges,
      TradeOffCurve curve) {}

  /** One week's figures: events counted, and the book measured at the week's end. */
  public record Week(
      int number,
      LocalDate from,
      LocalDate to,
      int arrived,
      int merged,
      int conflictsMoved,
      int pooled,
      int reclaimed,
      int warned,
      int covered,
      int rebalanced,
      int reps,
      FairnessMetrics metrics,
      BoundGaps gaps) {}

  public static void main(String[] args) {
    print(run(MavenCrmData.load()), System.out);
  }

  /** Runs the ninety days (deterministic: the same output on every machine). */
  public static Run run(MavenCrmData crm) {
    DayClock clock = new DayClock();
    Book book = Book.builder(policy()).lifecycle(lifecycle()).clock(clock).build();
    Map<LeadId, Lead> given = new LinkedHashMap<>();
    List<Intake> conflicts = new ArrayList<>();

    // The team and its book on the first morning.
    for (Rep r : crm.reps()) {
      book.addRep(r, "import", "on the team on " + START);
    }
    int importedMerges = 0;
    for (MavenCrmData.Deal d : crm.deals()) {
      boolean openAtStart =
          d.engaged().filter(e -> e.isBefore(START)).isPresent()
              && d.closed().filter(c -> c.isBefore(START)).isEmpty();
      if (openAtStart) {
        Lead lead = crm.lead(d).toBuilder().currentOwner(d.agent()).build();
        given.put(lead.id(), lead);
        Intake in = book.add(lead, "import", "open on " + START + ", worked by " + d.agent());
        if (in.outcome() == Intake.Outcome.MERGED) {
          importedMerges++;
        }
      }
    }

    Map<LocalDate, List<MavenCrmData.Deal>> engaged = new TreeMap<>();
    Map<LocalDate, List<MavenCrmData.Deal>> closed = new TreeMap<>();
    for (MavenCrmData.Deal d : crm.deals()) {
      d.engaged().ifPresent(e -> engaged.computeIfAbsent(e, k -> new ArrayList<>()).add(d));
      d.closed().ifPresent(c -> closed.computeIfAbsent(c, k -> new ArrayList<>()).add(d));
    }

    List<Week> weeks = new ArrayList<>();
    Map<BookEvent.Kind, Integer> week = new EnumMap<>(BookEvent.Kind.class);
    int arrived = 0;
    int merged = 0;
    int conflictsMoved = 0;
    int rebalanced = 0;
    long weekStart = book.events().size();
    for (int day = 0; day < DAYS; day++) {
      LocalDate today = START.plusDays(day);
      clock.day(today);
      team(book, today, day, clock);
      book.startDay("nightly");
      clock.minutes(60);
      for (MavenCrmData.Deal d : closed.getOrDefault(today, List.of())) {
        activity(book, d);
      }
      clock.minutes(60);
      for (MavenCrmData.Deal d : engaged.getOrDefault(today, List.of())) {
        if (!today.isBefore(START) && d.closed().filter(c -> !c.isAfter(today)).isEmpty()) {
          boolean found =
              !d.account().isEmpty() // the agent found it, if still on the team
                  && book.rep(RepId.of(d.agent())).map(RosterEntry::active).orElse(false);
          Lead lead = found ? crm.lead(d).toBuilder().currentOwner(d.agent()).build() : crm.lead(d);
          given.put(lead.id(), lead);
          Intake in = book.add(lead, "crm", "engaged by " + d.agent());
          arrived++;
          if (in.outcome() == Intake.Outcome.MERGED) {
            merged++;
            boolean contested =
                lead.currentOwner().isPresent()
                    && in.matches().stream()
                        .anyMatch(
                            m -> m.owner().isPresent() && !m.owner().equals(lead.currentOwner()));
            if (contested) {
              conflicts.add(in);
              if (in.events().stream().anyMatch(e -> e.kind() == BookEvent.Kind.MOVED)) {
                conflictsMoved++;
              }
            }
          }
        }
      }
      clock.minutes(600);
      book.distribute("nightly");
      if (day % 7 == 6) {
        clock.minutes(30);
        Rebalance r =
            book.rebalance(
                book.rebalancer().maxMovesShare(WEEKLY_BUDGET).maxMovesPerRep(3).build(),
                "weekly-rebalance");
        rebalanced += r.moves().size();
      }
      if (day % 7 == 6 || day == DAYS - 1) {
        for (BookEvent e : book.eventsAfter(weekStart)) {
          week.merge(e.kind(), 1, Integer::sum);
        }
        Problem p = book.problem();
        Allocation held = Baselines.measure(p, ownership(p), "book");
        weeks.add(
            new Week(
                weeks.size() + 1,
                START.plusDays(7L * weeks.size()),
                today,
                arrived,
                merged,
                conflictsMoved,
                week.getOrDefault(BookEvent.Kind.ASSIGNED, 0),
                week.getOrDefault(BookEvent.Kind.RECLAIMED, 0),
                week.getOrDefault(BookEvent.Kind.WARNED, 0),
                week.getOrDefault(BookEvent.Kind.COVERED, 0),
                rebalanced,
                (int) book.roster().stream().filter(RosterEntry::active).count(),
                held.metrics(),
                held.gaps()));
        week.clear();
        arrived = 0;
        merged = 0;
        conflictsMoved = 0;
        rebalanced = 0;
        weekStart = book.events().size();
      }
    }
    TradeOffCurve curve = book.curve(book.rebalancer().maxMovesPerRep(3).build());
    return new Run(book, given, conflicts, weeks, importedMerges, curve);
  }

  /** The team's changes of the day: a hire, a leave, a departure, managers' overrides. */
  private static void team(Book book, LocalDate today, int day, DayClock clock) {
    switch (day) {
      case 9 -> {
        book.addRep(
            Rep.builder(HIRE.value()).regions("Central").capacity(120).build(),
            "manager:Dustin Brinkmann",
            "new hire");
        book.setAvailability(
            HIRE, today, today.plusDays(29), 0.5, "manager:Dustin Brinkmann", "ramping up");
      }
      case 21 ->
          book.setAvailability(ON_LEAVE, today, today.plusDays(13), 0, "hr", "two weeks' leave");
      case 59 -> book.removeRep(LEAVER, "manager:Dustin Brinkmann", "resigned");
      case 14, 44, 74 -> override(book, "manager:Cara Losch", RepId.of("Violet Mclelland"));
      default -> {}
    }
    clock.minutes(5);
  }

  /**
   * A manager hands the most valuable customer of the East team it does not hold to a favourite.
   */
  private static void override(Book book, String manager, RepId favourite) {
    Optional<Customer> best =
        book.customers().stream()
            .filter(c -> c.owner().isPresent() && !c.owner().get().equals(favourite))
            .filter(c -> !c.pinned() && c.lead().region().equals(Optional.of("East")))
            .max(java.util.Comparator.comparingDouble(c -> c.lead().value()));
    best.ifPresent(c -> book.override(c.id(), favourite, manager, "she has the relationship"));
  }

  /** A deal closed: activity on its customer by its owner; a lost deal without account leaves. */
  private static void activity(Book book, MavenCrmData.Deal d) {
    LeadId id = LeadId.of(d.id());
    Optional<Customer> c =
        book.customer(id).or(() -> book.ownerOf(id).flatMap(o -> customerOf(book, id)));
    if (c.isEmpty()) {
      return;
    }
    Customer customer = c.get();
    if (customer.owner().isPresent()) {
      book.touch(
          customer.id(),
          d.won() ? Activity.DEAL : Activity.FOLLOW_UP,
          "rep:" + customer.owner().get().value());
    }
    if (!d.won() && d.account().isEmpty() && customer.id().equals(id)) {
      book.remove(id, "crm", "lost");
    }
  }

  private static Optional<Customer> customerOf(Book book, LeadId duplicate) {
    for (Customer c : book.customers()) {
      if (c.duplicates().contains(duplicate)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Map<LeadId, RepId> ownership(Problem p) {
    Map<LeadId, RepId> out = new HashMap<>();
    for (Lead l : p.leads()) {
      l.currentOwner().ifPresent(o -> out.put(l.id(), o));
    }
    return out;
  }

  /** Prints what a run did: week by week, the trade-off curve, conflicts, overrides, the log. */
  public static void print(Run run, PrintStream out) {
    Book book = run.book();
    out.printf(
        Locale.ROOT,
        "fairlead — 90 days of a team's book (Maven CRM sample, %s to %s)%n%n",
        START,
        START.plusDays(DAYS - 1));
    out.printf(
        Locale.ROOT,
        "The book on %s: %d deals open, %d customers after %d deals merged into their accounts.%n%n",
        START,
        run.given().size() - run.weeks().stream().mapToInt(Week::arrived).sum(),
        book.customers().size(),
        run.importedMerges());
    out.println(
        "week  to      new  merged  taken  placed  reclaimed  warned  covered  rebalanced  reps"
            + "   count gap  value gap  A gap   lag");
    for (Week w : run.weeks()) {
      out.printf(
          Locale.ROOT,
          "%4d  %s  %4d  %6d  %5d  %6d  %9d  %6d  %7d  %10d  %4d  %9.1f%%  %8.1f%%  %4.1f%%  %4.1f%n",
          w.number(),
          w.to().toString().substring(5),
          w.arrived(),
          w.merged(),
          w.conflictsMoved(),
          w.pooled(),
          w.reclaimed(),
          w.warned(),
          w.covered(),
          w.rebalanced(),
          w.reps(),
          100 * w.gaps().countGap(),
          100 * w.gaps().valueMaxGap(),
          100 * w.gaps().topTierGap(),
          w.metrics().receipts().maxDeviation());
    }
    out.println(
        "(new: deals engaged; merged: into a customer of the book; taken: conflicts won by the rep"
            + " who touched first; placed: from the pool by the policy; gaps: above the proven"
            + " bounds for customer counts, the largest weighted value and the top tier; lag: the"
            + " largest gap between a rep's new customers this month and its share, in leads)");
    out.println();
    TradeOffCurve c = run.curve();
    out.printf(
        Locale.ROOT,
        "Trade-off curve on %s (%d movable customers, at most 3 moves per rep; held back: %s;"
            + " gaps against the bounds with those held back in place):%n",
        START.plusDays(DAYS - 1),
        c.movable(),
        c.heldBack());
    out.println("  budget       moves  count gap  value gap  A gap");
    for (TradeOffPoint p : c.points()) {
      out.printf(
          Locale.ROOT,
          "  %-10s  %6d  %8.1f%%  %8.1f%%  %4.1f%%%n",
          p.budget(),
          p.moves(),
          100 * p.gaps().countGap(),
          100 * p.gaps().valueMaxGap(),
          100 * p.gaps().topTierGap());
    }
    out.printf(
        Locale.ROOT,
        "  proven fewest moves to the exact count optimum: %s%n",
        c.fewestMovesToCountOptimum().isPresent()
            ? Integer.toString(c.fewestMovesToCountOptimum().getAsInt())
            : "not reachable within the rules");
    out.println();
    out.printf(
        Locale.ROOT,
        "Conflicts (撞单): %d deals found by one rep for an account another owns; %d changed hands"
            + " (first valid touch in 14 days wins, tier A protected). The first three:%n",
        run.conflicts().size(),
        run.conflicts().stream()
            .filter(i -> i.events().stream().anyMatch(e -> e.kind() == BookEvent.Kind.MOVED))
            .count());
    run.conflicts().stream().limit(3).forEach(i -> out.println("  " + i.reason()));
    out.println();
    out.print(book.overrides().toText());
    out.println();
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Integer> byActor = new TreeMap<>();
    for (BookEvent e : book.events()) {
      byKind.merge(e.kind().id(), 1, Integer::sum);
      byActor.merge(e.actor().startsWith("rep:") ? "rep:*" : e.actor(), 1, Integer::sum);
    }
    var v = book.verify();
    out.printf(
        Locale.ROOT,
        "Audit log: %d events, %s; head %s…%n  by kind: %s%n  by actor: %s%n",
        book.events().size(),
        v.intact() ? "intact (every hash checks)" : "BROKEN at event " + v.brokenAt().orElseThrow(),
        v.head().substring(0, 16),
        byKind,
        byActor);
  }

  /** Measures the current book (for tests). */
  static FairnessMetrics measure(Book book) {
    Problem p = book.problem();
    return Baselines.measure(p, ownership(p), "book").metrics();
  }
}
