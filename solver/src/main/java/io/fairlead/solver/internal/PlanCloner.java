package io.fairlead.solver.internal;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a {@link Plan} for OptaPlanner: new {@link PlanLead} objects holding the same rep, and
 * everything else (reps, eligible lists, the problem index) shared. Far cheaper than the
 * reflective default cloner, which matters because every new best solution is cloned.
 *
 * <p>Public only because OptaPlanner instantiates it reflectively.
 */
public final class PlanCloner implements SolutionCloner<Plan> {

  /** Used by OptaPlanner. */
  public PlanCloner() {}

  @Override
  public Plan cloneSolution(Plan original) {
    List<PlanLead> leads = new ArrayList<>(original.leads().size());
    for (PlanLead lead : original.leads()) {
      leads.add(lead.copy());
    }
    return new Plan(original.index(), original.reps(), leads, original.score());
  }
}
