package io.fairlead.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The book's ledger: what each rep received this period, calibrated by the policy's catch-up when a
 * rep comes back, and carried into every problem and the book's router. Issue #8's case: three
 * reps, six new leads a day, cy on leave for the first two weeks of March.
 */
class BookLedgerTest {

  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
  private static final RepId ANA = RepId.of("ana");
  private static final RepId BEN = RepId.of("ben");
  private static final RepId CY = RepId.of("cy");

  /** Only receipts are balanced: each rep's new leads this period, per unit of weight. */
  private static Policy receipts(CatchUp catchUp) {
    return Policy.builder()
        .weight(Objective.COUNT, 0)
        .weight(Objective.VALUE, 0)
        .weight(Objective.TIER, 0)
        .weight(Objective.RECEIPTS, 1)
        .catchUp(catchUp)
        .build();
  }

  private static int next;

  /** Runs days of six new leads, placed each night; returns what cy got on each of them. */
  private static List<Integer> days(Book book, TestClock clock, int from, int to) {
    List<Integer> cy = new java.util.ArrayList<>();
    for (int d = from; d <= to; d++) {
      clock.day(MARCH_1.plusDays(d - 1L));
      book.startDay("nightly");
      int before = book.ownedBy(CY).size();
      for (int i = 0; i < 6; i++) {
        book.add(Lead.builder("l" + next++).value(1000).build(), "crm", "web form");
      }
      book.distribute("nightly");
      cy.add(book.ownedBy(CY).size() - before);
    }
    return cy;
  }

  private static Book team(Policy policy, TestClock clock) {
    Book book = Book.builder(policy).clock(clock).build();
    for (String r : List.of("ana", "ben", "cy")) {
      book.addRep(Rep.builder(r).build(), "manager:lee", "joins");
    }
    book.setAvailability(CY, MARCH_1, MARCH_1.plusDays(13), 0, "hr", "two weeks' leave");
    return book;
  }

  @Test
  void backFromLeave_catchUpNone_getsItsShareFromNowOn_notTheWholeDay() {
    TestClock clock = new TestClock(MARCH_1);
    Book book = team(receipts(CatchUp.NONE), clock);
    assertThat(days(book, clock, 1, 14)).containsOnly(0);
    assertThat(book.ledger().entry(ANA).received()).isEqualTo(42);

    assertThat(days(book, clock, 15, 21)).containsExactly(2, 2, 2, 2, 2, 2, 2);
    BookEvent calibrated =
        book.events().stream()
            .filter(e -> e.kind() == BookEvent.Kind.CALIBRATED)
            .findFirst()
            .orElseThrow();
    assertThat(calibrated.reason())
        .isEqualTo(
            "cy is back: the ledger credits it 42.00 leads this period (it had 0.00; the team's"
                + " level is 42.00, catch-up NONE)");
    assertThat(calibrated.rule()).isEqualTo("ledger:catch-up");
  }

  @Test
  void backFromLeave_catchUpCappedOrFull_catchesUpAsThePolicySays() {
    TestClock clock = new TestClock(MARCH_1);
    Book capped = team(receipts(CatchUp.capped(3)), clock);
    days(capped, clock, 1, 14);
    assertThat(days(capped, clock, 15, 17)).containsExactly(4, 2, 2); // 3 leads behind: 39 + 4

    next = 10_000;
    TestClock clock2 = new TestClock(MARCH_1);
    Book full = team(receipts(CatchUp.FULL), clock2);
    days(full, clock2, 1, 14);
    assertThat(days(full, clock2, 15, 22)).containsExactly(6, 6, 6, 6, 6, 6, 6, 2);
  }

  @Test
  void aBatchThatBalancesHoldings_floodsTheReturningRep_theBooksDefaultDoesNot() {
    TestClock clock = new TestClock(MARCH_1);
    Book leastBusy =
        Book.builder(Policy.defaults()).clock(clock).allocator(Baselines.leastBusy()).build();
    for (String r : List.of("ana", "ben", "cy")) {
      leastBusy.addRep(Rep.builder(r).build(), "manager:lee", "joins");
    }
    leastBusy.setAvailability(CY, MARCH_1, MARCH_1.plusDays(13), 0, "hr", "two weeks' leave");
    days(leastBusy, clock, 1, 14);
    assertThat(days(leastBusy, clock, 15, 17)).containsExactly(6, 6, 6); // the complaint

    // the default allocator places in the router's order, whose ledger bounds how far ahead a rep
    // stands: under the default (holdings) policy cy gets half again, then its share
    TestClock clock2 = new TestClock(MARCH_1);
    Book book = team(Policy.defaults(), clock2);
    days(book, clock2, 1, 14);
    assertThat(days(book, clock2, 15, 17)).containsExactly(3, 2, 2);
  }

  @Test
  void ledger_isInEveryProblem_startsAfreshEachPeriod_andSurvivesJson() {
    TestClock clock = new TestClock(MARCH_1);
    Book book = team(receipts(CatchUp.NONE), clock);
    days(book, clock, 1, 16);

    Ledger ledger = book.ledger();
    assertThat(book.problem().ledger()).isEqualTo(ledger);
    assertThat(ledger.entry(CY).credited()).isEqualTo(42 + 4, within(1e-9));
    Book read =
        FairleadJson.readBook(
            FairleadJson.writeBook(book), Book.builder(book.policy()).clock(clock));
    assertThat(read.ledger()).isEqualTo(ledger);

    clock.day(LocalDate.of(2026, 4, 1));
    assertThat(book.ledger().entries()).isEmpty(); // April starts at zero
  }

  @Test
  void rampingHire_getsHalfTheShare_byItsCalendar() {
    TestClock clock = new TestClock(MARCH_1);
    Book book = Book.builder(receipts(CatchUp.NONE)).clock(clock).build();
    book.addRep(Rep.builder("ana").build(), "manager:lee", "joins");
    book.addRep(Rep.builder("nova").build(), "manager:lee", "new hire");
    book.setAvailability(
        RepId.of("nova"), MARCH_1, MARCH_1.plusDays(29), 0.5, "manager:lee", "ramp");
    for (int i = 0; i < 30; i++) {
      book.add(Lead.builder("r" + i).value(1000).build(), "crm", "form");
    }

    book.distribute("nightly");

    assertThat(book.ownedBy(ANA)).hasSize(20);
    assertThat(book.ownedBy(RepId.of("nova"))).hasSize(10);
  }

  @Test
  void route_placesEachArrivalAtOnce_byTheBooksLedgerAndRules() {
    TestClock clock = new TestClock(MARCH_1);
    Book book = team(receipts(CatchUp.NONE), clock);
    clock.day(MARCH_1.plusDays(2)); // cy is on leave
    Map<RepId, Integer> got = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      Intake in = book.route(Lead.builder("w" + i).value(1000).build(), "webhook");
      got.merge(in.owner().orElseThrow(), 1, Integer::sum);
      assertThat(in.events())
          .extracting(BookEvent::kind)
          .containsExactly(BookEvent.Kind.ADDED, BookEvent.Kind.ASSIGNED);
      assertThat(in.events().get(1).rule()).isEqualTo("router");
    }
    assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of(ANA, 3, BEN, 3));

    // a claim outside the router: the router, rebuilt from the book, takes it into account
    book.add(Lead.builder("p1").value(1000).build(), "crm", "form");
    assertThat(book.claim(ANA, LeadId.of("p1")).granted()).isTrue();
    assertThat(book.route(Lead.builder("w6").value(1000).build(), "webhook").owner()).contains(BEN);

    // a duplicate is merged, not routed; a repeat changes nothing
    Intake dup = book.route(Lead.builder("w6").value(1000).build(), "webhook");
    assertThat(dup.outcome()).isEqualTo(Intake.Outcome.REPEAT);
  }

  @Test
  void route_nobodyMayTakeIt_staysInThePoolWithTheRoutersReason() {
    TestClock clock = new TestClock(MARCH_1);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(Rep.builder("ana").regions("East").build(), "manager:lee", "joins");

    Intake in = book.route(Lead.builder("x1").region("West").build(), "webhook");

    assertThat(in.owner()).isEmpty();
    assertThat(book.pool()).extracting(Customer::id).containsExactly(LeadId.of("x1"));
    assertThat(in.reason()).isEqualTo("unassigned: no eligible rep among 1: region excluded 1");
  }
}
