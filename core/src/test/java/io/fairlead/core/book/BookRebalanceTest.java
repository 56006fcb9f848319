package io.fairlead.core.book;

import static io.fairlead.core.book.BookTest.ANA;
import static io.fairlead.core.book.BookTest.BEN;
import static io.fairlead.core.book.BookTest.DAY;
import static io.fairlead.core.book.BookTest.lead;
import static io.fairlead.core.book.BookTest.rep;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.rebalance.Rebalance;
import io.fairlead.core.rebalance.TradeOffCurve;
import io.fairlead.core.rebalance.TradeOffPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rebalancing a book: moves within the budget, recorded with reasons; pins and covers stay. */
class BookRebalanceTest {

  /** ana holds c1..c10, ben c11..c12: a fair book would be 6 and 6. */
  private static Book uneven(TestClock clock) {
    Book book = Book.builder(Policy.defaults()).clock(clock).build();
    book.addRep(rep("ana"), "manager:lee", "joins");
    book.addRep(rep("ben"), "manager:lee", "joins");
    for (int i = 1; i <= 12; i++) {
      book.add(
          lead("c" + i).toBuilder().currentOwner(i <= 10 ? "ana" : "ben").build(), "import", "x");
    }
    return book;
  }

  @Test
  void rebalance_movesWithinTheBudget_andRecordsEachMoveWithItsReason() {
    TestClock clock = new TestClock(DAY);
    Book book = uneven(clock);

    Rebalance r = book.rebalance(book.rebalancer().maxMoves(3).build(), "weekly");

    assertThat(r.moves()).hasSize(3);
    List<BookEvent> moved =
        book.events().stream().filter(e -> e.kind() == BookEvent.Kind.MOVED).toList();
    assertThat(moved).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(moved.get(i).reason()).isEqualTo(r.moves().get(i).reason());
      assertThat(moved.get(i).rule()).isEqualTo("rebalance:balance");
      assertThat(moved.get(i).actor()).isEqualTo("weekly");
    }
    assertThat(moved.get(0).reason()).contains("ana").contains("ben");
    assertThat(book.ownedBy(ANA)).hasSize(7);
    assertThat(book.ownedBy(BEN)).hasSize(5);
  }

  @Test
  void pinnedAndCoveredCustomers_neverMove_andThePoolIsLeftAlone() {
    TestClock clock = new TestClock(DAY);
    Book book = uneven(clock);
    for (int i = 1; i <= 8; i++) {
      book.override(LeadId.of("c" + i), ANA, "manager:lee", "keep");
    }
    book.add(lead("p1"), "crm", "form");

    Rebalance r = book.rebalance(book.rebalancer().build(), "weekly");

    assertThat(r.moves()).extracting(m -> m.lead().value()).containsOnly("c9", "c10");
    assertThat(book.ownedBy(ANA)).hasSize(8);
    assertThat(book.pool()).extracting(Customer::id).containsExactly(LeadId.of("p1"));
  }

  @Test
  void coveredCustomers_stayWithTheirCover() {
    TestClock clock = new TestClock(DAY);
    Book book = uneven(clock);
    book.addRep(rep("cy"), "manager:lee", "joins");
    book.setAvailability(ANA, DAY, DAY.plusDays(20), 0, "hr", "leave");
    book.startDay("nightly"); // ana's ten customers go to covers
    List<RepId> covers =
        book.customers().stream()
            .filter(c -> c.coveredFor().isPresent())
            .map(c -> c.owner().orElseThrow())
            .toList();
    assertThat(covers).hasSize(10);

    Rebalance r = book.rebalance(book.rebalancer().build(), "weekly");

    assertThat(r.moves())
        .allMatch(m -> !book.customer(m.lead()).orElseThrow().coveredFor().isPresent());
    assertThat(book.customers().stream().filter(c -> c.coveredFor().isPresent()).count())
        .isEqualTo(10);
  }

  @Test
  void maxMovesShare_isTheCurvesPoint_andTheCurveChangesNothing() {
    TestClock clock = new TestClock(DAY);
    Book book = uneven(clock);
    int events = book.events().size();

    TradeOffCurve curve = book.curve(book.rebalancer().build());

    assertThat(book.events()).hasSize(events);
    assertThat(curve.points()).extracting(TradeOffPoint::moves).containsExactly(0, 0, 0, 0, 1, 4);
    assertThat(curve.fewestMovesToCountOptimum()).hasValue(4);
    Rebalance tenPercent = book.rebalance(book.rebalancer().maxMovesShare(0.10).build(), "weekly");
    assertThat(tenPercent.moves()).hasSize(1); // 10 % of 12 movable customers, rounded down
  }
}
