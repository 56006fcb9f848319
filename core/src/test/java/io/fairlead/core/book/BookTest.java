package io.fairlead.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The book's log: what it records, that replaying it rebuilds the book, and that edits show. */
class BookTest {

  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final RepId ANA = RepId.of("ana");
  static final RepId BEN = RepId.of("ben");

  static Rep rep(String id) {
    return Rep.builder(id).regions("East").build();
  }

  static Lead lead(String id) {
    return Lead.builder(id).region("East").industry("retail").value(1000).build();
  }

  static Book.Builder builder(TestClock clock) {
    return Book.builder(Policy.defaults()).clock(clock);
  }

  /** A book with ana and ben and three customers: c1 with ana, c2 with ben, c3 in the pool. */
  static Book small(TestClock clock) {
    Book book = builder(clock).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    book.add(lead("c1").toBuilder().currentOwner("ana").build(), "import", "existing book");
    book.add(lead("c2").toBuilder().currentOwner("ben").build(), "import", "existing book");
    book.add(lead("c3"), "crm", "web form");
    return book;
  }

  @Test
  void events_areNumberedTimedChainedAndSayWhoAndWhy() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);

    List<BookEvent> log = book.events();
    assertThat(log)
        .extracting(e -> e.kind().id())
        .containsExactly(
            "rep-joined", "rep-joined", "added", "assigned", "added", "assigned", "added");
    assertThat(log).extracting(BookEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(log.get(0).previousHash()).isEmpty();
    for (int i = 1; i < log.size(); i++) {
      assertThat(log.get(i).previousHash()).isEqualTo(log.get(i - 1).hash());
    }
    BookEvent assigned = log.get(3);
    assertThat(assigned.actor()).isEqualTo("import");
    assertThat(assigned.reason()).isEqualTo("it came in with its owner ana");
    assertThat(assigned.rule()).isEqualTo("intake:owner");
    assertThat(assigned.at()).isEqualTo(clock.instant());
    assertThat(book.ownerOf(LeadId.of("c1"))).contains(ANA);
    assertThat(book.pool()).extracting(Customer::id).containsExactly(LeadId.of("c3"));
    assertThat(book.verify().intact()).isTrue();
  }

  @Test
  void replay_rebuildsTheBookExactly() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    clock.plusDays(1);
    book.claim(ANA, LeadId.of("c3"));
    book.touch(LeadId.of("c3"), Activity.DEAL, "rep:ana");
    book.override(LeadId.of("c2"), ANA, "manager:lee", "key account");
    clock.plusDays(1);
    book.release(LeadId.of("c1"), "rep:ana", "not interested");

    Book again = Book.replay(book.events(), builder(clock));

    assertThat(again.customers()).isEqualTo(book.customers());
    assertThat(again.roster()).isEqualTo(book.roster());
    assertThat(again.events()).isEqualTo(book.events());
    assertThat(again.receivedThisPeriod(ANA)).isEqualTo(book.receivedThisPeriod(ANA));
  }

  @Test
  void verify_findsAnEditedEventAndNamesIt() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    List<BookEvent> log = new ArrayList<>(book.events());
    BookEvent e = log.get(3);
    // ana's assignment is rewritten to ben, with the hash left as it was
    log.set(
        3,
        new BookEvent(
            e.seq(),
            e.at(),
            e.kind(),
            new Change.Owned(LeadId.of("c1"), BEN),
            e.actor(),
            e.reason(),
            e.rule(),
            e.previousHash(),
            e.hash()));

    Verification v = Book.replay(log, builder(clock)).verify();

    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).contains(4L);
    assertThat(v.problem()).isEqualTo("its content does not match its hash: it was edited");
  }

  @Test
  void verify_findsAnEditedReasonAndARemovedEvent() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    List<BookEvent> log = new ArrayList<>(book.events());
    BookEvent e = log.get(6);
    log.set(
        6,
        new BookEvent(
            e.seq(),
            e.at(),
            e.kind(),
            e.change(),
            e.actor(),
            "edited",
            e.rule(),
            e.previousHash(),
            e.hash()));
    assertThat(Book.verify(log).brokenAt()).contains(7L);

    List<BookEvent> cut = new ArrayList<>(book.events());
    cut.remove(2);
    assertThat(Book.verify(cut).brokenAt()).contains(3L);
    assertThat(Book.verify(cut).problem()).isEqualTo("event 3 is missing (found 4)");
  }

  @Test
  void verify_aRewrittenChainIsFoundByTheHeadKeptApart() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    String head = book.verify().head();
    Book other = builder(new TestClock(DAY)).build();
    other.addRep(rep("ana"), "manager:lee", "joins");

    assertThat(other.verify().intact()).isTrue(); // a whole new chain is consistent in itself
    assertThat(other.verify().head()).isNotEqualTo(head); // but its head is not the one kept
  }

  @Test
  void json_roundTripsTheLogAndTheState() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    book.setAvailability(ANA, DAY.plusDays(5), DAY.plusDays(20), 0, "manager:lee", "leave");
    book.claim(BEN, LeadId.of("c3"));
    book.touch(LeadId.of("c3"), Activity.FOLLOW_UP, "rep:ben");
    book.add(lead("c9").toBuilder().attribute("phone", "+1 212 555 0100").build(), "crm", "form");

    String json = FairleadJson.writeBook(book);
    Book read = FairleadJson.readBook(json, builder(clock));

    assertThat(read.events()).isEqualTo(book.events());
    assertThat(read.customers()).isEqualTo(book.customers());
    assertThat(read.verify().intact()).isTrue();
    assertThat(FairleadJson.writeBook(read)).isEqualTo(json);
  }

  @Test
  void json_anEditedOwnerIsReadButFailsVerification() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    String json = FairleadJson.writeBook(book).replace("\"to\": \"ana\"", "\"to\": \"ben\"");

    Book read = FairleadJson.readBook(json, builder(clock));

    assertThat(read.ownerOf(LeadId.of("c1"))).contains(BEN);
    assertThat(read.verify().brokenAt()).contains(4L);
  }

  @Test
  void json_anEventThatBreaksTheBook_failsAtItsPath() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    // c3 is in the pool; making event 7 an assignment of c1 (owned by ana) breaks the book
    String json =
        FairleadJson.writeBook(book)
            .replace(
                "\"leadId\": \"c2\",\n        \"to\": \"ben\"",
                "\"leadId\": \"c1\",\n        \"to\": \"ben\"");

    assertThatThrownBy(() -> FairleadJson.readBook(json, builder(clock)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "book JSON at $.events[5]: book event 6 (assigned by import): customer c1 is owned by"
                + " ana, not in the pool");
  }

  @Test
  void json_aFieldTheKindDoesNotUse_isRefusedAtItsPath() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    String json =
        FairleadJson.writeBook(book)
            .replaceFirst("\"leadId\": \"c1\",", "\"leadId\": \"c1\", \"activity\": \"DEAL\",");

    assertThatThrownBy(() -> FairleadJson.readBook(json, builder(clock)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "book JSON at $.events[3].change.activity: the change of a 'assigned' event has no field 'activity'");
  }

  @Test
  void state_refusesEveryEventThatWouldBreakTheBook_andStaysAsItWas() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    List<Customer> before = book.customers();

    assertThatThrownBy(() -> book.claim(BEN, LeadId.of("c1")).event().orElseThrow())
        .isInstanceOf(java.util.NoSuchElementException.class); // refused, not recorded
    assertThatThrownBy(() -> book.removeRep(RepId.of("zed"), "manager:lee", "gone"))
        .hasMessage("removeRep: rep zed is not on the roster");
    assertThatThrownBy(
            () -> book.add(lead("c4").toBuilder().currentOwner("zed").build(), "crm", "x"))
        .hasMessage("lead c4: currentOwner 'zed' is not on the team");
    assertThatThrownBy(() -> book.unpin(LeadId.of("c1"), "manager:lee", "x"))
        .hasMessage("book event 8 (unpinned by manager:lee): customer c1 is not pinned");
    assertThatThrownBy(() -> book.touch(LeadId.of("nope"), Activity.DEAL, "rep:ana"))
        .hasMessage("book event 8 (touched by rep:ana): customer nope is not in the book");
    assertThatThrownBy(() -> book.addRep(rep("ana"), "manager:lee", "again"))
        .hasMessage("book event 8 (rep-joined by manager:lee): rep ana is already on the roster");
    assertThatThrownBy(() -> book.release(LeadId.of("c3"), "rep:ana", "x"))
        .hasMessage("book event 8 (released by rep:ana): customer c3 is already in the pool");
    assertThatThrownBy(() -> book.touch(LeadId.of("c1"), Activity.DEAL, " "))
        .hasMessage("book: actor must not be blank");

    assertThat(book.customers()).isEqualTo(before);
    assertThat(book.events()).hasSize(7);
    assertThat(book.verify().intact()).isTrue();
  }

  @Test
  void repLeft_isRefusedWhileItOwnsCustomers() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    List<BookEvent> log = new ArrayList<>(book.events());
    BookEvent last = log.get(log.size() - 1);
    BookEvent draft =
        new BookEvent(
            last.seq() + 1,
            last.at(),
            BookEvent.Kind.REP_LEFT,
            new Change.RepLeft(ANA),
            "manager:lee",
            "gone",
            "roster",
            last.hash(),
            "x");

    log.add(draft);
    assertThatThrownBy(() -> Book.replay(log, builder(clock)))
        .hasMessage(
            "book event 8 (rep-left by manager:lee): rep ana still owns 1 customers; they leave"
                + " first");
  }

  @Test
  void clockGoingBack_eventsKeepTheTimeOfTheOneBefore() {
    TestClock clock = new TestClock(DAY);
    Book book = small(clock);
    clock.day(DAY.minusDays(3));

    BookEvent e = book.touch(LeadId.of("c1"), Activity.FOLLOW_UP, "rep:ana");

    assertThat(e.at()).isEqualTo(book.events().get(5).at());
  }
}
