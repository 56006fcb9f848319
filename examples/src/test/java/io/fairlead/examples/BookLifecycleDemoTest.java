package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Change;
import io.fairlead.core.book.Customer;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the ninety days end to end and checks what the issue promises of them. */
class BookLifecycleDemoTest {

  private static BookLifecycleDemo.Run run;
  private static String output;

  @BeforeAll
  static void runDemo() {
    run = BookLifecycleDemo.run(MavenCrmData.load());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      BookLifecycleDemo.print(run, out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyDealGiven_comesBackExactlyOnce() {
    Book book = run.book();
    Set<LeadId> removed = new HashSet<>();
    for (BookEvent e : book.events()) {
      if (e.change() instanceof Change.Removed r) {
        removed.add(r.lead());
      }
    }
    for (LeadId id : run.given().keySet()) {
      int places =
          (book.customer(id).isPresent() ? 1 : 0)
              + (book.duplicate(id).isPresent() ? 1 : 0)
              + (removed.contains(id) && book.customer(id).isEmpty() ? 1 : 0);
      assertThat(places).as("%s", id).isEqualTo(1);
    }
    assertThat(run.given()).hasSizeGreaterThan(3_000);
  }

  @Test
  void theLog_verifies_andNoCustomerHasTwoOwners() {
    Book book = run.book();
    assertThat(book.verify().intact()).isTrue();
    Map<LeadId, Integer> owners = new HashMap<>();
    book.roster()
        .forEach(m -> book.ownedBy(m.rep().id()).forEach(id -> owners.merge(id, 1, Integer::sum)));
    assertThat(owners.values()).allMatch(n -> n == 1);
    assertThat(owners.keySet())
        .containsExactlyInAnyOrderElementsOf(
            book.customers().stream().filter(c -> !c.pooled()).map(Customer::id).toList());
  }

  @Test
  void everyStoryOfTheNinetyDays_happened() {
    Book book = run.book();
    Map<BookEvent.Kind, Integer> kinds = new HashMap<>();
    book.events().forEach(e -> kinds.merge(e.kind(), 1, Integer::sum));
    assertThat(kinds)
        .containsKeys(
            BookEvent.Kind.COVERED,
            BookEvent.Kind.HANDED_BACK,
            BookEvent.Kind.RECLAIMED,
            BookEvent.Kind.WARNED,
            BookEvent.Kind.OVERRIDDEN,
            BookEvent.Kind.REP_LEFT,
            BookEvent.Kind.MERGED,
            BookEvent.Kind.CALIBRATED,
            BookEvent.Kind.MOVED);
    assertThat(book.rep(BookLifecycleDemo.LEAVER).orElseThrow().active()).isFalse();
    assertThat(book.ownedBy(BookLifecycleDemo.LEAVER)).isEmpty();
    assertThat(
            book.rep(BookLifecycleDemo.HIRE)
                .orElseThrow()
                .share(BookLifecycleDemo.START.plusDays(20)))
        .isEqualTo(0.5);
    assertThat(kinds.get(BookEvent.Kind.DAY_STARTED)).isEqualTo(BookLifecycleDemo.DAYS);
  }

  @Test
  void weeklyRebalances_stayWithinTheirBudgets() {
    Book book = run.book();
    Map<LocalDate, Integer> byDay = new HashMap<>();
    Map<LocalDate, Map<RepId, Integer>> fromRep = new HashMap<>();
    Map<LeadId, RepId> owner = new HashMap<>();
    for (BookEvent e : book.events()) {
      if (e.change() instanceof Change.Owned o) {
        if (e.actor().equals("weekly-rebalance")) {
          LocalDate d = LocalDate.ofInstant(e.at(), book.clock().getZone());
          byDay.merge(d, 1, Integer::sum);
          fromRep
              .computeIfAbsent(d, k -> new HashMap<>())
              .merge(owner.get(o.lead()), 1, Integer::sum);
        }
        owner.put(o.lead(), o.to());
      }
    }
    assertThat(byDay).isNotEmpty();
    int owned = (int) book.customers().stream().filter(c -> !c.pooled()).count();
    byDay.values().forEach(n -> assertThat(n).isLessThanOrEqualTo((int) (0.02 * owned) + 1));
    fromRep.values().forEach(m -> m.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(3)));
  }

  @Test
  void output_hasTheWeeksTheCurveTheConflictsTheOverridesAndTheLog() {
    assertThat(output.lines().filter(l -> l.matches("\\s+\\d+  \\d\\d-\\d\\d .*"))).hasSize(13);
    assertThat(output)
        .contains("Trade-off curve on 2017-06-29")
        .contains("proven fewest moves to the exact count optimum: ")
        .contains("Conflicts (撞单): ")
        .contains("Overrides by actor")
        .contains("manager:Cara Losch")
        .contains("Audit log: ")
        .contains("intact (every hash checks)");
    List<String> budgets = List.of("0 ", "1 %", "2 %", "5 %", "10 %", "unlimited");
    budgets.forEach(b -> assertThat(output).contains("  " + b));
  }
}
