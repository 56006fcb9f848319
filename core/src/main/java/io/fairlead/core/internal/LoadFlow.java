package io.fairlead.core.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact solver for "place as much supply as possible, then minimise {@code Σ_r (base_r + x_r)² /
 * w_r}" on an aggregated transportation network, and the matching optimality certificate. Shared by
 * the count optimum ({@link CountFlow}), the value and the top-tier bounds.
 *
 * <p>The network: supply sits on <em>classes</em> (interchangeable units: one eligible array, one
 * owner or none); every class feeds a <em>pool</em> (one per eligible array), which feeds each
 * eligible rep, through a per-rep "new units" node when the rep has a new-unit cap; an owned class
 * also feeds its owner directly (units that stay with their owner are not new). Rep {@code r} takes
 * at most {@code cap_r} units; its {@code k}-th unit costs {@code (2(base_r + k) − 1) / w_r}, the
 * increase of {@code (base_r + k)² / w_r}.
 *
 * <p>Algorithm: the reachable load vectors form an integral polymatroid and the cost is separable
 * convex, so the greedy "give the next unit to the cheapest rep that can still take one" is optimal
 * (Federgruen &amp; Groenevelt 1986). This class computes the greedy result in bulk by divide and
 * conquer on a cost threshold θ: one max flow with every rep capped at its number of units costing
 * at most θ, then the minimal min cut splits the network into reps that still grow beyond θ (the
 * side reachable from unplaced supply) and reps frozen at or below θ; flows across the cut are
 * final, and each side is solved on its own with θ moved up or down. Every level of the recursion
 * is one max flow (Dinic) over a partition of the network, and there are about {@code log2} (number
 * of unit slots) levels.
 *
 * <p>{@link #solveFractional()} solves the relaxation in which units may be split between reps, on
 * the same network with the same max flow: the fair shares ({@link ShareFlow}).
 *
 * <p>Costs are compared as {@code double}s, computed by the same expression everywhere, so ties
 * between reps of equal weight are exact. Not thread-safe; one instance solves once.
 */
public final class LoadFlow {

  /** No cap (on capacity or on new units). */
  public static final long NO_CAP = Long.MAX_VALUE;

  private static final int T = 0;
  private static final double TOLERANCE = 1e-9;

  private final int reps;
  private final double[] weight;
  private final double[] base;
  private final long[] cap;
  private final long[] newCap;

  // Registration: pools by key, classes by (pool, owner).
  private int[] poolOfKey = new int[64];
  private int pools;
  private int[][] poolEligible = new int[16][];
  private int[] poolOwnClass = new int[16];
  private int classes;
  private int[] classPool = new int[16];
  private int[] classOwner = new int[16];
  private long[] classSupply = new long[16];
  private final Map<Long, Integer> ownedClass = new HashMap<>();

  // Graph, built once.
  private boolean built;
  private int nodes;
  private int[] rnewNode;
  private int[] poolNode;
  private int[] classNode;
  private int arcs;
  private int[] head;
  private long[] res;
  private int[] adjStart;
  private int[] adj;
  private int[] arcT;
  private int[] arcNew;
  private int[] poolArcStart;
  private int[] poolArc;
  private int[] classPoolArc;
  private int[] classDirectArc;
  private long[] ex;
  private long[] ownSupply;
  private long totalSupply;

  // Solver state.
  private long[] lo;
  private long[] hi;
  private int[] sub;
  private int[] level;
  private int[] cur;
  private int[] mark;
  private int stamp;
  private int[] path;
  private int[] queue;
  private boolean[] reachedFromUnplaced;
  private double[] share;
  private boolean solved;

  /**
   * A network for the given reps.
   *
   * @param weight rep weights, {@code > 0}
   * @param base fixed units per rep (pinned, or a period credit: possibly fractional), counted in
   *     the cost but not placed by the flow; whole numbers below {@code 2^53} give the very costs
   *     of whole units
   * @param cap the most units each rep may receive, {@link #NO_CAP} for none
   * @param newCap the most units each rep may receive from classes it does not own, or {@code null}
   *     for no such caps
   */
  public LoadFlow(double[] weight, long[] base, long[] cap, long[] newCap) {
    this(weight, java.util.Arrays.stream(base).asDoubleStream().toArray(), cap, newCap);
  }

  /** A network whose reps start from a base that may be fractional (see the other constructor). */
  public LoadFlow(double[] weight, double[] base, long[] cap, long[] newCap) {
    this.reps = weight.length;
    this.weight = weight.clone();
    this.base = base.clone();
    this.cap = cap.clone();
    this.newCap = newCap == null ? null : newCap.clone();
    Arrays.fill(poolOfKey, -1);
  }

  /**
   * The class of units with the given pool key and owner, created on first use.
   *
   * @param poolKey a small non-negative id, equal for equal eligible arrays
   * @param eligible the reps the units may go to, ascending (kept, not copied)
   * @param owner a rep in {@code eligible} that owns the units, or -1
   */
  public int classOf(int poolKey, int[] eligible, int owner) {
    checkUnbuilt();
    if (poolKey >= poolOfKey.length) {
      int old = poolOfKey.length;
      poolOfKey = Arrays.copyOf(poolOfKey, Math.max(poolKey + 1, 2 * old));
      Arrays.fill(poolOfKey, old, poolOfKey.length, -1);
    }
    int p = poolOfKey[poolKey];
    if (p < 0) {
      p = pools++;
      if (p == poolEligible.length) {
        poolEligible = Arrays.copyOf(poolEligible, 2 * p);
        poolOwnClass = Arrays.copyOf(poolOwnClass, 2 * p);
      }
      poolEligible[p] = eligible;
      poolOwnClass[p] = -1;
      poolOfKey[poolKey] = p;
    }
    if (owner < 0) {
      if (poolOwnClass[p] < 0) {
        poolOwnClass[p] = newClass(p, -1);
      }
      return poolOwnClass[p];
    }
    final int pool = p;
    return ownedClass.computeIfAbsent(((long) p << 32) | owner, k -> newClass(pool, owner));
  }

  private int newClass(int pool, int owner) {
    int c = classes++;
    if (c == classPool.length) {
      classPool = Arrays.copyOf(classPool, 2 * c);
      classOwner = Arrays.copyOf(classOwner, 2 * c);
      classSupply = Arrays.copyOf(classSupply, 2 * c);
    }
    classPool[c] = pool;
    classOwner[c] = owner;
    return c;
  }

  /** Adds units to a class. */
  public void addSupply(int cls, long amount) {
    checkUnbuilt();
    classSupply[cls] += amount;
  }

  /** The number of classes registered. */
  public int classCount() {
    return classes;
  }

  /** The number of pools (distinct eligible arrays) registered. */
  public int poolCount() {
    return pools;
  }

  private void checkUnbuilt() {
    if (built) {
      throw new IllegalStateException("the network is already built");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Building

  private int addArc(int from, int to, long capacity) {
    int e = arcs;
    head[e] = to;
    res[e] = capacity;
    head[e + 1] = from;
    res[e + 1] = 0;
    arcs += 2;
    return e;
  }

  private int tail(int e) {
    return head[e ^ 1];
  }

  private void build() {
    if (built) {
      return;
    }
    built = true;
    long[] poolTotal = new long[pools];
    for (int c = 0; c < classes; c++) {
      totalSupply += classSupply[c];
      poolTotal[classPool[c]] += classSupply[c];
    }
    rnewNode = new int[reps];
    Arrays.fill(rnewNode, -1);
    int n = 1 + reps;
    if (newCap != null) {
      for (int r = 0; r < reps; r++) {
        if (newCap[r] < totalSupply) {
          rnewNode[r] = n++;
        }
      }
    }
    poolNode = new int[pools];
    for (int p = 0; p < pools; p++) {
      poolNode[p] = n++;
    }
    classNode = new int[classes];
    for (int c = 0; c < classes; c++) {
      classNode[c] = classOwner[c] < 0 ? poolNode[classPool[c]] : n++;
    }
    nodes = n;
    long arcCount = 2L * reps;
    for (int r = 0; r < reps; r++) {
      if (rnewNode[r] >= 0) {
        arcCount++;
      }
    }
    for (int p = 0; p < pools; p++) {
      arcCount += poolEligible[p].length;
    }
    for (int c = 0; c < classes; c++) {
      if (classOwner[c] >= 0) {
        arcCount += 2;
      }
    }
    if (2 * arcCount > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("network too large: " + arcCount + " arcs");
    }
    head = new int[(int) (2 * arcCount)];
    res = new long[(int) (2 * arcCount)];
    arcT = new int[reps];
    arcNew = new int[reps];
    Arrays.fill(arcNew, -1);
    for (int r = 0; r < reps; r++) {
      arcT[r] = addArc(1 + r, T, 0);
    }
    for (int r = 0; r < reps; r++) {
      if (rnewNode[r] >= 0) {
        arcNew[r] = addArc(rnewNode[r], 1 + r, newCap[r]);
      }
    }
    poolArcStart = new int[pools + 1];
    for (int p = 0; p < pools; p++) {
      poolArcStart[p + 1] = poolArcStart[p] + poolEligible[p].length;
    }
    poolArc = new int[poolArcStart[pools]];
    for (int p = 0; p < pools; p++) {
      int[] e = poolEligible[p];
      for (int j = 0; j < e.length; j++) {
        int r = e[j];
        int target = rnewNode[r] >= 0 ? rnewNode[r] : 1 + r;
        poolArc[poolArcStart[p] + j] = addArc(poolNode[p], target, poolTotal[p]);
      }
    }
    classPoolArc = new int[classes];
    classDirectArc = new int[classes];
    Arrays.fill(classPoolArc, -1);
    Arrays.fill(classDirectArc, -1);
    for (int c = 0; c < classes; c++) {
      if (classOwner[c] >= 0) {
        classPoolArc[c] = addArc(classNode[c], poolNode[classPool[c]], classSupply[c]);
        classDirectArc[c] = addArc(classNode[c], 1 + classOwner[c], classSupply[c]);
      }
    }
    adjStart = new int[nodes + 1];
    for (int e = 0; e < arcs; e++) {
      adjStart[tail(e) + 1]++;
    }
    for (int v = 0; v < nodes; v++) {
      adjStart[v + 1] += adjStart[v];
    }
    adj = new int[arcs];
    int[] fill = Arrays.copyOf(adjStart, nodes);
    for (int e = 0; e < arcs; e++) {
      adj[fill[tail(e)]++] = e;
    }
    ex = new long[nodes];
    ownSupply = new long[nodes];
    for (int c = 0; c < classes; c++) {
      ex[classNode[c]] += classSupply[c];
      ownSupply[classNode[c]] += classSupply[c];
    }
    // Bounds on each rep's units: its capacity, the supply that can reach it, its new-unit cap
    // plus what it owns.
    lo = new long[reps];
    hi = new long[reps];
    long[] reachable = new long[reps];
    long[] owned = new long[reps];
    for (int p = 0; p < pools; p++) {
      for (int r : poolEligible[p]) {
        reachable[r] += poolTotal[p];
      }
    }
    for (int c = 0; c < classes; c++) {
      if (classOwner[c] >= 0) {
        owned[classOwner[c]] += classSupply[c];
      }
    }
    for (int r = 0; r < reps; r++) {
      long h = Math.min(Math.max(0, cap[r]), reachable[r]);
      if (rnewNode[r] >= 0) {
        h = Math.min(h, newCap[r] + owned[r]);
      }
      hi[r] = h;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Costs

  /** The cost of the rep's {@code k}-th unit (1-based); the one expression used everywhere. */
  private double unitCost(int r, long k) {
    return (2.0 * (base[r] + k) - 1) / weight[r];
  }

  /** The number of the rep's units in {@code [lo, hi]} whose cost is at most θ. */
  private long unitsUpTo(int r, double theta) {
    long l = lo[r];
    long h = hi[r];
    double x = (theta * weight[r] + 1) / 2 - base[r];
    long k;
    if (!(x < h)) {
      k = h;
    } else if (!(x > l)) {
      k = l;
    } else {
      k = (long) Math.floor(x);
    }
    while (k < h && unitCost(r, k + 1) <= theta) {
      k++;
    }
    while (k > l && unitCost(r, k) > theta) {
      k--;
    }
    return k;
  }

  // ---------------------------------------------------------------------------------------------
  // Solving

  /** Places as many units as possible at the least cost. */
  public void solve() {
    run(false);
  }

  /**
   * Solves the fractional relaxation: places as many units as possible, then minimises {@code Σ_r
   * (base_r + x_r)² / w_r} where units may be split between reps ({@code x_r} real). The optimal
   * {@code x} is unique (the objective is strictly convex in it), and {@link #share} gives it.
   *
   * <p>The same divide and conquer as {@link #solve()}, on a level {@code λ} instead of a unit
   * cost: a part is given the one level that would place its supply exactly, each rep {@code r} of
   * it the demand {@code d_r(λ) = clamp(λ·w_r − base_r, lo_r, hi_r)} (rounded up to a whole unit),
   * and one max flow decides. If the flow places the part's supply, the part is one level of the
   * optimum (each rep at {@code λ·w_r}, or at a bound) and its shares are the demands before
   * rounding. Otherwise the reps reachable from the supply left over in the residual graph all end
   * above {@code λ} and the others at or below it (the minimal min cut of a parametric flow), flows
   * across the cut are final, and each side is solved on its own. A split leaves a rep with room on
   * the lower side, so there are at most a few max flows per rep, each over one part; in practice
   * about two per level of the optimum, and levels are few (territories, not reps).
   *
   * <p>Units are whole numbers: a caller wanting shares of, say, a lead scales its supplies (a lead
   * = {@code 2^k} units, below {@code 2^50} in all). Demands rounded up place a part that is one
   * level exactly, so rounding can only split a level into parts of (almost) the same level: a
   * share is exact up to a unit per rep of its level.
   */
  public void solveFractional() {
    run(true);
  }

  private void run(boolean fractional) {
    if (solved) {
      throw new IllegalStateException("already solved");
    }
    build();
    solved = true;
    if (fractional) {
      share = new double[reps];
      Arrays.fill(share, Double.NaN);
    }
    sub = new int[nodes];
    level = new int[nodes];
    cur = new int[nodes];
    mark = new int[nodes];
    path = new int[nodes + 1];
    queue = new int[nodes];
    sub[T] = -1;
    level[T] = 0;
    int[] all = new int[nodes - 1];
    for (int v = 1; v < nodes; v++) {
      all[v - 1] = v;
    }
    int nextSub = 1;
    ArrayDeque<int[]> tasks = new ArrayDeque<>();
    tasks.push(all);
    while (!tasks.isEmpty()) {
      int[] task = tasks.pop();
      int sid = sub[task[0]];
      if (!(fractional ? solveShareTask(task, sid) : solveTask(task, sid))) {
        continue;
      }
      // split: nodes marked reachable stay in sid; the rest get a new id.
      int reachable = 0;
      for (int v : task) {
        if (mark[v] == stamp) {
          reachable++;
        }
      }
      int[] up = new int[reachable];
      int[] down = new int[task.length - reachable];
      int iu = 0;
      int id = 0;
      int newSid = nextSub++;
      for (int v : task) {
        if (mark[v] == stamp) {
          up[iu++] = v;
        } else {
          down[id++] = v;
          sub[v] = newSid;
        }
      }
      if (down.length > 0) {
        tasks.push(down);
      }
      if (up.length > 0) {
        tasks.push(up);
      }
    }
    returnExcess();
    markReachableFromUnplaced();
  }

  /**
   * Solves one part; returns false when the part is final, true when it must be split: nodes marked
   * with the current stamp keep growing beyond the threshold, the others are frozen.
   */
  private boolean solveTask(int[] task, int sid) {
    int repCount = 0;
    for (int v : task) {
      if (v <= reps) {
        repCount++;
      }
    }
    int[] rs = new int[repCount];
    int i = 0;
    for (int v : task) {
      if (v <= reps) {
        rs[i++] = v - 1;
      }
    }
    double minCost = Double.POSITIVE_INFINITY;
    double maxCost = Double.NEGATIVE_INFINITY;
    long candidates = 0;
    for (int r : rs) {
      if (hi[r] > lo[r]) {
        minCost = Math.min(minCost, unitCost(r, lo[r] + 1));
        maxCost = Math.max(maxCost, unitCost(r, hi[r]));
        candidates += hi[r] - lo[r];
      }
    }
    if (candidates == 0 || !(minCost < maxCost)) {
      // One cost level left (ties): any max flow is optimal.
      for (int r : rs) {
        setCap(r, hi[r]);
      }
      maxFlow(task, sid);
      return false;
    }
    double theta = chooseThreshold(rs, minCost, maxCost, candidates);
    long[] at = new long[rs.length];
    for (int j = 0; j < rs.length; j++) {
      at[j] = unitsUpTo(rs[j], theta);
      setCap(rs[j], at[j]);
    }
    maxFlow(task, sid);
    markReachable(task, sid);
    for (int j = 0; j < rs.length; j++) {
      int r = rs[j];
      if (mark[1 + r] == stamp) {
        lo[r] = at[j];
      } else {
        hi[r] = at[j];
      }
    }
    return true;
  }

  /**
   * A unit cost θ with {@code minCost <= θ < maxCost} that splits the candidate units in about
   * half.
   */
  private double chooseThreshold(int[] rs, double minCost, double maxCost, long candidates) {
    long half = (candidates + 1) / 2;
    double a = minCost;
    double b = maxCost;
    for (int iter = 0; iter < 80; iter++) {
      double mid = a + (b - a) / 2;
      if (!(mid > a && mid < b)) {
        break;
      }
      long count = 0;
      for (int r : rs) {
        count += unitsUpTo(r, mid) - lo[r];
      }
      if (count >= half) {
        b = mid;
      } else {
        a = mid;
      }
    }
    double theta = snap(rs, b);
    if (!(theta < maxCost)) {
      theta = snap(rs, Math.nextDown(maxCost));
    }
    return theta;
  }

  /** The largest candidate unit cost at most x. */
  private double snap(int[] rs, double x) {
    double best = Double.NEGATIVE_INFINITY;
    for (int r : rs) {
      long k = unitsUpTo(r, x);
      if (k > lo[r]) {
        best = Math.max(best, unitCost(r, k));
      }
    }
    return best;
  }

  /**
   * Solves one part of the fractional relaxation; returns false when the part is final (its reps'
   * shares are set), true when it must be split as in {@link #solveTask}.
   */
  private boolean solveShareTask(int[] task, int sid) {
    int[] rs = repsOf(task);
    if (rs.length == 0) {
      return false; // supply no rep of its part may take: left unplaced
    }
    long supply = 0;
    for (int v : task) {
      supply += ex[v];
    }
    long hiSum = 0;
    boolean fixed = true;
    for (int r : rs) {
      supply += res[arcT[r] ^ 1];
      hiSum += hi[r];
      fixed &= lo[r] == hi[r];
    }
    long[] at = new long[rs.length];
    double lambda = Double.POSITIVE_INFINITY;
    if (fixed || hiSum <= supply) {
      for (int j = 0; j < rs.length; j++) {
        at[j] = hi[rs[j]];
      }
    } else {
      lambda = levelFor(rs, supply);
      long sum = 0;
      for (int j = 0; j < rs.length; j++) {
        int r = rs[j];
        double d = Math.ceil(lambda * weight[r] - base[r]);
        at[j] = d >= hi[r] ? hi[r] : Math.max(lo[r], (long) d);
        sum += at[j];
      }
      // Rounding of λ may leave the demands a few units short of the supply: top them up, so that
      // a part that is one level is always placed.
      for (int j = 0; j < rs.length && sum < supply; j++) {
        long more = Math.min(supply - sum, hi[rs[j]] - at[j]);
        at[j] += more;
        sum += more;
      }
    }
    for (int j = 0; j < rs.length; j++) {
      setCap(rs[j], at[j]);
    }
    maxFlow(task, sid);
    boolean placed = true;
    for (int v : task) {
      if (ex[v] > 0) {
        placed = false;
        break;
      }
    }
    if (placed || fixed) {
      for (int r : rs) {
        // Every rep is at its demand: hi when λ is infinite (the part's supply fills every cap).
        share[r] =
            Double.isInfinite(lambda)
                ? hi[r]
                : Math.min(hi[r], Math.max(lo[r], lambda * weight[r] - base[r]));
      }
      return false;
    }
    markReachable(task, sid);
    for (int j = 0; j < rs.length; j++) {
      int r = rs[j];
      if (mark[1 + r] == stamp) {
        lo[r] = at[j];
      } else {
        hi[r] = at[j];
      }
    }
    return true;
  }

  private int[] repsOf(int[] task) {
    int n = 0;
    for (int v : task) {
      if (v <= reps) {
        n++;
      }
    }
    int[] rs = new int[n];
    int i = 0;
    for (int v : task) {
      if (v <= reps) {
        rs[i++] = v - 1;
      }
    }
    return rs;
  }

  /**
   * The level λ at which the reps' demands {@code Σ_r clamp(λ·w_r − base_r, lo_r, hi_r)} add up to
   * {@code supply}, for {@code Σ lo ≤ supply < Σ hi}: the demands are continuous and increasing in
   * λ, piecewise linear between the levels where a rep leaves its lower or reaches its upper bound.
   * Computed on the segment that holds the answer, from that segment's exact sums.
   */
  private double levelFor(int[] rs, long supply) {
    int n = rs.length;
    double[] at = new double[2 * n];
    int[] who = new int[2 * n];
    int k = 0;
    long below = 0; // Σ lo of the reps not yet active
    for (int r : rs) {
      below += lo[r];
      if (hi[r] > lo[r]) {
        at[k] = (base[r] + lo[r]) / weight[r];
        who[k++] = r; // becomes active
        at[k] = (base[r] + hi[r]) / weight[r];
        who[k++] = ~r; // reaches its upper bound
      }
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    double[] key = at;
    Arrays.sort(order, (x, y) -> Double.compare(key[x], key[y]));
    long above = 0; // Σ hi of the reps past their upper bound
    int active = 0;
    double activeWeight = 0;
    double activeBase = 0;
    double from = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      int e = order[i];
      // On the segment [from, at[e]]: demand = below + above + λ·Σw − Σbase over the active reps.
      if (active == 0) {
        if (below + above >= supply) {
          return from == Double.NEGATIVE_INFINITY ? at[e] : from; // any λ of a flat segment
        }
      } else {
        double lambda = (supply - below - above + activeBase) / activeWeight;
        if (lambda <= at[e]) {
          return Math.max(from, lambda);
        }
      }
      from = at[e];
      int r = who[e];
      if (r >= 0) {
        below -= lo[r];
        active++;
        activeWeight += weight[r];
        activeBase += base[r];
      } else {
        r = ~r;
        active--;
        above += hi[r];
        if (active == 0) {
          activeWeight = 0; // no drift from the subtractions when the segment empties
          activeBase = 0;
        } else {
          activeWeight -= weight[r];
          activeBase -= base[r];
        }
      }
    }
    throw new IllegalStateException("no level places " + supply + " units: Σ hi is below it");
  }

  /** Sets the capacity of the rep's arc to the sink; flow above it becomes excess at the rep. */
  private void setCap(int r, long capacity) {
    int e = arcT[r];
    long flow = res[e ^ 1];
    if (capacity >= flow) {
      res[e] = capacity - flow;
    } else {
      res[e] = 0;
      res[e ^ 1] = capacity;
      ex[1 + r] += flow - capacity;
    }
  }

  /** Dinic from every node of the part holding excess to the sink, inside the part. */
  private void maxFlow(int[] task, int sid) {
    while (true) {
      for (int v : task) {
        level[v] = -1;
      }
      int qh = 0;
      int qt = 0;
      for (int v : task) {
        if (v <= reps && res[arcT[v - 1]] > 0) {
          level[v] = 1;
          queue[qt++] = v;
        }
      }
      while (qh < qt) {
        int v = queue[qh++];
        for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
          int e = adj[k];
          int u = head[e];
          if (sub[u] == sid && level[u] < 0 && res[e ^ 1] > 0) {
            level[u] = level[v] + 1;
            queue[qt++] = u;
          }
        }
      }
      boolean any = false;
      for (int v : task) {
        if (ex[v] > 0 && level[v] > 0) {
          any = true;
          break;
        }
      }
      if (!any) {
        return;
      }
      for (int v : task) {
        cur[v] = adjStart[v];
      }
      for (int s : task) {
        if (ex[s] > 0 && level[s] > 0) {
          push(s, sid);
        }
      }
    }
  }

  /** Pushes the excess of s along admissible paths until it is gone or s is blocked. */
  private void push(int s, int sid) {
    int top = 0;
    int v = s;
    while (true) {
      if (v == T) {
        long b = ex[s];
        for (int k = 0; k < top; k++) {
          b = Math.min(b, res[path[k]]);
        }
        for (int k = 0; k < top; k++) {
          res[path[k]] -= b;
          res[path[k] ^ 1] += b;
        }
        ex[s] -= b;
        if (ex[s] == 0) {
          return;
        }
        int k = 0;
        while (res[path[k]] > 0) {
          k++;
        }
        top = k;
        v = tail(path[k]);
        continue;
      }
      boolean advanced = false;
      int end = adjStart[v + 1];
      int want = level[v] - 1;
      for (; cur[v] < end; cur[v]++) {
        int e = adj[cur[v]];
        int u = head[e];
        if (res[e] > 0 && level[u] == want && (u == T || sub[u] == sid)) {
          path[top++] = e;
          v = u;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        level[v] = -1;
        if (top == 0) {
          return;
        }
        int e = path[--top];
        v = tail(e);
        cur[v]++;
      }
    }
  }

  /**
   * Marks (with a fresh stamp) the nodes of the part reachable from its excess in the residual
   * graph.
   */
  private void markReachable(int[] task, int sid) {
    stamp++;
    int qh = 0;
    int qt = 0;
    for (int v : task) {
      if (ex[v] > 0) {
        mark[v] = stamp;
        queue[qt++] = v;
      }
    }
    while (qh < qt) {
      int v = queue[qh++];
      for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
        int e = adj[k];
        int u = head[e];
        if (res[e] > 0 && sub[u] == sid && mark[u] != stamp) {
          mark[u] = stamp;
          queue[qt++] = u;
        }
      }
    }
  }

  /**
   * Sends excess left on reps and inner nodes back to the classes it came from (unplaced units).
   */
  private void returnExcess() {
    for (int r = 0; r < reps; r++) {
      pullBack(1 + r, 0);
    }
    for (int r = 0; r < reps; r++) {
      if (rnewNode[r] >= 0) {
        pullBack(rnewNode[r], 0);
      }
    }
    for (int p = 0; p < pools; p++) {
      pullBack(poolNode[p], ownSupply[poolNode[p]]);
    }
  }

  private void pullBack(int v, long keep) {
    for (int k = adjStart[v]; k < adjStart[v + 1] && ex[v] > keep; k++) {
      int e = adj[k];
      if ((e & 1) == 1 && res[e] > 0) {
        long a = Math.min(ex[v] - keep, res[e]);
        res[e] -= a;
        res[e ^ 1] += a;
        ex[head[e]] += a;
        ex[v] -= a;
      }
    }
  }

  private void markReachableFromUnplaced() {
    reachedFromUnplaced = new boolean[nodes];
    int qh = 0;
    int qt = 0;
    for (int v = 1; v < nodes; v++) {
      if (ex[v] > 0) {
        reachedFromUnplaced[v] = true;
        queue[qt++] = v;
      }
    }
    while (qh < qt) {
      int v = queue[qh++];
      for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
        int e = adj[k];
        int u = head[e];
        if (u != T && res[e] > 0 && !reachedFromUnplaced[u]) {
          reachedFromUnplaced[u] = true;
          queue[qt++] = u;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  private void checkSolved() {
    if (!solved) {
      throw new IllegalStateException("not solved yet");
    }
  }

  /** The units placed on a rep (excluding its base). */
  public long load(int rep) {
    return res[arcT[rep] ^ 1];
  }

  /**
   * The rep's units in the optimum of the fractional relaxation (excluding its base), once {@link
   * #solveFractional} ran.
   */
  public double share(int rep) {
    checkSolved();
    if (share == null) {
      throw new IllegalStateException("solved in whole units: see load");
    }
    return share[rep];
  }

  /** {@code Σ_r (base_r + load_r)² / w_r} of the current flow. */
  public double cost() {
    double s = 0;
    for (int r = 0; r < reps; r++) {
      double n = base[r] + load(r);
      s += n * n / weight[r];
    }
    return s;
  }

  /**
   * Returns whether every unit of the class is placed in <em>every</em> flow that places the most
   * units: true iff the class cannot be reached from unplaced supply in the residual graph.
   */
  public boolean alwaysPlaced(int cls) {
    checkSolved();
    return !reachedFromUnplaced[classNode[cls]];
  }

  /** Receives the flow of one class to one rep. */
  @FunctionalInterface
  public interface FlowConsumer {
    void accept(int cls, int rep, long amount);
  }

  /** Reports how many units of each class go to each rep (positive amounts only). */
  public void forEachFlow(FlowConsumer consumer) {
    checkSolved();
    for (int c = 0; c < classes; c++) {
      if (classDirectArc[c] >= 0) {
        long f = res[classDirectArc[c] ^ 1];
        if (f > 0) {
          consumer.accept(c, classOwner[c], f);
        }
      }
    }
    // Split each pool's outflow among the classes feeding it (any split is valid).
    int[] feeders = new int[classes];
    long[] feed = new long[classes];
    int[][] byPool = classesByPool();
    for (int p = 0; p < pools; p++) {
      int nf = 0;
      for (int c : byPool[p]) {
        long f =
            classOwner[c] < 0 ? ownSupply[poolNode[p]] - ex[poolNode[p]] : res[classPoolArc[c] ^ 1];
        if (f > 0) {
          feeders[nf] = c;
          feed[nf++] = f;
        }
      }
      int fi = 0;
      int[] e = poolEligible[p];
      for (int j = 0; j < e.length; j++) {
        long out = res[poolArc[poolArcStart[p] + j] ^ 1];
        while (out > 0) {
          long a = Math.min(out, feed[fi]);
          consumer.accept(feeders[fi], e[j], a);
          out -= a;
          feed[fi] -= a;
          if (feed[fi] == 0) {
            fi++;
          }
        }
      }
    }
  }

  private int[][] classesByPool() {
    int[] count = new int[pools];
    for (int c = 0; c < classes; c++) {
      count[classPool[c]]++;
    }
    int[][] out = new int[pools][];
    for (int p = 0; p < pools; p++) {
      out[p] = new int[count[p]];
      count[p] = 0;
    }
    for (int c = 0; c < classes; c++) {
      out[classPool[c]][count[classPool[c]]++] = c;
    }
    return out;
  }

  /**
   * The average level {@code Σ (base + load) / Σ w} over the reps reachable from {@code rep} in the
   * residual graph (the reps it could pass units to), itself included. Once solved without
   * capacities, the reps reachable this way receive all the supply that can only go to them, so the
   * average is a lower bound on the largest level of any fractional placement.
   */
  public double reachableAverageLevel(int rep) {
    checkSolved();
    boolean[] seen = new boolean[nodes];
    int qh = 0;
    int qt = 0;
    queue[qt++] = 1 + rep;
    seen[1 + rep] = true;
    double units = 0;
    double weights = 0;
    while (qh < qt) {
      int v = queue[qh++];
      if (v <= reps) {
        units += base[v - 1] + load(v - 1);
        weights += weight[v - 1];
      }
      for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
        int e = adj[k];
        int u = head[e];
        if (u != T && res[e] > 0 && !seen[u]) {
          seen[u] = true;
          queue[qt++] = u;
        }
      }
    }
    return units / weights;
  }

  // ---------------------------------------------------------------------------------------------
  // Certificate

  /**
   * Records {@code amount} units of a class on a rep, for {@link #hasImprovingPath()}. The caller
   * guarantees eligibility, capacities and new-unit caps.
   */
  public void addFlow(int cls, int rep, long amount) {
    if (solved) {
      throw new IllegalStateException("a solved network cannot take given flows");
    }
    build();
    if (classOwner[cls] == rep) {
      move(classDirectArc[cls], amount);
    } else {
      int p = classPool[cls];
      int j = Arrays.binarySearch(poolEligible[p], rep);
      if (j < 0) {
        throw new IllegalArgumentException("rep " + rep + " is not eligible for class " + cls);
      }
      if (classPoolArc[cls] >= 0) {
        move(classPoolArc[cls], amount);
      }
      move(poolArc[poolArcStart[p] + j], amount);
      if (arcNew[rep] >= 0) {
        move(arcNew[rep], amount);
      }
    }
    move(arcT[rep], amount);
    ex[classNode[cls]] -= amount;
  }

  private void move(int e, long amount) {
    res[e] -= amount;
    res[e ^ 1] += amount;
  }

  /**
   * Returns whether the given flow (see {@link #addFlow}) can be improved: either one more unit can
   * be placed (an augmenting path), or some rep {@code a} can pass a unit, through a chain of moves
   * or by swapping a placed unit for an unplaced one, to a rep {@code b} with room where {@code
   * (2·n_a − 1)/w_a > (2·n_b + 1)/w_b}. False means the flow is optimal.
   */
  public boolean hasImprovingPath() {
    if (solved) {
      throw new IllegalStateException("hasImprovingPath checks given flows, not solved ones");
    }
    build();
    long[] room = new long[reps];
    for (int r = 0; r < reps; r++) {
      long flow = res[arcT[r] ^ 1];
      long capacity = Math.min(Math.max(0, cap[r]), totalSupply);
      if (flow > Math.max(0, cap[r])) {
        throw new IllegalStateException("rep " + r + " holds " + flow + " units over its cap");
      }
      res[arcT[r]] = Math.max(0, capacity - flow);
      room[r] = res[arcT[r]];
    }
    for (int e = 0; e < arcs; e++) {
      if (res[e] < 0) {
        throw new IllegalStateException("arc " + e + " carries more than its capacity");
      }
    }
    queue = new int[nodes];
    boolean[] seen = new boolean[nodes];
    // Augmenting path: unplaced supply reaching a rep with room.
    int qh = 0;
    int qt = 0;
    for (int v = 1; v < nodes; v++) {
      if (ex[v] > 0) {
        seen[v] = true;
        queue[qt++] = v;
      }
    }
    int unplacedCount = qt;
    int[] unplaced = Arrays.copyOf(queue, qt);
    while (qh < qt) {
      int v = queue[qh++];
      if (v <= reps && room[v - 1] > 0) {
        return true;
      }
      for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
        int e = adj[k];
        int u = head[e];
        if (u != T && res[e] > 0 && !seen[u]) {
          seen[u] = true;
          queue[qt++] = u;
        }
      }
    }
    // Improving path: reps in decreasing order of the cost of their last unit; a node seen from an
    // earlier rep only leads to reps whose next unit costs at least that earlier rep's last one.
    Arrays.fill(seen, false);
    boolean sourceSeen = false;
    Integer[] order = new Integer[reps];
    int no = 0;
    for (int r = 0; r < reps; r++) {
      if (res[arcT[r] ^ 1] > 0) {
        order[no++] = r;
      }
    }
    double[] out = new double[reps];
    for (int r = 0; r < reps; r++) {
      out[r] = (2.0 * (base[r] + res[arcT[r] ^ 1]) - 1) / weight[r];
    }
    Arrays.sort(order, 0, no, (x, y) -> Double.compare(out[y], out[x]));
    for (int oi = 0; oi < no; oi++) {
      int a = order[oi];
      if (seen[1 + a]) {
        continue;
      }
      double cheapest = Double.POSITIVE_INFINITY;
      qh = 0;
      qt = 0;
      seen[1 + a] = true;
      queue[qt++] = 1 + a;
      while (qh < qt) {
        int v = queue[qh++];
        if (v <= reps && v != 1 + a && room[v - 1] > 0) {
          cheapest =
              Math.min(cheapest, (2.0 * (base[v - 1] + res[arcT[v - 1] ^ 1]) + 1) / weight[v - 1]);
        }
        for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
          int e = adj[k];
          int u = head[e];
          if (u != T && res[e] > 0 && !seen[u]) {
            seen[u] = true;
            queue[qt++] = u;
          }
        }
        // Through the source: unplace a unit of this class, place an unplaced unit elsewhere.
        if (!sourceSeen && v > reps && ownSupply[v] - ex[v] > 0) {
          sourceSeen = true;
          for (int k = 0; k < unplacedCount; k++) {
            int u = unplaced[k];
            if (!seen[u]) {
              seen[u] = true;
              queue[qt++] = u;
            }
          }
        }
      }
      if (out[a] - cheapest > TOLERANCE * Math.max(1, Math.abs(out[a]))) {
        return true;
      }
    }
    return false;
  }
}
