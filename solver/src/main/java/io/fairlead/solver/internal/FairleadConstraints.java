package io.fairlead.solver.internal;

import static org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_HARD;
import static org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_MEDIUM;
import static org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_SOFT;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import io.fairlead.core.internal.Scoring;
import io.fairlead.core.policy.Objective;
import java.util.List;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;

/**
 * The score of a {@link Plan}: one constraint per term of the kernel's score ({@code
 * Assignment.score()}), each penalising with exactly the {@link Scoring} function of that term, so
 * that for every assignment the hard, medium and soft levels equal the book's. Constraint names are
 * the stable ids of {@link Scoring} and {@link Objective}.
 *
 * <p>Public only because OptaPlanner instantiates it reflectively.
 */
public final class FairleadConstraints implements ConstraintProvider {

  /**
   * The package of the constant halves of {@code capacity} and {@code new-lead-cap}: the overflow a
   * rep has before any lead of the problem (customers held outside, new leads received earlier in
   * the period). Each cap's penalty is split in two, a constant over the reps (a fact, no join) and
   * the growth each rep's leads add to it (a group-by over leads), whose sum is the rep's overflow
   * whether it holds leads or not. A group-by over leads never sees a rep that holds none, and
   * OptaPlanner 10 has no {@code concat}; an {@code ifNotExists} join for such reps cost every move
   * a fifth of the solver's speed.
   */
  static final String BASE_PACKAGE = "io.fairlead.solver.internal.base";

  // Building blocks shared by new-lead-cap and receipts-balance (Bavet shares equal nodes).
  private static final java.util.function.Predicate<PlanLead> NEW_TO_REP = PlanLead::isNewToRep;
  private static final java.util.function.Function<PlanLead, PlanRep> REP = PlanLead::rep;
  private static final UniConstraintCollector<PlanLead, ?, Integer> COUNT = count();

  /** Used by OptaPlanner. */
  public FairleadConstraints() {}

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
      eligibility(factory),
      capacity(factory),
      capacityBase(factory),
      newLeadCap(factory),
      newLeadCapBase(factory),
      unassigned(factory),
      countBalance(factory),
      valueBalance(factory),
      tierBalance(factory),
      receiptsBalance(factory),
      continuity(factory),
      preference(factory),
      unassignedTier(factory)
    };
  }

  // Hard

  /** One per lead held where the rulebook, a lock or a kept owner does not allow it. */
  Constraint eligibility(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .filter(PlanLead::breaksRules)
        .penalize(ONE_HARD)
        .asConstraint(Scoring.ELIGIBILITY);
  }

  /**
   * Leads held over capacity, counting pinned leads and customers held outside the problem: what a
   * rep's leads add to the overflow it has without them ({@link #capacityBase}).
   */
  Constraint capacity(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .groupBy(REP, COUNT)
        .filter((rep, n) -> capacityGrowth(rep, n) > 0)
        .penalizeLong(ONE_HARD, FairleadConstraints::capacityGrowth)
        .justifyWith((rep, n, score) -> new RepLoad(rep.id(), "leads", n))
        .indictWith((rep, n) -> List.of(rep))
        .asConstraint(Scoring.CAPACITY);
  }

  private static long capacityGrowth(PlanRep rep, int n) {
    return Scoring.capacityOverflow(rep.heldOutside(), n, rep.capacity())
        - Scoring.capacityOverflow(rep.heldOutside(), 0, rep.capacity());
  }

  /** The part of {@code capacity} a rep has before any lead: customers held outside over it. */
  Constraint capacityBase(ConstraintFactory factory) {
    return factory
        .forEach(PlanRep.class)
        .filter(PlanRep::overCapacityWithoutLeads)
        .penalizeLong(
            ONE_HARD, rep -> Scoring.capacityOverflow(rep.heldOutside(), 0, rep.capacity()))
        .justifyWith((rep, score) -> new RepLoad(rep.id(), "leads", 0))
        .asConstraint(BASE_PACKAGE, Scoring.CAPACITY);
  }

  /**
   * New leads (not owned by the rep before) over the rep's new-lead cap, counting the new leads it
   * received earlier in the period (its ledger entry).
   */
  Constraint newLeadCap(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .filter(NEW_TO_REP)
        .groupBy(REP, COUNT)
        .filter((rep, n) -> newLeadGrowth(rep, n) > 0)
        .penalizeLong(ONE_HARD, FairleadConstraints::newLeadGrowth)
        .justifyWith((rep, n, score) -> new RepLoad(rep.id(), "new leads", rep.received() + n))
        .indictWith((rep, n) -> List.of(rep))
        .asConstraint(Scoring.NEW_LEAD_CAP);
  }

  private static long newLeadGrowth(PlanRep rep, int n) {
    return Scoring.newLeadOverflow(rep.received() + n, rep.newLeadCap())
        - Scoring.newLeadOverflow(rep.received(), rep.newLeadCap());
  }

  /**
   * The part of {@code new-lead-cap} a rep has before any lead of the problem: new leads received
   * earlier in the period over its cap (as {@link #capacityBase} for capacity).
   */
  Constraint newLeadCapBase(ConstraintFactory factory) {
    return factory
        .forEach(PlanRep.class)
        .filter(PlanRep::overNewLeadCapWithoutLeads)
        .penalizeLong(ONE_HARD, rep -> Scoring.newLeadOverflow(rep.received(), rep.newLeadCap()))
        .justifyWith((rep, score) -> new RepLoad(rep.id(), "new leads", rep.received()))
        .asConstraint(BASE_PACKAGE, Scoring.NEW_LEAD_CAP);
  }

  // Medium

  /** One per lead left without a rep. */
  Constraint unassigned(ConstraintFactory factory) {
    return factory
        .forEachIncludingNullVars(PlanLead.class)
        .filter(lead -> lead.rep() == null)
        .penalize(ONE_MEDIUM)
        .asConstraint(Scoring.UNASSIGNED);
  }

  // Fairness

  /** Σ over reps of the count term {@code SCALE · k · n² / w}. */
  Constraint countBalance(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .groupBy(PlanLead::rep, count())
        .penalizeLong(ONE_SOFT, (rep, n) -> Scoring.countPenalty(rep.policy(), n, rep.weight()))
        .justifyWith((rep, n, score) -> new RepLoad(rep.id(), "leads", n))
        .indictWith((rep, n) -> List.of(rep))
        .asConstraint(Objective.COUNT.id());
  }

  /** Σ over reps of the value term, on each rep's sum of value units. */
  Constraint valueBalance(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .groupBy(PlanLead::rep, sumLong(PlanLead::valueUnits))
        .penalizeLong(ONE_SOFT, (rep, v) -> Scoring.valuePenalty(rep.policy(), v, rep.weight()))
        .justifyWith((rep, v, score) -> new RepLoad(rep.id(), "value units", v))
        .indictWith((rep, v) -> List.of(rep))
        .asConstraint(Objective.VALUE.id());
  }

  /** Σ over reps and tiers of the tier term. */
  Constraint tierBalance(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .groupBy(PlanLead::rep, PlanLead::tierRank, count())
        .penalizeLong(
            ONE_SOFT, (rep, tier, n) -> Scoring.tierPenalty(rep.policy(), tier, n, rep.weight()))
        .justifyWith(
            (rep, tier, n, score) ->
                new RepLoad(
                    rep.id(), "tier " + rep.policy().tiers().tiers().get(tier) + " leads", n))
        .indictWith((rep, tier, n) -> List.of(rep))
        .asConstraint(Objective.TIER.id());
  }

  /**
   * Σ over reps of the receipts term {@code SCALE · k · ((c + n)² − c²) / w}: {@code n} the leads
   * the rep receives as new, {@code c} its period credit before the problem. Reps that receive none
   * add 0, so a group-by over new leads sees every rep that counts. The group-by is the one of
   * {@code new-lead-cap} (the same building blocks, shared by Bavet).
   */
  Constraint receiptsBalance(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .filter(NEW_TO_REP)
        .groupBy(REP, COUNT)
        .filter((rep, n) -> rep.policy().weight(Objective.RECEIPTS) > 0)
        .penalizeLong(
            ONE_SOFT,
            (rep, n) -> Scoring.receiptsPenalty(rep.policy(), rep.credited(), n, rep.weight()))
        .justifyWith((rep, n, score) -> new RepLoad(rep.id(), "leads received", n))
        .indictWith((rep, n) -> List.of(rep))
        .asConstraint(Objective.RECEIPTS.id());
  }

  // Preferences

  /** A fixed cost per lead moved away from its current owner. */
  Constraint continuity(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .filter(PlanLead::isMoved)
        .penalizeLong(ONE_SOFT, lead -> Scoring.continuityPenalty(lead.policy()))
        .asConstraint(Objective.CONTINUITY.id());
  }

  /** A cost per preference mismatch of an assigned lead with its rep. */
  Constraint preference(ConstraintFactory factory) {
    return factory
        .forEach(PlanLead.class)
        .filter(lead -> lead.preferenceMismatches() > 0)
        .penalizeLong(
            ONE_SOFT, lead -> Scoring.preferencePenalty(lead.policy(), lead.preferenceMismatches()))
        .asConstraint(Objective.PREFERENCE.id());
  }

  /** A cost per unassigned lead by tier, so that low tiers are left first. */
  Constraint unassignedTier(ConstraintFactory factory) {
    return factory
        .forEachIncludingNullVars(PlanLead.class)
        .filter(lead -> lead.rep() == null)
        .penalizeLong(
            ONE_SOFT, lead -> Scoring.unassignedTierPenalty(lead.policy(), lead.tierRank()))
        .asConstraint(Scoring.UNASSIGNED_TIER);
  }
}
