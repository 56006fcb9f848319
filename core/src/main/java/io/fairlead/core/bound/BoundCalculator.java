package io.fairlead.core.bound;

import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.LoadFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Scoring;
import io.fairlead.core.model.RepId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds, one static method each, so that tests and the scale check can run them on their own.
 */
final class BoundCalculator {

  private BoundCalculator() {}

  /** The exact count optimum of every lead. */
  static CountFlow count(ProblemIndex index, boolean aggregate) {
    return CountFlow.solve(index, i -> true, aggregate);
  }

  /**
   * The count optimum of the top-tier leads that every maximum placement places (pinned ones
   * included), with the room taken by every pinned lead. Any allocation that places the most leads
   * places at least those top-tier leads within those capacities, and {@code Σ n² / w} only grows
   * with more leads, so its top-tier term is at least this optimum.
   */
  static CountFlow topTier(ProblemIndex index, CountFlow count, boolean aggregate) {
    return CountFlow.solve(index, i -> index.tierRank(i) == 0 && count.alwaysPlaced(i), aggregate);
  }

  /**
   * The receipts optimum of the free leads that every maximum placement places and that are new to
   * whoever takes them (no owner among their eligible reps), from each rep's period credit, with
   * the room every pinned lead takes. Any allocation that places the most leads gives each rep at
   * least its part of those leads as new, within those capacities and the new-lead caps left, and
   * the receipts term only grows with more leads received, so its receipts term is at least this
   * optimum. It is exact when every free lead is such a lead: the default policy (owners kept, so
   * owned leads are pinned) with room for every lead, as in a nightly batch of new leads.
   */
  static CountFlow receipts(ProblemIndex index, CountFlow count, boolean aggregate) {
    return CountFlow.receipts(index, i -> count.alwaysPlaced(i) && newToAll(index, i), aggregate);
  }

  /** Whether the lead is new to every rep that may take it: no owner among its eligible reps. */
  static boolean newToAll(ProblemIndex index, int lead) {
    int o = index.owner(lead);
    return o < 0 || Arrays.binarySearch(index.eligible(lead), o) < 0;
  }

  /** Lower bounds on the largest weighted value and on the value-balance term. */
  record ValueBounds(double maxLowerBound, double termLowerBound, int pools) {}

  /**
   * The fractional relaxation of value balance, on the leads every maximum placement places: value
   * masses of leads with the same eligible reps flow to those reps, pinned value stays with the
   * owner, capacities and new-lead caps are dropped (which only lowers the bounds).
   *
   * <p>Solved as an integer convex flow in value units; its optimum exceeds the fractional one by
   * at most {@code Σ_r 1 / (4 w_r)} square units (the gap between {@code x²} and its piecewise
   * linear interpolation), which is subtracted. For the largest weighted value, the reps that the
   * most loaded rep could pass value to receive, in every fractional placement, at least the value
   * they receive here (all value that only they may take), so their average level is a lower bound.
   *
   * <p>Leads are not split, though, and one lead of large value can outweigh every average: the
   * largest weighted value is also at least {@link #wholeLeadLevel}, which is the larger of the two
   * when a few leads are worth many average leads (long-tailed values on small territories).
   */
  static ValueBounds value(ProblemIndex index, CountFlow count, boolean aggregate) {
    int reps = index.repCount();
    long[] base = new long[reps];
    double[] weight = new double[reps];
    long[] cap = new long[reps];
    Arrays.fill(cap, LoadFlow.NO_CAP);
    for (int r = 0; r < reps; r++) {
      weight[r] = index.weight(r);
    }
    for (int i = 0; i < index.leadCount(); i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        base[index.owner(i)] += index.valueUnits(i);
      }
    }
    LoadFlow flow = new LoadFlow(weight, base, cap, null);
    CountFlow.PoolKeys keys = new CountFlow.PoolKeys();
    for (int i = 0; i < index.leadCount(); i++) {
      if (index.pin(i) == ProblemIndex.Pin.FREE
          && count.alwaysPlaced(i)
          && index.valueUnits(i) > 0) {
        int[] e = index.eligible(i);
        flow.addSupply(flow.classOf(aggregate ? keys.of(e) : i, e, -1), index.valueUnits(i));
      }
    }
    flow.solve();
    double unit = Scoring.VALUE_UNIT;
    double correction = 0;
    double pinnedOnly = 0;
    int top = 0;
    double topLevel = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < reps; r++) {
      correction += 1 / (4 * weight[r]);
      pinnedOnly = Math.max(pinnedOnly, base[r] / weight[r]);
      double level = (base[r] + flow.load(r)) / weight[r];
      if (level > topLevel) {
        topLevel = level;
        top = r;
      }
    }
    double term = Math.max(0, flow.cost() - correction) / (unit * unit);
    double whole = wholeLeadLevel(index, count, base);
    double max = Math.max(Math.max(pinnedOnly, whole), flow.reachableAverageLevel(top)) / unit;
    return new ValueBounds(max, term, flow.poolCount());
  }

  /**
   * The integrality term of the value bound, in value units: {@code max_i min_{r ∈ E(i)} (base_r +
   * v_i) / w_r} over the free leads {@code i} that every maximum placement places, {@code E(i)}
   * their eligible reps and {@code base_r} the value rep {@code r} holds in pinned leads. Proof:
   * every allocation that places the most leads gives such a lead whole to one eligible rep {@code
   * r}, which also keeps its pinned leads (they are never free), so that rep's weighted value is at
   * least {@code (base_r + v_i) / w_r}, which is at least the minimum over {@code E(i)}; the
   * largest weighted value is at least that for every such lead, hence at least the maximum over
   * them. 0 when there is no such lead.
   */
  static double wholeLeadLevel(ProblemIndex index, CountFlow count, long[] base) {
    double best = 0;
    for (int i = 0; i < index.leadCount(); i++) {
      long v = index.valueUnits(i);
      if (v <= 0 || index.pin(i) != ProblemIndex.Pin.FREE || !count.alwaysPlaced(i)) {
        continue;
      }
      double least = Double.POSITIVE_INFINITY;
      for (int r : index.eligible(i)) {
        least = Math.min(least, (base[r] + v) / index.weight(r));
        if (least <= best) {
          break; // this lead cannot raise the bound
        }
      }
      if (least > best && least < Double.POSITIVE_INFINITY) {
        best = least;
      }
    }
    return best;
  }

  /** All bounds of a compiled problem. */
  static FairnessBounds of(ProblemIndex index, io.fairlead.core.problem.Problem problem) {
    CountFlow count = count(index, true);
    ValueBounds value = value(index, count, true);
    CountFlow top = topTier(index, count, true);
    CountFlow receipts = receipts(index, count, true);
    Map<RepId, Integer> counts = new LinkedHashMap<>();
    int[] loads = count.loads();
    for (int r = 0; r < index.repCount(); r++) {
      counts.put(index.rep(r).id(), loads[r]);
    }
    return new FairnessBounds(
        problem,
        count.maxPlaceable(),
        counts,
        count.optimum(),
        value.maxLowerBound(),
        value.termLowerBound(),
        top.optimum(),
        receipts.optimum());
  }

  /** The figures of one assignment next to the bounds. */
  static BoundGaps gaps(FairnessBounds bounds, ProblemIndex index, int[] assignment) {
    int reps = index.repCount();
    double[] n = new double[reps];
    double[] v = new double[reps];
    double[] a = new double[reps];
    double[] m = new double[reps];
    int placed = 0;
    for (int i = 0; i < assignment.length; i++) {
      int r = assignment[i];
      if (r >= 0) {
        placed++;
        n[r]++;
        if (index.isNew(i, r)) {
          m[r]++;
        }
        v[r] += index.valueUnits(i) / (double) Scoring.VALUE_UNIT;
        if (index.tierRank(i) == 0) {
          a[r]++;
        }
      }
    }
    double countTerm = 0;
    double valueMax = 0;
    double valueTerm = 0;
    double topTier = 0;
    double receipts = 0;
    for (int r = 0; r < reps; r++) {
      double w = index.weight(r);
      countTerm += n[r] * n[r] / w;
      valueMax = Math.max(valueMax, v[r] / w);
      valueTerm += v[r] * v[r] / w;
      topTier += a[r] * a[r] / w;
      double c = index.ledgerCredited(r);
      receipts += ((c + m[r]) * (c + m[r]) - c * c) / w;
    }
    // Feasible as everywhere else: no hard rule broken (the allocation's score has hard level 0).
    boolean feasible = CountFlow.firstViolation(index, assignment) == null;
    // The certificate speaks about the rules an allocation can keep: a breach no allocation avoids
    // (outside holdings or locked leads beyond a capacity) does not stop it.
    boolean improvable =
        CountFlow.firstAvoidableViolation(index, assignment) == null
            && CountFlow.hasImprovingPath(index, assignment);
    return new BoundGaps(
        feasible,
        placed,
        bounds.maxPlaceable(),
        countTerm,
        bounds.countOptimum(),
        relativeGap(countTerm, bounds.countOptimum()),
        valueMax,
        bounds.valueMaxLowerBound(),
        relativeGap(valueMax, bounds.valueMaxLowerBound()),
        valueTerm,
        bounds.valueTermLowerBound(),
        relativeGap(valueTerm, bounds.valueTermLowerBound()),
        topTier,
        bounds.topTierOptimum(),
        relativeGap(topTier, bounds.topTierOptimum()),
        receipts,
        bounds.receiptsOptimum(),
        relativeGap(receipts, bounds.receiptsOptimum()),
        improvable);
  }

  /** {@code (actual − bound) / bound}; 0 when both are 0, infinity when only the bound is. */
  static double relativeGap(double actual, double bound) {
    if (bound > 0) {
      return (actual - bound) / bound;
    }
    return actual <= 0 ? 0 : Double.POSITIVE_INFINITY;
  }
}
