package io.fairlead.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.primitives.ImmutableIntArray;
import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Alternative;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.internal.Loads;
import io.fairlead.core.internal.Scoring;
import io.fairlead.core.internal.SizeBands;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.Rulebook;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.BookLog.Held;
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
 * <p>What the book holds per rep, and the score delta of giving a rep a lead, are the batch's: the
 * kernel {@link Loads}, with its one {@link Loads#softDelta}; who may take a lead, and who has
 * room, is the policy's {@link Rulebook}. On top of that the router keeps its ledger (what each rep
 * received this period, as a standing per unit of weight). Eligibility (and the preference cost) is
 * cached per class of interchangeable leads: same region, industry, size band, tier and kind. The
 * eligible reps of a class sit in a {@link CandidateTree} (usually their territory's, shared by
 * every class of leads there), which finds the due band and the two best due reps while visiting
 * few of them; every change of a rep's numbers is logged so that the trees catch up lazily.
 */
final class RouterCore {

  private static final double INF = Double.POSITIVE_INFINITY;

  /** Capacity of the log of changed reps that the candidate trees replay (a power of two). */
  static final int CHANGE_LOG = 1 << 14;

  /** Bound on cached lead classes (a host sending free-text regions must not grow it forever). */
  private static final int MAX_CLASSES = 50_000;

  /** The most a lead may be worth, in multiples of the router's mean value. */
  static final double MAX_VALUE_RATIO = 1e6;

  /** The most value units one lead is worth: {@link #MAX_VALUE_RATIO} times the mean's 1000. */
  static final long MAX_LEAD_UNITS = (long) MAX_VALUE_RATIO * Scoring.VALUE_UNIT;

  /** The most sequence numbers (leads received) a router hands out in its life: {@code 2^53}. */
  static final long MAX_SEQUENCE = 1L << 53;

  final Policy policy;
  final Rulebook rules;

  /** The money worth of 1000 value units; NaN until the first positive value is seen. */
  double meanValue;

  final double tolerance;
  final int tierCount;
  private final Tier[] tierOf;
  private final boolean customRules;

  /**
   * The most leads the book may hold so that no score can leave its range, for the roster's least
   * effective weight.
   */
  long leadLimit;

  /** The most value units the book may hold so that no score can leave its range. */
  double unitLimit;

  /** The least effective weight the limits were computed for (NaN before the first roster). */
  private double limitsWeight = Double.NaN;

  /**
   * The largest credit a rep may reach in a period so that its receipts term ({@code SCALE · k · q²
   * / w}) stays within a quarter of the score's range, for the roster's least effective weight
   * (infinite without a receipts weight).
   */
  double creditLimit;

  /** The book's per-rep numbers and the one soft delta, shared with the batch. */
  final Loads loads;

  final Map<RepId, Integer> repIndex = new HashMap<>();

  // The ledger of the current period, by rep.
  long[] receivedValue;
  long[] lastSeq;
  int period = 1;
  long seq;

  /**
   * The standing that orders the due band, {@code (credit + ½) / weight} ({@link Scoring#standing}:
   * the receipts term's marginal cost of one more lead), or +inf if the rep has no room for a new
   * lead (by rep).
   */
  double[] fNew;

  // Every rep whose numbers changed, in order (a ring), for the candidate trees to catch up.
  private final int[] changeLog = new int[CHANGE_LOG];
  private long changes;
  // The least weight on the roster (for the rounding slack of the trees' value bound).
  private double minWeight;
  // Each rep's weight as a rank among the roster's distinct weights (the trees' order).
  int[] weightRank;
  int weightRanks;

  final BookLog book = new BookLog();
  private double bookUnits;

  private int[] sizeCuts;
  private final HashMap<ClassKey, Eligibility> classes = new HashMap<>();
  private final HashMap<ImmutableIntArray, CandidateTree> trees = new HashMap<>(); // by rep set

  // Scratch for the selection, reused under the router's lock.
  private final CandidateTree.Top2 due = new CandidateTree.Top2();
  private final CandidateTree.Top2 wide = new CandidateTree.Top2();

  private record ClassKey(
      Optional<String> region, Optional<String> industry, int band, int tier, LeadKind kind) {}

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

  /**
   * @param meanValue the money worth of 1000 value units, or NaN to learn it from the first lead
   *     with a positive value
   */
  RouterCore(Policy policy, double meanValue, double tolerance, List<Rep> roster) {
    this.policy = policy;
    this.rules = policy.rulebook();
    this.meanValue = meanValue;
    this.tolerance = tolerance;
    this.tierCount = policy.tiers().size();
    this.tierOf = policy.tiers().tiers().toArray(Tier[]::new);
    this.customRules = policy.enforces(Rule.CUSTOM) && !policy.customRules().isEmpty();
    int size = roster.size();
    receivedValue = new long[size];
    lastSeq = new long[size];
    fNew = new double[size];
    Arrays.fill(lastSeq, -1);
    Rep[] reps = new Rep[size];
    double[] weight = new double[size];
    for (int r = 0; r < size; r++) {
      Rep rep = roster.get(r);
      checkArgument(repIndex.put(rep.id(), r) == null, "rep %s: duplicate id", rep.id());
      checkTiers(rep, "roster");
      reps[r] = rep;
      weight[r] = policy.effectiveWeight(rep);
    }
    this.loads = new Loads(policy, reps, weight, true);
    loads.onChange(this::changed);
    for (int r = 0; r < size; r++) {
      changed(r);
    }
    rosterChanged();
  }

  /**
   * The most leads for which the policy's worst score stays within half the score's range, with the
   * least effective weight {@code least} on the roster.
   */
  private static long leadLimit(Policy policy, double least) {
    long lo = 0;
    long hi = Problem.MAX_LEADS;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (Scoring.worstSoft(policy, least, mid, 0, 0) <= Scoring.LIMIT / 2) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The most value units that, with {@code leads} leads, keep the worst score within range. */
  private static double unitLimit(Policy policy, double least, long leads) {
    double lo = 0;
    double hi = 1e30;
    for (int k = 0; k < 200; k++) {
      double mid = (lo + hi) / 2;
      if (Scoring.worstSoft(policy, least, leads, mid, 0) <= Scoring.LIMIT) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---------------------------------------------------------------- per-lead numbers

  int tierRank(Lead lead) {
    return policy.tiers().rank(policy.tierOf(lead));
  }

  /**
   * The lead's value in units where a lead of the router's mean value is 1000; the first positive
   * value fixes the mean if none is known yet (leads before it are worth 0 at any scale).
   *
   * @throws IllegalArgumentException if the lead is worth more than {@link #MAX_VALUE_RATIO} times
   *     the mean
   */
  long units(Lead lead) {
    double v = policy.valueOf(lead);
    if (v == 0) {
      return 0;
    }
    if (Double.isNaN(meanValue)) {
      return Scoring.VALUE_UNIT; // it will set the mean if it enters the book
    }
    checkArgument(
        v <= MAX_VALUE_RATIO * meanValue,
        "lead %s: value %s is more than %s times the router's mean value %s, the scale its value"
            + " units are measured in; build the router with a larger meanValue",
        lead.id(),
        v,
        MAX_VALUE_RATIO,
        meanValue);
    return Math.round(Scoring.VALUE_UNIT * v / meanValue);
  }

  // ---------------------------------------------------------------- roster

  int n() {
    return loads.size();
  }

  Rep rep(int r) {
    return loads.rep(r);
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

  private void rosterChanged() {
    int n = n();
    List<Rep> roster = new ArrayList<>(n);
    double[] distinct = new double[n];
    for (int r = 0; r < n; r++) {
      roster.add(loads.rep(r));
      distinct[r] = loads.weight(r);
    }
    sizeCuts = SizeBands.cuts(roster);
    classes.clear();
    trees.clear();
    Arrays.sort(distinct);
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (k == 0 || distinct[r] != distinct[k - 1]) {
        distinct[k++] = distinct[r];
      }
    }
    distinct = Arrays.copyOf(distinct, k);
    minWeight = distinct.length == 0 ? INF : distinct[0];
    double least = distinct.length == 0 ? policy.leastEffectiveWeight() : minWeight;
    if (least != limitsWeight) { // the limits depend on the least weight only
      leadLimit = leadLimit(policy, least);
      unitLimit = unitLimit(policy, least, leadLimit);
      limitsWeight = least;
    }
    double receipts = policy.weight(Objective.RECEIPTS);
    creditLimit =
        receipts == 0
            ? INF
            : Math.min(
                Ledger.MAX_CREDITED,
                Math.sqrt(Scoring.LIMIT / 4 * least / (Scoring.SCALE * receipts)) - 1);
    weightRanks = distinct.length;
    weightRank = new int[n];
    for (int r = 0; r < n; r++) {
      weightRank[r] = Arrays.binarySearch(distinct, loads.weight(r));
    }
  }

  /** Whether the rep takes new leads (it is not on leave, or availability is not enforced). */
  private boolean active(Rep rep) {
    return rules.takesNew(rep);
  }

  void addRep(Rep rep) {
    checkArgument(
        !repIndex.containsKey(rep.id()),
        "addRep: rep %s is already on the roster (use updateRep to change it)",
        rep.id());
    checkTiers(rep, "addRep");
    checkRange(rep, -1, "addRep");
    int size = n() + 1;
    receivedValue = Arrays.copyOf(receivedValue, size);
    lastSeq = Arrays.copyOf(lastSeq, size);
    fNew = Arrays.copyOf(fNew, size);
    lastSeq[size - 1] = -1;
    int r = loads.grow(rep, policy.effectiveWeight(rep));
    repIndex.put(rep.id(), r);
    if (active(rep)) {
      calibrate(r);
    }
    rosterChanged();
  }

  void updateRep(Rep rep) {
    Integer idx = repIndex.get(rep.id());
    checkArgument(idx != null, "updateRep: rep %s is not on the roster (use addRep)", rep.id());
    checkTiers(rep, "updateRep");
    checkRange(rep, idx, "updateRep");
    int r = idx;
    boolean wasActive = active(loads.rep(r));
    double weightBefore = loads.weight(r);
    loads.setRep(r, rep, policy.effectiveWeight(rep));
    if (active(rep) && (!wasActive || loads.weight(r) > weightBefore)) {
      calibrate(r);
    }
    rosterChanged();
  }

  /**
   * Refuses a roster change whose least effective weight would let the current book's score leave
   * its range (a rep of a tiny weight or share under a policy of extreme weights).
   *
   * @param replaced the index of the rep it replaces, or -1 for a new rep
   */
  private void checkRange(Rep rep, int replaced, String action) {
    double least = policy.effectiveWeight(rep);
    for (int s = 0; s < n(); s++) {
      if (s != replaced) {
        least = Math.min(least, loads.weight(s));
      }
    }
    if (least >= limitsWeight) {
      return; // limits only grow with the least weight: the book fits
    }
    long leads = leadLimit(policy, least);
    double units = unitLimit(policy, least, leads);
    checkArgument(
        book.size() <= leads && bookUnits <= units,
        "%s: rep %s's effective weight %s would let this policy's score overflow with the book's"
            + " %s leads worth %s value units (at most %s leads and %s units at that weight); raise"
            + " its weight or share, or lower the policy's objective or tier weights",
        action,
        rep.id(),
        least,
        book.size(),
        bookUnits,
        leads,
        units);
  }

  /**
   * Applies the policy's catch-up ({@link CatchUp#calibrate}, the one calibration) to a rep that
   * joins, comes back from leave or gets a larger effective weight: its credit is raised to at
   * least the weighted mean of the other active reps' credits minus the catch-up's {@code
   * maxLeads}; never lowered.
   */
  private void calibrate(int r) {
    double sumCredit = 0;
    double sumWeight = 0;
    for (int s = 0; s < n(); s++) {
      if (s != r && active(loads.rep(s))) {
        sumCredit += loads.credit(s);
        sumWeight += loads.weight(s);
      }
    }
    loads.setCredit(
        r, policy.catchUp().calibrate(loads.credit(r), loads.weight(r), sumCredit, sumWeight));
  }

  void startPeriod() {
    checkArgument(period < Integer.MAX_VALUE, "period: the last period number is reached");
    period++;
    Arrays.fill(receivedValue, 0, n(), 0);
    loads.newPeriod(); // refreshes every rep
  }

  /**
   * Recomputes a rep's ledger standing from its numbers and logs the change for the trees; the
   * kernel calls it after every change of the rep's aggregates.
   */
  void changed(int r) {
    fNew[r] = loads.hasRoom(r, true) ? Scoring.standing(loads.credit(r), loads.weight(r)) : INF;
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

  /** The least weight on the roster. */
  double minWeight() {
    return minWeight;
  }

  // ---------------------------------------------------------------- the book

  /** Puts a lead in the book without touching the ledger (initial book, restore). */
  void hold(Lead lead, int rep, Status status) {
    checkArgument(!book.contains(lead.id()), "lead %s: duplicate id in the book", lead.id());
    int t = tierRank(lead);
    add(new Held(lead, rep, t, admit(lead), status), false);
  }

  /**
   * The value units of a lead about to enter the book, after checking that the book stays within
   * the numeric domain; fixes the mean value if it is still unknown.
   */
  private long admit(Lead lead) {
    double v = policy.valueOf(lead);
    if (Double.isNaN(meanValue) && v > 0) {
      meanValue = v;
    }
    long u = units(lead);
    checkArgument(
        book.size() < leadLimit,
        "lead %s: the book holds %s leads, as many as this policy's weights let the score hold",
        lead.id(),
        book.size());
    checkArgument(
        bookUnits + u <= unitLimit,
        "lead %s: the book's value would reach %s units (a lead of the mean value is 1000), more"
            + " than this policy's weights let the score hold",
        lead.id(),
        bookUnits + u);
    return u;
  }

  private void add(Held h, boolean asNew) {
    bookUnits += h.units;
    book.add(h);
    loads.add(h.rep, h.tier, h.units, asNew);
  }

  private void subtract(Held h) {
    bookUnits -= h.units;
    loads.remove(h.rep, h.tier, h.units, false); // the ledger keeps what a rep received
  }

  Optional<RepId> release(LeadId id) {
    Held h = book.remove(id);
    if (h == null) {
      return Optional.empty();
    }
    subtract(h);
    return Optional.of(rep(h.rep).id());
  }

  Optional<RepId> ownerOf(LeadId id) {
    Held h = book.get(id);
    return h == null ? Optional.empty() : Optional.of(rep(h.rep).id());
  }

  Problem toProblem() {
    List<Lead> out = new ArrayList<>(book.size());
    for (Held h : book.entries()) {
      RepId holder = rep(h.rep).id();
      Lead l = h.lead;
      out.add(
          l.currentOwner().equals(Optional.of(holder))
              ? l
              : l.toBuilder().currentOwner(holder.value()).build());
    }
    List<Rep> roster = new ArrayList<>(n());
    List<Ledger.Entry> ledger = new ArrayList<>();
    for (int r = 0; r < n(); r++) {
      roster.add(rep(r));
      if (loads.received(r) != 0 || loads.credit(r) != 0) {
        ledger.add(new Ledger.Entry(rep(r).id(), loads.received(r), loads.credit(r)));
      }
    }
    return new Problem(policy, roster, out, Ledger.of(ledger));
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
      if (to != h.rep) {
        book.remove(o.lead());
        subtract(h);
        add(new Held(h.lead, to, h.tier, h.units, Status.MOVED), false);
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
            SizeBands.band(sizeCuts, lead.companySize()),
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
    int n = n();
    int[] eligible = new int[n];
    int[] territory = new int[n];
    int[] positions = new int[n]; // of each eligible rep in the territory
    long[] pref = new long[n];
    int k = 0;
    int m = 0;
    for (int r = 0; r < n; r++) {
      Rep rep = rep(r);
      if (!rules.inTerritory(rep, lead)) {
        continue;
      }
      if (rules.firstExclusion(rep, lead, tierOf[t], true) == null) {
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
    return loads.preferenceCost(rules.preferenceMismatches(rep(r), lead));
  }

  /**
   * The change of the book's soft score if rep {@code r} took the lead: the kernel's {@link
   * Loads#softDelta}, as the batch computes it (without checking eligibility or room).
   */
  long scoreDelta(Lead lead, int r) {
    int t = tierRank(lead);
    int owner = lead.currentOwner().map(repIndex::get).orElse(-1);
    return loads.softDelta(
        r, t, units(lead), preference(r, lead), owner >= 0 && owner != r, owner != r);
  }

  /**
   * A routing decision to hand back. The explanation of a placement is worded by {@link
   * #decision()} from numbers taken under the lock, so that the lock is not held for the wording
   * (wording the numbers is a sizeable part of a decision: docs/performance.md).
   */
  interface Pending {
    RouteDecision decision();
  }

  private record Ready(RouteDecision decision) implements Pending {}

  /**
   * A lead placed by score; {@code owner} and {@code runner} may be null. Standings order the reps
   * (the due band's); credits and weights are what the explanation shows.
   */
  private record Placement(
      LeadId lead,
      Status status,
      RepId chosen,
      long cost,
      double standing,
      double credit,
      double weight,
      RepId owner,
      String ownerNote,
      RepId runner,
      long runnerCost,
      double runnerStanding,
      double runnerCredit,
      double runnerWeight)
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
              .append(num(runnerCredit))
              .append(" vs ")
              .append(num(credit))
              .append(" leads");
          if (runnerWeight != weight) {
            sb.append(", at weights ")
                .append(num(runnerWeight))
                .append(" and ")
                .append(num(weight));
          }
          sb.append(')');
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

  Pending route(Lead lead, int t) {
    LeadId id = lead.id();
    Held held = book.get(id);
    if (held != null) {
      RepId rep = rep(held.rep).id();
      return new Ready(
          new RouteDecision(
              id,
              held.status,
              Optional.of(rep),
              Optional.empty(),
              0,
              Optional.empty(),
              true,
              "already in the book with " + rep + "; not routed again"));
    }
    long units = units(lead);
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
      ownerFailure = rules.firstExclusion(rep(owner), lead, tierOf[t], false);
      if (lead.locked()) {
        return new Ready(
            keep(lead, owner, t, Status.LOCKED, "locked to its owner " + rep(owner).id()));
      }
      if (rules.keepsWithOwner(rep(owner), lead, tierOf[t]) && loads.hasRoom(owner, false)) {
        return new Ready(
            keep(
                lead,
                owner,
                t,
                Status.KEPT,
                "kept with its owner " + rep(owner).id() + ": the policy keeps existing owners"));
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
    due.reset();
    tree.best(
        tree.lowestStanding() + tolerance, owner >= 0, t, units, e.preference, e.members, due);
    boolean needWide = arg >= 0 && due.r1 == arg;
    wide.reset();
    if (needWide) {
      tree.best(wideBound, owner >= 0, t, units, e.preference, e.members, wide);
    }
    if (withheld) {
      tree.restore();
    }
    if (keeper >= 0 && loads.hasRoom(keeper, false)) {
      // Keeping is not receiving: the owner competes on score whatever its ledger says.
      long c = loads.softDelta(keeper, t, units, preference(keeper, lead), false, false);
      double f = loads.credit(keeper) / loads.weight(keeper);
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
                : loads.hasRoom(owner, false) ? "rebalanced" : "it is full";
    Placement placed =
        new Placement(
            id,
            status,
            rep(chosen).id(),
            chosenCost,
            chosenStanding,
            loads.credit(chosen),
            loads.weight(chosen),
            owner < 0 ? null : rep(owner).id(),
            ownerNote,
            runner < 0 ? null : rep(runner).id(),
            runnerCost,
            runnerStanding,
            runner < 0 ? 0 : loads.credit(runner),
            runner < 0 ? 1 : loads.weight(runner));
    boolean received = status != Status.KEPT;
    checkState(
        !received || seq < MAX_SEQUENCE,
        "sequence: the router's last sequence number (2^53) is reached");
    checkState( // an unlimited new-lead cap never binds, so only this stops the count wrapping
        !received || loads.received(chosen) < Integer.MAX_VALUE,
        "rep %s: its ledger has counted the most leads a period can hold (2^31 - 1)",
        rep(chosen).id());
    checkState(
        !received || loads.credit(chosen) + 1 <= creditLimit,
        "rep %s: its credit in this period's ledger would pass %s, as much as this policy's"
            + " receipts weight lets the score hold; start a new period",
        rep(chosen).id(),
        creditLimit);
    long u = admit(lead);
    if (received) {
      seq++; // numbers the leads received; nothing above has changed any state
      receivedValue[chosen] += u;
      lastSeq[chosen] = seq;
    }
    add(new Held(lead, chosen, t, u, status), received);
    return placed;
  }

  private RouteDecision keep(Lead lead, int owner, int t, Status status, String why) {
    add(new Held(lead, owner, t, admit(lead), status), false);
    return new RouteDecision(
        lead.id(),
        status,
        Optional.of(rep(owner).id()),
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
    int n = n();
    if (el.length == 0 && keeper < 0) {
      // Depends on the class alone unless an owner (asked without availability) or custom rules
      // are involved; then it is computed afresh.
      boolean shared = owner < 0 && !customRules;
      reason = shared ? e.noEligibleRep : null;
      if (reason == null) {
        Map<String, Integer> by = new TreeMap<>();
        for (int r = 0; r < n; r++) {
          String f = rules.firstExclusion(rep(r), lead, tierOf[t], r != owner);
          by.merge(f == null ? Rule.AVAILABILITY.id() : f, 1, Integer::sum);
        }
        reason = UnassignedReason.noEligibleRep(n, by);
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
        String cap = loads.fullBy(r, true);
        full.merge(cap == null ? Rule.CAPACITY.id() : cap, 1, Integer::sum);
      }
      if (keeper >= 0) {
        eligible++;
        String cap = loads.fullBy(keeper, false);
        full.merge(cap == null ? Rule.CAPACITY.id() : cap, 1, Integer::sum);
      }
      reason = UnassignedReason.allEligibleFull(eligible, full);
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

  // ---------------------------------------------------------------- state

  /**
   * What {@link #state()} needs, taken in {@code O(reps)}: the settings, a copy of the roster and
   * the ledger, and a view of the book. Turned into a {@link RouterState} outside the lock.
   */
  record Capture(
      int period,
      long sequence,
      double meanValue,
      double tolerance,
      Rep[] reps,
      int[] received,
      long[] receivedValue,
      double[] credit,
      long[] lastSeq,
      BookLog.View book) {

    /** The state: reads the book's entries of the captured version ({@code O(book)}). */
    RouterState state() {
      List<RouterState.RepLedger> ledger = new ArrayList<>(reps.length);
      for (int r = 0; r < reps.length; r++) {
        ledger.add(
            new RouterState.RepLedger(
                reps[r], received[r], receivedValue[r], credit[r], lastSeq[r]));
      }
      List<RouterState.BookEntry> entries = new ArrayList<>(book.size());
      book.forEach(h -> entries.add(new RouterState.BookEntry(h.lead, reps[h.rep].id(), h.status)));
      return new RouterState(
          period,
          sequence,
          Double.isNaN(meanValue)
              ? java.util.OptionalDouble.empty()
              : java.util.OptionalDouble.of(meanValue),
          tolerance,
          ledger,
          entries);
    }
  }

  /** Takes what the state needs in {@code O(reps)}; call under the lock. */
  Capture capture() {
    int n = n();
    Rep[] roster = new Rep[n];
    int[] received = new int[n];
    double[] credit = new double[n];
    for (int r = 0; r < n; r++) {
      roster[r] = rep(r);
      received[r] = loads.received(r);
      credit[r] = loads.credit(r);
    }
    return new Capture(
        period,
        seq,
        meanValue,
        tolerance,
        roster,
        received,
        Arrays.copyOf(receivedValue, n),
        credit,
        Arrays.copyOf(lastSeq, n),
        book.view());
  }

  /** A router core in the given state under the policy. */
  static RouterCore restore(RouterState state, Policy policy) {
    List<Rep> roster = state.reps().stream().map(RouterState.RepLedger::rep).toList();
    RouterCore core =
        new RouterCore(
            policy, state.meanValue().orElse(Double.NaN), state.ledgerTolerance(), roster);
    for (int i = 0; i < state.book().size(); i++) {
      RouterState.BookEntry b = state.book().get(i);
      final int at = i;
      Integer r = core.repIndex.get(b.rep());
      checkArgument(
          r != null, "book[%s]: lead %s: rep '%s' is not on the roster", i, b.lead().id(), b.rep());
      b.lead()
          .currentOwner()
          .ifPresent(
              o ->
                  checkArgument(
                      core.repIndex.containsKey(o),
                      "book[%s]: lead %s: currentOwner '%s' is not on the roster",
                      at,
                      b.lead().id(),
                      o));
      try {
        core.hold(b.lead(), r, b.status());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("book[" + i + "]: " + e.getMessage(), e);
      }
    }
    core.period = state.period();
    core.seq = state.sequence();
    for (int r = 0; r < state.reps().size(); r++) {
      RouterState.RepLedger l = state.reps().get(r);
      checkArgument(
          l.lastLead() <= state.sequence(),
          "reps[%s]: rep %s: lastLead must be in [-1, sequence %s], was %s",
          r,
          l.rep().id(),
          state.sequence(),
          l.lastLead());
      core.receivedValue[r] = l.receivedValueUnits();
      core.lastSeq[r] = l.lastLead();
      core.loads.setLedger(r, l.received(), l.credited()); // refreshes the rep
    }
    return core;
  }

  // ---------------------------------------------------------------- snapshot

  List<RepSnapshot> snapshot() {
    List<RepSnapshot> out = new ArrayList<>(n());
    for (int r = 0; r < n(); r++) {
      Map<Tier, Integer> tiers = new LinkedHashMap<>();
      for (int t = 0; t < tierCount; t++) {
        tiers.put(tierOf[t], loads.tierHeld(r, t));
      }
      Rep rep = rep(r);
      out.add(
          new RepSnapshot(
              rep.id(),
              active(rep),
              loads.weight(r),
              loads.held(r),
              loads.units(r),
              tiers,
              (int) Math.min(Integer.MAX_VALUE, (long) rep.heldOutside() + loads.held(r)),
              rep.capacity(),
              loads.received(r),
              receivedValue[r],
              loads.credit(r),
              lastSeq[r]));
    }
    return List.copyOf(out);
  }
}
