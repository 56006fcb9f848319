package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Every rep's fair share of a problem's leads, value and each tier's leads: its load in the optimum
 * of the <em>fractional</em> balance objective, {@code min Σ_r x_r² / w_r} where each lead may be
 * split among its eligible reps and {@code x_r} is what rep {@code r} receives.
 *
 * <p>Why this definition. The optimum is unique (strictly convex in {@code x}), it is what an
 * allocation can reach up to rounding, and it has a known exact form: the reps fall into levels,
 * each rep of level {@code k} holding {@code λ_k · w_r}, each lead going to its eligible reps of
 * the lowest level (the densest-subset decomposition of the eligibility graph). When every rep may
 * take every lead it is the weighted split, {@code Σ leads · w_r / Σ w}; with overlapping
 * territories a split class by class would promise a rep leads that only reps of a higher level
 * could give it.
 *
 * <p>Scope, as the metrics have always counted: every lead that some rep may take (its {@link
 * ProblemIndex#eligible} reps: the rules, and its owner where the owner may hold it), kept and
 * locked leads too, as if they were free (the share says what an even book would hold, not what the
 * locks leave; customers held outside the problem and the period ledger count in no share).
 * Capacities and new-lead caps bound the count shares, as they bound every allocation: a rep holds
 * at most its capacity less its customers held outside, and receives at most its new-lead cap less
 * what the ledger says it received earlier (a lead going to its own owner is not new). So the count
 * shares sum to the most leads an allocation of the freed problem could place. Each tier's shares
 * are those of the tier's leads alone, within the same caps. Value shares are split by eligibility
 * alone: a cap limits how many leads a rep takes, not their value. The receipts' shares split the
 * leads to distribute (free leads only, pinned leads taking their owner's room) the same way.
 *
 * <p>Computed by {@link LoadFlow#solveFractional()} on the aggregated network (one node per
 * eligible array, so {@code O(leads)} to build it), a lead counting {@code 2^k} units with {@code
 * 2^k} the power of two that puts the total below {@code 2^50}: shares are exact up to a unit per
 * rep, a few times {@code 10^-12} leads on the largest problems. Not part of the API.
 */
public final class ShareFlow {

  private ShareFlow() {}

  /** The fair shares of one problem. Arrays are indexed by rep and must not be modified. */
  public record Shares(double[] leads, double[] value, double[][] tierLeads, double[] freeLeads) {}

  private static final int BITS = 50;

  /** All shares of a problem. */
  public static Shares of(ProblemIndex index) {
    int tiers = index.tierCount();
    double[][] byTier = new double[tiers][];
    for (int t = 0; t < tiers; t++) {
      int tier = t;
      byTier[t] = leads(index, i -> index.tierRank(i) == tier);
    }
    return new Shares(leads(index, i -> true), value(index), byTier, freeLeads(index));
  }

  /** Count shares of the leads {@code include} accepts, all taken as free, within the caps. */
  static double[] leads(ProblemIndex index, IntPredicate include) {
    return solve(index, include, i -> 1, true, false);
  }

  /** Value shares (the policy's value basis, in money) of every lead, by eligibility alone. */
  static double[] value(ProblemIndex index) {
    return solve(index, i -> true, i -> index.policy().valueOf(index.lead(i)), false, false);
  }

  /**
   * Count shares of the free leads (not pinned to their owner), within the room the pinned leads
   * leave and the new-lead caps.
   */
  static double[] freeLeads(ProblemIndex index) {
    return solve(index, i -> index.pin(i) == ProblemIndex.Pin.FREE, i -> 1, true, true);
  }

  /**
   * The fractional optimum of the included leads, each worth {@code amount} units.
   *
   * @param caps whether capacities and new-lead caps bound the reps (amounts must then be 1)
   * @param pinnedTakeRoom whether pinned leads take room in their owner's capacity
   */
  private static double[] solve(
      ProblemIndex index,
      IntPredicate include,
      IntToDoubleFunction amount,
      boolean caps,
      boolean pinnedTakeRoom) {
    int reps = index.repCount();
    int n = index.leadCount();
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (index.eligible(i).length > 0 && include.test(i)) {
        total += amount.applyAsDouble(i);
      }
    }
    double[] out = new double[reps];
    if (!(total > 0)) {
      return out;
    }
    // A unit is 2^-k of an amount: the total below 2^50, so every sum of units is exact in a
    // double, and scaling by a power of two loses nothing.
    int k = BITS - 1 - Math.getExponent(total);
    double[] weight = new double[reps];
    long[] cap = new long[reps];
    long[] newCap = null;
    Arrays.fill(cap, LoadFlow.NO_CAP);
    boolean[] newCapped = new boolean[reps];
    for (int r = 0; r < reps; r++) {
      weight[r] = index.weight(r);
    }
    if (caps) {
      long[] pinned = new long[reps];
      if (pinnedTakeRoom) {
        for (int i = 0; i < n; i++) {
          if (index.pin(i) != ProblemIndex.Pin.FREE) {
            pinned[index.owner(i)]++;
          }
        }
      }
      for (int r = 0; r < reps; r++) {
        int c = index.capacity(r);
        if (c != Rep.UNLIMITED) {
          long room = Math.max(0, (long) c - index.rep(r).heldOutside() - pinned[r]);
          cap[r] = units(Math.min(room, total), k);
        }
        int nc = index.newLeadCap(r);
        if (nc != Rep.UNLIMITED) {
          long left = Math.max(0, (long) nc - index.ledgerReceived(r));
          if (left < total) {
            if (newCap == null) {
              newCap = new long[reps];
              Arrays.fill(newCap, LoadFlow.NO_CAP);
            }
            newCap[r] = units(left, k);
            newCapped[r] = true;
          }
        }
      }
    }
    LoadFlow flow = new LoadFlow(weight, new long[reps], cap, newCap);
    CountFlow.PoolKeys keys = new CountFlow.PoolKeys();
    // Each class's amount summed in lead order (deterministic), then scaled once.
    double[] supply = new double[16];
    for (int i = 0; i < n; i++) {
      int[] e = index.eligible(i);
      if (e.length == 0 || !include.test(i)) {
        continue;
      }
      int o = index.owner(i);
      // A lead is new to every rep but its owner: only an owner with a new-lead cap tells apart.
      int owner = o >= 0 && newCapped[o] && Arrays.binarySearch(e, o) >= 0 ? o : -1;
      int c = flow.classOf(keys.of(e), e, owner);
      if (c >= supply.length) {
        supply = Arrays.copyOf(supply, 2 * c + 2);
      }
      supply[c] += amount.applyAsDouble(i);
    }
    for (int c = 0; c < flow.classCount(); c++) {
      flow.addSupply(c, Math.round(Math.scalb(supply[c], k)));
    }
    flow.solveFractional();
    for (int r = 0; r < reps; r++) {
      out[r] = Math.scalb(flow.share(r), -k);
    }
    return out;
  }

  /** {@code x} leads in units of {@code 2^-k} leads. */
  private static long units(double x, int k) {
    return Math.round(Math.scalb(x, k));
  }
}
