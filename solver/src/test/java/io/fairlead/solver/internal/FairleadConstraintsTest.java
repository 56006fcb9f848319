package io.fairlead.solver.internal;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * One test per constraint. Each builds a tiny problem through the real {@link ProblemIndex} (so
 * value units, weights and tiers come from core) and derives the expected penalty by hand from the
 * formulas in {@code Scoring}: soft terms are scaled by SCALE = 1000; the default policy weighs
 * count, value, tier and continuity 1, preference 0.2, and tier A 3 (B and C 1).
 */
class FairleadConstraintsTest {

  private final ConstraintVerifier<FairleadConstraints, Plan> verifier =
      ConstraintVerifier.build(new FairleadConstraints(), Plan.class, PlanLead.class);

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("north").industry("tech").value(100).tier("C");
  }

  /** The plan of the problem with the given assignment (rep index per lead, -1 = none). */
  private static Plan plan(Policy policy, List<Rep> reps, List<Lead> leads, int... assignment) {
    return plan(policy, reps, leads, Ledger.empty(), assignment);
  }

  /** The plan of the problem in a period with the given ledger. */
  private static Plan plan(
      Policy policy, List<Rep> reps, List<Lead> leads, Ledger ledger, int... assignment) {
    return Plan.of(Indexes.of(Problem.of(policy, reps, leads, ledger)), assignment);
  }

  private static Object[] facts(Plan plan) {
    List<Object> all = new ArrayList<>(plan.reps());
    all.addAll(plan.leads());
    return all.toArray();
  }

  // Hard

  @Test
  void capacity_repOverCapacity_penalizesLeadsOverCapacityCountingHeldOutside() {
    // r0: capacity 2, 1 held outside, 3 leads -> 1 + 3 - 2 = 2 over.
    // r1: capacity 2, 1 held outside, 1 lead -> 1 + 1 - 2 = 0 over. Total 2.
    List<Rep> reps =
        List.of(
            Rep.builder("r0").capacity(2).heldOutside(1).build(),
            Rep.builder("r1").capacity(2).heldOutside(1).build());
    List<Lead> leads =
        List.of(lead("a").build(), lead("b").build(), lead("c").build(), lead("d").build());
    Plan plan = plan(Policy.defaults(), reps, leads, 0, 0, 0, 1);
    verifier.verifyThat(FairleadConstraints::capacity).given(facts(plan)).penalizesBy(2);
  }

  @Test
  void capacity_pinnedLeads_countAgainstCapacity() {
    // r0: capacity 1; a is locked to r0, b kept with r0 (no rebalancing) -> 2 - 1 = 1 over.
    List<Rep> reps = List.of(Rep.builder("r0").capacity(1).build());
    List<Lead> leads =
        List.of(
            lead("a").currentOwner("r0").locked(true).build(),
            lead("b").currentOwner("r0").build());
    Plan plan = plan(Policy.defaults(), reps, leads, 0, 0);
    verifier.verifyThat(FairleadConstraints::capacity).given(facts(plan)).penalizesBy(1);
  }

  @Test
  void capacityBase_repsHoldingTooMuchOutside_penalizesTheExcessBeforeAnyLead() {
    // r0: capacity 1, 3 held outside, no lead of the problem -> 3 - 1 = 2 over.
    // r1: capacity 1, 3 held outside, holds a: its base is 2 as well (the lead's 1 more is
    // capacity()'s growth). Total 4.
    List<Rep> reps =
        List.of(
            Rep.builder("r0").capacity(1).heldOutside(3).build(),
            Rep.builder("r1").capacity(1).heldOutside(3).build());
    Plan plan = plan(Policy.defaults(), reps, List.of(lead("a").build()), 1);
    verifier.verifyThat(FairleadConstraints::capacityBase).given(facts(plan)).penalizesBy(4);
    verifier.verifyThat(FairleadConstraints::capacity).given(facts(plan)).penalizesBy(1);
  }

  @Test
  void newLeadCap_repReceivingTooManyNewLeads_penalizesTheExcess() {
    // r0: new-lead cap 1. a, b, c are new to r0; d is r0's own lead (rebalancing on, so not
    // pinned, and not new). 3 new - 1 = 2 over.
    List<Rep> reps = List.of(Rep.builder("r0").newLeadCap(1).build(), Rep.builder("r1").build());
    List<Lead> leads =
        List.of(
            lead("a").build(),
            lead("b").currentOwner("r1").build(),
            lead("c").build(),
            lead("d").currentOwner("r0").build());
    Policy policy = Policy.builder().allowRebalancing(true).build();
    Plan plan = plan(policy, reps, leads, 0, 0, 0, 0);
    verifier.verifyThat(FairleadConstraints::newLeadCap).given(facts(plan)).penalizesBy(2);
  }

  @Test
  void newLeadCap_leadsReceivedEarlierInThePeriod_countAgainstTheCap() {
    // r0: new-lead cap 3, received 2 earlier in the period (ledger); a, b new now -> 4 - 3 = 1.
    // r1: cap 3, received 1 earlier, a lead now -> 2, within. Total 1.
    List<Rep> reps =
        List.of(Rep.builder("r0").newLeadCap(3).build(), Rep.builder("r1").newLeadCap(3).build());
    List<Lead> leads = List.of(lead("a").build(), lead("b").build(), lead("c").build());
    Ledger ledger = Ledger.of(List.of(Ledger.Entry.of("r0", 2, 2), Ledger.Entry.of("r1", 1, 1)));
    Plan plan = plan(Policy.defaults(), reps, leads, ledger, 0, 0, 1);
    verifier.verifyThat(FairleadConstraints::newLeadCap).given(facts(plan)).penalizesBy(1);
  }

  @Test
  void newLeadCapBase_repsOverTheirCapEarlierInThePeriod_penalizesTheExcessBeforeAnyLead() {
    // r0: cap 1, received 3 earlier, receives nothing new now -> 3 - 1 = 2 over.
    // r1: cap 1, received 3 earlier, receives a now: base 2 (a's 1 more is newLeadCap()'s).
    // r2: cap 1, received 3 earlier, keeps its own lead b (not new): 2 over. Total 6.
    List<Rep> reps =
        List.of(
            Rep.builder("r0").newLeadCap(1).build(),
            Rep.builder("r1").newLeadCap(1).build(),
            Rep.builder("r2").newLeadCap(1).build());
    List<Lead> leads = List.of(lead("a").build(), lead("b").currentOwner("r2").build());
    Ledger ledger =
        Ledger.of(
            List.of(
                Ledger.Entry.of("r0", 3, 3),
                Ledger.Entry.of("r1", 3, 3),
                Ledger.Entry.of("r2", 3, 3)));
    Plan plan = plan(Policy.defaults(), reps, leads, ledger, 1, 2);
    verifier.verifyThat(FairleadConstraints::newLeadCapBase).given(facts(plan)).penalizesBy(6);
    verifier.verifyThat(FairleadConstraints::newLeadCap).given(facts(plan)).penalizesBy(1);
  }

  // Medium

  @Test
  void unassigned_leadsWithoutRep_penalizesOneEach() {
    // 3 leads, 2 without rep -> 2.
    List<Rep> reps = List.of(Rep.builder("r0").build());
    List<Lead> leads = List.of(lead("a").build(), lead("b").build(), lead("c").build());
    Plan plan = plan(Policy.defaults(), reps, leads, -1, 0, -1);
    verifier.verifyThat(FairleadConstraints::unassigned).given(facts(plan)).penalizesBy(2);
  }

  // Fairness

  @Test
  void countBalance_leadsPerRep_penalizesSquaredCountOverWeight() {
    // r0 (weight 1) holds 2: 1000 * 2² / 1 = 4000.
    // r1 (weight 2) holds 4: 1000 * 4² / 2 = 8000.
    // r2 (weight 5, bounded to the policy's max 2) holds 1: 1000 * 1 / 2 = 500.
    // The unassigned lead counts nowhere. Total 12500.
    List<Rep> reps =
        List.of(
            Rep.builder("r0").build(),
            Rep.builder("r1").weight(2).build(),
            Rep.builder("r2").weight(5).build());
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      leads.add(lead("l" + i).build());
    }
    Plan plan = plan(Policy.defaults(), reps, leads, 0, 0, 1, 1, 1, 1, 2, -1);
    verifier.verifyThat(FairleadConstraints::countBalance).given(facts(plan)).penalizesBy(12_500);
  }

  @Test
  void valueBalance_valuePerRep_penalizesSquaredValueUnitsOverWeight() {
    // Values 100, 300, 200: mean 200, so value units 500, 1500, 1000 (1000 = a lead of mean
    // value). r0 holds a and b: 2000 units = 2 means -> 1000 * 2² / 1 = 4000.
    // r1 (weight 0.5) holds c: 1 mean -> 1000 * 1² / 0.5 = 2000. Total 6000.
    List<Rep> reps = List.of(Rep.builder("r0").build(), Rep.builder("r1").weight(0.5).build());
    List<Lead> leads =
        List.of(
            lead("a").value(100).build(),
            lead("b").value(300).build(),
            lead("c").value(200).build());
    Plan plan = plan(Policy.defaults(), reps, leads, 0, 0, 1);
    verifier.verifyThat(FairleadConstraints::valueBalance).given(facts(plan)).penalizesBy(6000);
  }

  @Test
  void tierBalance_tiersPerRep_penalizesSquaredTierCountsWeightedByTier() {
    // r0 holds two A and one C: 1000 * 3 * 2² + 1000 * 1 * 1² = 13000.
    // r1 holds one A: 1000 * 3 * 1² = 3000. Total 16000.
    List<Rep> reps = List.of(Rep.builder("r0").build(), Rep.builder("r1").build());
    List<Lead> leads =
        List.of(
            lead("a").tier("A").build(),
            lead("b").tier("A").build(),
            lead("c").tier("C").build(),
            lead("d").tier("A").build());
    Plan plan = plan(Policy.defaults(), reps, leads, 0, 0, 0, 1);
    verifier.verifyThat(FairleadConstraints::tierBalance).given(facts(plan)).penalizesBy(16_000);
  }

  @Test
  void receiptsBalance_newLeadsOnTopOfTheCredit_penalizesTheGrowthOfTheSquareOverWeight() {
    // Receipts weight 2. r0 (credit 3, weight 1) receives a and b: 1000 * 2 * ((3 + 2)² - 3²) / 1
    // = 32000. r1 (credit 0.5, weight 2) receives c: 1000 * 2 * ((0.5 + 1)² - 0.5²) / 2 = 2000.
    // r2 (credit 4) keeps its own lead d: not received, 0. Total 34000.
    List<Rep> reps =
        List.of(
            Rep.builder("r0").build(),
            Rep.builder("r1").weight(2).build(),
            Rep.builder("r2").build());
    List<Lead> leads =
        List.of(
            lead("a").build(),
            lead("b").build(),
            lead("c").build(),
            lead("d").currentOwner("r2").build());
    Ledger ledger =
        Ledger.of(
            List.of(
                Ledger.Entry.of("r0", 3, 3),
                Ledger.Entry.of("r1", 0, 0.5),
                Ledger.Entry.of("r2", 4, 4)));
    Policy policy = Policy.builder().weight(Objective.RECEIPTS, 2).build();
    Plan plan = plan(policy, reps, leads, ledger, 0, 0, 1, 2);
    verifier
        .verifyThat(FairleadConstraints::receiptsBalance)
        .given(facts(plan))
        .penalizesBy(34_000);
  }

  // Preferences

  @Test
  void continuity_leadsMovedAwayFromOwner_penalizesEachMove() {
    // Rebalancing on. a moves r0 -> r1, b stays with r0, c has no owner, d (owned by r1) is
    // unassigned (not a move). One move: 1000 * 1 * 10 = 10000.
    List<Rep> reps = List.of(Rep.builder("r0").build(), Rep.builder("r1").build());
    List<Lead> leads =
        List.of(
            lead("a").currentOwner("r0").build(),
            lead("b").currentOwner("r0").build(),
            lead("c").build(),
            lead("d").currentOwner("r1").build());
    Policy policy = Policy.builder().allowRebalancing(true).build();
    Plan plan = plan(policy, reps, leads, 1, 0, 1, -1);
    verifier.verifyThat(FairleadConstraints::continuity).given(facts(plan)).penalizesBy(10_000);
  }

  @Test
  void preference_mismatchedIndustryAndSoftRole_penalizesEachMismatch() {
    // Role rule off, so role misfit is a preference. r0 prefers retail and is a hunter.
    // a (tech, existing customer) on r0: industry + role = 2 mismatches.
    // b (retail, new business) on r0: 0. c (tech, new business) on r1 (no preferences): 0.
    // Each mismatch costs 1000 * 0.2 * 10 = 2000 -> 4000.
    List<Rep> reps =
        List.of(
            Rep.builder("r0").preferredIndustries("retail").role(Role.HUNTER).build(),
            Rep.builder("r1").build());
    List<Lead> leads =
        List.of(
            lead("a").kind(LeadKind.EXISTING_CUSTOMER).build(),
            lead("b").industry("retail").build(),
            lead("c").build());
    Policy policy = Policy.builder().disable(Rule.ROLE).build();
    Plan plan = plan(policy, reps, leads, 0, 0, 1);
    verifier.verifyThat(FairleadConstraints::preference).given(facts(plan)).penalizesBy(4000);
  }

  @Test
  void unassignedTier_unassignedLeads_penalizesByTierWeight() {
    // a (tier A, weight 3) and c (tier C, weight 1) are unassigned: 1000 * 3 * 10 + 1000 * 1 * 10
    // = 40000. b is assigned.
    List<Rep> reps = List.of(Rep.builder("r0").build());
    List<Lead> leads =
        List.of(lead("a").tier("A").build(), lead("b").tier("A").build(), lead("c").build());
    Plan plan = plan(Policy.defaults(), reps, leads, -1, 0, -1);
    verifier.verifyThat(FairleadConstraints::unassignedTier).given(facts(plan)).penalizesBy(40_000);
  }
}
