package io.fairlead.core.book;

import static io.fairlead.core.book.BookTest.ANA;
import static io.fairlead.core.book.BookTest.BEN;
import static io.fairlead.core.book.BookTest.DAY;
import static io.fairlead.core.book.BookTest.lead;
import static io.fairlead.core.book.BookTest.rep;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public pool (公海): claims, releases, cool-downs, and placing the pool by the policy. */
class PoolTest {

  private static Book book(TestClock clock, Lifecycle lifecycle) {
    Book book = Book.builder(Policy.defaults()).clock(clock).lifecycle(lifecycle).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    for (int i = 1; i <= 6; i++) {
      book.add(lead("c" + i), "crm", "web form");
    }
    return book;
  }

  @Test
  void claim_fromThePool_isGrantedAndRecorded() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.defaults());

    Claim c = book.claim(ANA, LeadId.of("c1"));

    assertThat(c.granted()).isTrue();
    assertThat(c.event().orElseThrow().kind()).isEqualTo(BookEvent.Kind.CLAIMED);
    assertThat(c.event().orElseThrow().actor()).isEqualTo("rep:ana");
    assertThat(c.event().orElseThrow().rule()).isEqualTo("pool:claim");
    assertThat(book.ownerOf(LeadId.of("c1"))).contains(ANA);
    assertThat(book.receivedThisPeriod(ANA)).isEqualTo(1);
  }

  @Test
  void claim_pastTheDailyLimit_isRefusedUntilTomorrow() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.builder().claimsPerDay(2).build());
    book.claim(ANA, LeadId.of("c1"));
    book.claim(ANA, LeadId.of("c2"));

    Claim third = book.claim(ANA, LeadId.of("c3"));

    assertThat(third.granted()).isFalse();
    assertThat(third.refusals())
        .containsExactly(
            new Exclusion(
                "pool:claims-per-day",
                "ana claimed 2 today, the most a rep may claim in a day is 2"));
    assertThat(book.claim(BEN, LeadId.of("c3")).granted()).isTrue(); // the limit is per rep
    clock.plusDays(1);
    assertThat(book.claim(ANA, LeadId.of("c4")).granted()).isTrue();
  }

  @Test
  void claim_ofAnOwnedCustomer_orByAnIneligibleRep_isRefusedWithEveryReason() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.defaults());
    book.addRep(Rep.builder("wes").regions("West").build(), "manager:lee", "joins");
    book.claim(ANA, LeadId.of("c1"));

    Claim owned = book.claim(RepId.of("wes"), LeadId.of("c1"));

    assertThat(owned.refusals()).extracting(Exclusion::rule).containsExactly("pool", "region");
    assertThat(owned.refusals().get(0).reason()).isEqualTo("c1 is not in the pool: ana owns it");
  }

  @Test
  void claim_overCapacity_isRefusedByTheRulebook() {
    TestClock clock = new TestClock(DAY);
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(Rep.builder("ana").regions("East").capacity(1).build(), "manager:lee", "joins");
    book.add(lead("c1"), "crm", "x");
    book.add(lead("c2"), "crm", "x");
    book.claim(ANA, LeadId.of("c1"));

    Claim c = book.claim(ANA, LeadId.of("c2"));

    assertThat(c.refusals())
        .containsExactly(new Exclusion("capacity", "ana holds 1 customers, its capacity is 1"));
  }

  @Test
  void release_startsACoolDown_thatRefusesTheSameRepUntilItEnds() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.builder().coolDownDays(10).build());
    book.claim(ANA, LeadId.of("c1"));
    book.release(LeadId.of("c1"), "rep:ana", "no budget this year");

    Claim back = book.claim(ANA, LeadId.of("c1"));

    assertThat(back.refusals())
        .containsExactly(
            new Exclusion(
                "custom:cool-down",
                "ana gave this customer up and may not have it back before 2026-03-12"));
    assertThat(book.claim(BEN, LeadId.of("c1")).granted()).isTrue(); // others may
    assertThat(book.customer(LeadId.of("c1")).orElseThrow().coolDown())
        .containsEntry(ANA, DAY.plusDays(10));
  }

  @Test
  void coolDown_endsOnItsDay() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.builder().coolDownDays(10).build());
    book.claim(ANA, LeadId.of("c1"));
    book.release(LeadId.of("c1"), "rep:ana", "no budget");

    clock.plusDays(9);
    assertThat(book.claim(ANA, LeadId.of("c1")).granted()).isFalse();
    clock.plusDays(1);
    assertThat(book.claim(ANA, LeadId.of("c1")).granted()).isTrue();
  }

  @Test
  void distribute_placesThePoolByThePolicy_neverIntoACoolDown() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.builder().coolDownDays(30).claimsPerDay(10).build());
    for (int i = 1; i <= 6; i++) {
      book.claim(ANA, LeadId.of("c" + i));
    }
    for (int i = 1; i <= 6; i++) {
      book.release(LeadId.of("c" + i), "rep:ana", "clearing out");
    }

    List<BookEvent> placed = book.distribute("batch");

    assertThat(placed).hasSize(6);
    assertThat(placed).allMatch(e -> e.kind() == BookEvent.Kind.ASSIGNED);
    assertThat(placed).allMatch(e -> ((Change.Owned) e.change()).to().equals(BEN));
    assertThat(book.pool()).isEmpty();
  }

  @Test
  void distribute_balancesThePoolByThePolicy() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.defaults());

    List<BookEvent> placed = book.distribute("batch");

    assertThat(placed).hasSize(6);
    assertThat(book.ownedBy(ANA)).hasSize(3);
    assertThat(book.ownedBy(BEN)).hasSize(3);
    assertThat(placed.get(0).rule()).isEqualTo("batch:router");
    assertThat(placed.get(0).reason()).contains("ana");
    assertThat(book.distribute("batch")).isEmpty(); // nothing left to place
  }

  @Test
  void problem_hasTheCoolDownAsARuleOfTheRulebook() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.defaults());
    book.claim(ANA, LeadId.of("c1"));
    book.release(LeadId.of("c1"), "rep:ana", "no");

    Problem p = book.problem();
    var lead = p.leads().get(0);
    var ana = p.reps().get(0);

    assertThat(p.policy().rulebook().check(ana, lead, io.fairlead.core.policy.RepLoad.NONE).rules())
        .containsExactly("custom:cool-down");
    assertThat(
            p.policy()
                .rulebook()
                .check(p.reps().get(1), lead, io.fairlead.core.policy.RepLoad.NONE)
                .allowed())
        .isTrue();
  }

  @Test
  void mayTake_answersWithTheSameReasonsAsAClaim() {
    TestClock clock = new TestClock(DAY);
    Book book = book(clock, Lifecycle.builder().claimsPerDay(1).build());
    book.claim(ANA, LeadId.of("c1"));
    var c2 = book.customer(LeadId.of("c2")).orElseThrow().lead();

    assertThat(book.mayTake(ANA, c2).exclusions())
        .isEqualTo(book.claim(ANA, LeadId.of("c2")).refusals());
    assertThat(book.mayTake(BEN, c2).allowed()).isTrue();
    assertThat(book.mayTake(BEN, book.customer(LeadId.of("c1")).orElseThrow().lead()).rules())
        .containsExactly("owned");
  }
}
