package io.fairlead.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Small books whose right moves can be worked out by hand.
 *
 * <p>Under the default policy, with every lead of tier C and of the book's mean value (1000 value
 * units), each rep's count, value and tier-C terms are all {@code S · n² / w} ({@code S = 1000}): a
 * move from a rep holding {@code a} to one holding {@code b} (weight 1) gains {@code S · ((a² −
 * (a−1)²) − ((b+1)² − b²)) = S · (2a − 2b − 2)} per objective.
 */
class RebalancerTest {

  // --------------------------------------------------------------------------- balance moves

  @Test
  void unevenBook_movesTheSurplusToTheLeastLoaded_biggestGainFirst() {
    // ana 6, ben 2, cy 1. First ana -> cy: S·(12 − 2 − 2) = 8,000 per objective, 24,000 in all.
    // Then ana (5) -> ben (2; tied with cy, roster order): S·(10 − 4 − 2) = 4,000 each; then ana
    // (4) -> cy (2): 2,000 each. 3/3/3 is even: nothing more helps. Equal leads leave the latest
    // in input order first (nothing is dated).
    Rebalance r = Rebalancer.create().rebalance(book(6, 2, 1));

    assertThat(r.moves())
        .extracting(
            m -> m.step() + " " + m.lead() + " " + m.from() + "->" + m.to() + " " + m.gain())
        .containsExactly("1 a6 ana->cy 24000", "2 a5 ana->ben 12000", "3 a4 ana->cy 6000");
    Move first = r.moves().get(0);
    assertThat(first.kind()).isEqualTo(Move.Kind.BALANCE);
    assertThat(first.gains())
        .containsEntry("count-balance", 8_000L)
        .containsEntry("value-balance", 8_000L)
        .containsEntry("tier-balance", 8_000L)
        .containsEntry("continuity", 0L)
        .containsEntry("preference", 0L);
    assertThat(first.reason())
        .isEqualTo(
            "ana held 6 leads (3.0 above a fair share of 3.0), 600 in value (fair 300) and 6"
                + " tier-C leads (fair 3.0); cy held 1 lead (2.0 below a fair share of 3.0), 100 in"
                + " value (fair 300) and 1 tier-C lead (fair 3.0). Moving a6 (tier C, 100) to cy"
                + " evens them out. Score: 24,000 points fairer (count-balance +8,000,"
                + " value-balance +8,000, tier-balance +8,000).");
    assertThat(r.after().reps()).extracting(s -> s.leads()).containsExactly(3, 3, 3);
    // Σ n² = 41 before, 27 at the optimum.
    assertThat(r.gapsBefore().countGap()).isCloseTo(14.0 / 27, within(1e-12));
    assertThat(r.gapsAfter().countOptimal()).isTrue();
    assertThat(r.movesByKind()).containsEntry(Move.Kind.BALANCE, 3);
  }

  @Test
  void explanations_useTheSameWords() {
    Rebalance r = Rebalancer.create().rebalance(book(6, 2, 1));
    assertThat(r.after().outcome(LeadId.of("a6")).status()).isEqualTo(Status.MOVED);
    assertThat(r.after().explain(LeadId.of("a6")).summary())
        .startsWith(
            "Moved from ana to cy to balance the book: ana held 6 leads (fair share 3.0) and now"
                + " holds 3; cy now holds 3 leads (fair share 3.0)");
    assertThat(r.after().outcome(LeadId.of("a1")).status()).isEqualTo(Status.KEPT);
    assertThat(r.after().explain(LeadId.of("a1")).summary())
        .startsWith("Kept with its owner ana; ana now holds 3 leads");
    assertThat(r.after().problem().policy().allowRebalancing()).isTrue();
  }

  @Test
  void evenBook_noMove() {
    Rebalance r = Rebalancer.create().rebalance(book(2, 2, 2));
    assertThat(r.moves()).isEmpty();
    assertThat(r.after().score()).isEqualTo(r.before().score());
  }

  // --------------------------------------------------------------------------------- repairs

  @Test
  void overCapacity_leastValuableFirst_thenLeastRecentlyTouched() {
    // ana may hold 4 and holds 6: two must go. The least valuable are a2, a3, a5 (100 each); of
    // those a3 was touched longest ago (March 1), then a5 (March 3).
    Rep ana = Rep.builder("ana").capacity(4).build();
    Rep ben = Rep.builder("ben").build();
    double[] values = {500, 100, 100, 300, 100, 400};
    List<Lead> leads = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      leads.add(lead("a" + (k + 1), "ana", values[k], "C"));
    }
    Problem book = Problem.of(Policy.defaults(), List.of(ana, ben), leads);
    Map<String, Instant> touched =
        Map.of(
            "a2", Instant.parse("2026-03-05T00:00:00Z"),
            "a3", Instant.parse("2026-03-01T00:00:00Z"),
            "a5", Instant.parse("2026-03-03T00:00:00Z"));
    Rebalance r =
        Rebalancer.builder()
            .maxMoves(2)
            .lastTouched(l -> Optional.ofNullable(touched.get(l.id().value())))
            .build()
            .rebalance(book);

    assertThat(r.moves()).extracting(m -> m.lead().value()).containsExactly("a3", "a5");
    assertThat(r.moves()).allMatch(m -> m.kind() == Move.Kind.CAPACITY && m.to().equals(ben.id()));
    assertThat(r.moves().get(0).reason())
        .startsWith(
            "ana held 6 customers, 2 over a capacity of 4; its least valuable customers that may"
                + " move go first, and a3 (tier C, 100, last touched 2026-03-01) is next. ben takes"
                + " it: ben held 0 leads (");
    assertThat(r.before().score().hard()).isEqualTo(2);
    assertThat(r.after().score().hard()).isZero();

    // Undated, equal values leave the latest in input order first: a5, then a3.
    Rebalance undated = Rebalancer.builder().maxMoves(2).build().rebalance(book);
    assertThat(undated.moves()).extracting(m -> m.lead().value()).containsExactly("a5", "a3");
  }

  @Test
  void ownerMayNoLongerHold_movesToARepWhoMay() {
    Rep ana = Rep.builder("ana").regions("West").build();
    Rep ben = Rep.builder("ben").regions("East").build();
    List<Lead> leads =
        List.of(
            lead("w1", "ana", 100, "C").toBuilder().region("West").build(),
            lead("e1", "ana", 100, "C").toBuilder().region("East").build());
    Rebalance r =
        Rebalancer.create().rebalance(Problem.of(Policy.defaults(), List.of(ana, ben), leads));

    assertThat(r.moves()).hasSize(1);
    Move m = r.moves().get(0);
    assertThat(m.lead()).isEqualTo(LeadId.of("e1"));
    assertThat(m.kind()).isEqualTo(Move.Kind.RULE);
    assertThat(m.reason())
        .startsWith("ana may no longer hold e1 (ana covers [West], not East). ben takes it:");
    assertThat(r.before().feasible()).isFalse();
    assertThat(r.after().feasible()).isTrue();
  }

  // ---------------------------------------------------------------------------- what stays

  @Test
  void lockedMustNotMoveAndTopTier_stay_unlessTopTierIsAllowed() {
    // ana holds l1 (locked), l2 (the host says it must not move), l3 (tier A) and l4; ben none.
    List<Lead> leads =
        List.of(
            lead("l1", "ana", 100, "C").toBuilder().locked(true).build(),
            lead("l2", "ana", 100, "C"),
            lead("l3", "ana", 100, "A"),
            lead("l4", "ana", 100, "C"));
    Problem book =
        Problem.of(
            Policy.defaults(),
            List.of(Rep.builder("ana").build(), Rep.builder("ben").build()),
            leads);
    Rebalancer.Builder rules = Rebalancer.builder().mustNotMove(l -> l.id().value().equals("l2"));
    Rebalance r = rules.build().rebalance(book);

    assertThat(r.moves()).extracting(m -> m.lead().value()).containsExactly("l4");
    assertThat(r.movable()).isEqualTo(1);
    assertThat(r.heldBack())
        .containsExactly(
            Map.entry("locked", 1), Map.entry("must not move", 1), Map.entry("top tier", 1));
    for (String stays : List.of("l1", "l2", "l3")) {
      assertThat(r.after().outcome(LeadId.of(stays)).status()).isEqualTo(Status.LOCKED);
    }
    assertThat(r.after().explain(LeadId.of("l2")).summary()).startsWith("Locked to ana");

    // With the top tier allowed, ana's A lead moves too (ana 3 -> 2, ben 1 -> 2).
    Rebalance withTop = rules.moveTopTier(true).build().rebalance(book);
    assertThat(withTop.moves()).extracting(m -> m.lead().value()).containsExactly("l4", "l3");
  }

  @Test
  void unownedLeads_areLeftAlone() {
    List<Lead> leads = new ArrayList<>(book(3, 1, 0).leads());
    leads.add(Lead.builder("u1").region("N").industry("x").value(100).tier("C").build());
    Problem book = Problem.of(Policy.defaults(), reps(3), leads);
    Rebalance r = Rebalancer.create().rebalance(book);
    assertThat(r.unowned()).containsExactly(LeadId.of("u1"));
    assertThat(r.after().outcomes()).noneMatch(o -> o.lead().equals(LeadId.of("u1")));
    assertThat(r.after().outcomes()).hasSize(4);
  }

  // --------------------------------------------------------------------------------- budgets

  @Test
  void totalBudget_keepsTheFirstMovesOfTheUnlimitedRun() {
    Rebalance one = Rebalancer.builder().maxMoves(1).build().rebalance(book(6, 2, 1));
    Rebalance all = Rebalancer.create().rebalance(book(6, 2, 1));
    assertThat(one.moves()).containsExactly(all.moves().get(0));
    assertThat(one.maxMoves()).isEqualTo(1);
    assertThat(Rebalancer.builder().maxMoves(0).build().rebalance(book(6, 2, 1)).moves()).isEmpty();
  }

  @Test
  void perRepBudget_boundsWhatAnyRepGivesAndTakes() {
    // At most 2 taken from ana: a6 -> cy and a5 -> ben; then ana may give no more, and nobody
    // else gains by moving (ben 3 and cy 2 would only swap places).
    Rebalance r = Rebalancer.builder().maxMovesPerRep(2).build().rebalance(book(6, 2, 1));
    assertThat(r.moves())
        .extracting(m -> m.lead() + " " + m.from() + "->" + m.to())
        .containsExactly("a6 ana->cy", "a5 ana->ben");

    // At most 1 given to cy: ana 4, ben 4, cy 0 -> one of them gives cy one lead, and that is all
    // (4 and 3 would only swap places).
    Rebalance given = Rebalancer.builder().maxMovesPerRep(1).build().rebalance(book(4, 4, 0));
    assertThat(given.moves()).hasSize(1);
    assertThat(given.moves().get(0).to()).isEqualTo(RepId.of("cy"));
  }

  // ---------------------------------------------------------------------------------- chains

  @Test
  void chain_passesALeadAlongWhenNoDirectMoveHelps() {
    // ana covers N, cy N and S, ben S. ana holds 3 N leads, cy 2 S leads, ben 1 S lead. ana can
    // give only to cy (3 -> 2, 2 -> 3: no gain) and cy only to ben (2 -> 1, 1 -> 2: no gain), but
    // cy passing one of its S leads to ben while taking one of ana's N leads evens the book:
    // ana 3 -> 2 and ben 1 -> 2 gain S·(5 − 3) = 2,000 per objective, 6,000 in all.
    Rep ana = Rep.builder("ana").regions("N").build();
    Rep cy = Rep.builder("cy").regions("N", "S").build();
    Rep ben = Rep.builder("ben").regions("S").build();
    List<Lead> leads = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      leads.add(lead("n" + k, "ana", 100, "C"));
    }
    for (int k = 1; k <= 2; k++) {
      leads.add(lead("s" + k, "cy", 100, "C").toBuilder().region("S").build());
    }
    leads.add(lead("s3", "ben", 100, "C").toBuilder().region("S").build());
    Problem book = Problem.of(Policy.defaults(), List.of(ana, cy, ben), leads);
    Rebalance r = Rebalancer.create().rebalance(book);

    // Made in the order that never puts cy over a capacity: cy gives first, then takes.
    assertThat(r.moves())
        .extracting(m -> m.step() + " " + m.lead() + " " + m.from() + "->" + m.to())
        .containsExactly("1 s1 cy->ben", "1 n1 ana->cy");
    assertThat(r.moves().stream().mapToLong(Move::gain).sum()).isEqualTo(6_000);
    assertThat(r.moves().get(0).reason())
        .contains("No customer of ana that may move may go to ben directly")
        .endsWith("6,000 score points fairer in all. This move alone: unchanged.")
        .contains("a chain of 2 moves passes one along (ana -> cy -> ben)");
    assertThat(r.after().reps()).extracting(s -> s.leads()).containsExactly(2, 2, 2);
    assertThat(r.gapsAfter().countOptimal()).isTrue();

    TradeOffCurve curve = Rebalancer.create().curve(book);
    assertThat(curve.fewestMovesToCountOptimum()).hasValue(2);
    assertThat(curve.movesToCountOptimum()).hasValue(2);
    // With a budget of 1 the chain does not fit, and the run stops there.
    assertThat(Rebalancer.builder().maxMoves(1).build().rebalance(book).moves()).isEmpty();
  }

  @Test
  void aMovedLead_mayBeHandedOnLater_whenThatReachesTheOptimum() {
    // Counts alone. r1 may hold nothing more (capacity 2, both held elsewhere), so c1 and c5 must
    // go, least valuable first: c1 to r2 (weight 1: its first lead costs 1, r3's 1/0.8), then c5,
    // which only r2 may take. Now r2 holds 2 (Σ n²/w = 4) and r3 none: handing c1 on to r3 gives
    // 1 + 1.25 = 2.25, the optimum. Three handovers; the fewest is two (c1 straight to r3).
    Rep r1 = Rep.builder("r1").capacity(2).heldOutside(2).build();
    Rep r2 = Rep.builder("r2").regions("S").build();
    Rep r3 = Rep.builder("r3").regions("S").industries("x").role(Role.HUNTER).weight(0.8).build();
    List<Lead> leads =
        List.of(
            Lead.builder("c1")
                .region("S")
                .industry("x")
                .kind(LeadKind.NEW_BUSINESS)
                .value(0)
                .tier("C")
                .currentOwner("r1")
                .build(),
            Lead.builder("c5")
                .region("S")
                .industry("y")
                .kind(LeadKind.EXISTING_CUSTOMER)
                .value(240)
                .tier("B")
                .currentOwner("r1")
                .build());
    Policy counts = Policy.builder().weight(Objective.VALUE, 0).weight(Objective.TIER, 0).build();
    Problem book = Problem.of(counts, List.of(r1, r2, r3), leads);
    Rebalance r = Rebalancer.create().rebalance(book);

    assertThat(r.moves())
        .extracting(
            m -> m.step() + " " + m.lead() + " " + m.from() + "->" + m.to() + " " + m.kind())
        .containsExactly("1 c1 r1->r2 CAPACITY", "2 c5 r1->r2 CAPACITY", "3 c1 r2->r3 BALANCE");
    assertThat(r.moves().get(2).reason())
        .contains("Moving c1 (tier C, 0; r2 took it from r1 in step 1) to r3");
    assertThat(r.gapsAfter().countOptimal()).isTrue();
    assertThat(r.after().outcome(LeadId.of("c1")).rep()).contains(RepId.of("r3"));
    TradeOffCurve curve = Rebalancer.create().curve(book);
    assertThat(curve.fewestMovesToCountOptimum()).hasValue(2);
    assertThat(curve.movesToCountOptimum()).hasValue(3);
  }

  // ----------------------------------------------------------------------------------- curve

  @Test
  void curve_budgetsAreFractionsOfTheMovableCustomers() {
    // ana 150, ben 50: 200 movable; budgets 0, 2, 4, 10, 20 and no limit. Every move ana -> ben
    // helps until 100/100, after 50 moves, the fewest that reach the count optimum.
    TradeOffCurve curve = Rebalancer.create().curve(book(150, 50));
    assertThat(curve.movable()).isEqualTo(200);
    assertThat(curve.points())
        .extracting(TradeOffPoint::budget)
        .containsExactly("0", "1 %", "2 %", "5 %", "10 %", "unlimited");
    assertThat(curve.points())
        .extracting(TradeOffPoint::maxMoves)
        .containsExactly(0, 2, 4, 10, 20, Rebalancer.UNLIMITED);
    assertThat(curve.points())
        .extracting(TradeOffPoint::moves)
        .containsExactly(0, 2, 4, 10, 20, 50);
    for (TradeOffPoint p : curve.points()) {
      int k = p.moves();
      double term = Math.pow(150 - k, 2) + Math.pow(50 + k, 2);
      assertThat(p.gaps().countTerm()).isCloseTo(term, within(1e-9));
    }
    assertThat(curve.points().get(5).gaps().countOptimal()).isTrue();
    assertThat(curve.fewestMovesToCountOptimum()).hasValue(50);
    assertThat(curve.movesToCountOptimum()).hasValue(50);
    assertThat(curve.countsOnlyMovesToCountOptimum()).hasValue(50);
  }

  @Test
  void curve_countOptimumOutOfReach_whenAHeldLeadHasNoRepAllowed() {
    // ana holds a lead of a region nobody covers: no count-optimal assignment places it, and
    // moves never leave a customer without an owner.
    Rep ana = Rep.builder("ana").regions("N").build();
    List<Lead> leads = List.of(lead("s1", "ana", 100, "C").toBuilder().region("S").build());
    TradeOffCurve curve =
        Rebalancer.create().curve(Problem.of(Policy.defaults(), List.of(ana), leads));
    assertThat(curve.fewestMovesToCountOptimum()).isEmpty();
    assertThat(curve.movesToCountOptimum()).isEmpty();
  }

  // ------------------------------------------------------------------------------- bad input

  @Test
  void badOptions_nameTheOption() {
    assertThatThrownBy(() -> Rebalancer.builder().maxMoves(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rebalancer: maxMoves must be >= 0, was -1");
    assertThatThrownBy(() -> Rebalancer.builder().maxMovesPerRep(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rebalancer: maxMovesPerRep must be >= 0, was -2");
    assertThatThrownBy(() -> Rebalancer.builder().maxMoves(1).maxMoves(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rebalancer option 'maxMoves' is set twice");
    assertThatThrownBy(() -> Rebalancer.builder().mustNotMove(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mustNotMove");
  }

  @Test
  void hostFunctionAnsweringNull_isRefusedNamingTheLead() {
    Rebalancer r = Rebalancer.builder().lastTouched(l -> null).build();
    assertThatThrownBy(() -> r.rebalance(book(2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lead a1: lastTouched returned null");
  }

  @Test
  void builder_isReusable() {
    Rebalancer.Builder b = Rebalancer.builder().maxMoves(3);
    assertThat(b.build().maxMoves()).isEqualTo(3);
    assertThat(b.build().maxMoves()).isEqualTo(3);
    assertThat(Rebalancer.create().maxMovesPerRep()).isEqualTo(Rebalancer.UNLIMITED);
    assertThat(Rebalancer.create().movesTopTier()).isFalse();
  }

  // --------------------------------------------------------------------------------- helpers

  private static final String[] NAMES = {"ana", "ben", "cy", "dee"};

  /** Reps ana, ben, cy… of weight 1; rep k holds {@code held[k]} leads of tier C, value 100. */
  static Problem book(int... held) {
    List<Lead> leads = new ArrayList<>();
    for (int k = 0; k < held.length; k++) {
      for (int j = 1; j <= held[k]; j++) {
        leads.add(lead(NAMES[k].charAt(0) + Integer.toString(j), NAMES[k], 100, "C"));
      }
    }
    return Problem.of(Policy.defaults(), reps(held.length), leads);
  }

  private static List<Rep> reps(int n) {
    List<Rep> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(Rep.builder(NAMES[k]).build());
    }
    return out;
  }

  private static Lead lead(String id, String owner, double value, String tier) {
    return Lead.builder(id)
        .region("N")
        .industry("x")
        .value(value)
        .tier(tier)
        .currentOwner(owner)
        .build();
  }
}
