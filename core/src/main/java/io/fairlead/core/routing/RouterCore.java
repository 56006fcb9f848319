package io.fairlead.core.routing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.ImmutableIntArray;
import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Alternative;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Problem;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Reasons;
import io.fairlead.core.internal.Rules;
import io.fairlead.core.internal.Scoring;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The router's state and decision procedure, without locking ({@link LeadRouter} holds the lock).
 *
 * <p>Everything a decision reads is in arrays indexed by rep (roster order), and the terms of the
 * score delta that do not depend on the incoming lead's value are cached per rep and refreshed when
 * that rep's aggregates change. Eligibility (and the preference cost) is cached per class of
 * interchangeable leads: same region, industry, size band, tier and kind. The eligible reps of a
 * class sit in a {@link CandidateTree} (usually their territory's, shared by every class of leads
 * there), which finds the due band and the two best due reps while visiting few of them; every
 * refresh of a rep is logged so that the trees catch up lazily.
 */
final class RouterCore {

  private static final double INF = Double.POSITIVE_INFINITY;

  /** Capacity of the log of changed reps that the candidate trees replay (a power of two). */
  static final int CHANGE_LOG = 1 << 14;

  static final long VALUE_UNIT = ProblemIndex.VALUE_UNIT;

  /** Bound on cached lead classes (a host sending free-text regions must not grow it forever). */
  private static final int MAX_CLASSES = 50_000;

  final Policy policy;
  final double meanValue;
  final CatchUp catchUp;
  final double tolerance;
  final int tierCount;
  private final Tier[] tierOf;
  final double valueCoef;
  private final long continuity;
  private final long[] unassignedTier;
  private final boolean customRules;

  // Roster.
  int n;
  Rep[] reps;
  double[] weight;
  final Map<RepId, Integer> repIndex = new HashMap<>();

  // Book aggregates.
  int[] leads;
  long[] value;
  int[] tierLeads; // [rep * tierCount + tier]

  // Ledger of the current period.
  int[] received;
  long[] receivedValue;
  double[] credit;
  long[] lastSeq;
  int period = 1;
  long seq;

  // Per-rep terms cached for the hot path (see refresh).
  long[] stockDelta; // [rep * tierCount + tier]: count + tier balance delta of one more lead
  private long[] valueTerm;
  double[] fNew; // standing after one more new lead, or +inf if no room for one
  double[] valuePerWeight; // value units / weight
  double[] inverseWeight; // 1 / weight

  // Every rep whose numbers changed, in order (a ring), for the candidate trees to catch up.
  private final int[] changeLog = new int[CHANGE_LOG];
  private long changes;
  // Bounds for the rounding slack of the trees' value bound: no rep's value sum has exceeded
  // maxValue, and no rep on the roster weighs less than minWeight.
  private long maxValue;
  private double minWeight;
  // Each rep's weight as a rank among the roster's distinct weights (the trees' order).
  int[] weightRank;
  int weightRanks;

  final LinkedHashMap<LeadId, Held> book = new LinkedHashMap<>();

  private int[] sizeCuts;
  private final HashMap<ClassKey, Eligibility> classes = new HashMap<>();
  private final HashMap<ImmutableIntArray, CandidateTree> trees = new HashMap<>(); // by rep set

  // Scratch for the selection, reused under the router's lock.
  private final CandidateTree.Top2 due = new CandidateTree.Top2();
  private final CandidateTree.Top2 wide = new CandidateTree.Top2();

  /** A lead in the book: who holds it, and the numbers it added to that rep's aggregates. */
  record Held(Lead lead, int rep, int tier, long units, Status status) {}

  private record ClassKey(String region, String industry, int band, int tier, LeadKind kind) {}

  /**
   * The reps a class of leads may go to (ascending), the candidate tree that holds them (their own,
   * or their territory's, shared with the territory's other classes) and each one's preference cost
   * by its position in the tree's set; for a class that no rep may take, the reason (computed once,
   * on first need).
   */
  private static final class Eligibility {
    final int[] reps;
    final CandidateTree tree;

    /** The eligible reps, a bit per position in the tree's set, or null if they are all of it. */
    final long[] members;

    /** Per position in the tree's set, or null when every eligible rep's preference cost is 0. */
    final long[] preference;

    UnassignedReason noEligibleRep;

    /**
     * @param positions where each eligible rep stands in {@code tree.reps}
     * @param preference each eligible rep's preference cost
     */
    Eligibility(int[] reps, CandidateTree tree, int[] positions, long[] preference) {
      this.reps = reps;
      this.tree = tree;
      this.members = reps.length == tree.reps.length ? null : tree.members(positions);
      boolean any = false;
      for (long p : preference) {
        any |= p != 0;
      }
      if (any) {
        long[] byPosition = new long[tree.reps.length];
        for (int i = 0; i < preference.length; i++) {
          byPosition[positions[i]] = preference[i];
        }
        this.preference = byPosition;
      } else {
        this.preference = null;
      }
    }
  }

  RouterCore(Policy policy, double meanValue, CatchUp catchUp, double tolerance, List<Rep> roster) {
    this.policy = policy;
    this.meanValue = meanValue;
    this.catchUp = catchUp;
    this.tolerance = tolerance;
    this.tierCount = policy.tiers().size();
    this.tierOf = policy.tiers().tiers().toArray(Tier[]::new);
    this.valueCoef = Scoring.SCALE * policy.weight(Objective.VALUE);
    this.continuity = Scoring.continuityPenalty(policy);
    this.unassignedTier = new long[tierCount];
    for (int t = 0; t < tierCount; t++) {
      unassignedTier[t] = Scoring.unassignedTierPenalty(policy, t);
    }
    this.customRules = policy.enforces(Rule.CUSTOM) && !policy.customRules().isEmpty();
    n = 0;
    allocate(roster.size());
    for (Rep r : roster) {
      append(r);
    }
    rosterChanged();
  }

  // ---------------------------------------------------------------- per-lead numbers (pure)

  int tierRank(Lead lead) {
    return policy.tiers().rank(policy.tierOf(lead));
  }

  /** The lead's value in units where a lead of the router's mean value is 1000. */
  long units(Lead lead) {
    return meanValue == 0
        ? 0
        : Math.round(ProblemIndex.VALUE_UNIT * policy.valueOf(lead) / meanValue);
  }

  // ---------------------------------------------------------------- roster

  private void allocate(int size) {
    reps = new Rep[size];
    weight = new double[size];
    leads = new int[size];
    value = new long[size];
    tierLeads = new int[size * tierCount];
    received = new int[size];
    receivedValue = new long[size];
    credit = new double[size];
    lastSeq = new long[size];
    stockDelta = new long[size * tierCount];
    valueTerm = new long[size];
    fNew = new double[size];
    valuePerWeight = new double[size];
    inverseWeight = new double[size];
  }

  private void grow() {
    int size = n + 1;
    reps = Arrays.copyOf(reps, size);
    weight = Arrays.copyOf(weight, size);
    leads = Arrays.copyOf(leads, size);
    value = Arrays.copyOf(value, size);
    tierLeads = Arrays.copyOf(tierLeads, size * tierCount);
    received = Arrays.copyOf(received, size);
    receivedValue = Arrays.copyOf(receivedValue, size);
    credit = Arrays.copyOf(credit, size);
    lastSeq = Arrays.copyOf(lastSeq, size);
    stockDelta = Arrays.copyOf(stockDelta, size * tierCount);
    valueTerm = Arrays.copyOf(valueTerm, size);
    fNew = Arrays.copyOf(fNew, size);
    valuePerWeight = Arrays.copyOf(valuePerWeight, size);
    inverseWeight = Arrays.copyOf(inverseWeight, size);
  }

  private void checkTiers(Rep rep, String what) {
    for (Tier t : rep.allowedTiers()) {
      checkArgument(
          policy.tiers().contains(t),
          "%s: rep %s: allowedTiers names tier '%s', which is not in the policy's tier scheme %s",
          what,
          rep.id(),
          t,
          policy.tiers().tiers());
    }
  }

  private int append(Rep rep) {
    checkArgument(!repIndex.containsKey(rep.id()), "rep %s: duplicate id", rep.id());
    checkTiers(rep, "roster");
    int r = n++;
    reps[r] = rep;
    weight[r] = policy.effectiveWeight(rep.weight());
    lastSeq[r] = -1;
    repIndex.put(rep.id(), r);
    refresh(r);
    return r;
  }

  private void rosterChanged() {
    sizeCuts = Rules.sizeCuts(Arrays.asList(reps).subList(0, n));
    classes.clear();
    trees.clear();
    double[] distinct = Arrays.copyOf(weight, n);
    Arrays.sort(distinct);
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (k == 0 || distinct[r] != distinct[k - 1]) {
        distinct[k++] = distinct[r];
      }
    }
    distinct = Arrays.copyOf(distinct, k);
    minWeight = distinct.length == 0 ? INF : distinct[0];
    weightRanks = distinct.length;
    weightRank = new int[n];
    for (int r = 0; r < n; r++) {
      weightRank[r] = Arrays.binarySearch(distinct, weight[r]);
    }
  }

  /** Whether the rep takes new leads (it is not on leave, or availability is not enforced). */
  private boolean active(Rep rep) {
    return rep.available() || !policy.enforces(Rule.AVAILABILITY);
  }

  void addRep(Rep rep) {
    checkArgument(
        !repIndex.containsKey(rep.id()),
        "addRep: rep %s is already on the roster (use updateRep to change it)",
        rep.id());
    checkTiers(rep, "addRep");
    grow();
    int r = append(rep);
    if (active(rep)) {
      calibrate(r);
    }
    rosterChanged();
  }

  void updateRep(Rep rep) {
    Integer idx = repIndex.get(rep.id());
    checkArgument(idx != null, "updateRep: rep %s is not on the roster (use addRep)", rep.id());
    checkTiers(rep, "updateRep");
    int r = idx;
    boolean wasActive = active(reps[r]);
    reps[r] = rep;
    weight[r] = policy.effectiveWeight(rep.weight());
    if (!wasActive && active(rep)) {
      calibrate(r);
    }
    refresh(r);
    rosterChanged();
  }

  /**
   * Applies the catch-up policy to a rep that (re)joins: its ledger credit is raised to at least
   * the weighted mean of the other active reps' credits minus {@code catchUp.maxLeads()}; never
   * lowered.
   */
  private void calibrate(int r) {
    if (catchUp.maxLeads() == Integer.MAX_VALUE) {
      return;
    }
    double sumCredit = 0;
    double sumWeight = 0;
    for (int s = 0; s < n; s++) {
      if (s != r && active(reps[s])) {
        sumCredit += credit[s];
        sumWeight += weight[s];
      }
    }
    if (sumWeight == 0) {
      return;
    }
    double level = weight[r] * (sumCredit / sumWeight);
    credit[r] = Math.max(credit[r], level - catchUp.maxLeads());
    refresh(r);
  }

  void startPeriod() {
    period++;
    Arrays.fill(received, 0, n, 0);
    Arrays.fill(receivedValue, 0, n, 0);
    Arrays.fill(credit, 0, n, 0);
    for (int r = 0; r < n; r++) {
      refresh(r);
    }
  }

  /** Recomputes the cached score terms and ledger standing of one rep from its aggregates. */
  void refresh(int r) {
    double w = weight[r];
    int count = leads[r];
    long countDelta =
        Scoring.countPenalty(policy, count + 1L, w) - Scoring.countPenalty(policy, count, w);
    valueTerm[r] = Scoring.valuePenalty(policy, value[r], w);
    int base = r * tierCount;
    for (int t = 0; t < tierCount; t++) {
      int k = tierLeads[base + t];
      stockDelta[base + t] =
          countDelta
              + Scoring.tierPenalty(policy, t, k + 1L, w)
              - Scoring.tierPenalty(policy, t, k, w);
    }
    Rep rep = reps[r];
    boolean room =
        (long) rep.heldOutside() + leads[r] + 1 <= rep.capacity()
            && (long) received[r] + 1 <= rep.newLeadCap();
    fNew[r] = room ? (credit[r] + 1) / w : INF;
    valuePerWeight[r] = value[r] / w;
    inverseWeight[r] = 1 / w;
    changeLog[(int) (changes++ & (CHANGE_LOG - 1))] = r;
  }

  /** The number of rep changes logged so far. */
  long changes() {
    return changes;
  }

  /** The rep of the {@code i}-th logged change (one of the last {@link #CHANGE_LOG}). */
  int changed(long i) {
    return changeLog[(int) (i & (CHANGE_LOG - 1))];
  }

  /** An upper bound of every rep's value units so far. */
  long maxValue() {
    return maxValue;
  }

  /** The least weight on the roster. */
  double minWeight() {
    return minWeight;
  }

  // ---------------------------------------------------------------- the book

  /** Puts a lead in the book without touching the ledger (initial book, restore). */
  void hold(Lead lead, int rep, Status status) {
    checkArgument(!book.containsKey(lead.id()), "lead %s: duplicate id in the book", lead.id());
    int t = tierRank(lead);
    add(new Held(lead, rep, t, units(lead), status));
  }

  private void add(Held h) {
    int r = h.rep();
    leads[r]++;
    value[r] += h.units();
    maxValue = Math.max(maxValue, value[r]);
    tierLeads[r * tierCount + h.tier()]++;
    book.put(h.lead().id(), h);
    refresh(r);
  }

  private void subtract(Held h) {
    int r = h.rep();
    leads[r]--;
    value[r] -= h.units();
    tierLeads[r * tierCount + h.tier()]--;
    refresh(r);
  }

  Optional<RepId> release(LeadId id) {
    Held h = book.remove(id);
    if (h == null) {
      return Optional.empty();
    }
    subtract(h);
    return Optional.of(reps[h.rep()].id());
  }

  Optional<RepId> ownerOf(LeadId id) {
    Held h = book.get(id);
    return h == null ? Optional.empty() : Optional.of(reps[h.rep()].id());
  }

  Problem toProblem() {
    List<Lead> out = new ArrayList<>(book.size());
    for (Held h : book.values()) {
      RepId holder = reps[h.rep()].id();
      Lead l = h.lead();
      out.add(
          l.currentOwner().equals(Optional.of(holder))
              ? l
              : l.toBuilder().currentOwner(holder.value()).build());
    }
    return new Problem(policy, Arrays.asList(reps).subList(0, n), out);
  }

  int rebase(Allocation allocation) {
    for (var rep : allocation.problem().reps()) {
      checkArgument(
          repIndex.containsKey(rep.id()),
          "rebase: rep %s of the allocation is not on the router's roster",
          rep.id());
    }
    int changed = 0;
    for (LeadOutcome o : allocation.outcomes()) {
      Held h = book.get(o.lead());
      if (h == null) {
        continue; // released since the problem was taken
      }
      if (o.rep().isEmpty()) {
        book.remove(o.lead());
        subtract(h);
        changed++;
        continue;
      }
      int to = repIndex.get(o.rep().get());
      if (to != h.rep()) {
        subtract(h);
        add(new Held(h.lead(), to, h.tier(), h.units(), Status.MOVED));
        changed++;
      }
    }
    return changed;
  }

  // ---------------------------------------------------------------- routing

  private Eligibility eligibility(Lead lead, int t) {
    if (customRules) {
      return computeEligibility(lead, t);
    }
    ClassKey key =
        new ClassKey(
            lead.region(),
            lead.industry(),
            Rules.sizeBand(sizeCuts, lead.companySize()),
            t,
            lead.kind());
    Eligibility e = classes.get(key);
    if (e == null) {
      if (classes.size() >= MAX_CLASSES) {
        classes.clear();
      }
      e = computeEligibility(lead, t);
      classes.put(key, e);
    }
    return e;
  }

  /**
   * The class's eligible reps, in the candidate tree of their territory (the reps the region rule
   * lets take the lead) when they are at least a quarter of it, or else in a tree of their own. A
   * territory's tree serves every class of its leads, so it is searched often and stays nearly up
   * to date; a tree of a class's own, searched once in a few hundred leads, starts with a rebuild.
   * Below a quarter, a search of the territory's tree would pass over more than three reps for each
   * one it may take.
   */
  private Eligibility computeEligibility(Lead lead, int t) {
    int[] eligible = new int[n];
    int[] territory = new int[n];
    int[] positions = new int[n]; // of each eligible rep in the territory
    long[] pref = new long[n];
    int k = 0;
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (!Rules.inRegion(policy, reps[r], lead)) {
        continue;
      }
      if (Rules.firstFailure(policy, reps[r], lead, tierOf[t], true) == null) {
        eligible[k] = r;
        positions[k] = m;
        pref[k] = preference(r, lead);
        k++;
      }
      territory[m++] = r;
    }
    int[] set = Arrays.copyOf(eligible, k);
    boolean shared = 4 * k >= m;
    int[] treeSet = shared ? Arrays.copyOf(territory, m) : set;
    if (trees.size() >= MAX_CLASSES) {
      trees.clear(); // trees already handed out stay valid; they are just no longer shared
    }
    CandidateTree tree =
        trees.computeIfAbsent(
            ImmutableIntArray.copyOf(treeSet), s -> new CandidateTree(this, treeSet));
    int[] at = shared ? Arrays.copyOf(positions, k) : IntStream.range(0, k).toArray();
    return new Eligibility(set, tree, at, Arrays.copyOf(pref, k));
  }

  /** The candidate tree that a lead's decision searches (for tests). */
  CandidateTree treeFor(Lead lead) {
    return eligibility(lead, tierRank(lead)).tree;
  }

  private long preference(int r, Lead lead) {
    return Scoring.preferencePenalty(policy, Rules.preferenceMismatches(policy, reps[r], lead));
  }

  /**
   * Same expression as {@link Scoring#valuePenalty}, so the results are bit-identical. Never
   * negative: units and value sums are {@code >= 0} and the penalty grows with the sum.
   */
  long valueDelta(int r, long units) {
    if (valueCoef == 0) {
      return 0;
    }
    double v = (double) (value[r] + units) / ProblemIndex.VALUE_UNIT;
    return Math.round(valueCoef * v * v / weight[r]) - valueTerm[r];
  }

  /**
   * The change of the book's soft score if rep {@code r} took the lead, exactly as {@code
   * Book.deltaAssign} computes it (without checking eligibility or room).
   */
  long scoreDelta(Lead lead, int r) {
    int t = tierRank(lead);
    int owner = lead.currentOwner().map(repIndex::get).orElse(-1);
    long d =
        stockDelta[r * tierCount + t]
            + valueDelta(r, units(lead))
            + preference(r, lead)
            - unassignedTier[t];
    return owner >= 0 && owner != r ? d + continuity : d;
  }

  private boolean ownerHasRoom(int r) {
    return (long) reps[r].heldOutside() + leads[r] + 1 <= reps[r].capacity();
  }

  /**
   * A routing decision to hand back. The explanation of a placement is worded by {@link
   * #decision()} from numbers taken under the lock, so that the lock is not held for the wording
   * (wording the numbers is a sizeable part of a decision: 15 to 30 % of it, measured).
   */
  interface Pending {
    RouteDecision decision();
  }

  private record Ready(RouteDecision decision) implements Pending {}

  /** A lead placed by score; {@code owner} and {@code runner} may be null. */
  private record Placement(
      LeadId lead,
      Status status,
      RepId chosen,
      long cost,
      double standing,
      double credit,
      RepId owner,
      String ownerNote,
      RepId runner,
      long runnerCost,
      double runnerStanding)
      implements Pending {

    @Override
    public RouteDecision decision() {
      Optional<Alternative> runnerUp =
          runner == null
              ? Optional.empty()
              : Optional.of(new Alternative(runner, Optional.empty(), 0, runnerCost));
      return new RouteDecision(
          lead, status, Optional.of(chosen), Optional.empty(), cost, runnerUp, false, explain());
    }

    private String explain() {
      StringBuilder sb = new StringBuilder(160);
      if (status == Status.MOVED) {
        sb.append("moved from ").append(owner).append(" (").append(ownerNote).append(") to ");
      } else if (status == Status.KEPT) {
        sb.append("kept with its owner ");
      }
      sb.append(chosen).append(": score ").append(signed(cost));
      if (status != Status.KEPT) {
        sb.append(", ledger ")
            .append(num(credit))
            .append(" -> ")
            .append(num(credit + 1))
            .append(" this period");
      }
      if (runner == null) {
        sb.append("; no other eligible rep had room");
      } else {
        sb.append("; runner-up ").append(runner).append(": score ").append(signed(runnerCost));
        if (runnerCost < cost || (runnerCost == cost && runnerStanding > standing)) {
          sb.append(", but it stands ahead in this period's ledger (")
              .append(num(runnerStanding))
              .append(" vs ")
              .append(num(standing))
              .append(')');
        } else if (runnerCost == cost) {
          sb.append(" (a tie, broken by ")
              .append(
                  runnerStanding != standing
                      ? "the ledger"
                      : "time since the last lead or roster order")
              .append(')');
        }
      }
      return sb.toString();
    }
  }

  Pending route(Lead lead, int t, long units) {
    LeadId id = lead.id();
    Held held = book.get(id);
    if (held != null) {
      RepId rep = reps[held.rep()].id();
      return new Ready(
          new RouteDecision(
              id,
              held.status(),
              Optional.of(rep),
              Optional.empty(),
              0,
              Optional.empty(),
              true,
              "already in the book with " + rep + "; not routed again"));
    }
    int owner = -1;
    String ownerFailure = null;
    if (lead.currentOwner().isPresent()) {
      Integer o = repIndex.get(lead.currentOwner().get());
      checkArgument(
          o != null,
          "lead %s: currentOwner '%s' is not on the roster",
          id,
          lead.currentOwner().get());
      owner = o;
      ownerFailure = Rules.firstFailure(policy, reps[owner], lead, tierOf[t], false);
      if (lead.locked()) {
        return new Ready(
            keep(lead, owner, t, units, Status.LOCKED, "locked to its owner " + reps[owner].id()));
      }
      if (ownerFailure == null && !policy.allowRebalancing()) {
        return new Ready(
            keep(
                lead,
                owner,
                t,
                units,
                Status.KEPT,
                "kept with its owner " + reps[owner].id() + ": the policy keeps existing owners"));
      }
    }
    Eligibility e = eligibility(lead, t);
    CandidateTree tree = e.tree;
    int keeper = ownerFailure == null ? owner : -1; // an owner who may keep it (rebalancing)

    // The due band: standings within the tolerance of the lowest among the reps with room (the
    // keeper aside); and the band there would be if the most due rep were absent (for the
    // runner-up). Then the two best score deltas in the band.
    tree.sync();
    boolean withheld = keeper >= 0 && tree.withhold(keeper);
    tree.standings(e.members);
    int arg = tree.mostDue();
    double wideBound = tree.secondStanding() + tolerance;
    long base = (owner >= 0 ? continuity : 0) - unassignedTier[t];
    due.reset();
    tree.best(tree.lowestStanding() + tolerance, base, t, units, e.preference, e.members, due);
    boolean needWide = arg >= 0 && due.r1 == arg;
    wide.reset();
    if (needWide) {
      tree.best(wideBound, base, t, units, e.preference, e.members, wide);
    }
    if (withheld) {
      tree.restore();
    }
    if (keeper >= 0 && ownerHasRoom(keeper)) {
      // Keeping is not receiving: the owner competes on score whatever its ledger says.
      long c =
          stockDelta[keeper * tierCount + t]
              + valueDelta(keeper, units)
              + preference(keeper, lead)
              - unassignedTier[t];
      double f = credit[keeper] / weight[keeper];
      due.offer(keeper, c, f, lastSeq[keeper]);
      wide.offer(keeper, c, f, lastSeq[keeper]);
    }
    if (due.r1 < 0) {
      return new Ready(unassigned(lead, t, e, owner, keeper));
    }
    int chosen = due.r1;
    long chosenCost = due.c1;
    double chosenStanding = due.f1;
    CandidateTree.Top2 pool = chosen == arg ? wide : due;
    int runner;
    long runnerCost;
    double runnerStanding;
    if (pool.r1 != chosen) {
      runner = pool.r1;
      runnerCost = pool.c1;
      runnerStanding = pool.f1;
    } else {
      runner = pool.r2;
      runnerCost = pool.c2;
      runnerStanding = pool.f2;
    }
    Status status = owner < 0 ? Status.ASSIGNED : chosen == owner ? Status.KEPT : Status.MOVED;
    String ownerNote =
        status != Status.MOVED
            ? null
            : ownerFailure != null
                ? "it fails rule '" + ownerFailure + "'"
                : ownerHasRoom(owner) ? "rebalanced" : "it is full";
    Placement placed =
        new Placement(
            id,
            status,
            reps[chosen].id(),
            chosenCost,
            chosenStanding,
            credit[chosen],
            owner < 0 ? null : reps[owner].id(),
            ownerNote,
            runner < 0 ? null : reps[runner].id(),
            runnerCost,
            runnerStanding);
    if (status != Status.KEPT) {
      seq++; // numbers the leads received; nothing above has changed any state
      received[chosen]++;
      receivedValue[chosen] += units;
      credit[chosen] += 1;
      lastSeq[chosen] = seq;
    }
    add(new Held(lead, chosen, t, units, status));
    return placed;
  }

  private RouteDecision keep(Lead lead, int owner, int t, long units, Status status, String why) {
    add(new Held(lead, owner, t, units, status));
    return new RouteDecision(
        lead.id(),
        status,
        Optional.of(reps[owner].id()),
        Optional.empty(),
        0,
        Optional.empty(),
        false,
        why);
  }

  private static String signed(long x) {
    return x >= 0 ? "+" + x : Long.toString(x);
  }

  static String num(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return Double.toString(Math.round(x * 100) / 100.0);
  }

  private RouteDecision unassigned(Lead lead, int t, Eligibility e, int owner, int keeper) {
    int[] el = e.reps;
    UnassignedReason reason;
    if (el.length == 0 && keeper < 0) {
      // Depends on the class alone unless an owner (asked without availability) or custom rules
      // are involved; then it is computed afresh.
      boolean shared = owner < 0 && !customRules;
      reason = shared ? e.noEligibleRep : null;
      if (reason == null) {
        Map<String, Integer> by = new TreeMap<>();
        for (int r = 0; r < n; r++) {
          String f = Rules.firstFailure(policy, reps[r], lead, tierOf[t], r != owner);
          by.merge(f == null ? Rule.AVAILABILITY.id() : f, 1, Integer::sum);
        }
        reason = Reasons.noEligibleRep(n, by);
        if (shared) {
          e.noEligibleRep = reason;
        }
      }
    } else {
      Map<String, Integer> full = new TreeMap<>();
      int eligible = 0;
      for (int r : el) {
        if (r == keeper) {
          continue;
        }
        eligible++;
        boolean capacityFull = !ownerHasRoom(r);
        full.merge(capacityFull ? Scoring.CAPACITY : Scoring.NEW_LEAD_CAP, 1, Integer::sum);
      }
      if (keeper >= 0) {
        eligible++;
        full.merge(Scoring.CAPACITY, 1, Integer::sum);
      }
      reason = Reasons.allEligibleFull(eligible, full);
    }
    return new RouteDecision(
        lead.id(),
        Status.UNASSIGNED,
        Optional.empty(),
        Optional.of(reason),
        0,
        Optional.empty(),
        false,
        "unassigned: " + reason.message());
  }

  // ---------------------------------------------------------------- snapshot

  List<RepSnapshot> snapshot() {
    List<RepSnapshot> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Map<Tier, Integer> tiers = new LinkedHashMap<>();
      for (int t = 0; t < tierCount; t++) {
        tiers.put(tierOf[t], tierLeads[r * tierCount + t]);
      }
      Rep rep = reps[r];
      out.add(
          new RepSnapshot(
              rep.id(),
              active(rep),
              weight[r],
              leads[r],
              value[r],
              tiers,
              (int) Math.min(Integer.MAX_VALUE, (long) rep.heldOutside() + leads[r]),
              rep.capacity(),
              received[r],
              receivedValue[r],
              credit[r],
              lastSeq[r]));
    }
    return List.copyOf(out);
  }
}
