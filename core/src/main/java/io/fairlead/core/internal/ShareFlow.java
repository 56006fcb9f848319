package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

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
 * class by class would promise a rep leads that only reps already holding less could give up.
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
 * optimum within those caps, and sum to the most leads an allocation places with every lead free.
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
    Classes k = new Classes(index, newRoom);
    double[][] byTier = new double[index.tierCount()][];
    for (int t = 0; t < byTier.length; t++) {
      byTier[t] = k.solve(k.tierCount[t], room, newRoom);
    }
    return new Shares(
        k.solve(k.count, room, newRoom),
        k.valueShares(room, newRoom),
        byTier,
        k.solve(k.free, leadRoom(index, true), newRoom));
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
   * The problem's leads aggregated once into classes of interchangeable leads (one eligible array,
   * and the owner where the owner has a new-lead cap: a lead is new to every rep but its owner),
   * with what each class holds of every quantity; every share is a flow over these classes, so the
   * leads are visited once, not once per quantity.
   */
  private static final class Classes {
    final ProblemIndex index;
    final int reps;
    int size;
    int[][] eligible = new int[16][];
    int[] poolKey = new int[16];
    int[] owner = new int[16];
    double[] count = new double[16];
    double[] free = new double[16];
    double[][] tierCount;
    double[] value = new double[16];

    /** Leads by class (CSR: members[first[c] .. first[c + 1]]), for the value bounds. */
    private final int[] classOf;

    /** Per rep: leads it owns among those it may hold. */
    final int[] owned;

    Classes(ProblemIndex index, double[] newRoom) {
      this.index = index;
      this.reps = index.repCount();
      int n = index.leadCount();
      tierCount = new double[index.tierCount()][16];
      classOf = new int[n];
      owned = new int[reps];
      CountFlow.PoolKeys keys = new CountFlow.PoolKeys();
      int[] plain = new int[64]; // class of each pool key, for leads of no capped owner
      Arrays.fill(plain, -1);
      Map<Long, Integer> ownedClass = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int[] e = index.eligible(i);
        if (e.length == 0) {
          classOf[i] = -1;
          continue;
        }
        int o = index.owner(i);
        boolean ownerMayHold = o >= 0 && Arrays.binarySearch(e, o) >= 0;
        if (ownerMayHold) {
          owned[o]++;
        }
        int c;
        if (ownerMayHold && newRoom[o] < NONE) {
          int key = keys.of(e);
          c = ownedClass.computeIfAbsent(((long) key << 32) | o, x -> add(key, e, o));
        } else {
          int key = keys.of(e); // equal arrays, one key: one class however many copies
          if (key >= plain.length) {
            int old = plain.length;
            plain = Arrays.copyOf(plain, Math.max(key + 1, 2 * old));
            Arrays.fill(plain, old, plain.length, -1);
          }
          if (plain[key] < 0) {
            plain[key] = add(key, e, -1);
          }
          c = plain[key];
        }
        classOf[i] = c;
        count[c]++;
        if (index.pin(i) == ProblemIndex.Pin.FREE) {
          free[c]++;
        }
        tierCount[index.tierRank(i)][c]++;
        value[c] += index.policy().valueOf(index.lead(i));
      }
    }

    private int add(int key, int[] e, int o) {
      int c = size++;
      if (c == eligible.length) {
        int cap = 2 * c;
        eligible = Arrays.copyOf(eligible, cap);
        poolKey = Arrays.copyOf(poolKey, cap);
        owner = Arrays.copyOf(owner, cap);
        count = Arrays.copyOf(count, cap);
        free = Arrays.copyOf(free, cap);
        value = Arrays.copyOf(value, cap);
        for (int t = 0; t < tierCount.length; t++) {
          tierCount[t] = Arrays.copyOf(tierCount[t], cap);
        }
      }
      eligible[c] = e;
      poolKey[c] = key;
      owner[c] = o;
      return c;
    }

    /**
     * The fractional optimum of the classes' amounts.
     *
     * @param room the most each rep may receive, in amounts ({@link #NONE} for no bound)
     * @param newRoom the most each rep may receive of classes it does not own, or {@code null}; for
     *     amounts that count leads only
     */
    double[] solve(double[] amount, double[] room, double[] newRoom) {
      double total = 0;
      for (int c = 0; c < size; c++) {
        total += amount[c];
      }
      double[] out = new double[reps];
      if (!(total > 0)) {
        return out;
      }
      // A unit is 2^-k of an amount: the total below 2^50, so every sum of units is exact in a
      // double, and scaling by a power of two loses nothing.
      int k = BITS - 1 - Math.getExponent(total);
      double[] weight = index.weights();
      long[] cap = new long[reps];
      long[] newCap = null;
      for (int r = 0; r < reps; r++) {
        cap[r] = room[r] < total ? units(room[r], k) : LoadFlow.NO_CAP;
        if (newRoom != null && newRoom[r] < total) {
          if (newCap == null) {
            newCap = new long[reps];
            Arrays.fill(newCap, LoadFlow.NO_CAP);
          }
          newCap[r] = units(newRoom[r], k);
        }
      }
      LoadFlow flow = new LoadFlow(weight, new long[reps], cap, newCap);
      for (int c = 0; c < size; c++) {
        if (amount[c] > 0) {
          int o = newRoom == null ? -1 : owner[c];
          flow.addSupply(flow.classOf(poolKey[c], eligible[c], o), units(amount[c], k));
        }
      }
      flow.solveFractional();
      for (int r = 0; r < reps; r++) {
        out[r] = Math.scalb(flow.share(r), -k);
      }
      return out;
    }

    /**
     * Value shares within what each rep's caps let it hold: the value of its {@code κ} most
     * valuable eligible leads, {@code κ} the most leads it may hold (its room, and its new-lead
     * room plus the eligible leads it owns). The bound is exact but costly (a merge of sorted
     * values), so it is only computed for a rep whose share could exceed it: one holding more than
     * {@code κ} times the mean value of its eligible leads, which the mean of its {@code κ} most
     * valuable ones is at least. A share within every bound set so far and within that test for
     * every other rep is within every bound: the optimum with the bounds. Usually one flow.
     */
    double[] valueShares(double[] room, double[] newRoom) {
      double[] kappa = new double[reps];
      double[] eligibleLeads = new double[reps];
      double[] eligibleValue = new double[reps];
      for (int c = 0; c < size; c++) {
        for (int r : eligible[c]) {
          eligibleLeads[r] += count[c];
          eligibleValue[r] += value[c];
        }
      }
      for (int r = 0; r < reps; r++) {
        kappa[r] = Math.min(room[r], newRoom[r] + owned[r]);
      }
      double[] bound = new double[reps];
      Arrays.fill(bound, NONE);
      double[] shares = solve(value, bound, null);
      TopValues top = null;
      while (true) {
        boolean violated = false;
        for (int r = 0; r < reps; r++) {
          if (bound[r] == NONE
              && kappa[r] < eligibleLeads[r]
              && shares[r] > kappa[r] * (eligibleValue[r] / eligibleLeads[r])) {
            if (top == null) {
              top = new TopValues();
            }
            bound[r] = top.sum(r, (long) kappa[r]);
            violated |= shares[r] > bound[r];
          }
        }
        if (!violated) {
          return shares;
        }
        shares = solve(value, bound, null);
      }
    }

    /** The largest values among a rep's eligible leads, from each class's values sorted once. */
    private final class TopValues {
      private final double[][] sorted = new double[size][];
      private final int[][] classesOf;

      TopValues() {
        int[] n = new int[reps];
        for (int c = 0; c < size; c++) {
          for (int r : eligible[c]) {
            n[r]++;
          }
        }
        classesOf = new int[reps][];
        for (int r = 0; r < reps; r++) {
          classesOf[r] = new int[n[r]];
          n[r] = 0;
        }
        for (int c = 0; c < size; c++) {
          for (int r : eligible[c]) {
            classesOf[r][n[r]++] = c;
          }
        }
        int[] fill = new int[size];
        for (int c = 0; c < size; c++) {
          sorted[c] = new double[(int) count[c]];
        }
        for (int i = 0; i < classOf.length; i++) {
          int c = classOf[i];
          if (c >= 0) {
            sorted[c][fill[c]++] = -index.policy().valueOf(index.lead(i));
          }
        }
        for (double[] v : sorted) {
          Arrays.sort(v); // negated: the largest value first
        }
      }

      /** The sum of the rep's {@code kappa} most valuable eligible leads. */
      double sum(int r, long kappa) {
        int[] cs = classesOf[r];
        int[] next = new int[cs.length];
        PriorityQueue<Integer> heap =
            new PriorityQueue<>(
                Math.max(1, cs.length),
                (a, b) -> Double.compare(sorted[cs[a]][next[a]], sorted[cs[b]][next[b]]));
        for (int j = 0; j < cs.length; j++) {
          if (sorted[cs[j]].length > 0) {
            heap.add(j);
          }
        }
        double sum = 0;
        for (long taken = 0; taken < kappa && !heap.isEmpty(); taken++) {
          int j = heap.poll();
          sum -= sorted[cs[j]][next[j]++];
          if (next[j] < sorted[cs[j]].length) {
            heap.add(j);
          }
        }
        return sum;
      }
    }
  }

  /** An amount in units of {@code 2^-k}. */
  private static long units(double x, int k) {
    return Math.round(Math.scalb(x, k));
  }
}
