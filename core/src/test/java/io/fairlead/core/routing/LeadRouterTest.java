package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The router's API: builder, hard rules one by one, owned leads, release, snapshot, rebase. */
class LeadRouterTest {

  private static final Policy POLICY = Policy.defaults();
  private static final Rep ANA = Rep.builder("ana").regions("East").build();
  private static final Rep BOB = Rep.builder("bob").regions("East").build();

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail").value(1000);
  }

  private static LeadRouter router(Rep... reps) {
    return LeadRouter.builder(POLICY).roster(List.of(reps)).meanValue(1000).build();
  }

  private static RepSnapshot of(LeadRouter router, String rep) {
    return router.snapshot().stream()
        .filter(s -> s.rep().value().equals(rep))
        .findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------- builder

  @Test
  void allocator_withATolerance_tradesTheLedgerForTheBook() {
    // Ana keeps four customers, Bob has none; two new leads. The strict ledger gives each rep one
    // (flow fairness); without a ledger the score gives both to Bob (book fairness).
    List<Lead> leads = new java.util.ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      leads.add(lead("own" + i).currentOwner("ana").build());
    }
    leads.add(lead("new1").build());
    leads.add(lead("new2").build());
    Problem p = Problem.of(POLICY, List.of(ANA, BOB), leads);

    Allocation strict = LeadRouter.allocator(0).allocate(p);
    Allocation free = LeadRouter.allocator(Double.POSITIVE_INFINITY).allocate(p);

    assertThat(strict.method()).isEqualTo("router/0.0");
    assertThat(free.method()).isEqualTo("router/∞");
    assertThat(LeadRouter.allocator().name()).isEqualTo("router");
    assertThat(
            List.of(
                strict.outcome(LeadId.of("new1")).rep(), strict.outcome(LeadId.of("new2")).rep()))
        .containsExactlyInAnyOrder(
            java.util.Optional.of(RepId.of("ana")), java.util.Optional.of(RepId.of("bob")));
    assertThat(free.outcome(LeadId.of("new1")).rep()).contains(RepId.of("bob"));
    assertThat(free.outcome(LeadId.of("new2")).rep()).contains(RepId.of("bob"));
    assertThatThrownBy(() -> LeadRouter.allocator(-1))
        .hasMessage("ledgerTolerance must be >= 0 (or +Infinity), was -1.0");
  }

  @Test
  void builder_optionSetTwice_isAnError() {
    LeadRouter.Builder b = LeadRouter.builder(POLICY).roster(List.of(ANA));

    assertThatThrownBy(() -> b.roster(List.of(BOB)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("router option 'roster' is set twice");
    b.book(List.of());
    assertThatThrownBy(() -> b.book(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'book'");
  }

  @Test
  void builder_withoutRoster_saysWhichOption() {
    assertThatThrownBy(() -> LeadRouter.builder(POLICY).meanValue(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("roster: not set");
  }

  @Test
  void emptyBook_withoutMeanValue_learnsItFromTheFirstPositiveValue() {
    LeadRouter router = LeadRouter.builder(POLICY).roster(List.of(ANA, BOB)).build();
    assertThat(router.meanValue()).isEmpty();

    RouteDecision free = router.route(lead("c0").value(0).build());
    assertThat(router.meanValue()).isEmpty(); // a lead worth nothing sets no scale
    RouteDecision first = router.route(lead("c1").value(5_000).build());
    router.route(lead("c2").value(10_000).build());

    assertThat(free.assigned()).isTrue();
    assertThat(first.assigned()).isTrue();
    assertThat(router.meanValue()).hasValue(5_000);
    // c1 is 1000 units at that scale, c2 2000; c0 is 0 at any scale.
    assertThat(router.snapshot().stream().mapToLong(RepSnapshot::valueUnits).sum()).isEqualTo(3000);
  }

  @Test
  void builder_rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> LeadRouter.builder(POLICY).meanValue(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meanValue must be in (0, 1e15], was 0.0");
    assertThatThrownBy(() -> LeadRouter.builder(POLICY).ledgerTolerance(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ledgerTolerance must be >= 0");
    assertThatThrownBy(() -> LeadRouter.builder(POLICY).roster(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roster is empty");
    assertThatThrownBy(() -> LeadRouter.builder(POLICY).book(List.of(lead("c1").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("book: lead c1 has no currentOwner; the book holds owned leads only");
    assertThatThrownBy(
            () ->
                LeadRouter.builder(POLICY)
                    .roster(List.of(ANA))
                    .book(List.of(lead("c1").currentOwner("zoe").build()))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c1: currentOwner 'zoe' is not on the roster");
  }

  @Test
  void builder_isReusable_andMeanValueDefaultsToTheBooksMean() {
    LeadRouter.Builder b =
        LeadRouter.builder(POLICY)
            .roster(List.of(ANA, BOB))
            .book(
                List.of(
                    lead("c1").value(1000).currentOwner("ana").build(),
                    lead("c2").value(3000).currentOwner("bob").build()));
    LeadRouter first = b.build();
    first.route(lead("c3").build());
    LeadRouter second = b.build();

    assertThat(first.meanValue()).hasValue(2000.0);
    assertThat(second.bookSize()).isEqualTo(2);
    assertThat(first.bookSize()).isEqualTo(3);
    assertThat(of(second, "ana").valueUnits()).isEqualTo(500); // 1000 / 2000 * 1000
  }

  @Test
  void builder_bookFromAnAllocation_holdsItsAssignedLeads() {
    Problem p =
        Problem.of(
            POLICY,
            List.of(ANA, BOB),
            List.of(lead("c1").build(), lead("c2").region("Mars").build()));
    Allocation a = Baselines.leastBusy().allocate(p);

    LeadRouter router = LeadRouter.builder(POLICY).roster(List.of(ANA, BOB)).book(a).build();

    assertThat(router.bookSize()).isEqualTo(1); // c2 fits nobody
    assertThat(router.ownerOf(LeadId.of("c1"))).contains(ANA.id());
  }

  // ---------------------------------------------------------------- hard rules

  @Test
  void noEligibleRep_reasonCountsTheFirstRuleEachRepFails() {
    LeadRouter router =
        router(
            Rep.builder("away").available(false).build(),
            Rep.builder("west").regions("West").build(),
            Rep.builder("hunter").role(Role.HUNTER).build(),
            Rep.builder("small").companySizes(io.fairlead.core.model.SizeRange.of(0, 10)).build());

    RouteDecision d =
        router.route(lead("c1").kind(LeadKind.EXISTING_CUSTOMER).companySize(50).build());

    assertThat(d.status()).isEqualTo(Status.UNASSIGNED);
    UnassignedReason reason = d.reason().orElseThrow();
    assertThat(reason.kind()).isEqualTo(UnassignedReason.Kind.NO_ELIGIBLE_REP);
    assertThat(reason.excludedBy())
        .isEqualTo(Map.of("availability", 1, "region", 1, "role", 1, "company-size", 1));
    assertThat(reason.message())
        .isEqualTo(
            "no eligible rep among 4: availability excluded 1, company-size excluded 1,"
                + " region excluded 1, role excluded 1");
    assertThat(d.explanation()).isEqualTo("unassigned: " + reason.message());
    assertThat(router.bookSize()).isZero();
    RouteDecision fits =
        router.route(lead("c2").kind(LeadKind.EXISTING_CUSTOMER).companySize(5).build());
    assertThat(fits.rep()).contains(RepId.of("small"));
  }

  @Test
  void allFull_reasonSaysWhichCapStoppedEachRep() {
    LeadRouter router =
        router(
            ANA.toBuilder().capacity(2).heldOutside(1).build(),
            BOB.toBuilder().newLeadCap(1).build());
    assertThat(router.route(lead("c1").build()).rep()).contains(ANA.id());
    assertThat(router.route(lead("c2").build()).rep()).contains(BOB.id());

    RouteDecision d = router.route(lead("c3").build());

    assertThat(d.reason().orElseThrow().kind()).isEqualTo(UnassignedReason.Kind.ALL_ELIGIBLE_FULL);
    assertThat(d.reason().orElseThrow().excludedBy())
        .isEqualTo(Map.of("capacity", 1, "new-lead-cap", 1));
    assertThat(d.explanation())
        .contains("all 2 eligible reps are full: capacity 1, new-lead-cap 1");
  }

  @Test
  void newLeadCap_countsPerPeriod_capacityCountsTheBook() {
    LeadRouter router = router(ANA.toBuilder().newLeadCap(1).capacity(2).build());
    assertThat(router.route(lead("c1").build()).assigned()).isTrue();
    assertThat(router.route(lead("c2").build()).assigned()).isFalse(); // cap for the period

    router.startPeriod();
    assertThat(router.route(lead("c3").build()).assigned()).isTrue();
    router.startPeriod();
    RouteDecision full = router.route(lead("c4").build()); // capacity 2 reached

    assertThat(full.reason().orElseThrow().excludedBy()).isEqualTo(Map.of("capacity", 1));
  }

  @Test
  void release_freesCapacity_butNotTheLedger() {
    LeadRouter router = router(ANA.toBuilder().capacity(1).build());
    router.route(lead("c1").build());
    assertThat(router.route(lead("c2").build()).assigned()).isFalse();

    assertThat(router.release(LeadId.of("c1"))).contains(ANA.id());
    assertThat(router.release(LeadId.of("c1"))).isEmpty();

    assertThat(of(router, "ana").leads()).isZero();
    assertThat(of(router, "ana").received()).isEqualTo(1);
    assertThat(router.route(lead("c2").build()).rep()).contains(ANA.id());
  }

  @Test
  void repeatedLeadId_returnsTheExistingDecisionAndChangesNothing() {
    LeadRouter router = router(ANA, BOB);
    RouteDecision first = router.route(lead("c1").build());
    List<RepSnapshot> before = router.snapshot();

    RouteDecision again = router.route(lead("c1").value(99_999).build());

    assertThat(again.repeat()).isTrue();
    assertThat(again.rep()).isEqualTo(first.rep());
    assertThat(again.status()).isEqualTo(Status.ASSIGNED);
    assertThat(again.explanation()).contains("already in the book with " + first.rep().get());
    assertThat(router.snapshot()).isEqualTo(before);
    assertThat(router.bookSize()).isEqualTo(1);
  }

  @Test
  void leadWithUnknownTierOrOwner_isRejected() {
    LeadRouter router = router(ANA);

    assertThatThrownBy(() -> router.route(lead("c1").tier("Z").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lead c1: tier 'Z'");
    assertThatThrownBy(() -> router.route(lead("c2").currentOwner("zoe").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c2: currentOwner 'zoe' is not on the roster");
  }

  // ---------------------------------------------------------------- owned leads

  @Test
  void ownedLead_isKeptByItsOwner_evenOnLeave_whenThePolicyKeepsOwners() {
    LeadRouter router = router(ANA.toBuilder().available(false).build(), BOB);

    RouteDecision d = router.route(lead("c1").currentOwner("ana").build());

    assertThat(d.status()).isEqualTo(Status.KEPT);
    assertThat(d.rep()).contains(ANA.id());
    assertThat(of(router, "ana").received()).isZero(); // keeping is not receiving
    assertThat(of(router, "ana").leads()).isEqualTo(1);
  }

  @Test
  void lockedLead_staysWithItsOwner_whateverTheRules() {
    LeadRouter router = router(ANA, BOB);

    RouteDecision d =
        router.route(lead("c1").region("Mars").currentOwner("bob").locked(true).build());

    assertThat(d.status()).isEqualTo(Status.LOCKED);
    assertThat(d.rep()).contains(BOB.id());
  }

  @Test
  void ownedLead_whoseOwnerFailsARule_movesAndSaysWhy() {
    LeadRouter router = router(ANA, Rep.builder("bob").regions("West").build());

    RouteDecision d = router.route(lead("c1").currentOwner("bob").build());

    assertThat(d.status()).isEqualTo(Status.MOVED);
    assertThat(d.rep()).contains(ANA.id());
    assertThat(d.explanation()).startsWith("moved from bob (it fails rule 'region') to ana");
    assertThat(of(router, "ana").received()).isEqualTo(1);
  }

  @Test
  void rebalancingPolicy_ownerKeepsItUntilAnotherRepIsBetterByMoreThanContinuity() {
    // Every lead is tier C and of mean value, so each balance term grows by (2n+1)·1000 at
    // weight 1: taking an n-th+1 lead costs 3·(2n+1)·1000. Moving to bob also costs continuity
    // (10·1000). With bob holding 1: ana keeps while 3·(2n+1)·1000 <= 3·3·1000 + 10 000.
    Policy rebalancing = Policy.builder().allowRebalancing(true).build();
    LeadRouter router =
        LeadRouter.builder(rebalancing)
            .roster(List.of(ANA, BOB))
            .book(
                List.of(
                    lead("a0").currentOwner("ana").build(), lead("b0").currentOwner("bob").build()))
            .build();

    RouteDecision first = router.route(lead("c1").currentOwner("ana").build()); // n = 1
    RouteDecision second = router.route(lead("c2").currentOwner("ana").build()); // n = 2
    RouteDecision third =
        router.route(lead("c3").currentOwner("ana").build()); // n = 3: 21 000 > 19 000

    assertThat(first.status()).isEqualTo(Status.KEPT);
    assertThat(first.scoreDelta()).isEqualTo(9_000 - 10_000);
    assertThat(second.status()).isEqualTo(Status.KEPT);
    assertThat(third.status()).isEqualTo(Status.MOVED);
    assertThat(third.rep()).contains(BOB.id());
    assertThat(third.scoreDelta()).isEqualTo(9_000 + 10_000 - 10_000);
    assertThat(third.runnerUp().orElseThrow().softDelta()).isEqualTo(21_000 - 10_000);
    assertThat(third.explanation()).startsWith("moved from ana (rebalanced) to bob");
    assertThat(router.scoreDelta(lead("x").currentOwner("ana").build(), BOB.id()))
        .as("includes the continuity cost of leaving ana")
        .isEqualTo(router.scoreDelta(lead("y").build(), BOB.id()) + 10_000);
  }

  // ---------------------------------------------------------------- snapshot, batch hand-off

  @Test
  void snapshot_showsAggregatesAndLedgerInRosterOrder() {
    LeadRouter router = router(BOB.toBuilder().heldOutside(3).capacity(10).weight(2).build(), ANA);
    router.route(lead("c1").tier("A").value(3000).build());

    RepSnapshot bob = router.snapshot().get(0);

    assertThat(bob.rep()).isEqualTo(BOB.id());
    assertThat(bob.leads()).isEqualTo(1);
    assertThat(bob.valueUnits()).isEqualTo(3000);
    assertThat(bob.tierLeads())
        .containsExactly(
            Map.entry(Tier.of("A"), 1), Map.entry(Tier.of("B"), 0), Map.entry(Tier.of("C"), 0));
    assertThat(bob.held()).isEqualTo(4);
    assertThat(bob.capacity()).isEqualTo(10);
    assertThat(bob.received()).isEqualTo(1);
    assertThat(bob.receivedValueUnits()).isEqualTo(3000);
    assertThat(bob.standing()).isEqualTo(0.5);
    assertThat(bob.lastLead()).isEqualTo(1);
    assertThat(router.snapshot().get(1).lastLead()).isEqualTo(-1);
  }

  @Test
  void toProblem_andRebase_handTheBookToTheBatchAndKeepTheLedger() {
    LeadRouter router = router(ANA, BOB);
    for (int i = 0; i < 6; i++) {
      router.route(lead("c" + i).build());
    }
    Problem problem = router.toProblem();
    assertThat(problem.leads()).hasSize(6);
    assertThat(problem.leads()).allSatisfy(l -> assertThat(l.currentOwner()).isPresent());
    assertThat(problem.leads().get(0).currentOwner()).isEqualTo(router.ownerOf(LeadId.of("c0")));
    List<Double> ledger = router.snapshot().stream().map(RepSnapshot::credited).toList();

    // The "batch" puts everything on ana except c5, which it leaves unassigned.
    Map<LeadId, RepId> plan = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      plan.put(LeadId.of("c" + i), ANA.id());
    }
    router.release(LeadId.of("c4")); // released after the problem was taken
    router.route(lead("late").build()); // routed after the problem was taken
    int changed = router.rebase(Baselines.measure(problem, plan, "batch"));

    assertThat(changed).isEqualTo(3); // c1 and c3 move to ana, c5 leaves the book
    assertThat(router.ownerOf(LeadId.of("c1"))).contains(ANA.id());
    assertThat(router.ownerOf(LeadId.of("c4"))).isEmpty(); // not brought back
    assertThat(router.ownerOf(LeadId.of("c5"))).isEmpty();
    assertThat(router.ownerOf(LeadId.of("late"))).contains(ANA.id()); // kept where it was routed
    assertThat(of(router, "ana").leads()).isEqualTo(5); // c0 c1 c2 c3 late
    assertThat(of(router, "bob").leads()).isZero();
    // The ledger only moved by the one lead routed since: batch moves are not leads received.
    assertThat(of(router, "ana").credited()).isEqualTo(ledger.get(0) + 1);
    assertThat(of(router, "bob").credited()).isEqualTo(ledger.get(1));
  }

  @Test
  void rebase_withARepNotOnTheRoster_isRejected() {
    LeadRouter router = router(ANA);
    Problem other = Problem.of(POLICY, List.of(BOB), List.of());

    assertThatThrownBy(() -> router.rebase(Baselines.measure(other, Map.of(), "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rebase: rep bob of the allocation is not on the router's roster");
  }

  @Test
  void addRep_andUpdateRep_validateIds() {
    LeadRouter router = router(ANA);

    assertThatThrownBy(() -> router.addRep(ANA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rep ana is already on the roster");
    assertThatThrownBy(() -> router.updateRep(BOB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rep bob is not on the roster");
    assertThatThrownBy(() -> router.addRep(Rep.builder("zed").tiers("Z").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tier 'Z'");
  }

  @Test
  void updateRep_territoryChange_appliesToTheNextLead() {
    LeadRouter router = router(ANA, BOB);
    router.updateRep(Rep.builder("ana").regions("West").build());

    for (int i = 0; i < 3; i++) {
      assertThat(router.route(lead("c" + i).build()).rep()).contains(BOB.id());
    }
  }

  @Test
  void route_atTheLastSequenceNumber_refusesWithIllegalStateAndChangesNothing() {
    RouterState end =
        new RouterState(
            1,
            1L << 53,
            OptionalDouble.empty(),
            1.0,
            List.of(new RouterState.RepLedger(ANA, 0, 0, 0, -1)),
            List.of());
    LeadRouter router = LeadRouter.restore(end, Policy.defaults());

    assertThatThrownBy(() -> router.route(lead("c1").value(500).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("last sequence number");
    assertThat(router.state()).isEqualTo(end); // not even the mean value was set
  }

  @Test
  void route_repAtTheMostLeadsAPeriodCounts_refusesWithIllegalStateInsteadOfWrapping() {
    RouterState full =
        new RouterState(
            1,
            Integer.MAX_VALUE,
            OptionalDouble.empty(),
            1.0,
            List.of(new RouterState.RepLedger(ANA, Integer.MAX_VALUE, 0, 0, -1)),
            List.of());
    LeadRouter router = LeadRouter.restore(full, Policy.defaults()); // ana's cap: unlimited

    assertThatThrownBy(() -> router.route(lead("c1").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rep ana: its ledger has counted the most leads");
    assertThat(router.state()).isEqualTo(full);
  }

  @Test
  void repLedger_moreUnitsThanItsLeadsCanHold_isRefused() {
    assertThatThrownBy(() -> new RouterState.RepLedger(ANA, 1, 1_000_000_001L, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rep ana: receivedValueUnits must be at most 1000000000 per lead received (1), was"
                + " 1000000001");
  }
}
