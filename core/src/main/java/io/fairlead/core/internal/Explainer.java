package io.fairlead.core.internal;

import io.fairlead.core.allocation.Alternative;
import io.fairlead.core.allocation.Explanation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Problem;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains single leads of an allocation from per-rep aggregates: for the owner, the rules met and
 * the soft cost per objective; for every other rep, the rule that excludes it or how the score
 * would change if the lead went there. Not thread-safe (the caller synchronises).
 */
public final class Explainer {

  private final ProblemIndex index;
  private final Book book;

  public Explainer(Problem problem, Map<LeadId, RepId> assignment) {
    this.index = new ProblemIndex(problem);
    int[] a = new int[index.leadCount()];
    for (int i = 0; i < a.length; i++) {
      RepId r = assignment.get(index.lead(i).id());
      a[i] = r == null ? -1 : index.repIndex(r);
    }
    this.book = Book.of(index, a);
  }

  public Explanation explain(LeadId id, LeadOutcome outcome) {
    int lead = index.leadIndex(id);
    int rep = book.repOf(lead);
    List<String> matched = new ArrayList<>();
    if (rep >= 0) {
      for (String rule : index.enabledPairwiseRules()) {
        if (!failsOnly(lead, rep, rule)) {
          matched.add(rule);
        }
      }
    }
    List<Alternative> eligible = new ArrayList<>();
    List<Alternative> excluded = new ArrayList<>();
    for (int r = 0; r < index.repCount(); r++) {
      if (r == rep) {
        continue;
      }
      RepId rid = index.rep(r).id();
      String failure = index.firstFailure(lead, r);
      if (failure != null) {
        excluded.add(new Alternative(rid, Optional.of(failure), 0, 0));
        continue;
      }
      long[] d = rep >= 0 ? book.deltaMove(lead, r) : book.deltaAssign(lead, r);
      Optional<String> full = Optional.empty();
      if (rep < 0 ? !book.hasRoom(lead, r) : d[0] > 0) {
        var rr = index.rep(r);
        boolean capacity = (long) rr.heldOutside() + book.leads(r) + 1 > index.capacity(r);
        full = Optional.of(capacity ? Scoring.CAPACITY : Scoring.NEW_LEAD_CAP);
      }
      (full.isPresent() ? excluded : eligible).add(new Alternative(rid, full, d[0], d[1]));
    }
    eligible.sort(Comparator.comparingLong(Alternative::softDelta));
    List<Alternative> all = new ArrayList<>(eligible);
    all.addAll(excluded);
    Map<String, Long> contributions = book.contributions(lead);
    return new Explanation(
        id,
        outcome.rep(),
        outcome.status(),
        matched,
        contributions,
        all,
        summary(lead, rep, outcome, eligible, excluded));
  }

  /** Whether the pair fails exactly this rule (used to list the rules an owner meets). */
  private boolean failsOnly(int lead, int rep, String rule) {
    String f = index.firstFailure(lead, rep);
    return rule.equals(f) || (f != null && f.startsWith("custom:") && rule.equals("custom"));
  }

  private String summary(
      int lead,
      int rep,
      LeadOutcome outcome,
      List<Alternative> eligible,
      List<Alternative> excluded) {
    StringBuilder sb = new StringBuilder();
    String owner = rep >= 0 ? index.rep(rep).id().value() : null;
    switch (outcome.status()) {
      case UNASSIGNED ->
          sb.append("Unassigned: ").append(outcome.reason().orElseThrow().message()).append('.');
      case LOCKED ->
          sb.append("Locked to ").append(owner).append(" by the host; no rule moves it.");
      case KEPT ->
          sb.append("Kept with its current owner ")
              .append(owner)
              .append(
                  index.policy().allowRebalancing()
                      ? ": moving it would not make the book fairer by more than the continuity cost."
                      : ": the policy keeps existing owners.");
      case MOVED -> {
        String previous = index.rep(index.owner(lead)).id().value();
        String failure = index.firstFailure(lead, index.owner(lead));
        sb.append("Moved from ").append(previous).append(" to ").append(owner);
        if (failure != null) {
          sb.append(": ")
              .append(previous)
              .append(" may no longer hold it (rule '")
              .append(failure)
              .append("').");
        } else {
          sb.append(" to balance the book (the gain outweighs the continuity cost).");
        }
      }
      case ASSIGNED -> sb.append("Assigned to ").append(owner).append(", who meets every rule.");
    }
    if (rep >= 0 && outcome.status() != Status.LOCKED) {
      if (eligible.isEmpty()) {
        sb.append(" No other rep could take it.");
      } else {
        Alternative best = eligible.get(0);
        sb.append(" ")
            .append(eligible.size())
            .append(" other rep(s) were eligible; the best, ")
            .append(best.rep());
        if (best.softDelta() > 0) {
          sb.append(", would make the score worse by ").append(best.softDelta()).append('.');
        } else if (best.softDelta() == 0) {
          sb.append(", would score the same (a tie).");
        } else {
          sb.append(", would score better by ")
              .append(-best.softDelta())
              .append(" (the search stopped before finding that).");
        }
      }
    }
    if (!excluded.isEmpty()) {
      sb.append(" ").append(excluded.size()).append(" rep(s) were excluded by a hard rule.");
    }
    return sb.toString();
  }
}
