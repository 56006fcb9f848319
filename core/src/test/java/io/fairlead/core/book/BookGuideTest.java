package io.fairlead.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Verdict;
import io.fairlead.core.rebalance.Rebalance;
import io.fairlead.core.rebalance.TradeOffCurve;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code samples of {@code docs/book-lifecycle.md}, compiled and checked. The guide shows them
 * verbatim: {@code DocOutputs} (examples) copies each marked sample into its generated block, and
 * {@code DocOutputsTest} fails when a block differs.
 */
class BookGuideTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  @Test
  void quickStart() {
    TestClock clock = new TestClock(MONDAY);
    Policy policy = Policy.defaults();
    // --- docs/book-lifecycle.md: quick start
    Lifecycle lifecycle =
        Lifecycle.builder()
            .claimsPerDay(3)
            .coolDownDays(30)
            .reclaim("C", Lifecycle.Reclaim.after(30, 90).warning(5))
            .conflicts(Lifecycle.Conflicts.firstTouchWins(14).protect("A"))
            .build();
    Book book = Book.builder(policy).lifecycle(lifecycle).clock(clock).build();

    book.addRep(Rep.builder("ana").regions("East").build(), "manager:lee", "joins the team");
    book.addRep(Rep.builder("ben").regions("East").build(), "manager:lee", "joins the team");
    book.add(
        Lead.builder("c1").region("East").attribute("company", "Acme GmbH").build(),
        "crm",
        "web form");
    book.add(
        Lead.builder("c2").region("East").attribute("company", "Globex Inc.").build(),
        "crm",
        "web form");
    book.distribute("nightly"); // the pool, placed by the policy: one each

    Claim claim = book.claim(RepId.of("ana"), LeadId.of("c2")); // refused: ben owns it
    Intake dup =
        book.add(
            Lead.builder("w9").region("East").attribute("company", "ACME").build(),
            "crm",
            "trade fair"); // the same company as c1: merged into it, never dropped
    List<BookEvent> tonight = book.startDay("nightly"); // hand-backs, covers, warnings, reclaims

    String json = FairleadJson.writeBook(book); // the log; reading it back replays it
    Verification check = book.verify(); // names the first event edited since it was written
    // --- end

    assertThat(claim.granted()).isFalse();
    assertThat(claim.refusals()).extracting(x -> x.rule()).containsExactly("pool");
    assertThat(dup.outcome()).isEqualTo(Intake.Outcome.MERGED);
    assertThat(tonight).extracting(BookEvent::kind).containsExactly(BookEvent.Kind.DAY_STARTED);
    assertThat(check.intact()).isTrue();
    assertThat(
            FairleadJson.readBook(json, Book.builder(policy).lifecycle(lifecycle).clock(clock))
                .customers())
        .isEqualTo(book.customers());
    assertThat(book.ownedBy(RepId.of("ana"))).hasSize(1);
    assertThat(book.ownedBy(RepId.of("ben"))).hasSize(1);
  }

  @Test
  void whoOwnsAndMayTake() {
    TestClock clock = new TestClock(MONDAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(Rep.builder("ana").regions("East").build(), "manager:lee", "joins");
    book.addRep(Rep.builder("ben").regions("East").build(), "manager:lee", "joins");
    book.add(
        Lead.builder("c1")
            .region("East")
            .attribute("company", "深圳市腾达科技有限公司")
            .currentOwner("ana")
            .build(),
        "import",
        "existing book");
    // --- docs/book-lifecycle.md: who owns this
    Lead incoming = Lead.builder("x7").region("East").attribute("company", "深圳市腾达科技股份有限公司").build();
    List<Intake.Match> owners = book.whoOwns(incoming);
    // [c1 owned by ana, shares company-name:深圳市腾达科技]
    Verdict ben = book.mayTake(RepId.of("ben"), incoming);
    // no: "x7 is the same company as c1 (company-name:深圳市腾达科技); ana keeps it (the owner keeps a
    // duplicate)"
    // --- end

    assertThat(owners)
        .singleElement()
        .satisfies(m -> assertThat(m.owner()).contains(RepId.of("ana")));
    assertThat(owners.get(0).keys())
        .extracting(Object::toString)
        .containsExactly("company-name:深圳市腾达科技");
    assertThat(ben.exclusions())
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.reason())
                    .isEqualTo(
                        "x7 is the same company as c1 (company-name:深圳市腾达科技); ana keeps it (the"
                            + " owner keeps a duplicate)"));
  }

  @Test
  void calendars() {
    TestClock clock = new TestClock(MONDAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(Rep.builder("ana").build(), "manager:lee", "joins");
    // --- docs/book-lifecycle.md: calendars
    book.addRep(Rep.builder("nova").build(), "manager:lee", "new hire");
    book.setAvailability(
        RepId.of("nova"), MONDAY, MONDAY.plusDays(29), 0.5, "manager:lee", "ramping up");
    book.setAvailability(
        RepId.of("ana"), MONDAY.plusDays(7), MONDAY.plusDays(20), 0, "hr", "two weeks' leave");
    // --- end
    assertThat(book.problem().reps()).extracting(Rep::share).containsExactly(1.0, 0.5);
    clock.plusDays(7);
    assertThat(book.problem().reps()).extracting(Rep::available).containsExactly(false, true);
  }

  @Test
  void routingAndRebalancing() {
    TestClock clock = new TestClock(MONDAY);
    // --- docs/book-lifecycle.md: routing and rebalancing
    Policy policy =
        Policy.builder()
            .weight(Objective.RECEIPTS, 1) // this month's new leads too
            .catchUp(CatchUp.capped(3))
            .build();
    Book book = Book.builder(policy).clock(clock).build();
    book.addRep(Rep.builder("ana").build(), "manager:lee", "joins");
    book.addRep(Rep.builder("ben").build(), "manager:lee", "joins");

    Intake web = book.route(Lead.builder("w1").value(900).build(), "webhook"); // placed at once
    Ledger month = book.ledger(); // what each rep received this month

    Rebalance weekly =
        book.rebalance(
            book.rebalancer().maxMovesShare(0.02).maxMovesPerRep(3).build(), "weekly-rebalance");
    TradeOffCurve curve = book.curve(book.rebalancer().build());
    // --- end

    assertThat(web.owner()).isPresent();
    assertThat(month.entry(web.owner().get()).received()).isEqualTo(1);
    assertThat(weekly.moves()).isEmpty();
    assertThat(curve.points()).hasSize(6);
  }
}
