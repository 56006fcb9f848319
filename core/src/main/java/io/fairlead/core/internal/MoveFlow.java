package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fewest owned leads that must change owner for a book to reach the exact count optimum: a
 * min-cost flow on the classes of interchangeable leads, where staying with the current owner costs
 * 0 and going to any other eligible rep costs 1, and the reps' loads are those of a count-optimal
 * assignment ({@link CountFlow}).
 *
 * <pre>{@code
 * CountFlow optimum = CountFlow.solve(index);
 * int fewest = MoveFlow.solve(index, optimum).moves(); // no rebalancing reaches it in fewer
 * }</pre>
 *
 * <p><b>Which optimum.</b> The loads minimising {@code Σ n² / w} are unique except for ties: when
 * the last lead of rep {@code a} costs exactly what the next lead of rep {@code b} would ({@code
 * (2n_a − 1)/w_a = (2n_b + 1)/w_b}), either may hold it. Every optimal load vector lies within one
 * lead of the one {@link CountFlow} found, and may differ from it only at such tied units, with as
 * many units given up as taken at each tied cost (an exchange argument: a rep two leads off would
 * give an exchange that improves one of the two optima). So the network lets each rep's load move
 * by its tied units, through one node per tied cost that takes exactly as many units as the optimum
 * holds at that cost: its flows are exactly the count-optimal assignments, and the minimum is over
 * all of them.
 *
 * <p><b>What counts.</b> A lead counts as moved when it ends with a rep other than its current
 * owner. Pinned leads stay with their owners and never count. A lead that no count-optimal
 * assignment places (nobody may take it, or every rep it may go to is full) is left out: a book
 * that holds such a lead cannot reach the optimum by moves alone.
 *
 * <p>Algorithm: primal-dual min-cost max-flow. Each phase finds shortest distances with reduced
 * costs (Dijkstra) and then a blocking flow (Dinic) on the arcs of reduced cost zero; a move costs
 * 1, so there are at most a handful of phases (the length of the longest chain of moves plus one).
 * Immutable once built.
 */
public final class MoveFlow {

  private final int moves;
  private final int[] assignment;

  private MoveFlow(int moves, int[] assignment) {
    this.moves = moves;
    this.assignment = assignment;
  }

  /** The fewest moves from the current owners to a count-optimal assignment. */
  public static MoveFlow solve(ProblemIndex index, CountFlow optimum) {
    return new Builder(index, optimum).solve();
  }

  /** The fewest leads that change owner. */
  public int moves() {
    return moves;
  }

  /**
   * A count-optimal assignment that moves exactly {@link #moves()} leads: rep index per lead, -1 =
   * unassigned. A fresh copy.
   */
  public int[] assignment() {
    return assignment.clone();
  }

  /** Builds the network of one problem, solves it and reads the assignment back. */
  private static final class Builder {
    private static final int S = 0;
    private static final int T = 1;

    private final ProblemIndex index;
    private final int reps;
    private final long[] target;
    private final int[] base;
    private final Network net = new Network();

    Builder(ProblemIndex index, CountFlow optimum) {
      this.index = index;
      this.reps = index.repCount();
      int[] loads = optimum.loads();
      base = new int[reps];
      for (int i = 0; i < index.leadCount(); i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE) {
          base[index.owner(i)]++;
        }
      }
      target = new long[reps];
      for (int r = 0; r < reps; r++) {
        target[r] = loads[r] - base[r];
      }
    }

    MoveFlow solve() {
      int n = index.leadCount();
      // Classes: (pool, how the lead may stay). stay >= 0: its owner may keep it; -1: it has an
      // owner who may not; -2: it has none (placing it is no move).
      CountFlow.PoolKeys keys = new CountFlow.PoolKeys();
      Map<Long, Integer> classOf = new HashMap<>();
      int[] leadClass = new int[n];
      Arrays.fill(leadClass, -1);
      int classes = 0;
      int[] classPool = new int[16];
      int[] classStay = new int[16];
      long[] supply = new long[16];
      int pools = 0;
      Map<Integer, Integer> poolOfKey = new HashMap<>();
      int[][] poolEligible = new int[16][];
      long[] poolSupply = new long[16];
      for (int i = 0; i < n; i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE || index.eligible(i).length == 0) {
          continue;
        }
        int[] e = index.eligible(i);
        int key = keys.of(e);
        Integer p = poolOfKey.get(key);
        if (p == null) {
          p = pools++;
          poolOfKey.put(key, p);
          if (p == poolEligible.length) {
            poolEligible = Arrays.copyOf(poolEligible, 2 * p);
            poolSupply = Arrays.copyOf(poolSupply, 2 * p);
          }
          poolEligible[p] = e;
        }
        int o = index.owner(i);
        int stay = o >= 0 && Arrays.binarySearch(e, o) >= 0 ? o : o >= 0 ? -1 : -2;
        long ck = ((long) p << 32) | (stay + 2);
        Integer c = classOf.get(ck);
        if (c == null) {
          c = classes++;
          classOf.put(ck, c);
          if (c == classPool.length) {
            classPool = Arrays.copyOf(classPool, 2 * c);
            classStay = Arrays.copyOf(classStay, 2 * c);
            supply = Arrays.copyOf(supply, 2 * c);
          }
          classPool[c] = p;
          classStay[c] = stay;
        }
        supply[c]++;
        poolSupply[p]++;
        leadClass[i] = c;
      }
      long totalSupply = 0;
      for (int c = 0; c < classes; c++) {
        totalSupply += supply[c];
      }

      // Nodes: S, T, reps, then per-rep "new leads" nodes where a new-lead cap binds, pools,
      // classes, tied-cost levels.
      int nodes = 2 + reps;
      int[] repNode = new int[reps];
      int[] newNode = new int[reps];
      for (int r = 0; r < reps; r++) {
        repNode[r] = 2 + r;
        int cap = index.newLeadCap(r);
        newNode[r] = cap != Rep.UNLIMITED && cap < totalSupply ? nodes++ : -1;
      }
      int[] poolNode = new int[pools];
      for (int p = 0; p < pools; p++) {
        poolNode[p] = nodes++;
      }
      int[] classNode = new int[classes];
      for (int c = 0; c < classes; c++) {
        classNode[c] = nodes++;
      }
      Levels levels = levels();
      int levelBase = nodes;
      nodes += levels.count;
      net.init(nodes);

      int[] stayArc = new int[classes];
      int[] poolArcOfClass = new int[classes];
      Arrays.fill(stayArc, -1);
      for (int c = 0; c < classes; c++) {
        net.arc(S, classNode[c], supply[c], 0);
        if (classStay[c] >= 0) {
          stayArc[c] = net.arc(classNode[c], repNode[classStay[c]], supply[c], 0);
        }
        poolArcOfClass[c] =
            net.arc(classNode[c], poolNode[classPool[c]], supply[c], classStay[c] == -2 ? 0 : 1);
      }
      int[][] poolRepArc = new int[pools][];
      for (int p = 0; p < pools; p++) {
        int[] e = poolEligible[p];
        poolRepArc[p] = new int[e.length];
        for (int j = 0; j < e.length; j++) {
          int r = e[j];
          int to = newNode[r] >= 0 ? newNode[r] : repNode[r];
          poolRepArc[p][j] = net.arc(poolNode[p], to, poolSupply[p], 0);
        }
      }
      for (int r = 0; r < reps; r++) {
        if (newNode[r] >= 0) {
          net.arc(newNode[r], repNode[r], index.newLeadCap(r), 0);
        }
      }
      long required = 0;
      for (int r = 0; r < reps; r++) {
        long fixed = target[r] - (levels.down[r] >= 0 ? 1 : 0);
        net.arc(repNode[r], T, fixed, 0);
        required += target[r];
        if (levels.down[r] >= 0) {
          net.arc(repNode[r], levelBase + levels.down[r], 1, 0);
        }
        if (levels.up[r] >= 0) {
          net.arc(repNode[r], levelBase + levels.up[r], 1, 0);
        }
      }
      for (int l = 0; l < levels.count; l++) {
        net.arc(levelBase + l, T, levels.units[l], 0);
      }

      net.build();
      long flow = net.minCostMaxFlow(S, T);
      if (flow != required) {
        throw new IllegalStateException(
            "the count optimum places " + required + " free leads, the move flow " + flow);
      }

      // Read the assignment: pinned leads with their owners, each class's stayers with their
      // owner, the rest of each pool poured into its reps' flows.
      int[] out = new int[n];
      Arrays.fill(out, -1);
      long[] stays = new long[classes];
      long[] leaves = new long[classes];
      for (int c = 0; c < classes; c++) {
        stays[c] = stayArc[c] >= 0 ? net.flow(stayArc[c]) : 0;
        leaves[c] = net.flow(poolArcOfClass[c]);
      }
      long[][] toRep = new long[pools][];
      int[] cursor = new int[pools];
      for (int p = 0; p < pools; p++) {
        toRep[p] = new long[poolEligible[p].length];
        for (int j = 0; j < toRep[p].length; j++) {
          toRep[p][j] = net.flow(poolRepArc[p][j]);
        }
      }
      int moved = 0;
      for (int i = 0; i < n; i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE) {
          out[i] = index.owner(i);
          continue;
        }
        int c = leadClass[i];
        if (c < 0) {
          continue;
        }
        if (stays[c] > 0) {
          stays[c]--;
          out[i] = classStay[c];
        } else if (leaves[c] > 0) {
          leaves[c]--;
          int p = classPool[c];
          while (toRep[p][cursor[p]] == 0) {
            cursor[p]++;
          }
          toRep[p][cursor[p]]--;
          out[i] = poolEligible[p][cursor[p]];
        }
        if (out[i] >= 0 && index.owner(i) >= 0 && out[i] != index.owner(i)) {
          moved++;
        }
      }
      if (moved > net.totalCost) {
        throw new IllegalStateException(
            "the move flow costs " + net.totalCost + " but its assignment moves " + moved);
      }
      return new MoveFlow(moved, out);
    }

    /** Tied units: each rep's last unit (down) and next unit (up), matched by exact cost. */
    private Levels levels() {
      double[] downCost = new double[reps];
      double[] upCost = new double[reps];
      Set<Double> ups = new HashSet<>();
      for (int r = 0; r < reps; r++) {
        long load = base[r] + target[r];
        double w = index.weight(r);
        downCost[r] = target[r] >= 1 ? (2.0 * load - 1) / w : Double.NaN;
        int cap = index.capacity(r);
        long room =
            cap == Rep.UNLIMITED
                ? Long.MAX_VALUE
                : Math.max(0, (long) cap - index.rep(r).heldOutside() - base[r]);
        // The same expression as LoadFlow's unit cost, so that equal costs compare equal.
        upCost[r] =
            target[r] + 1 <= room ? (2.0 * (base[r] + (target[r] + 1)) - 1) / w : Double.NaN;
        if (!Double.isNaN(upCost[r])) {
          ups.add(upCost[r]);
        }
      }
      Map<Double, Integer> levelOf = new HashMap<>();
      Levels out = new Levels(reps);
      long[] units = new long[reps];
      for (int r = 0; r < reps; r++) {
        if (!Double.isNaN(downCost[r]) && ups.contains(downCost[r])) {
          int l = levelOf.computeIfAbsent(downCost[r], k -> levelOf.size());
          out.down[r] = l;
          units[l]++;
        }
      }
      for (int r = 0; r < reps; r++) {
        Integer l = Double.isNaN(upCost[r]) ? null : levelOf.get(upCost[r]);
        if (l != null) {
          out.up[r] = l;
        }
      }
      out.count = levelOf.size();
      out.units = Arrays.copyOf(units, out.count);
      return out;
    }
  }

  /** For each rep, the tied level of its last unit and of its next unit (-1: none). */
  private static final class Levels {
    final int[] down;
    final int[] up;
    int count;
    long[] units;

    Levels(int reps) {
      down = new int[reps];
      up = new int[reps];
      Arrays.fill(down, -1);
      Arrays.fill(up, -1);
    }
  }

  /** A min-cost max-flow network with small non-negative integer arc costs. */
  static final class Network {
    private int nodes;
    private int arcs;
    private int[] head = new int[64];
    private long[] res = new long[64];
    private long[] cost = new long[64];
    private int[] adjStart;
    private int[] adj;
    private long[] pi;
    private int[] level;
    private int[] cur;
    long totalCost;

    void init(int nodes) {
      this.nodes = nodes;
    }

    /** Adds an arc and its reverse; returns the forward arc's id. */
    int arc(int from, int to, long capacity, long c) {
      if (arcs + 2 > head.length) {
        head = Arrays.copyOf(head, 2 * head.length);
        res = Arrays.copyOf(res, 2 * res.length);
        cost = Arrays.copyOf(cost, 2 * cost.length);
      }
      int e = arcs;
      head[e] = to;
      res[e] = capacity;
      cost[e] = c;
      head[e + 1] = from;
      res[e + 1] = 0;
      cost[e + 1] = -c;
      arcs += 2;
      return e;
    }

    long flow(int e) {
      return res[e ^ 1];
    }

    private int tail(int e) {
      return head[e ^ 1];
    }

    void build() {
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
      pi = new long[nodes];
      level = new int[nodes];
      cur = new int[nodes];
    }

    private long reduced(int e) {
      return cost[e] + pi[tail(e)] - pi[head[e]];
    }

    /** Sends as much as possible from s to t at the least cost; returns the amount. */
    long minCostMaxFlow(int s, int t) {
      long total = 0;
      long[] dist = new long[nodes];
      while (true) {
        // Dijkstra on reduced costs (all >= 0 for residual arcs).
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[s] = 0;
        LongHeap heap = new LongHeap();
        heap.push(0, s);
        while (!heap.isEmpty()) {
          long d = heap.topKey();
          int v = heap.pop();
          if (d > dist[v]) {
            continue;
          }
          for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
            int e = adj[k];
            if (res[e] > 0) {
              long nd = d + reduced(e);
              int u = head[e];
              if (nd < dist[u]) {
                dist[u] = nd;
                heap.push(nd, u);
              }
            }
          }
        }
        if (dist[t] == Long.MAX_VALUE) {
          return total;
        }
        long dt = dist[t];
        for (int v = 0; v < nodes; v++) {
          pi[v] += Math.min(dist[v], dt);
        }
        long pushed = blockingFlows(s, t);
        total += pushed;
        totalCost += pushed * (pi[t] - pi[s]);
      }
    }

    /** Dinic on the arcs of reduced cost zero until t cannot be reached that way. */
    private long blockingFlows(int s, int t) {
      long total = 0;
      int[] queue = new int[nodes];
      int[] path = new int[nodes + 1];
      while (true) {
        Arrays.fill(level, -1);
        level[s] = 0;
        int qh = 0;
        int qt = 0;
        queue[qt++] = s;
        while (qh < qt) {
          int v = queue[qh++];
          for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
            int e = adj[k];
            int u = head[e];
            if (res[e] > 0 && level[u] < 0 && reduced(e) == 0) {
              level[u] = level[v] + 1;
              queue[qt++] = u;
            }
          }
        }
        if (level[t] < 0) {
          return total;
        }
        System.arraycopy(adjStart, 0, cur, 0, nodes);
        int top = 0;
        int v = s;
        while (true) {
          if (v == t) {
            long b = Long.MAX_VALUE;
            for (int k = 0; k < top; k++) {
              b = Math.min(b, res[path[k]]);
            }
            for (int k = 0; k < top; k++) {
              res[path[k]] -= b;
              res[path[k] ^ 1] += b;
            }
            total += b;
            int k = 0;
            while (res[path[k]] > 0) {
              k++;
            }
            top = k;
            v = tail(path[k]);
            continue;
          }
          boolean advanced = false;
          for (; cur[v] < adjStart[v + 1]; cur[v]++) {
            int e = adj[cur[v]];
            int u = head[e];
            if (res[e] > 0 && level[u] == level[v] + 1 && reduced(e) == 0) {
              path[top++] = e;
              v = u;
              advanced = true;
              break;
            }
          }
          if (!advanced) {
            if (v == s) {
              break;
            }
            level[v] = -1;
            int e = path[--top];
            v = tail(e);
            cur[v]++;
          }
        }
      }
    }
  }

  /** A binary min-heap of (key, node) pairs. */
  private static final class LongHeap {
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long topKey() {
      return keys[0];
    }

    void push(long key, int value) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, 2 * size);
        values = Arrays.copyOf(values, 2 * size);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (keys[parent] <= key) {
          break;
        }
        keys[i] = keys[parent];
        values[i] = values[parent];
        i = parent;
      }
      keys[i] = key;
      values[i] = value;
    }

    int pop() {
      int top = values[0];
      size--;
      long key = keys[size];
      int value = values[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (keys[child] >= key) {
          break;
        }
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = key;
      values[i] = value;
      return top;
    }
  }
}
