package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Every rep's fair share of a problem's leads, value and each tier's leads: its load in the optimum
 * of the <em>fractional</em> balance objective, {@code min Σ_r x_r² / w_r} where each lead may be
 * split among its eligible reps and {@code x_r} is what rep {@code r} receives.
 *
 * <p>Why this definition. The optimum is unique (strictly convex in {@code x}), an allocation can
 * reach it up to rounding, and it has a known exact form: the reps fall into levels, each rep of
 * level {@code k} holding {@code λ_k · w_r}, each lead going to its eligible reps of the lowest
 * level (the densest-subset decomposition of the eligibility graph). When every rep may take every
 * lead it is the weighted split, {@code Σ leads · w_r / Σ w}; with overlapping territories a split
 * class by class would promise a rep leads that only reps of a higher level could give it.
 *
 * <p>Scope, as the metrics have always counted: every lead that some rep may take (its {@link
 * ProblemIndex#eligible} reps: the rules, and its owner where the owner may hold it), kept and
 * locked leads too, as if they were free (the share says what an even book would hold, not what the
 * locks leave); customers held outside the problem and the period ledger's credits count in no
 * share. The receipts' shares split only the leads to distribute (not pinned), pinned leads taking
 * their owner's room.
 *
 * <p>Caps bound every share by what they let a rep hold. A rep holds at most its capacity less its
 * customers held outside, and receives at most its new-lead cap less what the ledger says it
 * received earlier (a lead going to its own owner is not new): the count shares are the exact
 * optimum within those caps, and sum to the most leads an allocation of the freed problem places.
 * Each tier's shares are those of the tier's leads alone within the same caps. A rep's value share
 * is at most the value of the most valuable leads its caps let it hold (the value optimum within
 * that bound): a cap limits how many leads a rep takes, and which leads fill that room is a choice
 * the value relaxation does not make.
 *
 * <p>Computed by {@link LoadFlow#solveFractional()} on the aggregated network (one node per
 * eligible array, so {@code O(leads)} to build it), an amount of 1 counting {@code 2^k} units with
 * {@code 2^k} the power of two that puts the total below {@code 2^50}: shares are exact up to a
 * unit per rep, a few times {@code 10^-12} leads on the largest problems. Not part of the API.
 */
public final class ShareFlow {

  private ShareFlow() {}

  /** The fair shares of one problem. Arrays are indexed by rep and must not be modified. */
  public record Shares(double[] leads, double[] value, double[][] tierLeads, double[] freeLeads) {}

  private static final int BITS = 50;

  private static final double NONE = Double.POSITIVE_INFINITY;

  /** All shares of a problem. */
  public static Shares of(ProblemIndex index) {
    double[] room = leadRoom(index, false);
    double[] newRoom = newLeadRoom(index);
    int tiers = index.tierCount();
    double[][] byTier = new double[tiers][];
    for (int t = 0; t < tiers; t++) {
      int tier = t;
      byTier[t] = solve(index, i -> index.tierRank(i) == tier, i -> 1, room, newRoom);
    }
    IntToDoubleFunction value = i -> index.policy().valueOf(index.lead(i));
    return new Shares(
        solve(index, i -> true, i -> 1, room, newRoom),
        solve(index, i -> true, value, valueRoom(index, room, newRoom), null),
        byTier,
        solve(
            index,
            i -> index.pin(i) == ProblemIndex.Pin.FREE,
            i -> 1,
            leadRoom(index, true),
            newRoom));
  }

  /**
   * The most leads each rep may hold: its capacity under the policy less its customers held outside
   * (and, if {@code pinnedTakeRoom}, less its pinned leads), or none.
   */
  static double[] leadRoom(ProblemIndex index, boolean pinnedTakeRoom) {
    int reps = index.repCount();
    long[] pinned = new long[reps];
    if (pinnedTakeRoom) {
      for (int i = 0; i < index.leadCount(); i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE) {
          pinned[index.owner(i)]++;
        }
      }
    }
    double[] room = new double[reps];
    for (int r = 0; r < reps; r++) {
      int c = index.capacity(r);
      room[r] =
          c == Rep.UNLIMITED
              ? NONE
              : Math.max(0, (long) c - index.rep(r).heldOutside() - pinned[r]);
    }
    return room;
  }

  /**
   * The most new leads each rep may still receive: its period cap under the policy less what the
   * ledger says it received earlier, or none.
   */
  static double[] newLeadRoom(ProblemIndex index) {
    double[] room = new double[index.repCount()];
    for (int r = 0; r < room.length; r++) {
      int c = index.newLeadCap(r);
      room[r] = c == Rep.UNLIMITED ? NONE : Math.max(0, (long) c - index.ledgerReceived(r));
    }
    return room;
  }

  /**
   * The most value each rep's caps let it hold: the value of its {@code κ} most valuable eligible
   * leads, {@code κ} the most leads it may hold (its room, and its new-lead room plus the eligible
   * leads it owns), or none when {@code κ} is no fewer than its eligible leads. {@code O(pools·κ ·
   * log)}: each eligible array's values are sorted once and merged per rep.
   */
  static double[] valueRoom(ProblemIndex index, double[] room, double[] newRoom) {
    int reps = index.repCount();
    double[] out = new double[reps];
    Arrays.fill(out, NONE);
    double[] kappa = room.clone();
    boolean any = false;
    int[] owned = new int[reps];
    for (int i = 0; i < index.leadCount(); i++) {
      int o = index.owner(i);
      if (o >= 0 && Arrays.binarySearch(index.eligible(i), o) >= 0) {
        owned[o]++;
      }
    }
    for (int r = 0; r < reps; r++) {
      kappa[r] = Math.min(room[r], newRoom[r] + owned[r]);
      any |= kappa[r] < NONE;
    }
    if (!any) {
      return out;
    }
    // Values by eligible array (arrays are shared within a class), sorted from the largest.
    Map<int[], List<Double>> byArray = new IdentityHashMap<>();
    List<int[]> arrays = new ArrayList<>();
    for (int i = 0; i < index.leadCount(); i++) {
      int[] e = index.eligible(i);
      if (e.length == 0) {
        continue;
      }
      List<Double> values = byArray.get(e);
      if (values == null) {
        values = new ArrayList<>();
        byArray.put(e, values);
        arrays.add(e);
      }
      values.add(index.policy().valueOf(index.lead(i)));
    }
    double[][] sorted = new double[arrays.size()][];
    int[] eligibleLeads = new int[reps];
    int[] poolCount = new int[reps];
    for (int p = 0; p < sorted.length; p++) {
      List<Double> values = byArray.get(arrays.get(p));
      double[] v = new double[values.size()];
      for (int j = 0; j < v.length; j++) {
        v[j] = -values.get(j);
      }
      Arrays.sort(v);
      for (int j = 0; j < v.length; j++) {
        v[j] = -v[j];
      }
      sorted[p] = v;
      for (int r : arrays.get(p)) {
        eligibleLeads[r] += v.length;
        poolCount[r]++;
      }
    }
    int[][] poolsOf = new int[reps][];
    for (int r = 0; r < reps; r++) {
      poolsOf[r] = new int[kappa[r] < eligibleLeads[r] ? poolCount[r] : 0];
      poolCount[r] = 0;
    }
    for (int p = 0; p < sorted.length; p++) {
      for (int r : arrays.get(p)) {
        if (poolsOf[r].length > 0) {
          poolsOf[r][poolCount[r]++] = p;
        }
      }
    }
    for (int r = 0; r < reps; r++) {
      if (kappa[r] >= eligibleLeads[r]) {
        continue;
      }
      // The κ largest values over the rep's arrays: a merge from each array's largest.
      int[] pools = poolsOf[r];
      int[] next = new int[pools.length];
      PriorityQueue<Integer> heap =
          new PriorityQueue<>(
              Math.max(1, next.length),
              (a, b) -> Double.compare(sorted[pools[b]][next[b]], sorted[pools[a]][next[a]]));
      for (int j = 0; j < next.length; j++) {
        heap.add(j);
      }
      double sum = 0;
      for (long taken = 0; taken < kappa[r] && !heap.isEmpty(); taken++) {
        int j = heap.poll();
        sum += sorted[pools[j]][next[j]++];
        if (next[j] < sorted[pools[j]].length) {
          heap.add(j);
        }
      }
      out[r] = sum;
    }
    return out;
  }

  /**
   * The fractional optimum of the included leads, each worth {@code amount}.
   *
   * @param room the most each rep may receive, in amounts ({@link #NONE} for no bound)
   * @param newRoom the most leads each rep may receive that it does not own, or {@code null}; for
   *     amounts of 1 only
   */
  private static double[] solve(
      ProblemIndex index,
      IntPredicate include,
      IntToDoubleFunction amount,
      double[] room,
      double[] newRoom) {
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
    boolean[] newCapped = new boolean[reps];
    for (int r = 0; r < reps; r++) {
      weight[r] = index.weight(r);
      cap[r] = room[r] < total ? units(room[r], k) : LoadFlow.NO_CAP;
      if (newRoom != null && newRoom[r] < total) {
        if (newCap == null) {
          newCap = new long[reps];
          Arrays.fill(newCap, LoadFlow.NO_CAP);
        }
        newCap[r] = units(newRoom[r], k);
        newCapped[r] = true;
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
      flow.addSupply(c, units(supply[c], k));
    }
    flow.solveFractional();
    for (int r = 0; r < reps; r++) {
      out[r] = Math.scalb(flow.share(r), -k);
    }
    return out;
  }

  /** An amount in units of {@code 2^-k}. */
  private static long units(double x, int k) {
    return Math.round(Math.scalb(x, k));
  }
}
