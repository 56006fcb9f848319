package io.fairlead.core.internal;

import com.google.common.primitives.ImmutableIntArray;
import io.fairlead.core.model.Rep;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The exact count optimum of a problem: among the assignments that place the most leads (keeping
 * pinned leads with their owners and respecting eligibility, capacities and new-lead caps), one
 * that minimises {@code Σ_r n_r² / w_r}; and the certificate that tells whether any given
 * assignment is such an optimum.
 *
 * <p>Leads with the same eligible array, the same owner and no pin are interchangeable for every
 * count term, so the flow runs on one node per such class, found in {@code O(leads)} because {@link
 * ProblemIndex#eligible(int)} shares arrays between leads of one class. See {@link LoadFlow} for
 * the algorithm.
 *
 * <pre>{@code
 * CountFlow opt = CountFlow.solve(index);
 * int[] warmStart = opt.assignment();          // rep index per lead, -1 = unassigned
 * boolean optimal = !CountFlow.hasImprovingPath(index, someAssignment);
 * }</pre>
 *
 * <p>Not part of the API: used by the solver (warm start) and by {@code io.fairlead.core.bound}.
 * Immutable once built.
 */
public final class CountFlow {

  private final int maxPlaceable;
  private final int[] loads;
  private final double optimum;
  private final int[] assignment;
  private final boolean[] alwaysPlaced;
  private final int classes;
  private final int pools;

  private CountFlow(
      int maxPlaceable,
      int[] loads,
      double optimum,
      int[] assignment,
      boolean[] alwaysPlaced,
      int classes,
      int pools) {
    this.maxPlaceable = maxPlaceable;
    this.loads = loads;
    this.optimum = optimum;
    this.assignment = assignment;
    this.alwaysPlaced = alwaysPlaced;
    this.classes = classes;
    this.pools = pools;
  }

  /** The count optimum of all leads, on the aggregated network. */
  public static CountFlow solve(ProblemIndex index) {
    return solve(index, i -> true, true);
  }

  /**
   * The count optimum of the leads that {@code include} accepts.
   *
   * <p>Pinned leads that are not included still take room in their owner's capacity but do not
   * count in its load; free leads that are not included are ignored (and left unassigned).
   *
   * @param aggregate {@code false} gives every lead its own node (same answer, slower; for tests)
   */
  public static CountFlow solve(ProblemIndex index, IntPredicate include, boolean aggregate) {
    return solve(index, include, aggregate, false);
  }

  /**
   * The receipts optimum of the free leads that {@code include} accepts: among the placements that
   * place the most of them (each taken as new by whoever takes it), one that minimises {@code Σ_r
   * ((c_r + m_r)² − c_r²) / w_r}, with {@code c_r} the rep's credit in the period ledger and {@code
   * m_r} the leads it receives. The same convex flow as the count optimum, with the credits as each
   * rep's starting load; pinned leads take room but count nowhere. The caller includes only leads
   * that are new to every rep that may take them (no owner among their eligible reps).
   *
   * <p>{@link #optimum()} is that minimum, {@link #loads()} the leads each rep receives.
   */
  public static CountFlow receipts(ProblemIndex index, IntPredicate include, boolean aggregate) {
    return solve(
        index, i -> index.pin(i) == ProblemIndex.Pin.FREE && include.test(i), aggregate, true);
  }

  private static CountFlow solve(
      ProblemIndex index, IntPredicate include, boolean aggregate, boolean receipts) {
    int reps = index.repCount();
    int n = index.leadCount();
    long[] base = new long[reps];
    Network net = network(index, include, base, aggregate, null, receipts);
    LoadFlow flow = net.flow;
    flow.solve();
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    boolean[] always = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        assignment[i] = index.owner(i);
        always[i] = include.test(i);
      } else if (net.leadClass[i] >= 0) {
        always[i] = flow.alwaysPlaced(net.leadClass[i]);
      }
    }
    // Leads of each class, then hand them out class by class.
    int classes = flow.classCount();
    int[] first = new int[classes + 1];
    for (int i = 0; i < n; i++) {
      if (net.leadClass[i] >= 0) {
        first[net.leadClass[i] + 1]++;
      }
    }
    for (int c = 0; c < classes; c++) {
      first[c + 1] += first[c];
    }
    int[] members = new int[first[classes]];
    int[] fill = Arrays.copyOf(first, classes);
    for (int i = 0; i < n; i++) {
      if (net.leadClass[i] >= 0) {
        members[fill[net.leadClass[i]]++] = i;
      }
    }
    int[] next = Arrays.copyOf(first, classes);
    flow.forEachFlow(
        (c, r, amount) -> {
          for (long k = 0; k < amount; k++) {
            assignment[members[next[c]++]] = r;
          }
        });
    int[] loads = new int[reps];
    long placed = 0;
    double optimum = flow.cost();
    for (int r = 0; r < reps; r++) {
      loads[r] = Math.toIntExact(base[r] + flow.load(r));
      placed += loads[r];
      if (receipts) {
        double c = index.ledgerCredited(r);
        optimum -= c * c / index.weight(r);
      }
    }
    return new CountFlow(
        Math.toIntExact(placed),
        loads,
        Math.max(0, optimum),
        assignment,
        always,
        classes,
        flow.poolCount());
  }

  /**
   * The network of the included leads; fills {@code base} with included pinned leads per rep. For
   * the receipts optimum ({@code receipts}), every rep starts from its period credit instead.
   *
   * @param held null: every pinned lead is placed with its owner (the optimum); else the assignment
   *     whose improving paths are sought, which may leave pinned leads out: those take no room, and
   *     are supply that only their owner may take (as firstAvoidableViolation reads the room of a
   *     rep: after the pinned leads it holds)
   */
  private static Network network(
      ProblemIndex index,
      IntPredicate include,
      long[] base,
      boolean aggregate,
      int[] held,
      boolean receipts) {
    int reps = index.repCount();
    int n = index.leadCount();
    long[] pinned = new long[reps];
    for (int i = 0; i < n; i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE && (held == null || held[i] >= 0)) {
        pinned[index.owner(i)]++;
        if (include.test(i)) {
          base[index.owner(i)]++;
        }
      }
    }
    double[] weight = new double[reps];
    long[] cap = new long[reps];
    long[] newCap = new long[reps];
    for (int r = 0; r < reps; r++) {
      Rep rep = index.rep(r);
      weight[r] = index.weight(r);
      cap[r] = freeCapacity(index, r, pinned[r]);
      newCap[r] = newLeadCap(index, r);
    }
    double[] start = new double[reps];
    for (int r = 0; r < reps; r++) {
      start[r] = receipts ? index.ledgerCredited(r) : base[r];
    }
    LoadFlow flow = new LoadFlow(weight, start, cap, newCap);
    int[] leadClass = new int[n];
    Arrays.fill(leadClass, -1);
    PoolKeys keys = new PoolKeys();
    for (int i = 0; i < n; i++) {
      if (!include.test(i)) {
        continue;
      }
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        if (held != null && held[i] < 0) {
          int o = index.owner(i);
          int[] own = {o};
          int c = flow.classOf(aggregate ? keys.of(own) : i, own, o);
          flow.addSupply(c, 1);
          leadClass[i] = c;
        }
        continue;
      }
      int[] e = index.eligible(i);
      if (e.length == 0) {
        continue;
      }
      int o = index.owner(i);
      int owner = o >= 0 && Arrays.binarySearch(e, o) >= 0 ? o : -1;
      int c = flow.classOf(aggregate ? keys.of(e) : i, e, owner);
      flow.addSupply(c, 1);
      leadClass[i] = c;
    }
    return new Network(flow, leadClass);
  }

  private record Network(LoadFlow flow, int[] leadClass) {}

  /**
   * The room a rep has for free leads: its capacity under the policy minus outside holdings minus
   * pinned leads, or no cap.
   */
  private static long freeCapacity(ProblemIndex index, int r, long pinned) {
    int cap = index.capacity(r);
    if (cap == Rep.UNLIMITED) {
      return LoadFlow.NO_CAP;
    }
    return Math.max(0, (long) cap - index.rep(r).heldOutside() - pinned);
  }

  /**
   * The new leads the rep may still receive: its period cap under the policy less what the period
   * ledger says it received earlier, or no cap.
   */
  private static long newLeadCap(ProblemIndex index, int r) {
    int cap = index.newLeadCap(r);
    return cap == Rep.UNLIMITED
        ? LoadFlow.NO_CAP
        : Math.max(0, (long) cap - index.ledgerReceived(r));
  }

  /**
   * Returns whether the assignment can be improved for counts: true if one more lead can be placed,
   * or if a lead can move from a rep {@code a} (possibly through a chain of moves, or by swapping
   * an assigned lead for an unassigned one) to a rep {@code b} with room where {@code (2·n_a −
   * 1)/w_a > (2·n_b + 1)/w_b}. False proves that the assignment places the most leads and minimises
   * {@code Σ n² / w} among such assignments. A pinned lead the assignment leaves out takes no room
   * (as for {@link #firstAvoidableViolation}) and is one more lead its owner may take, past its
   * capacity if need be (a lock is kept whatever the room): so the assignment is improvable if an
   * owner, given all its pinned leads back and keeping only the free leads that still fit, would
   * hold more. {@code O(leads + network)}.
   *
   * @param assignment rep index per lead, -1 = unassigned
   * @throws IllegalArgumentException if the assignment breaks a rule an allocation could keep (see
   *     {@link #firstAvoidableViolation})
   */
  public static boolean hasImprovingPath(ProblemIndex index, int[] assignment) {
    String violation = firstAvoidableViolation(index, assignment);
    if (violation != null) {
      throw new IllegalArgumentException(violation);
    }
    int reps = index.repCount();
    long[] pinnedHeld = new long[reps];
    long[] pinnedOut = new long[reps];
    long[] free = new long[reps];
    for (int i = 0; i < assignment.length; i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        (assignment[i] >= 0 ? pinnedHeld : pinnedOut)[index.owner(i)]++;
      } else if (assignment[i] >= 0) {
        free[assignment[i]]++;
      }
    }
    for (int r = 0; r < reps; r++) {
      long dropped = Math.max(0, free[r] - freeCapacity(index, r, pinnedHeld[r] + pinnedOut[r]));
      if (pinnedOut[r] > dropped) {
        return true; // its pinned leads back, less the free leads that no longer fit: more placed
      }
    }
    // Else every owner that leaves pinned leads out is full of free leads with room for them all:
    // the network, where they compete with free leads for that room, is exact.
    Network net = network(index, i -> true, new long[reps], true, assignment, false);
    for (int i = 0; i < assignment.length; i++) {
      if (net.leadClass[i] >= 0 && assignment[i] >= 0) {
        net.flow.addFlow(net.leadClass[i], assignment[i], 1);
      }
    }
    return net.flow.hasImprovingPath();
  }

  /**
   * The first hard rule the assignment breaks, as a message naming the lead or rep, or {@code null}
   * if it breaks none: the same rules as the hard level of the score (a lead held where the
   * rulebook, a lock or a kept owner does not allow it; a rep over its capacity, counting outside
   * holdings and pinned leads; a rep over its new-lead cap).
   *
   * @throws IllegalArgumentException if the array does not have one entry per lead
   */
  public static String firstViolation(ProblemIndex index, int[] assignment) {
    return violation(index, assignment, false);
  }

  /**
   * Like {@link #firstViolation}, but a rep whose customers held outside and locked leads already
   * exceed its capacity (a breach no allocation can avoid) may keep its pinned leads; it may take
   * no free lead. Likewise a rep that received more new leads earlier in the period than its cap
   * allows may receive no new lead now. Null means the assignment breaks no rule an allocation
   * could keep: the set of assignments the count optimum and its certificate are about.
   */
  public static String firstAvoidableViolation(ProblemIndex index, int[] assignment) {
    return violation(index, assignment, true);
  }

  private static String violation(ProblemIndex index, int[] assignment, boolean avoidableOnly) {
    int n = index.leadCount();
    int reps = index.repCount();
    if (assignment.length != n) {
      throw new IllegalArgumentException(
          "assignment has " + assignment.length + " entries for " + n + " leads");
    }
    long[] pinned = new long[reps];
    long[] free = new long[reps];
    long[] fresh = new long[reps];
    for (int i = 0; i < n; i++) {
      int r = assignment[i];
      String lead = "lead " + index.lead(i).id();
      if (r < -1 || r >= reps) {
        return lead + ": rep index " + r + " is out of range";
      }
      if (r < 0) {
        continue;
      }
      if (!index.allows(i, r)) {
        return index.pin(i) != ProblemIndex.Pin.FREE
            ? lead
                + ": is "
                + index.pin(i)
                + " with rep "
                + index.rep(index.owner(i)).id()
                + " but is given to rep "
                + index.rep(r).id()
            : lead + ": rep " + index.rep(r).id() + " is not eligible for it";
      }
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        pinned[r]++;
      } else {
        free[r]++;
      }
      if (index.isNew(i, r)) {
        fresh[r]++;
      }
    }
    for (int r = 0; r < reps; r++) {
      Rep rep = index.rep(r);
      long over =
          avoidableOnly
              ? free[r] - freeCapacity(index, r, pinned[r])
              : Scoring.capacityOverflow(
                  rep.heldOutside(), Math.toIntExact(pinned[r] + free[r]), index.capacity(r));
      if (over > 0) {
        return "rep "
            + rep.id()
            + ": holds "
            + (pinned[r] + free[r])
            + " leads and "
            + rep.heldOutside()
            + " outside, over its capacity "
            + rep.capacity();
      }
      long overCap =
          avoidableOnly
              ? fresh[r] - newLeadCap(index, r)
              : Scoring.newLeadOverflow(fresh[r] + index.ledgerReceived(r), index.newLeadCap(r));
      if (overCap > 0) {
        return "rep "
            + rep.id()
            + ": receives "
            + fresh[r]
            + " new leads"
            + (index.ledgerReceived(r) > 0
                ? " after " + index.ledgerReceived(r) + " earlier in the period"
                : "")
            + ", over its new-lead cap "
            + index.newLeadCap(r);
      }
    }
    return null;
  }

  /** The most leads any assignment can place (pinned leads included). */
  public int maxPlaceable() {
    return maxPlaceable;
  }

  /** The leads per rep in the optimal assignment (pinned leads included), by rep index. */
  public int[] loads() {
    return loads.clone();
  }

  /** {@code Σ_r n_r² / w_r} at the optimum. */
  public double optimum() {
    return optimum;
  }

  /** One optimal assignment: rep index per lead, -1 = unassigned. A fresh copy. */
  public int[] assignment() {
    return assignment.clone();
  }

  /**
   * Returns whether the lead is placed in every assignment that places the most leads (pinned leads
   * always are; leads no rep may take never are).
   */
  public boolean alwaysPlaced(int lead) {
    return alwaysPlaced[lead];
  }

  /** The number of classes of interchangeable leads in the network. */
  public int classCount() {
    return classes;
  }

  /** The number of distinct eligible arrays among free leads. */
  public int poolCount() {
    return pools;
  }

  /**
   * Dense ids for eligible arrays: by identity first (the index shares arrays within a class), then
   * by content for arrays built per lead.
   */
  public static final class PoolKeys {
    private final Map<int[], Integer> byIdentity = new IdentityHashMap<>();
    private final Map<ImmutableIntArray, Integer> byContent = new HashMap<>();

    /** The id of the array's content. */
    public int of(int[] eligible) {
      Integer id = byIdentity.get(eligible);
      if (id == null) {
        id = byContent.computeIfAbsent(ImmutableIntArray.copyOf(eligible), k -> byContent.size());
        byIdentity.put(eligible, id);
      }
      return id;
    }
  }
}
