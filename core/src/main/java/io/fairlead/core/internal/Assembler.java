package io.fairlead.core.internal;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an assignment (rep index per lead) into an {@link Allocation}: outcomes with statuses and
 * reasons, metrics and score. Every allocator ends here, so all results are built the same way.
 */
public final class Assembler {

  private Assembler() {}

  /** Assembles the allocation of {@code assignment} (rep index per lead, -1 = unassigned). */
  public static Allocation assemble(
      ProblemIndex index, int[] assignment, String method, Duration elapsed) {
    if (assignment.length != index.leadCount()) {
      throw new IllegalArgumentException(
          "assignment has " + assignment.length + " entries for " + index.leadCount() + " leads");
    }
    Book book = Book.of(index, assignment);
    List<LeadOutcome> outcomes = new ArrayList<>(assignment.length);
    Map<LeadId, RepId> map = new LinkedHashMap<>();
    for (int i = 0; i < assignment.length; i++) {
      outcomes.add(outcome(index, book, i));
      if (assignment[i] >= 0) {
        map.put(index.lead(i).id(), index.rep(assignment[i]).id());
      }
    }
    FairnessMetrics metrics = FairnessMetrics.of(index.problem(), map);
    return new Allocation(index.problem(), method, outcomes, metrics, book.score(), elapsed);
  }

  static LeadOutcome outcome(ProblemIndex index, Book book, int lead) {
    LeadId id = index.lead(lead).id();
    int rep = book.repOf(lead);
    if (rep < 0) {
      return new LeadOutcome(
          id, Optional.empty(), Status.UNASSIGNED, Optional.of(reason(index, book, lead)));
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

  /** Why an unassigned lead has no owner. */
  static UnassignedReason reason(ProblemIndex index, Book book, int lead) {
    int[] eligible = index.eligible(lead);
    if (eligible.length == 0) {
      Map<String, Integer> by = new TreeMap<>();
      for (int r = 0; r < index.repCount(); r++) {
        String f = index.firstFailure(lead, r);
        if (f == null) {
          f = "availability"; // unreachable unless the rule is off and the rep is eligible
        }
        by.merge(f, 1, Integer::sum);
      }
      return Reasons.noEligibleRep(index.repCount(), by);
    }
    Map<String, Integer> full = new TreeMap<>();
    List<String> withRoom = new ArrayList<>();
    for (int r : eligible) {
      var rep = index.rep(r);
      if ((long) rep.heldOutside() + book.leads(r) + 1 > index.capacity(r)) {
        full.merge(Scoring.CAPACITY, 1, Integer::sum);
      } else if (index.isNew(lead, r) && book.newLeads(r) + 1 > index.newLeadCap(r)) {
        full.merge(Scoring.NEW_LEAD_CAP, 1, Integer::sum);
      } else {
        withRoom.add(rep.id().value());
      }
    }
    if (withRoom.isEmpty()) {
      return Reasons.allEligibleFull(eligible.length, full);
    }
    return new UnassignedReason(
        UnassignedReason.Kind.NOT_PLACED,
        full,
        "not placed although "
            + withRoom.size()
            + " eligible rep(s) had room (e.g. "
            + withRoom.get(0)
            + "); the allocator stopped before placing it");
  }
}
