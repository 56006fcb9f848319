package io.fairlead.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed figures on tiny problems. Notation: {@code x_r = load_r / w_r} (weighted load),
 * {@code G = Σ_i Σ_j |x_i − x_j| / (2 n² mean)}, {@code J = (Σx)² / (n Σx²)}.
 */
class FairnessMetricsTest {

  private static final double EPS = 1e-12;

  // ---------------------------------------------------------------- fair shares and spreads

  @Test
  void fairShares_eightLeadsOnWeights112_are2_2_4() {
    // Every rep may take every lead; W = 1 + 1 + 2 = 4.
    // fairLeads = 8·w/4 = 2, 2, 4; fairValue = 800·w/4 = 200, 200, 400 (every lead is worth 100).
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1), rep("cy", 2)), leads(8));
    FairnessMetrics m = FairnessMetrics.of(p, Map.of());

    assertThat(m.reps()).extracting(RepStats::fairLeads).containsExactly(2.0, 2.0, 4.0);
    assertThat(m.reps()).extracting(RepStats::fairValue).containsExactly(200.0, 200.0, 400.0);
    // All leads are tier B: the fair share of A and C is 0, of B the same as of leads.
    assertThat(m.rep(RepId.of("cy")).fairTierLeads())
        .containsExactly(
            Map.entry(Tier.of("A"), 0.0),
            Map.entry(Tier.of("B"), 4.0),
            Map.entry(Tier.of("C"), 0.0));
    assertThat(m.assigned()).isZero();
    assertThat(m.unassigned()).isEqualTo(8);
  }

  @Test
  void count_loads1_3_4OnWeights1_1_2_figuresByHand() {
    // Loads 1, 3, 4 on weights 1, 1, 2 → x = 1, 3, 2; sorted 1, 2, 3; n = 3, Σx = 6, mean 2.
    // G: Σ_i Σ_j |x_i − x_j| = 2·(|1−2| + |1−3| + |2−3|) = 8 → 8 / (2·9·2) = 2/9.
    // J: 6² / (3·(1 + 9 + 4)) = 36/42 = 6/7.
    // max/min = 3/1 = 3.
    // cv: deviations −1, 1, 0 → variance 2/3 → sqrt(2/3) / 2.
    // maxDeviation: fair 2, 2, 4 → |1−2|, |3−2|, |4−4| → 1.
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1), rep("cy", 2)), leads(8));
    FairnessMetrics m =
        FairnessMetrics.of(p, assign(p, "ana", "bob", "bob", "bob", "cy", "cy", "cy", "cy"));

    Spread c = m.count();
    assertThat(c.reps()).isEqualTo(3);
    assertThat(c.min()).isEqualTo(1.0);
    assertThat(c.max()).isEqualTo(3.0);
    assertThat(c.mean()).isCloseTo(2.0, within(EPS));
    assertThat(c.gini()).isCloseTo(2.0 / 9, within(EPS));
    assertThat(c.jain()).isCloseTo(6.0 / 7, within(EPS));
    assertThat(c.maxMinRatio()).isCloseTo(3.0, within(EPS));
    assertThat(c.cv()).isCloseTo(Math.sqrt(2.0 / 3) / 2, within(EPS));
    assertThat(c.maxDeviation()).isCloseTo(1.0, within(EPS));
    assertThat(m.reps()).extracting(RepStats::leads).containsExactly(1, 3, 4);
    assertThat(m.assigned()).isEqualTo(8);
    assertThat(m.unassigned()).isZero();
  }

  @Test
  void value_loads1_3_4OnWeights1_1_2_deviationIsInMoney() {
    // Every lead is worth 100: values 100, 300, 400, fair 200, 200, 400 (see above).
    // x = 100, 300, 200: Gini, Jain and the ratio do not depend on the unit (2/9, 6/7, 3);
    // maxDeviation = |100 − 200| = |300 − 200| = 100 (money, not leads).
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1), rep("cy", 2)), leads(8));
    FairnessMetrics m =
        FairnessMetrics.of(p, assign(p, "ana", "bob", "bob", "bob", "cy", "cy", "cy", "cy"));

    assertThat(m.reps()).extracting(RepStats::value).containsExactly(100.0, 300.0, 400.0);
    assertThat(m.value().mean()).isCloseTo(200.0, within(1e-9));
    assertThat(m.value().gini()).isCloseTo(2.0 / 9, within(EPS));
    assertThat(m.value().jain()).isCloseTo(6.0 / 7, within(EPS));
    assertThat(m.value().maxMinRatio()).isCloseTo(3.0, within(EPS));
    assertThat(m.value().maxDeviation()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void fairShares_regionRestricted_theFractionalOptimum_notAClassByClassSplit() {
    // ana (w 2) covers East only, bob (w 1) every region. Two East leads, two West leads.
    // One level would give λ = 4/3 leads per unit of weight: ana 8/3, more than the 2 East leads
    // it may take. So ana is a level of its own, λ = 1: both East leads, 2; bob the West leads, 2.
    // (Split class by class, East 2/3 to ana and West to bob, the shares were 4/3 and 8/3: bob
    // "owed" 2/3 of a lead that only ana, below its share at 2, could give up.)
    // Loads 2, 2 → x = 1, 2; mean 1.5; G = 2·1 / (2·4·1.5) = 1/6; J = 9 / (2·5) = 0.9; ratio 2;
    // cv = 0.5/1.5 = 1/3; maxDeviation 0: the allocation is the fair one.
    Problem p =
        problem(
            List.of(Rep.builder("ana").weight(2).regions("East").build(), rep("bob", 1)),
            List.of(
                lead("e1", "East"), lead("e2", "East"), lead("w1", "West"), lead("w2", "West")));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "ana", "bob", "bob"));

    assertThat(m.rep(RepId.of("ana")).fairLeads()).isCloseTo(2, within(EPS));
    assertThat(m.rep(RepId.of("bob")).fairLeads()).isCloseTo(2, within(EPS));
    assertThat(m.rep(RepId.of("ana")).fairValue()).isCloseTo(200, within(EPS));
    assertThat(m.count().gini()).isCloseTo(1.0 / 6, within(EPS));
    assertThat(m.count().jain()).isCloseTo(0.9, within(EPS));
    assertThat(m.count().maxMinRatio()).isCloseTo(2.0, within(EPS));
    assertThat(m.count().cv()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(m.count().maxDeviation()).isCloseTo(0, within(EPS));
  }

  @Test
  void fairShares_overlappingTerritories_noRepIsOwedWhatOnlyABusierRepCouldGive() {
    // The sweep's case in small: eli covers North and West, dee North and East, ben East, cy West
    // (all weight 1); 2 North leads, 10 East, 10 West. Split class by class, eli and dee got 1 + 5
    // = 6 each and ben and cy 5: but eli at 6 leaves 16 leads for three reps, one of them at most
    // 5.3, below eli. The optimum is one level, 22 / 4 = 5.5 each (eli 1 North and 4.5 West, cy
    // 5.5 West, dee 1 North and 4.5 East, ben 5.5 East). With a capacity of 4, cy is a level of
    // its own at 4, and the other three share the 18 left, 6 each (eli 6 West; dee 2 North and 4
    // East; ben 6 East).
    Problem p =
        problem(
            List.of(
                Rep.builder("ben").regions("East").build(),
                Rep.builder("cy").regions("West").build(),
                Rep.builder("dee").regions("North", "East").build(),
                Rep.builder("eli").regions("North", "West").build()),
            regional(2, 10, 10));
    Problem capped =
        problem(
            List.of(
                Rep.builder("ben").regions("East").build(),
                Rep.builder("cy").regions("West").capacity(4).build(),
                Rep.builder("dee").regions("North", "East").build(),
                Rep.builder("eli").regions("North", "West").build()),
            regional(2, 10, 10));

    assertThat(FairnessMetrics.of(p, Map.of()).reps())
        .extracting(RepStats::fairLeads)
        .allSatisfy(f -> assertThat(f).isCloseTo(5.5, within(EPS)));
    assertThat(FairnessMetrics.of(capped, Map.of()).reps())
        .extracting(RepStats::fairLeads)
        .satisfiesExactly(
            ben -> assertThat(ben).isCloseTo(6, within(EPS)),
            cy -> assertThat(cy).isCloseTo(4, within(EPS)),
            dee -> assertThat(dee).isCloseTo(6, within(EPS)),
            eli -> assertThat(eli).isCloseTo(6, within(EPS)));
  }

  @Test
  void fairShares_unequalWeights_theCountOptimumMayBeMoreThanALeadAway() {
    // ana (w 2) and twenty reps of weight 0.5 may take any of 3 leads: W = 12, ana's share 3·2/12
    // = 0.5, each other's 0.125. In whole leads, ana's k-th lead costs (2k − 1)/2 (0.5, 1.5, 2.5)
    // and another rep's first 1/0.5 = 2: the count optimum gives ana 2 leads and one other rep 1,
    // 1.5 leads above ana's share. (With equal weights it is never more than a lead away.)
    List<Rep> reps = new java.util.ArrayList<>();
    reps.add(rep("ana", 2));
    for (int r = 1; r <= 20; r++) {
      reps.add(rep("r" + r, 0.5));
    }
    Problem p = problem(reps, leads(3));

    assertThat(FairnessMetrics.of(p, Map.of()).rep(RepId.of("ana")).fairLeads())
        .isCloseTo(0.5, within(EPS));
    assertThat(io.fairlead.core.bound.FairnessBounds.of(p).optimalCounts())
        .containsEntry(RepId.of("ana"), 2);
  }

  @Test
  void fairShares_leadNoRepMayTake_addsToNoShare() {
    // n1 is in North, which neither rep covers: the fair shares split only e1 and e2 → 1, 1.
    Problem p =
        problem(
            List.of(
                Rep.builder("ana").regions("East").build(),
                Rep.builder("bob").regions("East").build()),
            List.of(lead("e1", "East"), lead("e2", "East"), lead("n1", "North")));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "bob", null));

    assertThat(m.reps()).extracting(RepStats::fairLeads).containsExactly(1.0, 1.0);
    assertThat(m.reps()).extracting(RepStats::fairValue).containsExactly(100.0, 100.0);
    assertThat(m.assigned()).isEqualTo(2);
    assertThat(m.unassigned()).isEqualTo(1);
    assertThat(m.count().maxDeviation()).isZero();
  }

  @Test
  void spread_repThatMayTakeNothingAndHoldsNothing_isLeftOut() {
    // wes covers West only and there are only East leads: not in play, so the count spread is over
    // ana and bob (2 leads each → perfectly even), not over three reps with wes at 0.
    Problem p =
        problem(
            List.of(rep("ana", 1), rep("bob", 1), Rep.builder("wes").regions("West").build()),
            leads(4));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "ana", "bob", "bob"));

    assertThat(m.count().reps()).isEqualTo(2);
    assertThat(m.count().gini()).isZero();
    assertThat(m.count().maxMinRatio()).isEqualTo(1.0);
    assertThat(m.value().reps()).isEqualTo(2);
    assertThat(m.reps()).hasSize(3);
  }

  @Test
  void spread_repHoldingALeadItMayNotTake_isInPlay() {
    // Same problem, but wes holds one East lead (a region breach): in play, x = 2, 1, 1.
    Problem p =
        problem(
            List.of(rep("ana", 1), rep("bob", 1), Rep.builder("wes").regions("West").build()),
            leads(4));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "ana", "bob", "wes"));

    assertThat(m.count().reps()).isEqualTo(3);
    assertThat(m.count().min()).isEqualTo(1.0);
    assertThat(m.count().max()).isEqualTo(2.0);
    // Fair shares 2, 2, 0 (wes may take none): deviations |2−2|, |1−2|, |1−0| → 1.
    assertThat(m.count().maxDeviation()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void spread_oneRepHasEverything_ratioInfiniteGiniAndJainAtTheirBounds() {
    // x = 2, 0: G = 2·2 / (2·4·1) = 1/2 = (n−1)/n; J = 4 / (2·4) = 1/2 = 1/n; max/min = ∞;
    // cv: mean 1, deviations ±1 → 1; maxDeviation = |2 − 1| = 1.
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1)), leads(2));
    Spread c = FairnessMetrics.of(p, assign(p, "ana", "ana")).count();

    assertThat(c.gini()).isCloseTo(0.5, within(EPS));
    assertThat(c.jain()).isCloseTo(0.5, within(EPS));
    assertThat(c.maxMinRatio()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(c.cv()).isCloseTo(1.0, within(EPS));
    assertThat(c.maxDeviation()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void spread_nothingAssigned_evenFiguresAndDeviationIsTheFairShare() {
    // x = 0, 0: all equal → G 0, J 1, ratio 1, cv 0; fair shares 1.5 each → maxDeviation 1.5.
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1)), leads(3));
    Spread c = FairnessMetrics.of(p, Map.of()).count();

    assertThat(c).isEqualTo(new Spread(2, 0, 0, 0, 0, 1, 1, 0, 1.5));
  }

  @Test
  void spread_problemWithoutLeads_isEmpty() {
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1)), List.of());
    FairnessMetrics m = FairnessMetrics.of(p, Map.of());

    assertThat(m.count()).isEqualTo(Spread.EMPTY);
    assertThat(m.value()).isEqualTo(Spread.EMPTY);
    assertThat(m.tiers().values()).containsOnly(Spread.EMPTY);
    assertThat(m.reps()).extracting(RepStats::fairLeads).containsExactly(0.0, 0.0);
  }

  @Test
  void tiers_eachTierOverItsOwnReps_andZerosListedInTierOrder() {
    // ana may take A only, bob C only; two A leads to ana, two C leads to bob.
    // Tier A is in play for ana alone (x = 2): one rep → G 0, J 1, ratio 1, deviation 0.
    // Tier B has no lead and no rep eligible for one → EMPTY.
    Problem p =
        problem(
            List.of(Rep.builder("ana").tiers("A").build(), Rep.builder("bob").tiers("C").build()),
            List.of(tiered("a1", "A"), tiered("a2", "A"), tiered("c1", "C"), tiered("c2", "C")));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "ana", "bob", "bob"));

    assertThat(m.tiers().keySet()).containsExactly(Tier.of("A"), Tier.of("B"), Tier.of("C"));
    assertThat(m.topTier()).isEqualTo(new Spread(1, 2, 2, 2, 0, 1, 1, 0, 0));
    assertThat(m.tiers().get(Tier.of("B"))).isEqualTo(Spread.EMPTY);
    assertThat(m.tiers().get(Tier.of("C")).reps()).isEqualTo(1);
    assertThat(m.rep(RepId.of("ana")).tierLeads())
        .containsExactly(
            Map.entry(Tier.of("A"), 2), Map.entry(Tier.of("B"), 0), Map.entry(Tier.of("C"), 0));
    assertThat(m.rep(RepId.of("bob")).fairTierLeads().get(Tier.of("C"))).isEqualTo(2.0);
  }

  @Test
  void tiers_repHoldingALeadOfATierItMayNotTake_isInPlayForThatTier() {
    // bob (C only) holds a1 (tier A): tier A is over ana and bob, x = 1, 1.
    Problem p =
        problem(
            List.of(Rep.builder("ana").tiers("A").build(), Rep.builder("bob").tiers("C").build()),
            List.of(tiered("a1", "A"), tiered("a2", "A")));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "bob", "ana"));

    assertThat(m.topTier().reps()).isEqualTo(2);
    // bob's fair share of A is 0 while it holds 1; ana's is 2 while it holds 1.
    assertThat(m.topTier().maxDeviation()).isCloseTo(1.0, within(EPS));
    assertThat(m.violations()).extracting(Violation::rule).containsExactly("tier");
  }

  @Test
  void repStats_weightAboveThePolicyBound_usesTheBoundedWeight() {
    // Default bounds [0.5, 2]: weight 5 counts as 2, weight 0.1 as 0.5 → fair shares 4·2/2.5,
    // 4·0.5/2.5.
    Problem p = problem(List.of(rep("ana", 5), rep("bob", 0.1)), leads(4));
    FairnessMetrics m = FairnessMetrics.of(p, Map.of());

    assertThat(m.reps()).extracting(RepStats::weight).containsExactly(2.0, 0.5);
    assertThat(m.rep(RepId.of("ana")).fairLeads()).isCloseTo(3.2, within(EPS));
    assertThat(m.rep(RepId.of("bob")).fairLeads()).isCloseTo(0.8, within(EPS));
  }

  @Test
  void value_expectedValueBasis_weighsByWinProbability() {
    // 1000 at 25 % → 250 under EXPECTED; 400 without a probability stays 400.
    Policy expected = Policy.builder().valueBasis(ValueBasis.EXPECTED).build();
    Problem p =
        new Problem(
            expected,
            List.of(rep("ana", 1)),
            List.of(
                base("c1").value(1000).winProbability(0.25).build(),
                base("c2").value(400).build()));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "ana"));

    assertThat(m.rep(RepId.of("ana")).value()).isEqualTo(650.0);
    assertThat(m.rep(RepId.of("ana")).fairValue()).isEqualTo(650.0);
  }

  @Test
  void repStats_heldAddsOutsideCustomers_newLeadsLeaveOutItsOwn() {
    // ana holds 2 customers outside and gets c1 (its own) and c2 (new): held 4, newLeads 1.
    Problem p =
        problem(
            List.of(Rep.builder("ana").heldOutside(2).capacity(10).build(), rep("bob", 1)),
            List.of(base("c1").currentOwner("ana").build(), base("c2").build()));
    RepStats ana = FairnessMetrics.of(p, assign(p, "ana", "ana")).rep(RepId.of("ana"));

    assertThat(ana.leads()).isEqualTo(2);
    assertThat(ana.newLeads()).isEqualTo(1);
    assertThat(ana.held()).isEqualTo(4);
    assertThat(ana.capacity()).isEqualTo(10);
  }

  @Test
  void repStats_ownerLosesItsLead_newLeadsCountsOnlyTheReceiver() {
    // c1 was ana's and goes to bob: for bob it is new, ana holds nothing.
    Problem p =
        problem(
            List.of(rep("ana", 1), rep("bob", 1)), List.of(base("c1").currentOwner("ana").build()));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "bob"));

    assertThat(m.reps()).extracting(RepStats::newLeads).containsExactly(0, 1);
    assertThat(m.reps()).extracting(RepStats::leads).containsExactly(0, 1);
  }

  // ---------------------------------------------------------------- violations

  @Test
  void violations_leadOutsideItsHoldersRegion_namesLeadRepAndRule() {
    Problem p =
        problem(
            List.of(Rep.builder("bob").regions("West").build(), rep("cy", 1)),
            List.of(lead("c1", "West"), lead("c2", "West"), lead("c3", "East")));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "bob", "cy", "bob"));

    assertThat(m.violations())
        .containsExactly(
            new Violation(
                Optional.of(LeadId.of("c3")),
                RepId.of("bob"),
                "region",
                "lead c3 is held by bob, but bob covers [West], not East"));
  }

  @Test
  void violations_repOverCapacity_countsCustomersHeldOutside() {
    // bob: capacity 2, 1 held outside, 2 leads here → 3 > 2.
    Problem p =
        problem(
            List.of(Rep.builder("bob").capacity(2).heldOutside(1).build(), rep("cy", 1)), leads(3));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "bob", "bob", "cy"));

    assertThat(m.violations())
        .containsExactly(
            new Violation(
                Optional.empty(),
                RepId.of("bob"),
                "capacity",
                "bob holds 3 customers (2 in the book + 1 held outside), over its capacity of 2"));
    assertThat(m.rep(RepId.of("bob")).held()).isEqualTo(3);
  }

  @Test
  void violations_repAtCapacity_isNoBreach() {
    Problem p = problem(List.of(Rep.builder("bob").capacity(2).heldOutside(1).build()), leads(1));
    assertThat(FairnessMetrics.of(p, assign(p, "bob")).violations()).isEmpty();
  }

  @Test
  void violations_repOverNewLeadCap_countsOnlyLeadsItDidNotOwn() {
    // cy (cap 1) receives c1 (its own), c2 and c3 (new): 2 new > 1.
    Problem p =
        problem(
            List.of(Rep.builder("cy").newLeadCap(1).build()),
            List.of(base("c1").currentOwner("cy").build(), base("c2").build(), base("c3").build()));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "cy", "cy", "cy"));

    assertThat(m.violations())
        .containsExactly(
            new Violation(
                Optional.empty(),
                RepId.of("cy"),
                "new-lead-cap",
                "cy received 2 new leads, over its new-lead cap of 1"));
  }

  @Test
  void violations_rulesThePolicyDoesNotEnforce_areNotReported() {
    Policy lax =
        Policy.builder()
            .disable(Rule.CAPACITY)
            .disable(Rule.NEW_LEAD_CAP)
            .disable(Rule.REGION)
            .build();
    Problem p =
        new Problem(
            lax,
            List.of(Rep.builder("bob").regions("West").capacity(0).newLeadCap(0).build()),
            List.of(lead("c1", "East")));
    assertThat(FairnessMetrics.of(p, assign(p, "bob")).violations()).isEmpty();
  }

  @Test
  void violations_lockedLeadWithItsOwner_neverCounts() {
    // The host locked c1 to bob although bob does not cover East: a manual decision, no breach.
    Problem p =
        problem(
            List.of(Rep.builder("bob").regions("West").build()),
            List.of(base("c1").region("East").currentOwner("bob").locked(true).build()));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "bob"));

    assertThat(m.violations()).isEmpty();
    assertThat(m.rep(RepId.of("bob")).leads()).isEqualTo(1);
  }

  @Test
  void violations_lockedLeadHeldByAnotherRep_breaksTheLock() {
    Problem p =
        problem(
            List.of(rep("ana", 1), rep("bob", 1)),
            List.of(base("c1").currentOwner("ana").locked(true).build()));
    assertThat(FairnessMetrics.of(p, assign(p, "bob")).violations())
        .containsExactly(
            new Violation(
                Optional.of(LeadId.of("c1")),
                RepId.of("bob"),
                "locked",
                "lead c1 is locked to ana, but is held by bob"));
  }

  @Test
  void violations_repOnLeave_keepsItsOwnButMayNotReceive() {
    // ana is on leave: keeping c1 (hers) is fine, receiving c2 breaks availability.
    Problem p =
        problem(
            List.of(Rep.builder("ana").available(false).build()),
            List.of(base("c1").currentOwner("ana").build(), base("c2").build()));
    assertThat(FairnessMetrics.of(p, assign(p, "ana", "ana")).violations())
        .extracting(Violation::lead, Violation::rule)
        .containsExactly(tuple(Optional.of(LeadId.of("c2")), "availability"));
  }

  @Test
  void violations_order_leadsInInputOrderThenRepsInRosterOrder() {
    // bob: capacity 1 and hunter; cy: new-lead cap 0. c1 (existing customer) breaks role on bob,
    // c3 is new for cy, c2 is bob's second lead.
    Problem p =
        problem(
            List.of(
                Rep.builder("bob").capacity(1).role(Role.HUNTER).build(),
                Rep.builder("cy").newLeadCap(0).build()),
            List.of(
                base("c1").kind(LeadKind.EXISTING_CUSTOMER).build(),
                base("c2").build(),
                base("c3").build()));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "bob", "bob", "cy"));

    assertThat(m.violations())
        .extracting(v -> v.rep().value() + ":" + v.rule())
        .containsExactly("bob:role", "bob:capacity", "cy:new-lead-cap");
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void of_unknownLead_failsNamingIt() {
    Problem p = problem(List.of(rep("ana", 1)), leads(2));
    assertThatThrownBy(() -> FairnessMetrics.of(p, Map.of(LeadId.of("c9"), RepId.of("ana"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assignment: lead c9 is not in the problem");
  }

  @Test
  void of_unknownRep_failsNamingLeadAndRep() {
    Problem p = problem(List.of(rep("ana", 1)), leads(2));
    assertThatThrownBy(() -> FairnessMetrics.of(p, Map.of(LeadId.of("c1"), RepId.of("zed"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assignment: lead c1 goes to rep zed, who is not on the roster");
  }

  @Test
  void rep_unknownId_failsNamingIt() {
    Problem p = problem(List.of(rep("ana", 1)), leads(1));
    FairnessMetrics m = FairnessMetrics.of(p, Map.of());
    assertThatThrownBy(() -> m.rep(RepId.of("zed")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep zed is not in these metrics");
  }

  @Test
  void of_sameInputTwice_equalFiguresAndUnmodifiableCollections() {
    Problem p = problem(List.of(rep("ana", 1), rep("bob", 1.5)), leads(5));
    Map<LeadId, RepId> a = assign(p, "ana", "bob", "bob", null, "ana");
    FairnessMetrics m = FairnessMetrics.of(p, a);

    assertThat(FairnessMetrics.of(p, a)).isEqualTo(m);
    assertThatThrownBy(() -> m.reps().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.tiers().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.violations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fairShares_leadsEitherSideOfASizeBandEdge_goToTheirOwnBand() {
    // ana works 0..99 employees, bob 100..: s50 is ana's alone, s100 bob's alone → fair 1, 1.
    Problem p =
        problem(
            List.of(
                Rep.builder("ana").companySizes(SizeRange.of(0, 99)).build(),
                Rep.builder("bob").companySizes(SizeRange.atLeast(100)).build()),
            List.of(base("s50").companySize(50).build(), base("s100").companySize(100).build()));
    FairnessMetrics m = FairnessMetrics.of(p, assign(p, "ana", "bob"));

    assertThat(m.reps()).extracting(RepStats::fairLeads).containsExactly(1.0, 1.0);
    assertThat(m.violations()).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  // ---------------------------------------------------------------- receipts

  /**
   * ana and bob received 12 (credited 12), cat came back and was calibrated to 9 (received 6); dan
   * is on leave with a credit of 5. Six new leads c1..c6.
   */
  private static Problem periodProblem() {
    List<Rep> reps =
        List.of(
            rep("ana", 1),
            rep("bob", 1),
            rep("cat", 1),
            Rep.builder("dan").available(false).build());
    Ledger ledger =
        Ledger.of(
            List.of(
                Ledger.Entry.of("ana", 12, 12),
                Ledger.Entry.of("bob", 12, 12),
                Ledger.Entry.of("cat", 6, 9),
                Ledger.Entry.of("dan", 5, 5)));
    return Problem.of(Policy.defaults(), reps, leads(6), ledger);
  }

  @Test
  void receipts_shareOfThePeriod_byHand() {
    // Entitlement: the active reps' credits 12 + 12 + 9 = 33 split by weight, 11 each, plus the six
    // leads split among the three, 2 each: 13. dan is on leave: no entitlement, not measured.
    // ana 1, bob 1, cat 4 new leads: receipts 13, 13, 13: a perfect spread.
    Map<LeadId, RepId> a = new LinkedHashMap<>();
    String[] to = {"ana", "bob", "cat", "cat", "cat", "cat"};
    for (int i = 0; i < 6; i++) {
      a.put(LeadId.of("c" + (i + 1)), RepId.of(to[i]));
    }
    FairnessMetrics m = FairnessMetrics.of(periodProblem(), a);

    assertThat(m.reps()).extracting(RepStats::receipts).containsExactly(13.0, 13.0, 13.0, 5.0);
    assertThat(m.reps()).extracting(RepStats::fairReceipts).containsExactly(13.0, 13.0, 13.0, 0.0);
    assertThat(m.receipts().reps()).isEqualTo(3);
    assertThat(m.receipts().maxDeviation()).isZero();
    assertThat(m.receipts().gini()).isZero();
  }

  @Test
  void receipts_aRepTakingEveryLead_showsTheLagOfTheOthers() {
    // cat takes all six: receipts 12, 12, 15 against 13 each; largest deviation 2 (cat ahead),
    // ana and bob lag by 1. x = 12, 12, 15: mean 13, max/min 1.25.
    Map<LeadId, RepId> a = new LinkedHashMap<>();
    for (int i = 1; i <= 6; i++) {
      a.put(LeadId.of("c" + i), RepId.of("cat"));
    }
    FairnessMetrics m = FairnessMetrics.of(periodProblem(), a);

    assertThat(m.receipts().maxDeviation()).isEqualTo(2.0);
    assertThat(m.receipts().mean()).isCloseTo(13.0, within(EPS));
    assertThat(m.receipts().maxMinRatio()).isCloseTo(1.25, within(EPS));
  }

  private static Problem problem(List<Rep> reps, List<Lead> leads) {
    return new Problem(Policy.defaults(), reps, leads);
  }

  private static Rep rep(String id, double weight) {
    return Rep.builder(id).weight(weight).build();
  }

  /** A tier-B East retail lead worth 100. */
  private static Lead.Builder base(String id) {
    return Lead.builder(id).region("East").industry("retail").tier("B").value(100);
  }

  private static Lead lead(String id, String region) {
    return base(id).region(region).build();
  }

  private static Lead tiered(String id, String tier) {
    return base(id).tier(tier).build();
  }

  /** Leads c1..cn, all alike. */
  private static List<Lead> leads(int n) {
    List<Lead> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(base("c" + i).build());
    }
    return out;
  }

  /** The i-th lead of the problem to the i-th rep id ({@code null} = unassigned). */
  /** North, East and West leads, in that order: n1…, e1…, w1…. */
  private static List<Lead> regional(int north, int east, int west) {
    List<Lead> out = new java.util.ArrayList<>();
    for (int i = 1; i <= north; i++) {
      out.add(lead("n" + i, "North"));
    }
    for (int i = 1; i <= east; i++) {
      out.add(lead("e" + i, "East"));
    }
    for (int i = 1; i <= west; i++) {
      out.add(lead("w" + i, "West"));
    }
    return out;
  }

  private static Map<LeadId, RepId> assign(Problem p, String... reps) {
    Map<LeadId, RepId> out = new LinkedHashMap<>();
    for (int i = 0; i < reps.length; i++) {
      if (reps[i] != null) {
        out.put(p.leads().get(i).id(), RepId.of(reps[i]));
      }
    }
    return out;
  }
}
