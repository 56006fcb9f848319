package io.fairlead.core.book;

import static io.fairlead.core.book.BookTest.ANA;
import static io.fairlead.core.book.BookTest.BEN;
import static io.fairlead.core.book.BookTest.DAY;
import static io.fairlead.core.book.BookTest.rep;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.policy.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ownership conflicts (撞单): a lead that is a customer of the book already. */
class ConflictTest {

  private static final LeadId C1 = LeadId.of("c1");

  private static Lead company(String id, String name) {
    return Lead.builder(id)
        .region("East")
        .industry("retail")
        .value(1000)
        .attribute("company", name)
        .build();
  }

  /** ana owns c1, "深圳市腾达科技有限公司", since 2026-03-02. */
  private static Book book(TestClock clock, Lifecycle.Conflicts conflicts) {
    Book book =
        Book.builder(Policy.defaults())
            .clock(clock)
            .lifecycle(Lifecycle.builder().conflicts(conflicts).build())
            .build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    book.add(
        company("c1", "深圳市腾达科技有限公司").toBuilder().currentOwner("ana").build(), "import", "book");
    return book;
  }

  @Test
  void aDuplicateFromNobody_isMergedAndTheOwnerKeepsIt() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.ownerKeeps());

    Intake in = book.add(company("w7", "深圳市腾达科技 有限公司"), "crm", "web form");

    assertThat(in.outcome()).isEqualTo(Intake.Outcome.MERGED);
    assertThat(in.customer()).isEqualTo(C1);
    assertThat(in.owner()).contains(ANA);
    assertThat(in.reason())
        .isEqualTo(
            "w7 is the same company as c1 (company-name:深圳市腾达科技), owned by ana; merged, ana"
                + " keeps it");
    assertThat(in.events()).extracting(e -> e.kind()).containsExactly(BookEvent.Kind.MERGED);
    assertThat(book.ownerOf(LeadId.of("w7"))).contains(ANA); // the duplicate answers to c1
    assertThat(book.duplicate(LeadId.of("w7"))).isPresent(); // kept, never dropped
    assertThat(book.customer(C1).orElseThrow().duplicates()).containsExactly(LeadId.of("w7"));
  }

  @Test
  void ownerKeeps_anotherRepsDuplicate_staysWithTheOwner() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.ownerKeeps());

    Intake in =
        book.add(
            company("b1", "Shenzhen Tengda").toBuilder()
                .attribute("company", "深圳市腾达科技有限公司")
                .currentOwner("ben")
                .build(),
            "rep:ben",
            "met them at a fair");

    assertThat(in.owner()).contains(ANA);
    assertThat(in.events()).hasSize(1);
    assertThat(in.events().get(0).rule()).isEqualTo("conflict:owner-keeps");
    assertThat(in.reason())
        .endsWith("owned by ana and brought in by ben: ana keeps it (the owner keeps a duplicate)");
  }

  @Test
  void firstTouchWins_theOwnerWhoWorkedItWithinTheWindowKeepsIt() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.firstTouchWins(14));
    clock.plusDays(20);
    book.touch(C1, Activity.FOLLOW_UP, "rep:ana");
    clock.plusDays(10);

    Intake in =
        book.add(
            company("b1", "深圳市腾达科技有限公司").toBuilder().currentOwner("ben").build(),
            "rep:ben",
            "call");

    assertThat(in.owner()).contains(ANA);
    assertThat(in.reason()).endsWith("ana keeps it: it worked it on 2026-03-22, within 14 days");
    assertThat(in.events().get(0).rule()).isEqualTo("conflict:first-touch");
  }

  @Test
  void firstTouchWins_anOwnerIdleBeyondTheWindow_losesItToTheRepWhoTouchedIt() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.firstTouchWins(14));
    clock.plusDays(15);

    Intake in =
        book.add(
            company("b1", "深圳市腾达科技有限公司").toBuilder().currentOwner("ben").build(),
            "rep:ben",
            "call");

    assertThat(in.owner()).contains(BEN);
    assertThat(in.events())
        .extracting(e -> e.kind())
        .containsExactly(BookEvent.Kind.MERGED, BookEvent.Kind.MOVED);
    assertThat(in.reason())
        .endsWith(
            "ana has not worked it since 2026-03-02 (the window is 14 days); ben touched it first"
                + " and takes it");
    assertThat(book.ownerOf(C1)).contains(BEN);
  }

  @Test
  void protectedTiers_andPins_areNeverTakenByAConflict() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.firstTouchWins(14).protect("C"));
    clock.plusDays(30);

    Intake in =
        book.add(
            company("b1", "深圳市腾达科技有限公司").toBuilder().currentOwner("ben").build(),
            "rep:ben",
            "call");
    assertThat(in.owner()).contains(ANA);
    assertThat(in.reason()).endsWith("ana keeps it: tier C customers are protected");

    Book other = book(clock, Lifecycle.Conflicts.firstTouchWins(14));
    other.override(C1, ANA, "manager:lee", "strategic");
    clock.plusDays(30);
    Intake pinned =
        other.add(
            company("b1", "深圳市腾达科技有限公司").toBuilder().currentOwner("ben").build(),
            "rep:ben",
            "call");
    assertThat(pinned.owner()).contains(ANA);
    assertThat(pinned.reason()).endsWith("ana keeps it: pinned by manager:lee");
  }

  @Test
  void duplicatesInOneBatch_goToOneOwner_andAreReportedAsMerged() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.ownerKeeps());

    List<Intake> in =
        book.addAll(
            List.of(
                company("n1", "Acme Robotics GmbH"),
                company("n2", "ACME Robotics"),
                company("n3", "Globex Inc."),
                company("n4", "acme robotics gmbh")),
            "crm",
            "import");

    assertThat(in)
        .extracting(Intake::outcome)
        .containsExactly(
            Intake.Outcome.ADDED,
            Intake.Outcome.MERGED,
            Intake.Outcome.ADDED,
            Intake.Outcome.MERGED);
    assertThat(in.get(1).customer()).isEqualTo(LeadId.of("n1"));
    assertThat(in.get(3).customer()).isEqualTo(LeadId.of("n1"));
    book.distribute("batch");
    assertThat(book.ownerOf(LeadId.of("n2"))).isEqualTo(book.ownerOf(LeadId.of("n1")));
    assertThat(book.ownerOf(LeadId.of("n4"))).isEqualTo(book.ownerOf(LeadId.of("n1")));
    assertThat(book.ownerOf(LeadId.of("n1"))).isPresent();
    // every lead of the batch comes back exactly once: as a customer or as a duplicate
    assertThat(in)
        .extracting(Intake::lead)
        .containsExactly(LeadId.of("n1"), LeadId.of("n2"), LeadId.of("n3"), LeadId.of("n4"));
  }

  @Test
  void aRepeatedLead_changesNothing() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.ownerKeeps());
    book.add(company("w7", "深圳市腾达科技有限公司"), "crm", "form");
    int events = book.events().size();

    Intake again = book.add(company("w7", "深圳市腾达科技有限公司"), "crm", "form");

    assertThat(again.outcome()).isEqualTo(Intake.Outcome.REPEAT);
    assertThat(again.customer()).isEqualTo(C1);
    assertThat(book.events()).hasSize(events);
  }

  @Test
  void whoOwns_andMayTake_answerWithReasons() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.ownerKeeps());
    Lead incoming = company("x1", "深圳市腾达科技股份有限公司");

    assertThat(book.whoOwns(incoming))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.customer()).isEqualTo(C1);
              assertThat(m.owner()).contains(ANA);
              assertThat(m.keys())
                  .extracting(Object::toString)
                  .containsExactly("company-name:深圳市腾达科技");
            });
    assertThat(book.mayTake(BEN, incoming).exclusions())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo("conflict:owner-keeps");
              assertThat(x.reason())
                  .isEqualTo(
                      "x1 is the same company as c1 (company-name:深圳市腾达科技); ana keeps it (the"
                          + " owner keeps a duplicate)");
            });
    assertThat(book.mayTake(ANA, incoming).allowed()).isTrue();
    assertThat(book.whoOwns(company("x2", "Globex"))).isEmpty();
  }

  @Test
  void aDuplicateOfAPooledCustomer_goesToTheRepWhoBroughtIt_whenTheRulesLetIt() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.Conflicts.ownerKeeps());
    book.release(C1, "rep:ana", "not now");

    Intake in =
        book.add(
            company("b1", "深圳市腾达科技有限公司").toBuilder().currentOwner("ben").build(),
            "rep:ben",
            "call");
    assertThat(in.owner()).contains(BEN);

    book.release(C1, "rep:ben", "not now either");
    Intake back =
        book.add(
            company("a2", "深圳市腾达科技有限公司").toBuilder().currentOwner("ana").build(),
            "rep:ana",
            "call");
    assertThat(back.owner()).isEmpty(); // ana is in her cool-down
    assertThat(back.reason())
        .contains("ana brought it in but may not take it: ana gave this customer up");
  }
}
