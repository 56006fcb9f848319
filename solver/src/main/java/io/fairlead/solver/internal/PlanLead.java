package io.fairlead.solver.internal;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.policy.Policy;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * A lead as a planning entity: its rep is the planning variable ({@code null} = unassigned), chosen
 * from its own eligible reps. Everything but the rep is fixed; equality is identity, so the hash
 * code never depends on the planning variable.
 */
@PlanningEntity
final class PlanLead {

  static final String REP = "rep";

  @PlanningId private final Integer index;
  private final int position;
  private final LeadId id;
  private final Policy policy;
  private final int tierRank;
  private final long valueUnits;
  private final int owner;
  private final int[] mismatchesByRep;

  @PlanningPin private final boolean pinned;

  @ValueRangeProvider(id = "eligibleReps")
  private final List<PlanRep> eligible;

  @PlanningVariable(valueRangeProviderRefs = "eligibleReps", nullable = true)
  private PlanRep rep;

  /**
   * Creates a lead.
   *
   * @param mismatchesByRep preference mismatches of this lead with each rep, by rep index (shared
   *     between leads; never modified)
   * @param eligible the reps it may go to (shared between leads; never modified)
   */
  PlanLead(
      int index,
      LeadId id,
      Policy policy,
      int tierRank,
      long valueUnits,
      int owner,
      int[] mismatchesByRep,
      boolean pinned,
      List<PlanRep> eligible,
      PlanRep rep) {
    this.index = index;
    this.position = index;
    this.id = id;
    this.policy = policy;
    this.tierRank = tierRank;
    this.valueUnits = valueUnits;
    this.owner = owner;
    this.mismatchesByRep = mismatchesByRep;
    this.pinned = pinned;
    this.eligible = eligible;
    this.rep = rep;
  }

  /**
   * A planning clone of {@code original} in another plan: the same fixed fields (shared, the boxed
   * id included), the rep given.
   */
  PlanLead(PlanLead original, PlanRep rep) {
    this.index = original.index;
    this.position = original.position;
    this.id = original.id;
    this.policy = original.policy;
    this.tierRank = original.tierRank;
    this.valueUnits = original.valueUnits;
    this.owner = original.owner;
    this.mismatchesByRep = original.mismatchesByRep;
    this.pinned = original.pinned;
    this.eligible = original.eligible;
    this.rep = rep;
  }

  /** The lead's index in the problem (input order). */
  int index() {
    return position;
  }

  LeadId id() {
    return id;
  }

  Policy policy() {
    return policy;
  }

  int tierRank() {
    return tierRank;
  }

  long valueUnits() {
    return valueUnits;
  }

  /** The current owner's rep index, or -1. */
  int owner() {
    return owner;
  }

  boolean pinned() {
    return pinned;
  }

  List<PlanRep> eligible() {
    return eligible;
  }

  PlanRep rep() {
    return rep;
  }

  void setRep(PlanRep rep) {
    this.rep = rep;
  }

  /** Whether the lead has a rep that did not own it before (it counts against the new-lead cap). */
  boolean isNewToRep() {
    return rep != null && rep.index() != owner;
  }

  /** Whether the lead had an owner and now has another rep (the continuity cost). */
  boolean isMoved() {
    return rep != null && owner >= 0 && rep.index() != owner;
  }

  /** Preference mismatches with the current rep; 0 when unassigned. */
  int preferenceMismatches() {
    return rep == null ? 0 : mismatchesByRep[rep.index()];
  }

  @Override
  public String toString() {
    return id.value() + "->" + rep;
  }
}
