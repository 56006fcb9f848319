package io.fairlead.solver.internal;

import org.optaplanner.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a {@link Plan} for OptaPlanner: the clone records the assignment as an int array; its
 * {@link PlanLead} objects are built only when read ({@link LazyLeads}), and everything else (reps,
 * eligible lists, the problem index) is shared. Every new best solution is cloned, so this is the
 * cost of an improvement: one read per lead instead of one new object per lead.
 *
 * <p>Public only because OptaPlanner instantiates it reflectively.
 */
public final class PlanCloner implements SolutionCloner<Plan> {

  /** Used by OptaPlanner. */
  public PlanCloner() {}

  @Override
  public Plan cloneSolution(Plan original) {
    return original.planningClone();
  }
}
