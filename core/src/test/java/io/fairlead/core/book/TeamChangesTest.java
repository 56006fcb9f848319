package io.fairlead.core.book;

import static io.fairlead.core.book.BookTest.ANA;
import static io.fairlead.core.book.BookTest.BEN;
import static io.fairlead.core.book.BookTest.DAY;
import static io.fairlead.core.book.BookTest.lead;
import static io.fairlead.core.book.BookTest.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Departures, long leave with covers, calendars, and overrides with their report. */
class TeamChangesTest {

  private static final RepId CY = RepId.of("cy");

  /** ana holds c1..c4; ben and cy hold nothing. */
  private static Book team(TestClock clock, Lifecycle lifecycle) {
    Book book = Book.builder(Policy.defaults()).clock(clock).lifecycle(lifecycle).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    book.addRep(rep("cy"), "manager:lee", "joins");
    for (int i = 1; i <= 4; i++) {
      book.add(lead("c" + i).toBuilder().currentOwner("ana").build(), "import", "book");
    }
    return book;
  }

  @Test
  void departure_redistributesByThePolicy_liftingPins_neverGrabbed() {
    TestClock clock = new TestClock(DAY);
    Book book = team(clock, Lifecycle.defaults());
    book.override(LeadId.of("c1"), ANA, "manager:lee", "key account");

    List<BookEvent> out = book.removeRep(ANA, "manager:lee", "resigned");

    assertThat(out)
        .extracting(e -> e.kind())
        .containsExactly(
            BookEvent.Kind.UNPINNED,
            BookEvent.Kind.MOVED,
            BookEvent.Kind.MOVED,
            BookEvent.Kind.MOVED,
            BookEvent.Kind.MOVED,
            BookEvent.Kind.REP_LEFT);
    assertThat(out.get(0).reason())
        .isEqualTo("ana left the team (resigned); the pin of manager:lee no longer holds");
    assertThat(out.get(1).reason()).startsWith("ana left the team (resigned); ");
    assertThat(out.get(1).rule()).isEqualTo("departure");
    assertThat(book.ownedBy(BEN)).hasSize(2);
    assertThat(book.ownedBy(CY)).hasSize(2);
    assertThat(book.rep(ANA).orElseThrow().active()).isFalse();
    assertThat(book.pool()).isEmpty();
  }

  @Test
  void departure_pool_putsTheCustomersInThePool() {
    TestClock clock = new TestClock(DAY);
    Book book = team(clock, Lifecycle.builder().departure(Lifecycle.Departure.POOL).build());

    List<BookEvent> out = book.removeRep(ANA, "manager:lee", "resigned");

    assertThat(out).filteredOn(e -> e.kind() == BookEvent.Kind.ORPHANED).hasSize(4);
    assertThat(out.get(0).reason())
        .isEqualTo("ana left the team (resigned); the lifecycle puts its customers in the pool");
    assertThat(book.pool()).hasSize(4);
  }

  @Test
  void departure_aCustomerNobodyElseMayTake_goesToThePool() {
    TestClock clock = new TestClock(DAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(Rep.builder("ana").regions("East", "West").build(), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    book.add(lead("w1").toBuilder().region("West").currentOwner("ana").build(), "import", "book");

    List<BookEvent> out = book.removeRep(ANA, "manager:lee", "resigned");

    assertThat(out)
        .extracting(e -> e.kind())
        .containsExactly(BookEvent.Kind.ORPHANED, BookEvent.Kind.REP_LEFT);
    assertThat(out.get(0).reason())
        .isEqualTo("ana left the team (resigned); no other rep may take it now");
  }

  @Test
  void longLeave_coversTheCustomers_andHandsThemBackOnReturn() {
    TestClock clock = new TestClock(DAY);
    Book book = team(clock, Lifecycle.builder().coverAfterDays(10).build());
    LocalDate from = LocalDate.of(2026, 3, 9);
    LocalDate to = LocalDate.of(2026, 3, 22);
    book.setAvailability(ANA, from, to, 0, "manager:lee", "two weeks' leave");

    clock.day(from.minusDays(1));
    assertThat(lifecycle(book)).isEmpty();
    clock.day(from);
    List<BookEvent> covers = lifecycle(book);
    assertThat(covers).hasSize(4).allMatch(e -> e.kind() == BookEvent.Kind.COVERED);
    assertThat(covers.get(0).reason()).startsWith("ana is on leave for 14 days (covers from 10); ");
    assertThat(book.ownedBy(ANA)).isEmpty();
    assertThat(book.customer(LeadId.of("c1")).orElseThrow().coveredFor()).contains(ANA);
    clock.plusDays(1);
    assertThat(lifecycle(book)).isEmpty(); // idempotent: already covered
    assertThat(book.receivedThisPeriod(BEN) + book.receivedThisPeriod(CY)).isZero(); // not receipts

    clock.day(to.plusDays(1));
    List<BookEvent> back = lifecycle(book);
    assertThat(back).hasSize(4).allMatch(e -> e.kind() == BookEvent.Kind.HANDED_BACK);
    assertThat(back.get(0).reason()).startsWith("ana is back from leave; ");
    assertThat(book.ownedBy(ANA)).hasSize(4);
  }

  @Test
  void departureDuringLeave_theCoverKeepsWhatThePolicyLeavesWithIt() {
    TestClock clock = new TestClock(DAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    book.add(lead("c1").toBuilder().currentOwner("ana").build(), "import", "book");
    book.setAvailability(ANA, DAY, DAY.plusDays(30), 0, "manager:lee", "long leave");
    assertThat(lifecycle(book)).extracting(e -> e.kind()).containsExactly(BookEvent.Kind.COVERED);

    List<BookEvent> out = book.removeRep(ANA, "manager:lee", "resigned");

    assertThat(out)
        .extracting(e -> e.kind())
        .containsExactly(BookEvent.Kind.KEPT, BookEvent.Kind.REP_LEFT);
    assertThat(out.get(0).reason())
        .startsWith("ana left the team (resigned); ben covered it and keeps it: ");
    assertThat(book.customer(LeadId.of("c1")).orElseThrow().coveredFor()).isEmpty();
    assertThat(book.ownerOf(LeadId.of("c1"))).contains(BEN);
  }

  @Test
  void shortLeave_customersWaitForTheirOwner() {
    TestClock clock = new TestClock(DAY);
    Book book = team(clock, Lifecycle.builder().coverAfterDays(10).build());
    book.setAvailability(
        ANA, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 13), 0, "manager:lee", "a week off");

    clock.day(LocalDate.of(2026, 3, 9));

    assertThat(lifecycle(book)).isEmpty();
    assertThat(book.ownedBy(ANA)).hasSize(4);
  }

  @Test
  void calendar_feedsTheProblem_leaveAndRampUpAsShares() {
    TestClock clock = new TestClock(DAY);
    Book book = team(clock, Lifecycle.defaults());
    book.setAvailability(BEN, DAY, DAY.plusDays(29), 0.5, "manager:lee", "ramping up");
    book.setAvailability(CY, DAY, DAY.plusDays(2), 0, "manager:lee", "sick");

    Problem p = book.problem();

    assertThat(p.reps()).extracting(Rep::share).containsExactly(1.0, 0.5, 1.0);
    assertThat(p.reps()).extracting(Rep::available).containsExactly(true, true, false);
    assertThat(p.policy().effectiveWeight(p.reps().get(1))).isEqualTo(0.5);
    clock.plusDays(30);
    assertThat(book.problem().reps()).extracting(Rep::share).containsExactly(1.0, 1.0, 1.0);
  }

  @Test
  void overrides_arePinnedLogged_andReportedPerActorWithTheirEffectOnShares() {
    TestClock clock = new TestClock(DAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    for (int i = 1; i <= 6; i++) {
      book.add(
          lead("c" + i).toBuilder().currentOwner(i <= 3 ? "ana" : "ben").build(), "import", "x");
    }

    BookEvent e = book.override(LeadId.of("c4"), ANA, "manager:lee", "she knows their CFO");
    book.override(LeadId.of("c5"), ANA, "manager:lee", "same group");
    book.override(LeadId.of("c1"), ANA, "manager:kim", "keep it");

    assertThat(e.kind()).isEqualTo(BookEvent.Kind.OVERRIDDEN);
    assertThat(e.rule()).isEqualTo("manual");
    assertThat(book.customer(LeadId.of("c4")).orElseThrow().pinnedBy()).contains("manager:lee");
    assertThat(book.customer(LeadId.of("c4")).orElseThrow().lead().locked()).isTrue();
    assertThat(book.problem().leads().get(3).locked()).isTrue(); // pinned for the solver

    OverrideReport r = book.overrides();
    assertThat(r.actors())
        .extracting(OverrideReport.ByActor::actor)
        .containsExactly("manager:lee", "manager:kim");
    OverrideReport.ByActor lee = r.actors().get(0);
    assertThat(lee.count()).isEqualTo(2);
    assertThat(lee.inEffect()).isEqualTo(2);
    assertThat(lee.valueInEffect()).isEqualTo(2000);
    assertThat(lee.byRep()).containsEntry(ANA, 2);
    OverrideReport.RepEffect ana = r.reps().get(0);
    assertThat(ana.customers()).isEqualTo(5);
    assertThat(ana.gained()).isEqualTo(2); // c1 pinned in place moved nothing
    assertThat(ana.countShare()).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(ana.countShareWithout()).isCloseTo(3 / 6.0, within(1e-12));
    assertThat(ana.fairShare()).isEqualTo(0.5);
    assertThat(r.reps().get(1).lost()).isEqualTo(2);
    assertThat(ana.fairValueShare()).isEqualTo(0.5);
    assertThat(r.toText())
        .contains("manager:lee        2 overrides,   2 in effect, worth 2,000; to {ana=2}")
        .contains(
            "ana  customers  83.3% /  50.0% /  50.0%, value  83.3% /  50.0% /  50.0%  (+2 by override, -0)");

    book.unpin(LeadId.of("c5"), "manager:lee", "done");
    clock.plusDays(1);
    book.release(LeadId.of("c5"), "rep:ana", "not mine");
    assertThat(book.overrides().actors().get(0).inEffect()).isEqualTo(1);
  }

  @Test
  void override_overrulingARule_saysSoInItsReason() {
    TestClock clock = new TestClock(DAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(Rep.builder("wes").regions("West").build(), "manager:lee", "joins");
    book.add(lead("c1").toBuilder().currentOwner("ana").build(), "import", "x");

    BookEvent e = book.override(LeadId.of("c1"), RepId.of("wes"), "manager:lee", "family friend");

    assertThat(e.reason()).isEqualTo("family friend (overruling wes covers [West], not East)");
  }

  /** The lifecycle's events of the day, without the day's own. */
  private static List<BookEvent> lifecycle(Book book) {
    return book.startDay("nightly").stream()
        .filter(e -> e.kind() != BookEvent.Kind.DAY_STARTED)
        .toList();
  }
}
