package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code samples of {@code docs/routing.md}, compiled and checked (keep the two in sync). */
class RoutingGuideTest {

  @Test
  void quickStart() {
    // --- docs/routing.md: quick start
    Policy policy =
        Policy.builder()
            .catchUp(CatchUp.capped(3)) // a rep back from leave catches up 3 leads at most
            .build();
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("bob").regions("East").weight(2).build(),
            Rep.builder("cem").regions("West").capacity(120).build());
    List<Lead> owned =
        List.of(
            Lead.builder("c1")
                .region("East")
                .industry("retail")
                .value(20_000)
                .currentOwner("ana")
                .build(),
            Lead.builder("c2")
                .region("West")
                .industry("retail")
                .value(10_000)
                .currentOwner("cem")
                .build());

    LeadRouter router =
        LeadRouter.builder(policy)
            .roster(reps)
            .book(owned) // leads already owned; their mean value (15,000) sets the value scale
            .build();

    RouteDecision d =
        router.route(Lead.builder("c3").region("East").industry("retail").value(15_000).build());
    // d.rep()         -> Optional[bob]
    // d.explanation() -> "bob: score -8500, ledger 0 -> 1 this period; runner-up ana: score -334"
    // --- end

    assertThat(d.rep()).contains(RepId.of("bob"));
    assertThat(d.explanation())
        .isEqualTo("bob: score -8500, ledger 0 -> 1 this period; runner-up ana: score -334");
  }

  @Test
  void dayToDay() {
    Policy policy = Policy.defaults();
    LeadRouter router =
        LeadRouter.builder(policy)
            .roster(List.of(Rep.builder("ana").build(), Rep.builder("bob").build()))
            .meanValue(10_000)
            .build();
    Rep bob = Rep.builder("bob").build();

    // --- docs/routing.md: day to day
    router.startPeriod(); // e.g. every Monday: the ledger starts again from zero
    router.updateRep(bob.toBuilder().available(false).build()); // bob goes on leave
    router.updateRep(bob); // bob is back: calibrated by the catch-up policy
    router.release(LeadId.of("c3")); // c3 was won, lost or deleted
    String saved = FairleadJson.writeRouter(router); // store it; after a restart:
    LeadRouter restored = FairleadJson.readRouter(saved, policy); // same policy
    // --- end

    assertThat(FairleadJson.writeRouter(restored)).isEqualTo(saved);
    assertThat(restored.period()).isEqualTo(2);
  }

  @Test
  void nightlyRebalance() {
    LeadRouter router =
        LeadRouter.builder(Policy.defaults())
            .roster(List.of(Rep.builder("ana").build(), Rep.builder("bob").build()))
            .meanValue(10_000)
            .build();
    for (int i = 0; i < 4; i++) {
      router.route(Lead.builder("c" + i).region("East").industry("retail").value(10_000).build());
    }
    var allocator = Baselines.leastBusy(); // in production: the solver module's LeadAllocator

    // --- docs/routing.md: nightly rebalance
    Problem book = router.toProblem(); // the book (holders as currentOwner) and the period ledger
    Policy rebalancing = Policy.builder().allowRebalancing(true).build();
    Allocation plan =
        allocator.allocate(new Problem(rebalancing, book.reps(), book.leads(), book.ledger()));
    int changed = router.rebase(plan); // adopt the plan; the ledger is kept
    // --- end

    assertThat(changed).isZero(); // least-busy keeps a balanced book as it is
    assertThat(book.ledger().entry(RepId.of("ana")).received()).isEqualTo(2);
    assertThat(router.bookSize()).isEqualTo(4);
  }
}
