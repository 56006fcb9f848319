package io.fairlead.solver.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives two free leads new reps at once ({@code null} = unassigned). {@link PairMoveFactory} makes
 * two kinds, each reaching what a single change move can only reach through a worse score:
 *
 * <ul>
 *   <li>a <em>swap</em> (each lead takes the other's rep) changes value and tier loads without
 *       changing lead counts, and between an assigned and an unassigned lead hands a full rep's
 *       slot from one to the other without breaking the capacity on the way;
 *   <li>a <em>shift</em> ({@code a} goes elsewhere, {@code b} takes {@code a}'s place) makes room
 *       on a full rep for a lead that has no other.
 * </ul>
 *
 * <p>Doable when each rep is eligible for its lead and something changes.
 */
final class PairMove extends AbstractMove<Plan> {

  private final PlanLead a;
  private final PlanRep aTo;
  private final PlanLead b;
  private final PlanRep bTo;

  PairMove(PlanLead a, PlanRep aTo, PlanLead b, PlanRep bTo) {
    this.a = a;
    this.aTo = aTo;
    this.b = b;
    this.bTo = bTo;
  }

  /** Each lead takes the other's rep. */
  static PairMove swap(PlanLead a, PlanLead b) {
    return new PairMove(a, b.rep(), b, a.rep());
  }

  /** {@code a} goes to {@code to}, {@code b} takes {@code a}'s rep. */
  static PairMove shift(PlanLead a, PlanRep to, PlanLead b) {
    return new PairMove(a, to, b, a.rep());
  }

  @Override
  public boolean isMoveDoable(ScoreDirector<Plan> scoreDirector) {
    if (a == b || (a.rep() == aTo && b.rep() == bTo)) {
      return false;
    }
    if (a.eligible() == b.eligible() && aTo == b.rep() && bTo == a.rep()) {
      return true; // a swap inside one territory class
    }
    return mayTake(a, aTo) && mayTake(b, bTo);
  }

  private static boolean mayTake(PlanLead lead, PlanRep rep) {
    return rep == null || rep == lead.rep() || lead.eligible().contains(rep);
  }

  @Override
  protected PairMove createUndoMove(ScoreDirector<Plan> scoreDirector) {
    return new PairMove(b, b.rep(), a, a.rep());
  }

  @Override
  protected void doMoveOnGenuineVariables(ScoreDirector<Plan> scoreDirector) {
    set(scoreDirector, a, aTo);
    set(scoreDirector, b, bTo);
  }

  private static void set(ScoreDirector<Plan> scoreDirector, PlanLead lead, PlanRep rep) {
    if (lead.rep() != rep) {
      scoreDirector.beforeVariableChanged(lead, PlanLead.REP);
      lead.setRep(rep);
      scoreDirector.afterVariableChanged(lead, PlanLead.REP);
    }
  }

  @Override
  public PairMove rebase(ScoreDirector<Plan> destination) {
    return new PairMove(
        destination.lookUpWorkingObject(a),
        aTo == null ? null : destination.lookUpWorkingObject(aTo),
        destination.lookUpWorkingObject(b),
        bTo == null ? null : destination.lookUpWorkingObject(bTo));
  }

  @Override
  public String getSimpleMoveTypeDescription() {
    return "PairMove(PlanLead.rep)";
  }

  @Override
  public Collection<PlanLead> getPlanningEntities() {
    return List.of(a, b);
  }

  @Override
  public Collection<PlanRep> getPlanningValues() {
    return Arrays.asList(aTo, bTo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PairMove m && m.a == a && m.aTo == aTo && m.b == b && m.bTo == bTo;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        System.identityHashCode(a),
        System.identityHashCode(aTo),
        System.identityHashCode(b),
        System.identityHashCode(bTo));
  }

  @Override
  public String toString() {
    return a + "=>" + aTo + ", " + b + "=>" + bTo;
  }
}
