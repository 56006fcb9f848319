package io.fairlead.core.allocation;

import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.Loads;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an assignment (rep index per lead) into an {@link Allocation}: outcomes with statuses and
 * reasons, score and metrics. Every allocation is made here, so all are made the same way.
 */
final class Assembler {

  private Assembler() {}

  static Allocation assemble(
      Problem problem,
      ProblemIndex index,
      int[] reps,
      String method,
      Duration elapsed,
      SearchReport search) {
    Assignment assignment = Assignment.of(index, reps);
    List<LeadOutcome> outcomes = new ArrayList<>(reps.length);
    Map<LeadId, RepId> map = new LinkedHashMap<>();
    for (int i = 0; i < reps.length; i++) {
      outcomes.add(outcome(index, assignment, i));
      if (reps[i] >= 0) {
        map.put(index.lead(i).id(), index.rep(reps[i]).id());
      }
    }
    FairnessMetrics metrics = FairnessMetrics.of(problem, map);
    return new Allocation(
        problem,
        index,
        reps.clone(),
        method,
        elapsed,
        outcomes,
        metrics,
        breakdown(assignment.score()),
        search);
  }

  static ScoreBreakdown breakdown(Score s) {
    return new ScoreBreakdown(s.hard(), s.medium(), s.soft(), s.byTerm());
  }

  static LeadOutcome outcome(ProblemIndex index, Assignment assignment, int lead) {
    LeadId id = index.lead(lead).id();
    int rep = assignment.repOf(lead);
    if (rep < 0) {
      return new LeadOutcome(
          id, Optional.empty(), Status.UNASSIGNED, Optional.of(reason(index, assignment, lead)));
    }
    Status status;
    if (index.owner(lead) < 0) {
      status = Status.ASSIGNED;
    } else if (index.owner(lead) != rep) {
      status = Status.MOVED;
    } else {
      status = index.pin(lead) == ProblemIndex.Pin.LOCKED ? Status.LOCKED : Status.KEPT;
    }
    return new LeadOutcome(id, Optional.of(index.rep(rep).id()), status, Optional.empty());
  }

  /** Why an unassigned lead has no owner, from the rulebook's answers for every rep. */
  static UnassignedReason reason(ProblemIndex index, Assignment assignment, int lead) {
    int[] eligible = index.eligible(lead);
    if (eligible.length == 0) {
      Map<String, Integer> by = new TreeMap<>();
      for (int r = 0; r < index.repCount(); r++) {
        String f = index.firstExclusion(lead, r);
        by.merge(f == null ? "availability" : f, 1, Integer::sum);
      }
      return UnassignedReason.noEligibleRep(index.repCount(), by);
    }
    Loads loads = assignment.loads();
    Map<String, Integer> full = new TreeMap<>();
    List<String> withRoom = new ArrayList<>();
    for (int r : eligible) {
      String cap = loads.fullBy(r, index.isNew(lead, r));
      if (cap != null) {
        full.merge(cap, 1, Integer::sum);
      } else {
        withRoom.add(index.rep(r).id().value());
      }
    }
    if (withRoom.isEmpty()) {
      return UnassignedReason.allEligibleFull(eligible.length, full);
    }
    return UnassignedReason.notPlaced(withRoom.size(), withRoom.get(0), full);
  }
}
