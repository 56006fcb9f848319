package io.fairlead.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The code of {@code docs/rebalancing.md}, run. A small book: ana may hold 5 customers and holds 7
 * (a1 of the top tier, a2 in negotiation, a3 to a7), ben holds 2, cy none.
 */
class RebalancingGuideTest {

  private static Lead lead(String id, String owner, double value, String tier, String stage) {
    return Lead.builder(id)
        .region("N")
        .industry("x")
        .value(value)
        .tier(tier)
        .currentOwner(owner)
        .attribute("stage", stage)
        .build();
  }

  private static final Problem BOOK =
      Problem.of(
          Policy.defaults(),
          List.of(
              Rep.builder("ana").capacity(5).build(),
              Rep.builder("ben").build(),
              Rep.builder("cy").build()),
          List.of(
              lead("a1", "ana", 100, "A", "proposal"),
              lead("a2", "ana", 100, "C", "negotiation"),
              lead("a3", "ana", 100, "C", "proposal"),
              lead("a4", "ana", 100, "C", "proposal"),
              lead("a5", "ana", 300, "C", "proposal"),
              lead("a6", "ana", 200, "C", "proposal"),
              lead("a7", "ana", 100, "C", "proposal"),
              lead("b1", "ben", 100, "C", "proposal"),
              lead("b2", "ben", 100, "C", "proposal")));

  private static final Map<String, Instant> LAST_ACTIVITY =
      Map.of(
          "a3", Instant.parse("2026-11-20T00:00:00Z"),
          "a4", Instant.parse("2026-10-01T00:00:00Z"),
          "a7", Instant.parse("2026-11-25T00:00:00Z"));

  private static Optional<Instant> lastActivity(LeadId id) {
    return Optional.ofNullable(LAST_ACTIVITY.get(id.value()));
  }

  @Test
  void aBudgetAndAPlan() {
    Problem book = BOOK;
    List<String> printed = new ArrayList<>();
    // --- docs/rebalancing.md: a budget and a plan
    Rebalancer rebalancer =
        Rebalancer.builder()
            .maxMoves(3) // moves in all
            .maxMovesPerRep(3) // taken from, and given to, any one rep
            .mustNotMove(lead -> "negotiation".equals(lead.attributes().get("stage")))
            .lastTouched(lead -> lastActivity(lead.id()))
            .build(); // top-tier customers stay unless .moveTopTier(true)
    Rebalance plan = rebalancer.rebalance(book);
    for (Move m : plan.moves()) {
      printed.add(m.step() + ". " + m.lead() + ": " + m.from() + " -> " + m.to() + " " + m.kind());
    }
    String why = plan.moves().get(0).reason();
    String explained = plan.after().explain(LeadId.of("a5")).summary();
    TradeOffCurve curve = rebalancer.curve(book); // 0, 1 %, 2 %, 5 %, 10 %, unlimited
    // --- end

    // ana is 2 over its capacity. Of its movable customers (a1 is top tier, a2 in negotiation)
    // the least valuable are a3, a4 and a7 (100 each); a4 was touched longest ago, then a3. Both
    // go to cy, who holds least. Then the best move: a5 (300, the book's mean value is 133) from
    // ana (5 leads) to ben or cy (2 each, the same value: roster order picks ben).
    assertThat(printed)
        .containsExactly(
            "1. a4: ana -> cy CAPACITY", "2. a3: ana -> cy CAPACITY", "3. a5: ana -> ben BALANCE");
    assertThat(why)
        .startsWith(
            "ana held 7 customers, 2 over a capacity of 5; its least valuable customers that may"
                + " move go first, and a4 (tier C, 100, last touched 2026-10-01) is next. cy takes"
                + " it: cy held 0 leads (3.0 below a fair share of 3.0)");
    assertThat(explained)
        .startsWith(
            "Moved from ana to ben: ana held 7 leads, over a capacity of 5, (fair share 3.0) and"
                + " now holds 4");
    // Counts: Σ n² is 49 + 4 + 0 = 53 before, 16 + 9 + 4 = 29 after, 27 at best (3 each).
    assertThat(plan.summary())
        .startsWith(
            "3 moves (budget 3, at most 3 taken from and given to any rep): 2 over a capacity, 0"
                + " against a rule, 1 for balance. Count imbalance 7.4 % above the optimum (was 96.3"
                + " %)");
    assertThat(plan.heldBack()).containsEntry("must not move", 1).containsEntry("top tier", 1);
    // 5 movable: every budget up to 10 % is 0 moves. Without a total limit ana ends within its
    // capacity. 3/3/3 takes ana giving 4 (the fewest moves), more than the per-rep budget of 3
    // lets it: even balancing counts alone stops at 4/3/2.
    assertThat(curve.points()).extracting(TradeOffPoint::maxMoves).startsWith(0, 0, 0, 0, 0);
    assertThat(curve.points().get(5).score().hard()).isZero();
    assertThat(curve.fewestMovesToCountOptimum()).hasValue(4);
    assertThat(curve.countsOnlyMovesToCountOptimum()).isEmpty();
    assertThat(curve.countsOnly().moves()).isEqualTo(3);
  }
}
