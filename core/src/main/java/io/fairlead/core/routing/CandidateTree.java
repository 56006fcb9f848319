package io.fairlead.core.routing;

import io.fairlead.core.internal.Scoring;
import java.util.Arrays;

/**
 * The reps of one eligibility set, arranged so that a decision visits few of them: a binary tree
 * over blocks of {@link #BLOCK} reps, where every node keeps bounds over the reps below it that
 * have room for a new lead.
 *
 * <p>Each node holds the lowest and second-lowest ledger standing (and whose the lowest is), which
 * answers the due band at the root in O(1); and, for the score, the least count-and-tier delta per
 * tier, the least {@code valueUnits / weight} and the least {@code 1 / weight}. From those, a lower
 * bound of every score delta below the node follows, because the value term of giving rep {@code r}
 * a lead of {@code u} units is {@code k·((V+u)² − V²)/w = k·(2u·V/w + u²/w)}, up to rounding. A
 * search for the two best reps of a band descends into the lower-bounded child first and skips
 * every node whose standing is outside the band or whose bound exceeds the second-best delta found
 * so far. The skips are exact: a skipped rep could not have entered the top two, whatever the
 * tie-breaks.
 *
 * <p>Reps are placed by weight, then by the value they hold (then roster order), so that reps whose
 * terms scale alike, and whose value terms are alike, share a block and a subtree: the bounds stay
 * tight: a decision scans far fewer blocks than with the reps placed by weight alone
 * (docs/performance.md). Values drift as leads come and go, so the reps are placed afresh at a
 * rebuild (after a new period, or a long time unused) once the tree has served as many decisions as
 * it has reps, which spreads the cost of the sort over them. The tree is brought up to date lazily:
 * {@link RouterCore} logs every rep whose numbers changed, and {@link #sync()} replays the log (or
 * rebuilds the whole tree, when the log holds more changes than a rebuild costs). A set of at most
 * {@link #BLOCK} reps is a single block: a plain scan.
 *
 * <p>One tree serves every class of leads with the same eligible reps, and may also serve a class
 * whose eligible reps are only part of its set (the reps of one territory, say, of which a class of
 * leads excludes some by industry or role): the queries then take the class's {@code members}, a
 * bit per position in the set, and pass over the others. The bounds, taken over the whole set, stay
 * valid for any part of it; the due band, no longer at the root, is found by a descent that skips
 * every node whose lowest standing cannot lower the two found so far. Sharing one tree among many
 * classes keeps it in use, and so nearly up to date: a tree used once every few hundred leads finds
 * most of its blocks changed and starts with a rebuild.
 */
final class CandidateTree {

  static final int BLOCK = 16;
  private static final double INF = Double.POSITIVE_INFINITY;

  private final RouterCore core;

  /** The reps of the set, ascending roster order. */
  final int[] reps;

  /** Positions in {@link #reps}, in tree order: by weight, then value held, then roster order. */
  private final int[] order;

  /** For {@code reps[i]}: its slot in {@link #order}. */
  private final int[] slotOf;

  private final int blocks;
  private final int leaves; // a power of two >= blocks; the leaf of block b is node leaves + b
  private final int tiers;

  private final double[] minF;
  private final int[] argF;
  private final double[] secondF;
  private final long[] minStock; // [node * tiers + tier]
  private final double[] minValuePerWeight;
  private final double[] minInverseWeight;

  /** Decisions that searched the tree since its reps were last placed. */
  private int searches;

  /** The position in the core's change log up to which this tree is current; -1: never built. */
  private long synced = -1;

  /** A rep left out of every node while one decision is made (an owner who may keep the lead). */
  private int withheld = -1;

  CandidateTree(RouterCore core, int[] reps) {
    this.core = core;
    this.reps = reps;
    this.tiers = core.loads.tiers;
    int m = reps.length;
    this.order = new int[m];
    this.slotOf = new int[m];
    this.blocks = Math.max(1, (m + BLOCK - 1) / BLOCK);
    int pow2 = Integer.highestOneBit(blocks);
    this.leaves = pow2 == blocks ? blocks : pow2 << 1;
    int nodes = 2 * leaves;
    minF = new double[nodes];
    argF = new int[nodes];
    secondF = new double[nodes];
    minStock = new long[nodes * tiers];
    minValuePerWeight = new double[nodes];
    minInverseWeight = new double[nodes];
  }

  /**
   * Places the reps: by weight rank, then value held, then roster order, with one primitive sort of
   * keys that pack the three into a long. Values too large for the bits left (2^50 units and more
   * with 2,000 reps of 4 weights) count as equal: the order only makes bounds tight, any order is
   * correct.
   */
  private void arrange() {
    int m = reps.length;
    int[] rank = core.weightRank;
    int positionBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, m - 1));
    int rankBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, core.weightRanks - 1));
    int valueBits = 63 - positionBits - rankBits;
    long cap = (1L << valueBits) - 1;
    long[] keys = new long[m];
    for (int i = 0; i < m; i++) {
      int r = reps[i];
      long held = Math.min(core.loads.units(r), cap);
      keys[i] = ((((long) rank[r] << valueBits) | held) << positionBits) | i;
    }
    Arrays.sort(keys);
    long positionMask = (1L << positionBits) - 1;
    for (int s = 0; s < m; s++) {
      int i = (int) (keys[s] & positionMask);
      order[s] = i;
      slotOf[i] = s;
    }
  }

  // ---------------------------------------------------------------- maintenance

  /** Brings every node up to date with the reps' current numbers. */
  void sync() {
    long now = core.changes();
    long pending = now - synced;
    // Replaying a change of a member costs a block and a path to the root, and a rebuild a pass
    // over every member; the log holds changes of the whole roster, of which about |set| / n are
    // members'. So rebuild once more than one member change in 16 is expected: pending·|set|/n·16
    // > |set|, whatever the size of the set.
    if (synced < 0 || pending > RouterCore.CHANGE_LOG || pending * 16 > core.n()) {
      if (synced < 0 || searches >= reps.length) {
        arrange(); // at most once per |set| searches: the sort costs a few rebuilds
        searches = 0;
      }
      rebuild();
    } else {
      for (long i = synced; i < now; i++) {
        int p = Arrays.binarySearch(reps, core.changed(i));
        if (p >= 0) {
          update(slotOf[p] / BLOCK);
        }
      }
    }
    synced = now;
  }

  private void rebuild() {
    for (int node = leaves; node < 2 * leaves; node++) {
      summarise(node);
    }
    for (int node = leaves - 1; node >= 1; node--) {
      combine(node);
    }
  }

  private void update(int block) {
    int node = leaves + block;
    summarise(node);
    for (node >>= 1; node >= 1; node >>= 1) {
      combine(node);
    }
  }

  /**
   * Leaves {@code rep} out of the bounds (and the search) until {@link #restore()}; returns whether
   * it is in the set. The tree must be in sync.
   */
  boolean withhold(int rep) {
    int p = Arrays.binarySearch(reps, rep);
    if (p < 0) {
      return false;
    }
    withheld = rep;
    update(slotOf[p] / BLOCK);
    return true;
  }

  void restore() {
    int rep = withheld;
    withheld = -1;
    update(slotOf[Arrays.binarySearch(reps, rep)] / BLOCK);
  }

  private void summarise(int node) {
    double f1 = INF;
    double f2 = INF;
    int arg = -1;
    double vw = INF;
    double iw = INF;
    int base = node * tiers;
    Arrays.fill(minStock, base, base + tiers, Long.MAX_VALUE);
    int from = (node - leaves) * BLOCK;
    int to = Math.min(reps.length, from + BLOCK);
    double[] fNew = core.fNew;
    long[] stock = core.loads.stock;
    for (int s = from; s < to; s++) {
      int r = reps[order[s]];
      double f = fNew[r];
      if (f == INF || r == withheld) {
        continue;
      }
      if (f < f1 || (f == f1 && r < arg)) {
        f2 = f1;
        f1 = f;
        arg = r;
      } else if (f < f2) {
        f2 = f;
      }
      vw = Math.min(vw, core.loads.valuePerWeight[r]);
      iw = Math.min(iw, core.loads.inverseWeight[r]);
      for (int t = 0; t < tiers; t++) {
        minStock[base + t] = Math.min(minStock[base + t], stock[r * tiers + t]);
      }
    }
    minF[node] = f1;
    argF[node] = arg;
    secondF[node] = f2;
    minValuePerWeight[node] = vw;
    minInverseWeight[node] = iw;
  }

  private void combine(int node) {
    int a = 2 * node;
    int b = a + 1;
    boolean aFirst =
        minF[a] < minF[b]
            || (minF[a] == minF[b] && argF[a] >= 0 && (argF[b] < 0 || argF[a] < argF[b]));
    int lo = aFirst ? a : b;
    int hi = aFirst ? b : a;
    minF[node] = minF[lo];
    argF[node] = argF[lo];
    secondF[node] = Math.min(secondF[lo], minF[hi]);
    minValuePerWeight[node] = Math.min(minValuePerWeight[a], minValuePerWeight[b]);
    minInverseWeight[node] = Math.min(minInverseWeight[a], minInverseWeight[b]);
    int base = node * tiers;
    for (int t = 0; t < tiers; t++) {
      minStock[base + t] = Math.min(minStock[a * tiers + t], minStock[b * tiers + t]);
    }
  }

  // ---------------------------------------------------------------- queries

  // The due band of the last call to standings(): the lowest and second-lowest standing among the
  // members with room, and whose the lowest is.
  private double lowF;
  private double secondLowF;
  private int lowArg;

  /**
   * Works out the standings of the due band among {@code members} (a bit per position in {@link
   * #reps}; null: every rep of the set), for {@link #lowestStanding()}, {@link #mostDue()} and
   * {@link #secondStanding()}. The tree must be in sync.
   */
  void standings(long[] members) {
    searches++;
    if (members == null) {
      lowF = minF[1];
      secondLowF = secondF[1];
      lowArg = argF[1];
      return;
    }
    lowF = INF;
    secondLowF = INF;
    lowArg = -1;
    lowest(1, members);
  }

  /**
   * Descends into every node whose least standing could still lower the two lowest found so far.
   * The most due rep is exact whenever it matters: if two members share the lowest standing, the
   * band without either is the same band.
   */
  private void lowest(int node, long[] members) {
    if (minF[node] >= secondLowF) {
      return;
    }
    if (node < leaves) {
      int a = 2 * node;
      int b = a + 1;
      boolean aFirst = minF[a] <= minF[b];
      lowest(aFirst ? a : b, members);
      lowest(aFirst ? b : a, members);
      return;
    }
    int from = (node - leaves) * BLOCK;
    int to = Math.min(reps.length, from + BLOCK);
    double[] fNew = core.fNew;
    for (int s = from; s < to; s++) {
      int i = order[s];
      int r = reps[i];
      double f = fNew[r];
      if (f == INF || r == withheld || (members[i >>> 6] & (1L << i)) == 0) {
        continue;
      }
      if (f < lowF || (f == lowF && r < lowArg)) {
        secondLowF = lowF;
        lowF = f;
        lowArg = r;
      } else if (f < secondLowF) {
        secondLowF = f;
      }
    }
  }

  /** The lowest standing among the members with room (+inf if none). */
  double lowestStanding() {
    return lowF;
  }

  /**
   * The member with the lowest standing, or -1. Over the whole set, the first in roster order on a
   * tie; among some members, any of the tied ones (the band without it is then the same band).
   */
  int mostDue() {
    return lowArg;
  }

  /** The second-lowest standing (equal to the lowest if two members share it; +inf if none). */
  double secondStanding() {
    return secondLowF;
  }

  /** Members as a bit per position in {@link #reps}, from the positions of a class's reps. */
  long[] members(int[] positions) {
    long[] bits = new long[(reps.length + 63) >>> 6];
    for (int i : positions) {
      bits[i >>> 6] |= 1L << i;
    }
    return bits;
  }

  /**
   * Offers to {@code out} every rep with room whose standing is at most {@code bound} and which
   * could enter the top two, with its score delta from the kernel ({@link
   * io.fairlead.core.internal.Loads#softDelta}). Nodes and reps are passed over by a lower bound of
   * that delta: the lead's own costs ({@code base}) plus the least count-and-tier delta plus the
   * least value delta below the node.
   *
   * @param moved whether the lead has an owner (who is never in the search: every rep here would
   *     take it away)
   * @param preference the class's preference cost per position in {@link #reps}, or null if all are
   *     0
   * @param members the class's reps, a bit per position in {@link #reps}, or null if they are the
   *     whole set
   */
  void best(
      double bound,
      boolean moved,
      int tier,
      long units,
      long[] preference,
      long[] members,
      Top2 out) {
    long base = (moved ? core.loads.continuity() : 0) - core.loads.unassignedTier(tier);
    double valueScale = core.loads.valueCoef / ((double) Scoring.VALUE_UNIT * Scoring.VALUE_UNIT);
    // A rep's computed value delta is two rounded penalties: at most 1 below the exact difference
    // for the rounding, plus the floating-point error of the penalties, a few ulps of the largest.
    double largest =
        valueScale * Math.pow((double) core.loads.maxUnits() + units, 2) / core.minWeight();
    double slack = 2 + 1e-13 * largest;
    search(1, bound, base, base - slack, moved, tier, units, valueScale, preference, members, out);
  }

  private double lowerBound(int node, double floor, int tier, long units, double valueScale) {
    double u = units;
    return floor
        + minStock[node * tiers + tier]
        + valueScale * (2 * u * minValuePerWeight[node] + u * u * minInverseWeight[node]);
  }

  private void search(
      int node,
      double bound,
      long base,
      double floor,
      boolean moved,
      int tier,
      long units,
      double valueScale,
      long[] preference,
      long[] members,
      Top2 out) {
    if (node >= leaves) {
      scan(
          node - leaves,
          bound,
          base,
          floor,
          moved,
          tier,
          units,
          valueScale,
          preference,
          members,
          out);
      return;
    }
    int a = 2 * node;
    int b = a + 1;
    double la = open(a, bound) ? lowerBound(a, floor, tier, units, valueScale) : INF;
    double lb = open(b, bound) ? lowerBound(b, floor, tier, units, valueScale) : INF;
    int first = lb < la ? b : a;
    int second = first == a ? b : a;
    double firstBound = Math.min(la, lb);
    double secondBound = Math.max(la, lb);
    if (firstBound != INF && firstBound <= out.bar()) {
      search(first, bound, base, floor, moved, tier, units, valueScale, preference, members, out);
    }
    if (secondBound != INF && secondBound <= out.bar()) {
      search(second, bound, base, floor, moved, tier, units, valueScale, preference, members, out);
    }
  }

  /** Whether some rep below the node has room and a standing within the bound. */
  private boolean open(int node, double bound) {
    double f = minF[node];
    return f != INF && f <= bound;
  }

  private void scan(
      int block,
      double bound,
      long base,
      double floor,
      boolean moved,
      int tier,
      long units,
      double valueScale,
      long[] preference,
      long[] members,
      Top2 out) {
    int from = block * BLOCK;
    int to = Math.min(reps.length, from + BLOCK);
    double[] fNew = core.fNew;
    long[] stock = core.loads.stock;
    double u = units;
    for (int s = from; s < to; s++) {
      int i = order[s];
      int r = reps[i];
      double f = fNew[r];
      if (f == INF
          || f > bound
          || r == withheld
          || (members != null && (members[i >>> 6] & (1L << i)) == 0)) {
        continue;
      }
      long pref = preference == null ? 0 : preference[i];
      long partial = base + stock[r * tiers + tier] + pref;
      // The same bound as a node's, for one rep: most reps are ruled out without the exact value
      // delta (a division and two roundings).
      double lower =
          floor
              - base
              + partial
              + valueScale
                  * u
                  * (2 * core.loads.valuePerWeight[r] + u * core.loads.inverseWeight[r]);
      if (lower > out.bar()) {
        continue;
      }
      out.offer(r, core.loads.softDelta(r, tier, units, pref, moved, true), f, core.lastSeq[r]);
    }
  }

  /** The two best candidates by (score delta, standing, last lead, roster order). */
  static final class Top2 {
    int r1;
    int r2;
    long c1;
    long c2;
    double f1;
    double f2;
    long s1;
    long s2;

    void reset() {
      r1 = -1;
      r2 = -1;
    }

    /** The cost a candidate must not exceed to have a chance of entering the top two. */
    long bar() {
      return r2 < 0 ? Long.MAX_VALUE : c2;
    }

    void offer(int r, long c, double f, long s) {
      if (r1 < 0 || better(r, c, f, s, r1, c1, f1, s1)) {
        r2 = r1;
        c2 = c1;
        f2 = f1;
        s2 = s1;
        r1 = r;
        c1 = c;
        f1 = f;
        s1 = s;
      } else if (r2 < 0 || better(r, c, f, s, r2, c2, f2, s2)) {
        r2 = r;
        c2 = c;
        f2 = f;
        s2 = s;
      }
    }

    private static boolean better(
        int r, long c, double f, long s, int br, long bc, double bf, long bs) {
      if (c != bc) {
        return c < bc;
      }
      if (f != bf) {
        return f < bf;
      }
      if (s != bs) {
        return s < bs;
      }
      return r < br;
    }
  }
}
