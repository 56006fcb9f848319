package io.fairlead.solver.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The leads of a cloned {@link Plan}, built from the clone's assignment array the first time
 * anything reads them. OptaPlanner clones the working solution at every new best score; on a big
 * book most clones are superseded before anyone looks at their leads, so building 100k objects for
 * each was most of the search time (docs/performance.md has the profile and the speeds).
 *
 * <p>Once built, the leads are ordinary planning entities; each change of their reps is written
 * through to the array ({@link PlanLead#setRep}), which stays the clone's assignment.
 */
final class LazyLeads extends AbstractList<PlanLead> implements RandomAccess {

  private final List<PlanLead> prototypes;
  private final PlanRep[] repsByIndex;
  private final int[] assignment;
  private PlanLead[] leads;

  /**
   * @param assignment the clone's assignment array (owned by the clone; its leads write to it)
   */
  LazyLeads(List<PlanLead> prototypes, PlanRep[] repsByIndex, int[] assignment) {
    this.prototypes = prototypes;
    this.repsByIndex = repsByIndex;
    this.assignment = assignment;
  }

  @Override
  public PlanLead get(int i) {
    return built()[i];
  }

  @Override
  public int size() {
    return assignment.length;
  }

  private synchronized PlanLead[] built() {
    if (leads == null) {
      PlanLead[] out = new PlanLead[assignment.length];
      for (int i = 0; i < out.length; i++) {
        int r = assignment[i];
        out[i] = new PlanLead(prototypes.get(i), r < 0 ? null : repsByIndex[r], assignment);
      }
      leads = out;
    }
    return leads;
  }
}
