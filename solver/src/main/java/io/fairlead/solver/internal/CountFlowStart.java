package io.fairlead.solver.internal;

import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * A construction phase that starts from a count-optimal assignment of the whole problem ({@code
 * CountFlow}): every rep gets exactly the number of leads of each class (same eligible reps, same
 * owner) that the optimum gives it, so the start is count-optimal, keeps every hard rule and places
 * the most leads. Which lead of a class goes where is chosen greedily as in {@link
 * GreedyConstruction} (top tier first, highest value first, each on the rep whose score grows least
 * among those with quota left for its class), so that value and tier start balanced too. Leads of
 * one class are interchangeable for capacities and new-lead caps, so reshuffling them keeps the
 * optimum's feasibility. Restricted to an independent part, the optimum is count-optimal for the
 * part, since the count term is a sum over reps.
 */
final class CountFlowStart implements Construction {

  private final int[] optimum;
  private long nanos;

  /**
   * @param optimum rep index per lead of the whole problem, -1 = unassigned
   */
  CountFlowStart(int[] optimum) {
    this.optimum = optimum;
  }

  @Override
  public void changeWorkingSolution(ScoreDirector<Plan> scoreDirector) {
    long start = System.nanoTime();
    Plan plan = scoreDirector.getWorkingSolution();
    ProblemIndex index = plan.index();
    // Quota per class and eligible position: how many of the class's leads the optimum puts there.
    Map<int[], Map<Integer, int[]>> quotas = new IdentityHashMap<>();
    List<PlanLead> order = new ArrayList<>();
    for (PlanLead lead : plan.leads()) {
      int r = optimum[lead.index()];
      if (!lead.pinned() && lead.rep() == null && r >= 0) {
        int[] e = index.eligible(lead.index());
        int k = Arrays.binarySearch(e, r);
        if (k < 0) {
          throw new IllegalStateException(
              "count optimum gives lead " + lead.index() + " an ineligible rep " + r);
        }
        quota(quotas, e, classOwner(index, lead.index()))[k]++;
        order.add(lead);
      }
    }
    order.sort(
        Comparator.comparingInt(PlanLead::tierRank)
            .thenComparing(Comparator.comparingLong(PlanLead::valueUnits).reversed())
            .thenComparingInt(PlanLead::index));
    Assignment book = Assignment.of(index, plan.wholeAssignment());
    for (PlanLead lead : order) {
      int i = lead.index();
      int[] e = index.eligible(i);
      int[] quota = quota(quotas, e, classOwner(index, i));
      int best = -1;
      long bestSoft = Long.MAX_VALUE;
      for (int k = 0; k < e.length; k++) {
        if (quota[k] > 0) {
          long soft = book.softDeltaAssign(i, e[k]);
          if (soft < bestSoft) {
            bestSoft = soft;
            best = k;
          }
        }
      }
      quota[best]--;
      book.assign(i, e[best]);
      scoreDirector.beforeVariableChanged(lead, PlanLead.REP);
      lead.setRep(plan.rep(e[best]));
      scoreDirector.afterVariableChanged(lead, PlanLead.REP);
    }
    scoreDirector.triggerVariableListeners();
    nanos = System.nanoTime() - start;
  }

  /** The owner as the count flow sees it: only an eligible owner makes leads differ. */
  private static int classOwner(ProblemIndex index, int lead) {
    int o = index.owner(lead);
    return o >= 0 && Arrays.binarySearch(index.eligible(lead), o) >= 0 ? o : -1;
  }

  private static int[] quota(Map<int[], Map<Integer, int[]>> quotas, int[] eligible, int owner) {
    return quotas
        .computeIfAbsent(eligible, e -> new HashMap<>())
        .computeIfAbsent(owner, o -> new int[eligible.length]);
  }

  @Override
  public long nanos() {
    return nanos;
  }
}
