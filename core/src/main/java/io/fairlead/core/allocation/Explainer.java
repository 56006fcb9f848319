package io.fairlead.core.allocation;

import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Explains single leads of an allocation in a manager's units: for the owner, the rules it meets
 * and where it stands against its fair share (leads, value, leads of the lead's tier); for every
 * other rep, the rule that excludes it, or where it would stand had it got the lead, with the
 * change of the score as a detail. Rules come from the rulebook, score changes from the kernel's
 * one delta. Not thread-safe (the allocation synchronises).
 */
final class Explainer {

  private final ProblemIndex index;
  private final Assignment assignment;
  private final FairnessMetrics metrics;
  private int[] owned;

  Explainer(ProblemIndex index, Assignment assignment, FairnessMetrics metrics) {
    this.index = index;
    this.assignment = assignment;
    this.metrics = metrics;
  }

  Explanation explain(LeadId id, LeadOutcome outcome) {
    int lead = index.leadIndex(id);
    int rep = assignment.repOf(lead);
    List<String> matched = new ArrayList<>();
    if (rep >= 0 && index.firstExclusion(lead, rep) == null) {
      matched.addAll(index.rules().pairwiseRules());
    }
    List<Alternative> eligible = new ArrayList<>();
    List<Alternative> excluded = new ArrayList<>();
    Map<String, Integer> excludedBy = new TreeMap<>();
    for (int r = 0; r < index.repCount(); r++) {
      if (r == rep) {
        continue;
      }
      RepId rid = index.rep(r).id();
      String rule = index.firstExclusion(lead, r);
      if (rule == null && !index.allows(lead, r) && index.pin(lead) == ProblemIndex.Pin.LOCKED) {
        rule = Exclusion.LOCKED;
      }
      if (rule != null) {
        excluded.add(new Alternative(rid, Optional.of(rule), 0, 0));
        excludedBy.merge(rule, 1, Integer::sum);
        continue;
      }
      long[] d = rep >= 0 ? assignment.deltaMove(lead, r) : assignment.deltaAssign(lead, r);
      String cap = assignment.loads().fullBy(r, index.isNew(lead, r));
      if (cap != null) {
        excluded.add(new Alternative(rid, Optional.of(cap), d[0], d[1]));
        excludedBy.merge(cap, 1, Integer::sum);
      } else {
        eligible.add(new Alternative(rid, Optional.empty(), d[0], d[1]));
      }
    }
    eligible.sort(Comparator.comparingLong(Alternative::softDelta));
    List<Alternative> all = new ArrayList<>(eligible);
    all.addAll(excluded);
    return new Explanation(
        id,
        outcome.rep(),
        outcome.status(),
        matched,
        assignment.contributions(lead),
        all,
        summary(lead, rep, outcome, eligible, excludedBy));
  }

  private String summary(
      int lead,
      int rep,
      LeadOutcome outcome,
      List<Alternative> eligible,
      Map<String, Integer> excludedBy) {
    StringBuilder sb = new StringBuilder();
    String owner = rep >= 0 ? name(rep) : null;
    switch (outcome.status()) {
      case UNASSIGNED ->
          sb.append("Unassigned: ").append(outcome.reason().orElseThrow().message()).append('.');
      case LOCKED -> sb.append("Locked to ").append(owner).append(" by the host; no rule moves it");
      case KEPT -> {
        sb.append("Kept with its owner ").append(owner);
        if (!index.policy().allowRebalancing()) {
          sb.append(": the policy keeps existing owners");
        } else if (movingCosts()) {
          sb.append(": moving it would not make the book fairer by more than the cost of a move");
        }
      }
      case MOVED -> {
        int previous = index.owner(lead);
        sb.append("Moved from ").append(name(previous)).append(" to ").append(owner);
        Verdict v = index.rules().check(index.rep(previous), index.lead(lead), RepLoad.NONE);
        if (!v.allowed()) {
          sb.append(": ")
              .append(name(previous))
              .append(" may no longer hold it (")
              .append(v.first().orElseThrow().reason())
              .append(')');
        } else if (index.excess(lead)) {
          sb.append(": ")
              .append(name(previous))
              .append(" holds more than a capacity of ")
              .append(index.rep(previous).capacity())
              .append(" allows, and its least valuable leads move first");
        } else {
          RepStats s = metrics.reps().get(previous);
          int outside = index.rep(previous).heldOutside();
          boolean over = (long) ownedBefore(previous) + outside > index.capacity(previous);
          sb.append(over ? ": " : " to balance the book: ")
              .append(name(previous))
              .append(" held ")
              .append(count(ownedBefore(previous), "lead"))
              .append(outside > 0 ? " and " + outside + " outside this book" : "")
              .append(over ? ", over a capacity of " + index.capacity(previous) + "," : "")
              .append(
                  String.format(
                      Locale.ROOT, " (fair share %.1f) and now holds %d", s.fairLeads(), s.leads()))
              .append(movingCosts() ? ", a gain larger than the cost of a move" : "");
        }
      }
      case ASSIGNED -> sb.append("Assigned to ").append(owner).append(", who meets every rule");
    }
    if (rep >= 0) {
      sb.append(outcome.status() == Status.UNASSIGNED ? " " : "; ")
          .append(owner)
          .append(" now holds ")
          .append(standing(rep, lead, 0))
          .append('.');
    }
    if (rep >= 0 && outcome.status() != Status.LOCKED) {
      if (eligible.isEmpty()) {
        sb.append(" No other rep could take it.");
      } else {
        Alternative best = eligible.get(0);
        int b = index.repIndex(best.rep());
        sb.append(' ')
            .append(eligible.size() == 1 ? "The one other eligible rep, " : "The best of ")
            .append(eligible.size() == 1 ? "" : eligible.size() + " other eligible reps, ")
            .append(best.rep())
            .append(", would hold ")
            .append(standing(b, lead, 1));
        if (best.softDelta() > 0) {
          sb.append(": a less even book, by ")
              .append(grouped(best.softDelta()))
              .append(" score points");
        } else if (best.softDelta() == 0) {
          sb.append(": just as even (a tie)");
        } else {
          sb.append(": a more even book, by ")
              .append(grouped(-best.softDelta()))
              .append(
                  " score points, that this allocation does not make (a search stopped early, or a"
                      + " move budget ran out)");
        }
        sb.append('.');
      }
    }
    boolean reasonSaysIt =
        outcome.reason().map(r -> r.kind() == UnassignedReason.Kind.NO_ELIGIBLE_REP).orElse(false);
    if (!excludedBy.isEmpty() && outcome.status() != Status.LOCKED && !reasonSaysIt) {
      int n = excludedBy.values().stream().mapToInt(Integer::intValue).sum();
      sb.append(' ').append(n).append(n == 1 ? " rep was" : " reps were").append(" excluded by a");
      sb.append(n == 1 ? " rule (" : " rule or a cap (");
      String sep = "";
      for (var e : excludedBy.entrySet()) {
        sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
        sep = ", ";
      }
      sb.append(").");
    }
    return sb.toString();
  }

  /**
   * Where a rep stands, with {@code extra} more leads like this one: its leads, value and leads of
   * the lead's tier, each next to its fair share; under a policy that balances receipts, also what
   * it received this period (the ledger's credit included) next to its entitlement.
   */
  private String standing(int r, int lead, int extra) {
    RepStats s = metrics.reps().get(r);
    Lead l = index.lead(lead);
    Tier tier = index.tier(lead);
    double value = s.value() + extra * index.policy().valueOf(l);
    int tierLeads = s.tierLeads().get(tier) + extra;
    String holds =
        String.format(
            Locale.ROOT,
            "%s (fair share %.1f), %s in value (fair %s) and %s (fair %.1f)",
            count(s.leads() + extra, "lead"),
            s.fairLeads(),
            grouped(Math.round(value)),
            grouped(Math.round(s.fairValue())),
            count(tierLeads, "tier-" + tier + " lead"),
            s.fairTierLeads().get(tier));
    if (index.policy().weight(Objective.RECEIPTS) == 0) {
      return holds;
    }
    double received = s.receipts() + (extra > 0 && index.isNew(lead, r) ? extra : 0);
    return String.format(
        Locale.ROOT,
        "%s, having received %s this period (fair %.1f)",
        holds,
        leads(received),
        s.fairReceipts());
  }

  /** Whether the policy prices a move away from an owner (rebalancing at a continuity cost). */
  private boolean movingCosts() {
    return index.policy().weight(Objective.CONTINUITY) > 0;
  }

  /** The leads of the problem the rep owned before the allocation. */
  private int ownedBefore(int r) {
    if (owned == null) {
      owned = new int[index.repCount()];
      for (int i = 0; i < index.leadCount(); i++) {
        if (index.owner(i) >= 0) {
          owned[index.owner(i)]++;
        }
      }
    }
    return owned[r];
  }

  private String name(int r) {
    Rep rep = index.rep(r);
    return rep.id().value();
  }

  /** A number of leads that a catch-up may have made fractional: "14 leads", "13.75 leads". */
  private static String leads(double n) {
    return n == Math.rint(n)
        ? count((long) n, "lead")
        : String.format(Locale.ROOT, "%.2f leads", n);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String grouped(long x) {
    return String.format(Locale.ROOT, "%,d", x);
  }
}
