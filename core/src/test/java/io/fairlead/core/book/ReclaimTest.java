package io.fairlead.core.book;

import static io.fairlead.core.book.BookTest.ANA;
import static io.fairlead.core.book.BookTest.DAY;
import static io.fairlead.core.book.BookTest.lead;
import static io.fairlead.core.book.BookTest.rep;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reclaiming idle customers. The rule for tier C (every lead here): back to the pool after 30 days
 * without a follow-up or 90 without a deal, with a warning 5 days before; cool-down 10 days.
 */
class ReclaimTest {

  private static final LeadId C1 = LeadId.of("c1");

  private static Book book(TestClock clock) {
    Lifecycle lifecycle =
        Lifecycle.builder()
            .reclaim("C", Lifecycle.Reclaim.after(30, 90).warning(5))
            .coolDownDays(10)
            .build();
    Book book = Book.builder(Policy.defaults()).clock(clock).lifecycle(lifecycle).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    book.add(lead("c1"), "crm", "web form");
    book.claim(ANA, C1); // on 2026-03-02
    return book;
  }

  private static List<String> run(Book book, TestClock clock, LocalDate day) {
    clock.day(day);
    return book.startDay("nightly").stream()
        .filter(e -> e.kind() != BookEvent.Kind.DAY_STARTED)
        .map(e -> e.kind().id() + " " + e.reason())
        .toList();
  }

  @Test
  void idleCustomer_isWarnedFiveDaysBefore_thenReclaimedOnItsDueDay() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock);

    assertThat(run(book, clock, LocalDate.of(2026, 3, 26))).isEmpty();
    assertThat(run(book, clock, LocalDate.of(2026, 3, 27)))
        .containsExactly(
            "warned goes back to the pool on 2026-04-01 unless ana works it: ana has not followed"
                + " it up since getting it on 2026-03-02");
    assertThat(run(book, clock, LocalDate.of(2026, 3, 31))).isEmpty(); // warned once
    assertThat(run(book, clock, LocalDate.of(2026, 4, 1)))
        .containsExactly(
            "reclaimed ana has not followed it up since getting it on 2026-03-02 (tier C rule: no"
                + " follow-up in 30 days)");
    Customer c = book.customer(C1).orElseThrow();
    assertThat(c.pooled()).isTrue();
    assertThat(c.coolDown()).containsEntry(ANA, LocalDate.of(2026, 4, 11));
    assertThat(book.claim(ANA, C1).granted()).isFalse();
  }

  @Test
  void reclaim_isIdempotentForTheSameDay() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock);
    assertThat(run(book, clock, LocalDate.of(2026, 4, 5))).hasSize(1);
    int events = book.events().size();

    assertThat(run(book, clock, LocalDate.of(2026, 4, 5))).isEmpty();
    assertThat(book.events()).hasSize(events);
  }

  @Test
  void followUps_extendTheProtection_upToTheNoDealMaximum() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock);
    for (LocalDate d = DAY.plusDays(20); d.isBefore(DAY.plusDays(90)); d = d.plusDays(20)) {
      clock.day(d);
      book.touch(C1, Activity.FOLLOW_UP, "rep:ana");
      assertThat(run(book, clock, d)).isEmpty();
    }
    // last follow-up on 05-21; the deal clause is due 90 days after 03-02: 05-31, warned 05-26
    assertThat(run(book, clock, LocalDate.of(2026, 5, 26)))
        .containsExactly(
            "warned goes back to the pool on 2026-05-31 unless ana works it: ana has made no deal"
                + " with it since getting it on 2026-03-02");
    assertThat(run(book, clock, LocalDate.of(2026, 5, 31)))
        .containsExactly(
            "reclaimed ana has made no deal with it since getting it on 2026-03-02 (tier C rule: no"
                + " deal in 90 days)");
  }

  @Test
  void aDeal_resetsBothClauses_andClearsTheWarning() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock);
    run(book, clock, LocalDate.of(2026, 3, 28));
    assertThat(book.customer(C1).orElseThrow().warnedFor()).contains(LocalDate.of(2026, 4, 1));

    book.touch(C1, Activity.DEAL, "rep:ana");

    assertThat(book.customer(C1).orElseThrow().warnedFor()).isEmpty();
    assertThat(run(book, clock, LocalDate.of(2026, 4, 21))).isEmpty();
    assertThat(run(book, clock, LocalDate.of(2026, 4, 22))) // 5 days before 30 after the deal
        .containsExactly(
            "warned goes back to the pool on 2026-04-27 unless ana works it: ana has not followed"
                + " it up since 2026-03-28");
    assertThat(run(book, clock, LocalDate.of(2026, 4, 27))).hasSize(1);
  }

  @Test
  void lockedOrPinnedCustomers_areNeverReclaimed() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock);
    book.add(lead("c2").toBuilder().currentOwner("ana").locked(true).build(), "import", "locked");
    book.override(C1, ANA, "manager:lee", "strategic account");

    assertThat(run(book, clock, LocalDate.of(2026, 12, 1))).isEmpty();
  }

  @Test
  void theClockWaits_whileTheOwnerIsOnLeave() {
    TestClock clock = new TestClock(DAY);
    Book book =
        Book.builder(Policy.defaults())
            .clock(clock)
            .lifecycle(
                Lifecycle.builder()
                    .reclaim("C", Lifecycle.Reclaim.after(30, 0))
                    .coverAfterDays(0)
                    .build())
            .build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.add(lead("c1"), "crm", "x");
    book.claim(ANA, C1);
    book.setAvailability(
        ANA, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 10), 0, "manager:lee", "leave");

    assertThat(run(book, clock, LocalDate.of(2026, 4, 5))).isEmpty();
    assertThat(run(book, clock, LocalDate.of(2026, 4, 11))).hasSize(1);
  }

  @Test
  void plan_isAPureFunctionOfTheCustomersAndTheDay() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock);
    List<Customer> customers = book.customers();
    Lifecycle lifecycle = book.lifecycle();
    LocalDate day = LocalDate.of(2026, 4, 2);

    var first =
        Reclaimer.plan(
            customers,
            (r, d) -> book.rep(r).map(m -> m.repOn(d)),
            book.policy(),
            lifecycle,
            day,
            clock.getZone());
    var second =
        Reclaimer.plan(
            customers,
            (r, d) -> book.rep(r).map(m -> m.repOn(d)),
            book.policy(),
            lifecycle,
            day,
            clock.getZone());

    assertThat(first).isEqualTo(second).hasSize(1);
    assertThat(book.customer(C1).orElseThrow().pooled()).isFalse(); // planning changed nothing
  }
}
