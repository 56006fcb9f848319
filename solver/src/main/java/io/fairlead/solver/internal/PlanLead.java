package io.fairlead.solver.internal;

import io.fairlead.core.internal.ProblemIndex;
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
 *
 * <p>Public only because OptaPlanner reads and writes the variable through {@link #getRep} and
 * {@link #setRep}, which it can do only on a public class.
 */
@PlanningEntity
public final class PlanLead {

  static final String REP = "rep";

  @PlanningId private final Integer index;
  private final int position;
  private final LeadId id;
  private final Policy policy;
  private final int tierRank;
  private final long valueUnits;
  private final int owner;
  private final int[] mismatchesByRep;
  private final ProblemIndex problem;

  @PlanningPin private final boolean pinned;

  @ValueRangeProvider(id = "eligibleReps")
  private final List<PlanRep> eligible;

  private PlanRep rep;

  /**
   * The assignment array of the plan that holds this lead, kept equal to the reps of its leads by
   * {@link #setRep} (OptaPlanner sets the variable through it), so that a planning clone copies one
   * array instead of reading every lead.
   */
  private final int[] mirror;

  /**
   * Creates a lead.
   *
   * @param mismatchesByRep preference mismatches of this lead with each rep, by rep index (shared
   *     between leads; never modified)
   * @param eligible the reps it may go to (shared between leads; never modified)
   */
  PlanLead(
      int index,
      int position,
      LeadId id,
      Policy policy,
      int tierRank,
      long valueUnits,
      int owner,
      int[] mismatchesByRep,
      ProblemIndex problem,
      boolean pinned,
      List<PlanRep> eligible,
      PlanRep rep,
      int[] mirror) {
    this.index = index;
    this.position = position;
    this.id = id;
    this.policy = policy;
    this.tierRank = tierRank;
    this.valueUnits = valueUnits;
    this.owner = owner;
    this.mismatchesByRep = mismatchesByRep;
    this.problem = problem;
    this.pinned = pinned;
    this.eligible = eligible;
    this.mirror = mirror;
    setRep(rep);
  }

  /**
   * A planning clone of {@code original} in another plan: the same fixed fields (shared, the boxed
   * id included), the rep given, and that plan's assignment array.
   */
  PlanLead(PlanLead original, PlanRep rep, int[] mirror) {
    this.index = original.index;
    this.position = original.position;
    this.id = original.id;
    this.policy = original.policy;
    this.tierRank = original.tierRank;
    this.valueUnits = original.valueUnits;
    this.owner = original.owner;
    this.mismatchesByRep = original.mismatchesByRep;
    this.problem = original.problem;
    this.pinned = original.pinned;
    this.eligible = original.eligible;
    this.mirror = mirror;
    setRep(rep);
  }

  /** The lead's index in the problem (input order). */
  int index() {
    return index;
  }

  /** The lead's position in its plan: the same as {@link #index()} unless the plan is a part. */
  int position() {
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

  /** The planning variable, as OptaPlanner reads it. */
  @PlanningVariable(valueRangeProviderRefs = "eligibleReps", nullable = true)
  public PlanRep getRep() {
    return rep;
  }

  /** Sets the planning variable (OptaPlanner's moves and ours) and the plan's assignment array. */
  public void setRep(PlanRep rep) {
    this.rep = rep;
    mirror[position] = rep == null ? -1 : rep.index();
  }

  /** Whether the lead has a rep that did not own it before (it counts against the new-lead cap). */
  boolean isNewToRep() {
    return rep != null && rep.index() != owner;
  }

  /** Whether the lead had an owner and now has another rep (the continuity cost). */
  boolean isMoved() {
    return rep != null && owner >= 0 && rep.index() != owner;
  }

  /**
   * Whether the lead is held where the rulebook, a lock or a kept owner does not allow it (never in
   * a solve, whose value ranges hold allowed reps only; possible in any other assignment).
   */
  boolean breaksRules() {
    return rep != null && !problem.allows(index, rep.index());
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
