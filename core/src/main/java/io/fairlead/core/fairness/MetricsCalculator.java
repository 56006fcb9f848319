package io.fairlead.core.fairness;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.ShareFlow;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes {@link FairnessMetrics}. Eligibility, weights, tiers and values come from {@link
 * ProblemIndex}, so the metrics apply the very rules the allocators obey.
 *
 * <p>Fair shares are the fractional optimum of the balance objective ({@link ShareFlow}), computed
 * once per problem on its flow network and kept by the problem's index: every allocation of a
 * problem is measured against the same shares; what is left per allocation is {@code O(leads +
 * classes × reps)} (loads, and which reps may take a lead of each tier).
 */
final class MetricsCalculator {

  private MetricsCalculator() {}

  static FairnessMetrics compute(Problem problem, Map<LeadId, RepId> assignment) {
    requireNonNull(problem, "problem");
    requireNonNull(assignment, "assignment");
    ProblemIndex index =
        ProblemIndex.of(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
    int[] holder = holders(index, assignment);
    int reps = index.repCount();
    int tiers = index.tierCount();

    int[] leads = new int[reps];
    int[] newLeads = new int[reps];
    double[] value = new double[reps];
    int[][] tierLeads = new int[reps][tiers];
    int assigned = 0;
    for (int i = 0; i < holder.length; i++) {
      int r = holder[i];
      if (r < 0) {
        continue;
      }
      assigned++;
      leads[r]++;
      if (index.isNew(i, r)) {
        newLeads[r]++;
      }
      value[r] += problem.policy().valueOf(index.lead(i));
      tierLeads[r][index.tierRank(i)]++;
    }

    FairShares fair = FairShares.of(index);
    Receipts receipts = Receipts.of(index, newLeads);
    boolean[] inPlay = fair.eligibleSomewhere.clone();
    boolean[][] inPlayByTier = new boolean[tiers][];
    for (int t = 0; t < tiers; t++) {
      inPlayByTier[t] = fair.eligibleByTier[t].clone();
    }
    for (int r = 0; r < reps; r++) {
      // A rep on leave takes nothing new: the few customers it keeps are no fairness question
      // for this run, and counting them would make every max/min ratio meaningless.
      boolean takesNew = index.rep(r).available() || !problem.policy().enforces(Rule.AVAILABILITY);
      inPlay[r] = (inPlay[r] || leads[r] > 0) && takesNew;
      for (int t = 0; t < tiers; t++) {
        inPlayByTier[t][r] = (inPlayByTier[t][r] || tierLeads[r][t] > 0) && takesNew;
      }
    }

    List<Tier> tierList = problem.policy().tiers().tiers();
    List<RepStats> stats = new ArrayList<>(reps);
    double[] weight = new double[reps];
    for (int r = 0; r < reps; r++) {
      Rep rep = index.rep(r);
      weight[r] = index.weight(r);
      Map<Tier, Integer> byTier = new LinkedHashMap<>();
      Map<Tier, Double> fairByTier = new LinkedHashMap<>();
      for (int t = 0; t < tiers; t++) {
        byTier.put(tierList.get(t), tierLeads[r][t]);
        fairByTier.put(tierList.get(t), fair.tierLeads[t][r]);
      }
      stats.add(
          new RepStats(
              rep.id(),
              weight[r],
              leads[r],
              newLeads[r],
              value[r],
              byTier,
              fair.leads[r],
              fair.value[r],
              fairByTier,
              receipts.received[r],
              receipts.fair[r],
              saturatedSum(leads[r], rep.heldOutside()),
              rep.capacity()));
    }

    Spread count = Spreads.of(toDoubles(leads), weight, fair.leads, inPlay);
    Spread valueSpread = Spreads.of(value, weight, fair.value, inPlay);
    Map<Tier, Spread> tierSpreads = new LinkedHashMap<>();
    for (int t = 0; t < tiers; t++) {
      double[] load = new double[reps];
      for (int r = 0; r < reps; r++) {
        load[r] = tierLeads[r][t];
      }
      tierSpreads.put(
          tierList.get(t), Spreads.of(load, weight, fair.tierLeads[t], inPlayByTier[t]));
    }

    return new FairnessMetrics(
        stats,
        assigned,
        index.leadCount() - assigned,
        count,
        valueSpread,
        tierSpreads,
        Spreads.of(receipts.received, weight, receipts.fair, receipts.members),
        violations(index, holder, leads, newLeads));
  }

  /** The rep index holding each lead (-1 = unassigned); fails on ids the problem does not know. */
  private static int[] holders(ProblemIndex index, Map<LeadId, RepId> assignment) {
    int[] holder = new int[index.leadCount()];
    Arrays.fill(holder, -1);
    for (Map.Entry<LeadId, RepId> e : assignment.entrySet()) {
      LeadId lead = requireNonNull(e.getKey(), "assignment: a lead id is null");
      RepId rep =
          requireNonNull(e.getValue(), () -> "assignment: lead " + lead + " goes to a null rep");
      int i = index.leadIndex(lead);
      if (i < 0) {
        throw new IllegalArgumentException("assignment: lead " + lead + " is not in the problem");
      }
      int r = index.repIndex(rep);
      if (r < 0) {
        throw new IllegalArgumentException(
            "assignment: lead " + lead + " goes to rep " + rep + ", who is not on the roster");
      }
      holder[i] = r;
    }
    return holder;
  }

  /**
   * The hard rules broken, from the rulebook: leads held where a lock, a kept owner or a pairwise
   * rule does not allow it, in lead order; then the caps each rep breaks, in roster order.
   */
  private static List<Violation> violations(
      ProblemIndex index, int[] holder, int[] leads, int[] newLeads) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < holder.length; i++) {
      int r = holder[i];
      if (r < 0 || index.allows(i, r)) {
        continue;
      }
      Lead lead = index.lead(i);
      RepId rep = index.rep(r).id();
      String rule;
      String message;
      if (index.pin(i) == ProblemIndex.Pin.LOCKED) {
        rule = Exclusion.LOCKED;
        message =
            "lead "
                + lead.id()
                + " is locked to "
                + index.rep(index.owner(i)).id()
                + ", but is held by "
                + rep;
      } else if (index.pin(i) == ProblemIndex.Pin.KEPT) {
        rule = Exclusion.KEPT;
        message =
            "lead "
                + lead.id()
                + " stays with its owner "
                + index.rep(index.owner(i)).id()
                + " under the policy (owners are kept), but is held by "
                + rep;
      } else {
        Exclusion first =
            index.rules().check(index.rep(r), lead, RepLoad.NONE).first().orElseThrow();
        rule = first.rule();
        message = "lead " + lead.id() + " is held by " + rep + ", but " + first.reason();
      }
      out.add(new Violation(Optional.of(lead.id()), rep, rule, message));
    }
    for (int r = 0; r < index.repCount(); r++) {
      Rep rep = index.rep(r);
      RepLoad load = new RepLoad(leads[r], saturatedSum(newLeads[r], index.ledgerReceived(r)));
      for (Exclusion e : index.rules().breaches(rep, load)) {
        out.add(new Violation(Optional.empty(), rep.id(), e.rule(), e.reason()));
      }
    }
    return out;
  }

  private static int saturatedSum(int a, int b) {
    return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
  }

  private static double[] toDoubles(int[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  /**
   * What each rep received this period ({@code credit + new leads}) and its entitlement: the
   * credits in the ledger of the reps that take new leads, split among them by weight, plus its
   * fair share of the leads to distribute (not pinned: {@link ShareFlow}). The members are the reps
   * that take new leads and are in play: eligible for a lead to distribute, credited, or receiving
   * something.
   */
  private static final class Receipts {
    final double[] received;
    final double[] fair;
    final boolean[] members;

    private Receipts(int reps) {
      received = new double[reps];
      fair = new double[reps];
      members = new boolean[reps];
    }

    static Receipts of(ProblemIndex index, int[] newLeads) {
      int reps = index.repCount();
      Receipts s = new Receipts(reps);
      boolean[] active = new boolean[reps];
      double credits = 0;
      double weights = 0;
      for (int r = 0; r < reps; r++) {
        s.received[r] = index.ledgerCredited(r) + newLeads[r];
        active[r] = index.rules().takesNew(index.rep(r));
        if (active[r]) {
          credits += index.ledgerCredited(r);
          weights += index.weight(r);
        }
      }
      // The leads to distribute: their fractional optimum, and who may take one.
      double[] free = index.shares().freeLeads();
      Map<int[], Boolean> seen = new IdentityHashMap<>();
      for (int i = 0; i < index.leadCount(); i++) {
        int[] e = index.eligible(i);
        if (index.pin(i) == ProblemIndex.Pin.FREE && seen.put(e, Boolean.TRUE) == null) {
          for (int r : e) {
            s.members[r] = true;
          }
        }
      }
      for (int r = 0; r < reps; r++) {
        s.fair[r] = free[r];
      }
      for (int r = 0; r < reps; r++) {
        if (active[r]) {
          s.fair[r] += weights == 0 ? 0 : credits * index.weight(r) / weights;
          s.members[r] |= index.ledgerCredited(r) > 0 || s.received[r] > 0;
        } else {
          s.fair[r] = 0;
        }
        s.members[r] &= active[r];
      }
      return s;
    }
  }

  /**
   * Every rep's fair share of leads, value and each tier's leads (the fractional optimum of {@link
   * ShareFlow}, kept by the problem's index), and who may take a lead at all, of each tier.
   */
  private static final class FairShares {
    final double[] leads;
    final double[] value;

    /** [tier][rep]. */
    final double[][] tierLeads;

    /** Whether the rep is eligible for at least one lead. */
    final boolean[] eligibleSomewhere;

    /** [tier][rep]: whether the rep is eligible for at least one lead of the tier. */
    final boolean[][] eligibleByTier;

    private FairShares(ShareFlow.Shares shares, int reps, int tiers) {
      leads = shares.leads();
      value = shares.value();
      tierLeads = shares.tierLeads();
      eligibleSomewhere = new boolean[reps];
      eligibleByTier = new boolean[tiers][reps];
    }

    static FairShares of(ProblemIndex index) {
      int tiers = index.tierCount();
      FairShares s = new FairShares(index.shares(), index.repCount(), tiers);
      // ProblemIndex shares one array between the leads of a class: visit each array once per tier.
      Map<int[], boolean[]> seen = new IdentityHashMap<>();
      for (int i = 0; i < index.leadCount(); i++) {
        int[] e = index.eligible(i);
        int t = index.tierRank(i);
        boolean[] tiersSeen = seen.computeIfAbsent(e, k -> new boolean[tiers]);
        if (tiersSeen[t]) {
          continue;
        }
        tiersSeen[t] = true;
        for (int r : e) {
          s.eligibleSomewhere[r] = true;
          s.eligibleByTier[t][r] = true;
        }
      }
      return s;
    }
  }
}
