package io.fairlead.core.rebalance;

import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.Loads;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebalancing run: repairs, then greedy moves, then chains, over the per-rep kernel.
 *
 * <p>State: an {@link Assignment} of the view (every lead with its owner at the start), and per rep
 * the handovers it gave and took. A move is one handover: a lead a step moved may be moved on by a
 * later step (that is what reaches the count optimum when an early move blocks it), and each
 * handover counts against the budgets. Every move is priced by the kernel's one soft delta ({@link
 * Loads#softDelta}): the cost of giving the lead to the receiver, less what taking it from its
 * holder saves (the cost of putting it back once taken away). The view's policy gives continuity no
 * weight, so this is the change of the balance objectives and preferences the policy sets, whatever
 * they are.
 *
 * <ol>
 *   <li><b>Repairs.</b> Movable leads of reps over their capacity, in the order of {@link
 *       ProblemIndex#compareLeaving} (least valuable, least recently touched), each to the eligible
 *       rep with room where it costs least, while its owner is still over; then leads whose owner
 *       may no longer hold them, in the same order. Each lowers the hard score.
 *   <li><b>Moves.</b> A lazy greedy: every movable lead with the gain of its best move in a
 *       priority queue; the top is priced again when popped and made if it is still the best.
 *       Pricing a lead notes its {@value #K} cheapest receivers and the next cost, so that pricing
 *       it again is mostly a few kernel calls: the other receivers have only taken leads since
 *       (each costs more now) unless one gave a lead away. When the queue runs dry, the leads whose
 *       gain can have grown since they were last priced (held by a rep that took a lead, or
 *       eligible for a rep that gave one) are priced in full again, which also catches those.
 *   <li><b>Chains.</b> When no single move helps: the improving paths of the count certificate.
 *       Donors in decreasing order of the cost of their last lead {@code (2n − 1)/w} search, by
 *       breadth first over reps and the eligible sets of the leads they hold, for the reachable rep
 *       with room whose next lead costs least {@code (2n + 1)/w}; if the donor's cost is higher,
 *       the shortest such chain is priced by the kernel, each rep in between passing on a lead like
 *       the one it takes, and made if the book gets fairer.
 * </ol>
 *
 * <p>Rounds of 2 and 3 (and repairs that moves made possible) repeat until one changes nothing, or
 * until a round lowers the soft score by less than {@link #SETTLED} of it without repairing
 * anything (the tail of value-balancing moves that each round uncovers is worth parts per million).
 * The total budget only ever stops the run: a step that does not fit ends it, so a smaller budget's
 * moves are a prefix of a larger one's. Not thread-safe; one instance runs once.
 */
final class Engine {

  /** What a run did: its moves in order, and after how many the count optimum was first held. */
  record Run(List<Move> moves, int movesToCountOptimum) {}

  /** Receivers noted per lead. */
  static final int K = 8;

  private final BookView view;
  private final ProblemIndex index;
  private final Assignment book;
  private final Loads loads;
  private final int maxMoves;
  private final int perRep;
  private final Wording words;

  /** The step that last moved each lead, 0 if none. */
  private final int[] movedIn;

  private final int[] taken;
  private final int[] given;
  private final List<Move> moves = new ArrayList<>();
  private int step;
  private boolean stopped;

  // Per rep: room for a new lead (kept by the kernel's change listener); a version, bumped when it
  // gives or takes; whether it gave or took since the last pricing round.
  private final boolean[] room;
  private final int[] version;
  private final boolean[] gave;
  private final boolean[] took;

  // Per lead, what its last pricing found: what removing it saves (and its holder's version then),
  // its K cheapest receivers with their add costs and versions (lead * K + k, cheapest first, -1
  // past the last), the add cost of the next receiver, and the gain (with the saving it used).
  private final long[] pricedRemoval;
  private final int[] pricedHolderVersion;
  private final int[] pricedReps;
  private final long[] pricedCosts;
  private final int[] pricedVersions;
  private final long[] pricedBound;
  private final long[] pricedGain;
  private final long[] pricedGainRemoval;

  // Eligible sets ("pools", by content) of the free leads; each pool's reps; the pools each rep is
  // in; the free leads each rep holds now, by pool; preference mismatches per eligible array.
  private final int[] poolOf;
  private final int[][] poolReps;
  private final int[][] poolLeads;
  private final int[][] repInPools;
  private final List<Map<Integer, List<Integer>>> repPools;
  private final Map<int[], byte[]> mismatches = new IdentityHashMap<>();

  // Tracking the count term for the curve.
  private final double countOptimum;
  private double countTerm;
  private int reachedAt = -1;
  private final double settled;

  private GainHeap heap;

  private Engine(
      BookView view,
      FairnessMetrics before,
      int maxMoves,
      int perRep,
      double countOptimum,
      double settled) {
    this.view = view;
    this.index = view.index;
    int n = index.leadCount();
    int reps = index.repCount();
    int[] owners = new int[n];
    for (int i = 0; i < n; i++) {
      owners[i] = index.owner(i);
    }
    this.book = Assignment.of(index, owners);
    this.loads = book.loads();
    this.maxMoves = maxMoves;
    this.perRep = perRep;
    this.words = new Wording(index, loads, before, view.touched);
    this.movedIn = new int[n];
    this.taken = new int[reps];
    this.given = new int[reps];
    this.room = new boolean[reps];
    this.version = new int[reps];
    this.gave = new boolean[reps];
    this.took = new boolean[reps];
    for (int r = 0; r < reps; r++) {
      room[r] = loads.hasRoom(r, true);
    }
    loads.onChange(r -> room[r] = loads.hasRoom(r, true));
    this.pricedRemoval = new long[n];
    this.pricedHolderVersion = new int[n];
    Arrays.fill(pricedHolderVersion, -1);
    this.pricedReps = new int[n * K];
    Arrays.fill(pricedReps, -1);
    this.pricedCosts = new long[n * K];
    this.pricedVersions = new int[n * K];
    this.pricedBound = new long[n];
    this.pricedGain = new long[n];
    this.pricedGainRemoval = new long[n];

    CountFlow.PoolKeys keys = new CountFlow.PoolKeys();
    poolOf = new int[n];
    Arrays.fill(poolOf, -1);
    List<int[]> pools = new ArrayList<>();
    List<List<Integer>> leadsOf = new ArrayList<>();
    repPools = new ArrayList<>(reps);
    for (int r = 0; r < reps; r++) {
      repPools.add(new LinkedHashMap<>());
    }
    for (int i = 0; i < n; i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        continue;
      }
      int p = keys.of(index.eligible(i));
      if (p == pools.size()) {
        pools.add(index.eligible(i));
        leadsOf.add(new ArrayList<>());
      }
      poolOf[i] = p;
      leadsOf.get(p).add(i);
      repPools.get(owners[i]).computeIfAbsent(p, k -> new ArrayList<>()).add(i);
    }
    poolReps = pools.toArray(int[][]::new);
    poolLeads = new int[poolReps.length][];
    int[] memberships = new int[reps];
    for (int p = 0; p < poolReps.length; p++) {
      poolLeads[p] = leadsOf.get(p).stream().mapToInt(Integer::intValue).toArray();
      for (int r : poolReps[p]) {
        memberships[r]++;
      }
    }
    repInPools = new int[reps][];
    for (int r = 0; r < reps; r++) {
      repInPools[r] = new int[memberships[r]];
      memberships[r] = 0;
    }
    for (int p = 0; p < poolReps.length; p++) {
      for (int r : poolReps[p]) {
        repInPools[r][memberships[r]++] = p;
      }
    }

    this.countOptimum = countOptimum;
    this.settled = settled;
    for (int r = 0; r < reps; r++) {
      countTerm += (double) loads.held(r) * loads.held(r) / index.weight(r);
    }
    checkCountOptimum();
  }

  /**
   * Runs the rebalancer on a view, noting after how many moves the count term first equals {@code
   * countOptimum} (NaN: not tracked).
   *
   * @param before the metrics of the view's book as it is (the fair shares the reasons quote)
   */
  static Run run(
      BookView view, FairnessMetrics before, int maxMoves, int perRep, double countOptimum) {
    return run(view, before, maxMoves, perRep, countOptimum, SETTLED);
  }

  /**
   * As {@link #run(BookView, FairnessMetrics, int, int, double)}, with another threshold for
   * settling ({@code 0}: rounds repeat until one changes nothing).
   */
  static Run run(
      BookView view,
      FairnessMetrics before,
      int maxMoves,
      int perRep,
      double countOptimum,
      double settled) {
    Engine e = new Engine(view, before, maxMoves, perRep, countOptimum, settled);
    e.go();
    return new Run(List.copyOf(e.moves), e.reachedAt);
  }

  /**
   * The assignment after the first moves of a run that fit a budget (whole steps only): lead id to
   * rep id, the view's owners otherwise.
   */
  static Map<LeadId, RepId> after(BookView view, List<Move> moves, int budget) {
    Map<LeadId, RepId> out = new LinkedHashMap<>(view.owners());
    for (Move m : prefix(moves, budget)) {
      out.put(m.lead(), m.to());
    }
    return out;
  }

  /** The moves of the steps that fit a budget, from the first. */
  static List<Move> prefix(List<Move> moves, int budget) {
    int end = 0;
    int k = 0;
    while (k < moves.size()) {
      int s = moves.get(k).step();
      int j = k;
      while (j < moves.size() && moves.get(j).step() == s) {
        j++;
      }
      if (j > budget) {
        break;
      }
      end = j;
      k = j;
    }
    return moves.subList(0, end);
  }

  /**
   * A pricing round after the first that makes the score fall by less than this part of it ends the
   * run: what is left is noise to a manager, and each round prices every lead.
   */
  static final double SETTLED = 1e-5;

  private void go() {
    repairs();
    long soft = book.score().soft();
    boolean first = true;
    while (!stopped) {
      int start = moves.size();
      long hard = book.score().hard();
      boolean any = direct(first);
      if (!stopped) {
        any |= repairs();
      }
      if (!stopped) {
        any |= chains();
      }
      long gain = 0;
      for (Move m : moves.subList(start, moves.size())) {
        gain += m.gain();
      }
      boolean done = !first && book.score().hard() == hard && gain < settled * soft;
      soft -= gain;
      first = false;
      if (!any || done) {
        break;
      }
    }
  }

  // ------------------------------------------------------------------------------------- moves

  /** Whether the lead may move now: free, and its holder's budget not spent. */
  private boolean movable(int i) {
    return index.pin(i) == ProblemIndex.Pin.FREE && taken[book.repOf(i)] < perRep;
  }

  /** Whether rep {@code b} may take the lead now (as new to it, unless it is the owner). */
  private boolean canTake(int i, int b) {
    return b != book.repOf(i) && given[b] < perRep && hasRoom(i, b);
  }

  private boolean hasRoom(int i, int b) {
    return b == index.owner(i) ? loads.hasRoom(b, false) : room[b];
  }

  /** The preference mismatches of the lead with each of its eligible reps, in their order. */
  private byte[] mismatches(int i) {
    int[] e = index.eligible(i);
    byte[] m = mismatches.get(e);
    if (m == null) {
      // Leads that share an eligible array share region, industry, size band, tier and kind, so
      // they have the same mismatches (the index gives leads with custom rules arrays of their
      // own).
      m = new byte[e.length];
      for (int j = 0; j < e.length; j++) {
        m[j] = (byte) index.preferenceMismatches(i, e[j]);
      }
      mismatches.put(e, m);
    }
    return m;
  }

  /** The kernel's cost of giving the lead, taken from its holder, to rep {@code b}. */
  private long addCost(int i, int b, int mismatches) {
    return loads.softDelta(
        b,
        index.tierRank(i),
        index.valueUnits(i),
        loads.preferenceCost(mismatches),
        index.isNew(i, b),
        index.isNew(i, b));
  }

  /** What taking the lead from its holder saves: the cost of putting it back once taken away. */
  private long removalGain(int i) {
    int a = book.repOf(i);
    book.unassign(i);
    long g = book.softDeltaAssign(i, a);
    book.assign(i, a);
    return g;
  }

  /**
   * The eligible rep with room where the lead costs least, and the gain of moving it there: every
   * eligible rep priced by the kernel. Notes the {@link #K} cheapest and the next cost for {@link
   * #priced}.
   */
  private Candidate best(int i) {
    int base = i * K;
    Arrays.fill(pricedReps, base, base + K, -1);
    long bound = Long.MAX_VALUE;
    int kept = 0;
    int[] e = index.eligible(i);
    byte[] m = mismatches(i);
    int holder = book.repOf(i);
    int owner = index.owner(i);
    int tier = index.tierRank(i);
    long units = index.valueUnits(i);
    for (int j = 0; j < e.length; j++) {
      int b = e[j];
      if (b == holder || given[b] >= perRep || !(b == owner ? hasRoom(i, b) : room[b])) {
        continue;
      }
      long c = loads.softDelta(b, tier, units, loads.preferenceCost(m[j]), b != owner, b != owner);
      if (kept == K) {
        if (c >= pricedCosts[base + K - 1]) {
          bound = Math.min(bound, c);
          continue;
        }
        bound = Math.min(bound, pricedCosts[base + K - 1]);
        kept--;
      }
      int k = kept++;
      while (k > 0 && pricedCosts[base + k - 1] > c) {
        pricedReps[base + k] = pricedReps[base + k - 1];
        pricedCosts[base + k] = pricedCosts[base + k - 1];
        k--;
      }
      pricedReps[base + k] = b;
      pricedCosts[base + k] = c;
    }
    pricedBound[i] = bound;
    if (kept == 0) {
      return null;
    }
    for (int k = 0; k < kept; k++) {
      pricedVersions[base + k] = version[pricedReps[base + k]];
    }
    return noted(i, pricedReps[base], pricedCosts[base]);
  }

  /** Notes and returns the lead's best move: to rep {@code b} at add cost {@code cost}. */
  private Candidate noted(int i, int b, long cost) {
    long removal = removal(i);
    pricedGain[i] = removal - cost;
    pricedGainRemoval[i] = removal;
    return new Candidate(b, pricedGain[i]);
  }

  /** What removing the lead saves, priced again only if its holder gave or took since. */
  private long removal(int i) {
    int a = book.repOf(i);
    if (pricedHolderVersion[i] != version[a]) {
      pricedRemoval[i] = removalGain(i);
      pricedHolderVersion[i] = version[a];
    }
    return pricedRemoval[i];
  }

  /**
   * The lead's best move from what its last pricing noted: the reps it did not note have since only
   * taken leads (each costs more now), unless one gave a lead away, which the next pricing round
   * catches. So if a noted rep still costs no more than the next one did, the cheapest noted rep is
   * the best; otherwise every eligible rep is priced anew.
   */
  private Candidate priced(int i) {
    int base = i * K;
    if (pricedReps[base] < 0) {
      return best(i);
    }
    int cheapest = -1;
    for (int k = 0; k < K; k++) {
      int b = pricedReps[base + k];
      if (b < 0) {
        break;
      }
      if (pricedVersions[base + k] != version[b]) {
        pricedCosts[base + k] = canTake(i, b) ? addCost(i, b, mismatch(i, b)) : Long.MAX_VALUE;
        pricedVersions[base + k] = version[b];
      }
      long c = pricedCosts[base + k];
      long best = cheapest < 0 ? Long.MAX_VALUE : pricedCosts[base + cheapest];
      if (cheapest < 0 || c < best || (c == best && b < pricedReps[base + cheapest])) {
        cheapest = k; // ties go to the first rep on the roster, as in a full pricing
      }
    }
    long cost = pricedCosts[base + cheapest];
    if (cost == Long.MAX_VALUE || cost > pricedBound[i]) {
      return best(i);
    }
    return noted(i, pricedReps[base + cheapest], cost);
  }

  private int mismatch(int i, int b) {
    return mismatches(i)[Arrays.binarySearch(index.eligible(i), b)];
  }

  private record Candidate(int rep, long gain) {}

  private boolean fits(int count) {
    return (long) moves.size() + count <= maxMoves;
  }

  /**
   * Moves one lead and records it as part of the current step; the reason is {@code why} (the
   * figures before the step) and what the move gains.
   */
  private void move(int i, int to, Move.Kind kind, String why, boolean inChain) {
    int from = book.repOf(i);
    Map<String, Long> before = book.contributions(i);
    book.unassign(i);
    book.assign(i, to);
    Map<String, Long> after = book.contributions(i);
    Map<String, Long> gains = new LinkedHashMap<>();
    before.forEach((o, c) -> gains.put(o, c - after.getOrDefault(o, 0L)));
    movedIn[i] = step;
    // Its notes were made at its old holder: price it afresh next time.
    pricedReps[i * K] = -1;
    pricedHolderVersion[i] = -1;
    taken[from]++;
    given[to]++;
    version[from]++;
    version[to]++;
    gave[from] = true;
    took[to] = true;
    words.moved(i, from, to);
    countTerm +=
        (2.0 * loads.held(to) - 1) / index.weight(to)
            - (2.0 * loads.held(from) + 1) / index.weight(from);
    repPools.get(from).get(poolOf[i]).remove(Integer.valueOf(i));
    repPools.get(to).computeIfAbsent(poolOf[i], k -> new ArrayList<>()).add(i);
    if (heap != null && taken[to] < perRep) {
      // The receiver holds one more lead: each of its own may be worth moving now. An upper bound
      // of the gain (the last gain, plus what removing it saves more) goes in the queue; the pop
      // prices it.
      for (List<Integer> pool : repPools.get(to).values()) {
        for (int j : pool) {
          if (pricedReps[j * K] >= 0) {
            long estimate = pricedGain[j] + removal(j) - pricedGainRemoval[j];
            if (estimate > 0) {
              heap.push(estimate, j);
            }
          }
        }
      }
    }
    moves.add(
        new Move(
            step,
            index.lead(i).id(),
            index.rep(from).id(),
            index.rep(to).id(),
            kind,
            why + " " + words.gains(gains, inChain),
            gains));
  }

  private void finishStep() {
    if (reachedAt >= 0 || Double.isNaN(countOptimum)) {
      return;
    }
    checkCountOptimum();
  }

  private void checkCountOptimum() {
    if (reachedAt >= 0 || Double.isNaN(countOptimum)) {
      return;
    }
    double tolerance = 1e-9 * Math.max(1, countOptimum);
    if (Math.abs(countTerm - countOptimum) > 1e3 * tolerance) {
      return;
    }
    double exact = 0;
    for (int r = 0; r < index.repCount(); r++) {
      exact += (double) loads.held(r) * loads.held(r) / index.weight(r);
    }
    countTerm = exact;
    // The book must also keep every rule an allocation can keep: a book over a capacity may have
    // the optimum's count term before its excess moves.
    if (Math.abs(exact - countOptimum) <= tolerance
        && CountFlow.firstAvoidableViolation(index, book.reps()) == null) {
      reachedAt = moves.size();
    }
  }

  // ----------------------------------------------------------------------------------- repairs

  /** Moves excess over capacities, then leads held against a rule. */
  private boolean repairs() {
    boolean applied = false;
    int n = index.leadCount();
    List<Integer> over = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (movable(i) && loads.capacityOverflow(book.repOf(i)) > 0) {
        over.add(i);
      }
    }
    applied |= repair(over, Move.Kind.CAPACITY);
    List<Integer> broken = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!stopped && movable(i) && !index.allows(i, book.repOf(i))) {
        broken.add(i);
      }
    }
    applied |= repair(broken, Move.Kind.RULE);
    return applied;
  }

  private boolean repair(List<Integer> leads, Move.Kind kind) {
    boolean applied = false;
    leads.sort((x, y) -> index.compareLeaving(x, y, view.touched));
    for (int i : leads) {
      if (stopped) {
        break;
      }
      if (!movable(i)) {
        continue;
      }
      int a = book.repOf(i);
      if (kind == Move.Kind.CAPACITY && loads.capacityOverflow(a) == 0) {
        continue;
      }
      Candidate c = best(i);
      if (c == null) {
        continue;
      }
      if (!fits(1)) {
        stopped = true;
        break;
      }
      step++;
      String reason =
          kind == Move.Kind.CAPACITY
              ? words.overCapacity(i, a, c.rep())
              : words.ruleBroken(i, a, c.rep());
      move(i, c.rep(), kind, reason, false);
      finishStep();
      applied = true;
    }
    return applied;
  }

  // ---------------------------------------------------------------------------- direct moves

  /**
   * Prices the leads whose gain can have grown since they were last priced (all of them the first
   * time), then makes the best moves while any helps.
   */
  private boolean direct(boolean all) {
    heap = new GainHeap();
    int n = index.leadCount();
    boolean[] due = new boolean[n];
    if (all) {
      Arrays.fill(due, true);
    } else {
      boolean[] poolDue = new boolean[poolReps.length];
      for (int r = 0; r < index.repCount(); r++) {
        if (gave[r]) {
          for (int p : repInPools[r]) {
            poolDue[p] = true;
          }
        }
        if (took[r]) {
          for (List<Integer> pool : repPools.get(r).values()) {
            pool.forEach(i -> due[i] = true);
          }
        }
      }
      for (int p = 0; p < poolReps.length; p++) {
        if (poolDue[p]) {
          for (int i : poolLeads[p]) {
            due[i] = true;
          }
        }
      }
    }
    Arrays.fill(gave, false);
    Arrays.fill(took, false);
    for (int i = 0; i < n; i++) {
      if (due[i] && movable(i)) {
        Candidate c = best(i);
        if (c != null && c.gain() > 0) {
          heap.push(c.gain(), i);
        }
      }
    }
    boolean applied = false;
    while (!heap.isEmpty()) {
      int i = heap.pop();
      if (!movable(i)) {
        continue;
      }
      Candidate c = priced(i);
      if (c == null || c.gain() <= 0) {
        continue;
      }
      if (!heap.isEmpty() && heap.topBeats(c.gain(), i)) {
        heap.push(c.gain(), i);
        continue;
      }
      if (!fits(1)) {
        stopped = true;
        break;
      }
      step++;
      int a = book.repOf(i);
      move(i, c.rep(), Move.Kind.BALANCE, words.balance(i, a, c.rep(), movedIn[i]), false);
      finishStep();
      applied = true;
    }
    heap = null;
    return applied;
  }

  /**
   * A max-heap of (gain, lead): the largest gain first; on a tie, the lead that would leave its
   * owner first ({@link ProblemIndex#compareLeaving}: least valuable, least recently touched).
   */
  private final class GainHeap {
    private long[] keys = new long[64];
    private int[] leads = new int[64];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    /** Whether the top comes strictly before (key, lead) (a lead never before itself). */
    boolean topBeats(long key, int lead) {
      return above(keys[0], leads[0], key, lead);
    }

    private boolean above(long k1, int l1, long k2, int l2) {
      return k1 > k2 || (k1 == k2 && index.compareLeaving(l1, l2, view.touched) < 0);
    }

    void push(long key, int lead) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, 2 * size);
        leads = Arrays.copyOf(leads, 2 * size);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) / 2;
        if (!above(key, lead, keys[p], leads[p])) {
          break;
        }
        keys[i] = keys[p];
        leads[i] = leads[p];
        i = p;
      }
      keys[i] = key;
      leads[i] = lead;
    }

    int pop() {
      int top = leads[0];
      size--;
      long key = keys[size];
      int lead = leads[size];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && above(keys[c + 1], leads[c + 1], keys[c], leads[c])) {
          c++;
        }
        if (!above(keys[c], leads[c], key, lead)) {
          break;
        }
        keys[i] = keys[c];
        leads[i] = leads[c];
        i = c;
      }
      keys[i] = key;
      leads[i] = lead;
      return top;
    }
  }

  // ---------------------------------------------------------------------------------- chains

  /** Finds and makes improving chains until none is left. */
  private boolean chains() {
    boolean applied = false;
    while (!stopped && chain()) {
      applied = true;
    }
    return applied;
  }

  private double out(int r) {
    return (2.0 * loads.held(r) - 1) / index.weight(r);
  }

  private double in(int r) {
    return (2.0 * loads.held(r) + 1) / index.weight(r);
  }

  private boolean holdsMovable(int r) {
    for (List<Integer> l : repPools.get(r).values()) {
      if (!l.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Searches donors in order for one improving chain; makes it and returns true if found. */
  private boolean chain() {
    int reps = index.repCount();
    List<Integer> donors = new ArrayList<>();
    double[] cost = new double[reps];
    for (int r = 0; r < reps; r++) {
      cost[r] = out(r);
      if (taken[r] < perRep && loads.held(r) > 0 && holdsMovable(r)) {
        donors.add(r);
      }
    }
    donors.sort(
        Comparator.comparingDouble((Integer r) -> -cost[r]).thenComparingInt(Integer::intValue));
    // Reps seen from an earlier donor are not searched again: anything they reach was weighed
    // against a donor whose last lead costs at least as much.
    boolean[] seen = new boolean[reps];
    int[] parent = new int[reps];
    int[] parentPool = new int[reps];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int a : donors) {
      if (seen[a]) {
        continue;
      }
      seen[a] = true;
      queue.clear();
      queue.add(a);
      int end = -1;
      while (!queue.isEmpty()) {
        int x = queue.poll();
        for (Map.Entry<Integer, List<Integer>> e : repPools.get(x).entrySet()) {
          if (e.getValue().isEmpty()) {
            continue;
          }
          int p = e.getKey();
          for (int y : poolReps[p]) {
            if (seen[y]) {
              continue;
            }
            seen[y] = true;
            parent[y] = x;
            parentPool[y] = p;
            if (given[y] >= perRep) {
              continue;
            }
            if (room[y] && (end < 0 || in(y) < in(end))) {
              end = y;
            }
            if (taken[y] < perRep
                && loads.received(y) + 1L <= index.newLeadCap(y)
                && holdsMovable(y)) {
              queue.add(y);
            }
          }
        }
      }
      if (end >= 0
          && out(a) - in(end) > 1e-12 * Math.max(1, Math.abs(out(a)))
          && tryChain(a, end, parent, parentPool)) {
        return true;
      }
    }
    return false;
  }

  /** Tries the chain from {@code a} to {@code end} along the parents; makes it if it helps. */
  private boolean tryChain(int a, int end, int[] parent, int[] parentPool) {
    List<Integer> path = new ArrayList<>();
    List<Integer> pools = new ArrayList<>();
    for (int y = end; y != a; y = parent[y]) {
      path.add(y);
      pools.add(parentPool[y]);
    }
    path.add(a);
    Collections.reverse(path);
    Collections.reverse(pools);
    int hops = pools.size();
    // The lead each rep passes on: the donor's with the largest saving, then one like the lead
    // the rep in between takes (same tier, closest value), so its own book barely changes.
    int[] lead = new int[hops];
    for (int j = 0; j < hops; j++) {
      List<Integer> candidates = repPools.get(path.get(j)).get(pools.get(j));
      int chosen = -1;
      if (j == 0) {
        long bestGain = Long.MIN_VALUE;
        for (int i : candidates) {
          long g = removalGain(i);
          if (g > bestGain) {
            bestGain = g;
            chosen = i;
          }
        }
      } else {
        int prev = lead[j - 1];
        long bestDistance = Long.MAX_VALUE;
        for (int i : candidates) {
          long d =
              Math.abs(index.valueUnits(i) - index.valueUnits(prev))
                  + (index.tierRank(i) == index.tierRank(prev) ? 0 : Long.MAX_VALUE / 4);
          if (d < bestDistance) {
            bestDistance = d;
            chosen = i;
          }
        }
      }
      lead[j] = chosen;
    }
    // Price it exactly: the hops in reverse order (each rep gives before it takes, so no one
    // passes a capacity on the way), each by the kernel in the state the earlier hops left.
    long delta = 0;
    for (int j = hops - 1; j >= 0; j--) {
      int i = lead[j];
      int from = path.get(j);
      int to = path.get(j + 1);
      book.unassign(i);
      delta += book.softDeltaAssign(i, to) - book.softDeltaAssign(i, from);
      book.assign(i, to);
    }
    for (int j = 0; j < hops; j++) {
      book.unassign(lead[j]);
      book.assign(lead[j], path.get(j));
    }
    if (delta >= 0) {
      return false;
    }
    if (!fits(hops)) {
      stopped = true;
      return false;
    }
    step++;
    List<String> names = new ArrayList<>();
    for (int r : path) {
      names.add(index.rep(r).id().value());
    }
    String why = words.chain(a, end, names, -delta);
    for (int j = hops - 1; j >= 0; j--) {
      move(lead[j], path.get(j + 1), Move.Kind.BALANCE, why, true);
    }
    finishStep();
    return true;
  }
}
