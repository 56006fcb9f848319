package io.fairlead.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of a book under random days of a team's life (joins, leaves, leave spans, leads with
 * duplicate company names, claims, releases, touches, overrides, the pool placed, reclaims): no
 * customer ever has two owners, replaying the log rebuilds the book, reclaiming is idempotent, no
 * cool-down is ever broken, every lead given comes back exactly once, a refused operation changes
 * nothing, the log verifies and survives JSON.
 */
class BookPropertyTest {

  private static final long SEED = 0x5EED_B00CL;
  private static final int EXAMPLES = 60;
  private static final String[] COMPANIES = {
    "Acme GmbH", "ACME", "Globex Inc.", "Initech", "腾达科技有限公司", "腾达科技", "Umbrella Ltd", "Hooli"
  };

  /** What a run did, for the properties. */
  private record Run(
      Book book, TestClock clock, Set<LeadId> given, Map<Long, Integer> reclaimRuns) {}

  private static Run run(long seed) {
    Random rnd = new Random(seed);
    TestClock clock = new TestClock(LocalDate.of(2026, 1, 5));
    Lifecycle lifecycle =
        Lifecycle.builder()
            .claimsPerDay(1 + rnd.nextInt(3))
            .coolDownDays(rnd.nextInt(15))
            .reclaim("C", Lifecycle.Reclaim.after(5 + rnd.nextInt(10), 20).warning(2))
            .reclaim("B", Lifecycle.Reclaim.after(0, 10 + rnd.nextInt(10)))
            .conflicts(
                rnd.nextBoolean()
                    ? Lifecycle.Conflicts.ownerKeeps()
                    : Lifecycle.Conflicts.firstTouchWins(1 + rnd.nextInt(10)))
            .departure(
                rnd.nextBoolean() ? Lifecycle.Departure.REDISTRIBUTE : Lifecycle.Departure.POOL)
            .coverAfterDays(rnd.nextInt(6))
            .build();
    Book book = Book.builder(Policy.defaults()).clock(clock).lifecycle(lifecycle).build();
    List<RepId> reps = new ArrayList<>();
    Set<LeadId> given = new LinkedHashSet<>();
    int nextRep = 0;
    int nextLead = 0;
    for (int step = 0; step < 120; step++) {
      List<BookEvent> before = book.events();
      List<Customer> customersBefore = book.customers();
      int op = rnd.nextInt(17);
      try {
        switch (op) {
          case 0 -> {
            String id = "r" + nextRep++;
            book.addRep(
                Rep.builder(id)
                    .regions(rnd.nextInt(4) == 0 ? "West" : "East")
                    .capacity(rnd.nextInt(3) == 0 ? 3 : Rep.UNLIMITED)
                    .build(),
                "manager:lee",
                "joins");
            reps.add(RepId.of(id));
          }
          case 1, 2, 3 -> {
            Lead.Builder b =
                Lead.builder("l" + nextLead++)
                    .region(rnd.nextInt(5) == 0 ? "West" : "East")
                    .value(rnd.nextInt(5000))
                    .tier(rnd.nextBoolean() ? "C" : "B")
                    .attribute("company", COMPANIES[rnd.nextInt(COMPANIES.length)]);
            if (!reps.isEmpty() && rnd.nextInt(3) == 0) {
              b.currentOwner(reps.get(rnd.nextInt(reps.size())).value())
                  .locked(rnd.nextInt(4) == 0);
            }
            Lead l = b.build();
            Intake in = book.add(l, "crm", "form");
            given.add(l.id());
            assertThat(in.lead()).isEqualTo(l.id());
          }
          case 4, 5 -> book.claim(pick(reps, rnd), pickCustomer(book, rnd));
          case 6 -> book.release(pickCustomer(book, rnd), "rep", "let go");
          case 7 ->
              book.touch(
                  pickCustomer(book, rnd),
                  rnd.nextBoolean() ? Activity.DEAL : Activity.FOLLOW_UP,
                  "rep");
          case 8 -> book.override(pickCustomer(book, rnd), pick(reps, rnd), "manager:kim", "hunch");
          case 9 -> book.distribute("batch");
          case 10 -> {
            clock.plusDays(1 + rnd.nextInt(3));
            book.startDay("nightly");
            assertThat(book.startDay("nightly")).as("reclaim and covers are idempotent").isEmpty();
          }
          case 11 -> {
            LocalDate from = clock.today().plusDays(rnd.nextInt(5));
            book.setAvailability(
                pick(reps, rnd),
                from,
                from.plusDays(rnd.nextInt(12)),
                rnd.nextInt(3) / 2.0,
                "hr",
                "leave");
          }
          case 12 -> {
            if (rnd.nextInt(4) == 0) {
              book.removeRep(pick(reps, rnd), "manager:lee", "left");
            }
          }
          case 13 -> book.unpin(pickCustomer(book, rnd), "manager:kim", "ok");
          case 14 -> {
            LeadId id = pickCustomer(book, rnd);
            Lead l = book.customer(id).map(Customer::lead).orElse(Lead.builder("none").build());
            book.update(l.toBuilder().value(rnd.nextInt(9000)).build(), "crm", "new estimate");
          }
          case 15 -> {
            if (rnd.nextInt(5) == 0) {
              book.remove(pickCustomer(book, rnd), "crm", "deleted");
            }
          }
          default -> {
            RepId r = pick(reps, rnd);
            Rep now = book.rep(r).map(RosterEntry::rep).orElse(Rep.builder("nobody").build());
            book.changeRep(
                now.toBuilder().share(rnd.nextBoolean() ? 1 : 0.5).build(), "hr", "hours");
          }
        }
      } catch (IllegalArgumentException | IllegalStateException refused) {
        // a refused operation records nothing at all, unless events before it were valid steps of
        // a compound operation (each event is valid on its own)
        if (op != 12 && op != 9 && op != 10 && op != 3) {
          assertThat(book.events())
              .as("refused op %s: %s", op, refused.getMessage())
              .isEqualTo(before);
          assertThat(book.customers()).isEqualTo(customersBefore);
        }
      }
    }
    return new Run(book, clock, given, Map.of());
  }

  private static RepId pick(List<RepId> reps, Random rnd) {
    return reps.isEmpty() ? RepId.of("nobody") : reps.get(rnd.nextInt(reps.size()));
  }

  private static LeadId pickCustomer(Book book, Random rnd) {
    List<Customer> cs = book.customers();
    return cs.isEmpty() ? LeadId.of("none") : cs.get(rnd.nextInt(cs.size())).id();
  }

  @Test
  void noCustomerEverHasTwoOwners_andOwnersAreOnTheTeam() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Book book = run(seed).book();
              Map<LeadId, Integer> owners = new HashMap<>();
              for (RosterEntry m : book.roster()) {
                for (LeadId id : book.ownedBy(m.rep().id())) {
                  owners.merge(id, 1, Integer::sum);
                  assertThat(m.active()).as("%s owns %s", m.rep().id(), id).isTrue();
                  assertThat(book.ownerOf(id)).contains(m.rep().id());
                }
              }
              assertThat(owners.values()).allMatch(n -> n == 1);
              assertThat(owners.keySet())
                  .containsExactlyInAnyOrderElementsOf(
                      book.customers().stream()
                          .filter(c -> !c.pooled())
                          .map(Customer::id)
                          .toList());
            });
  }

  @Test
  void replayingTheLog_rebuildsTheBook_andTheLogVerifiesAndSurvivesJson() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Run r = run(seed);
              Book.Builder b =
                  Book.builder(Policy.defaults()).clock(r.clock()).lifecycle(r.book().lifecycle());
              Book again = Book.replay(r.book().events(), b);
              assertThat(again.customers()).isEqualTo(r.book().customers());
              assertThat(again.roster()).isEqualTo(r.book().roster());
              assertThat(r.book().verify().intact()).isTrue();
              Book read =
                  FairleadJson.readBook(
                      FairleadJson.writeBook(r.book()),
                      Book.builder(Policy.defaults())
                          .clock(r.clock())
                          .lifecycle(r.book().lifecycle()));
              assertThat(read.customers()).isEqualTo(r.book().customers());
            });
  }

  @Test
  void noCoolDownIsEverBroken() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Book book = run(seed).book();
              Map<LeadId, RepId> owner = new HashMap<>();
              Map<LeadId, Map<RepId, LocalDate>> until = new HashMap<>();
              for (BookEvent e : book.events()) {
                LocalDate day = LocalDate.ofInstant(e.at(), book.clock().getZone());
                if (e.change() instanceof Change.Owned o) {
                  if (!o.to().equals(owner.get(o.lead()))) {
                    LocalDate u = until.getOrDefault(o.lead(), Map.of()).get(o.to());
                    assertThat(u == null || !day.isBefore(u))
                        .as("event %s gives %s to %s before %s", e.seq(), o.lead(), o.to(), u)
                        .isTrue();
                  }
                  owner.put(o.lead(), o.to());
                } else if (e.change() instanceof Change.Pooled p) {
                  until
                      .computeIfAbsent(p.lead(), k -> new HashMap<>())
                      .merge(
                          owner.remove(p.lead()),
                          p.coolDownUntil(),
                          (a, c) -> a.isAfter(c) ? a : c);
                } else if (e.change() instanceof Change.Removed x) {
                  owner.remove(x.lead());
                }
              }
            });
  }

  @Test
  void everyLeadGiven_comesBackExactlyOnce_asACustomerADuplicateOrRemoved() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Run r = run(seed);
              Set<LeadId> seen = new HashSet<>();
              List<LeadId> all = new ArrayList<>();
              for (BookEvent e : r.book().events()) {
                if (e.change() instanceof Change.LeadAdded a) {
                  all.add(a.lead().id());
                } else if (e.change() instanceof Change.Merged m) {
                  all.add(m.duplicate().id());
                }
              }
              assertThat(all).doesNotHaveDuplicates();
              seen.addAll(all);
              assertThat(seen).isEqualTo(r.given());
              for (LeadId id : r.given()) {
                boolean customer = r.book().customer(id).isPresent();
                boolean duplicate = r.book().duplicate(id).isPresent();
                boolean removed =
                    r.book().events().stream()
                        .anyMatch(
                            e -> e.change() instanceof Change.Removed x && x.lead().equals(id));
                assertThat(customer || duplicate || removed).as("%s", id).isTrue();
                assertThat(customer && duplicate).isFalse();
              }
            });
  }

  @Test
  void theRuns_exerciseEveryKindOfEvent() {
    Map<BookEvent.Kind, Integer> seen = new java.util.EnumMap<>(BookEvent.Kind.class);
    Random seeds = new Random(SEED);
    for (int i = 0; i < EXAMPLES; i++) {
      for (BookEvent e : run(seeds.nextLong()).book().events()) {
        seen.merge(e.kind(), 1, Integer::sum);
      }
    }
    assertThat(seen.keySet())
        .as("kinds seen: %s", seen)
        // KEPT needs a departure of a rep whose customers are covered: a unit test has it
        .containsAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(BookEvent.Kind.KEPT)));
  }
}
