package io.fairlead.core.internal;

import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.policy.Objective;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutable assignment with per-rep aggregates (leads, new leads, value units, tier counts) that
 * scores it with {@link Scoring} and answers "how would the score change if this lead moved" in
 * {@code O(tiers)}. Used to score any allocation (solver, baselines, the host's own book), to
 * explain decisions and to route single leads greedily.
 *
 * <p>Not thread-safe.
 */
public final class Book {

  private final ProblemIndex index;
  private final int[] assignment;
  private final int[] leads;
  private final int[] newLeads;
  private final long[] value;
  private final int[][] tiers;
  private int unassigned;
  private long moved;
  // The policy's factors, read once for softDeltaAssign (a hot loop of greedy construction).
  private final double kCount;
  private final double kValue;
  private final double[] kTier;
  private final long[] preference;
  private final long continuity;
  private final long[] unassignedTier;

  /** An empty book: every lead unassigned. */
  public Book(ProblemIndex index) {
    this.index = index;
    int reps = index.repCount();
    assignment = new int[index.leadCount()];
    java.util.Arrays.fill(assignment, -1);
    leads = new int[reps];
    newLeads = new int[reps];
    value = new long[reps];
    tiers = new int[reps][index.tierCount()];
    unassigned = index.leadCount();
    var p = index.policy();
    kCount = p.weight(Objective.COUNT);
    kValue = p.weight(Objective.VALUE);
    kTier = new double[index.tierCount()];
    unassignedTier = new long[index.tierCount()];
    for (int t = 0; t < kTier.length; t++) {
      kTier[t] = Scoring.tierFactor(p, t);
      unassignedTier[t] = Scoring.unassignedTierPenalty(p, t);
    }
    preference = new long[3]; // at most two mismatches: industry and role
    for (int m = 0; m < preference.length; m++) {
      preference[m] = Scoring.preferencePenalty(p, m);
    }
    continuity = Scoring.continuityPenalty(p);
  }

  /** A book holding the given assignment (rep index per lead, -1 = unassigned). */
  public static Book of(ProblemIndex index, int[] assignment) {
    Book b = new Book(index);
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] >= 0) {
        b.assign(i, assignment[i]);
      }
    }
    return b;
  }

  public ProblemIndex index() {
    return index;
  }

  /** The rep of a lead, or -1. */
  public int repOf(int lead) {
    return assignment[lead];
  }

  /** A copy of the assignment array. */
  public int[] assignment() {
    return assignment.clone();
  }

  public int leads(int rep) {
    return leads[rep];
  }

  public int newLeads(int rep) {
    return newLeads[rep];
  }

  public long valueUnits(int rep) {
    return value[rep];
  }

  public int tierLeads(int rep, int tierRank) {
    return tiers[rep][tierRank];
  }

  /** Gives an unassigned lead to a rep. */
  public void assign(int lead, int rep) {
    if (assignment[lead] != -1) {
      throw new IllegalStateException("lead " + index.lead(lead).id() + " is already assigned");
    }
    assignment[lead] = rep;
    unassigned--;
    leads[rep]++;
    if (index.isNew(lead, rep)) {
      newLeads[rep]++;
    }
    value[rep] += index.valueUnits(lead);
    tiers[rep][index.tierRank(lead)]++;
    if (index.owner(lead) >= 0 && index.owner(lead) != rep) {
      moved++;
    }
  }

  /** Takes a lead away from its rep. */
  public void unassign(int lead) {
    int rep = assignment[lead];
    if (rep == -1) {
      throw new IllegalStateException("lead " + index.lead(lead).id() + " is not assigned");
    }
    assignment[lead] = -1;
    unassigned++;
    leads[rep]--;
    if (index.isNew(lead, rep)) {
      newLeads[rep]--;
    }
    value[rep] -= index.valueUnits(lead);
    tiers[rep][index.tierRank(lead)]--;
    if (index.owner(lead) >= 0 && index.owner(lead) != rep) {
      moved--;
    }
  }

  /** Returns whether the rep can take the lead without breaking its capacity or new-lead cap. */
  public boolean hasRoom(int lead, int rep) {
    var r = index.rep(rep);
    if ((long) r.heldOutside() + leads[rep] + 1 > index.capacity(rep)) {
      return false;
    }
    return !index.isNew(lead, rep) || newLeads[rep] + 1 <= index.newLeadCap(rep);
  }

  /** The hard penalty of one rep. */
  long hard(int rep) {
    var r = index.rep(rep);
    return Scoring.capacityOverflow(r.heldOutside(), leads[rep], index.capacity(rep))
        + Scoring.newLeadOverflow(newLeads[rep], index.newLeadCap(rep));
  }

  /** The balance (count + value + tier) soft penalty of one rep. */
  long balance(int rep) {
    var p = index.policy();
    double w = index.weight(rep);
    long s = Scoring.countPenalty(p, leads[rep], w) + Scoring.valuePenalty(p, value[rep], w);
    for (int t = 0; t < tiers[rep].length; t++) {
      s += Scoring.tierPenalty(p, t, tiers[rep][t], w);
    }
    return s;
  }

  /** The soft penalty a lead adds for itself on a rep (continuity + preference). */
  long own(int lead, int rep) {
    var p = index.policy();
    long s = Scoring.preferencePenalty(p, index.preferenceMismatches(lead, rep));
    if (index.owner(lead) >= 0 && index.owner(lead) != rep) {
      s += Scoring.continuityPenalty(p);
    }
    return s;
  }

  /**
   * The change {hard, soft} of the score if an unassigned lead were given to {@code rep} (medium
   * always drops by one; the unassigned-tier penalty of the lead is included).
   */
  public long[] deltaAssign(int lead, int rep) {
    long hardBefore = hard(rep);
    long softBefore = balance(rep);
    assign(lead, rep);
    long hardAfter = hard(rep);
    long softAfter = balance(rep) + own(lead, rep);
    unassign(lead);
    long unassignedTier = Scoring.unassignedTierPenalty(index.policy(), index.tierRank(lead));
    return new long[] {hardAfter - hardBefore, softAfter - softBefore - unassignedTier};
  }

  /**
   * The soft part of {@link #deltaAssign}, computed from the terms that change only, without
   * touching the book or allocating: the same number, for the hot loop of greedy construction.
   */
  public long softDeltaAssign(int lead, int rep) {
    int t = index.tierRank(lead);
    double w = index.weight(rep);
    long n = leads[rep];
    long nt = tiers[rep][t];
    long v = value[rep];
    long u = index.valueUnits(lead);
    int owner = index.owner(lead);
    return Scoring.squarePenalty(kCount, n + 1, w)
        - Scoring.squarePenalty(kCount, n, w)
        + Scoring.valuePenalty(kValue, v + u, w)
        - Scoring.valuePenalty(kValue, v, w)
        + Scoring.squarePenalty(kTier[t], nt + 1, w)
        - Scoring.squarePenalty(kTier[t], nt, w)
        + preference[index.preferenceMismatches(lead, rep)]
        + (owner >= 0 && owner != rep ? continuity : 0)
        - unassignedTier[t];
  }

  /** The change {hard, soft} of the score if an assigned lead moved to {@code to}. */
  public long[] deltaMove(int lead, int to) {
    int from = assignment[lead];
    if (from == to) {
      return new long[] {0, 0};
    }
    long hardBefore = hard(from) + hard(to);
    long softBefore = balance(from) + balance(to) + own(lead, from);
    unassign(lead);
    assign(lead, to);
    long hardAfter = hard(from) + hard(to);
    long softAfter = balance(from) + balance(to) + own(lead, to);
    unassign(lead);
    assign(lead, from);
    return new long[] {hardAfter - hardBefore, softAfter - softBefore};
  }

  /**
   * The soft penalty the lead adds on its rep, per objective id: what the score would gain if it
   * were unassigned (balance terms are marginal: the rep's term with it minus without it).
   */
  public Map<String, Long> contributions(int lead) {
    int rep = assignment[lead];
    Map<String, Long> out = new LinkedHashMap<>();
    if (rep < 0) {
      return out;
    }
    var p = index.policy();
    double w = index.weight(rep);
    int t = index.tierRank(lead);
    out.put(
        Objective.COUNT.id(),
        Scoring.countPenalty(p, leads[rep], w) - Scoring.countPenalty(p, leads[rep] - 1, w));
    out.put(
        Objective.VALUE.id(),
        Scoring.valuePenalty(p, value[rep], w)
            - Scoring.valuePenalty(p, value[rep] - index.valueUnits(lead), w));
    out.put(
        Objective.TIER.id(),
        Scoring.tierPenalty(p, t, tiers[rep][t], w)
            - Scoring.tierPenalty(p, t, tiers[rep][t] - 1, w));
    out.put(
        Objective.CONTINUITY.id(),
        index.owner(lead) >= 0 && index.owner(lead) != rep ? Scoring.continuityPenalty(p) : 0L);
    out.put(
        Objective.PREFERENCE.id(),
        Scoring.preferencePenalty(p, index.preferenceMismatches(lead, rep)));
    return out;
  }

  /** The full score, by constraint. */
  public ScoreBreakdown score() {
    var p = index.policy();
    long capacity = 0;
    long newCap = 0;
    long count = 0;
    long val = 0;
    long tier = 0;
    for (int r = 0; r < leads.length; r++) {
      var rep = index.rep(r);
      double w = index.weight(r);
      capacity += Scoring.capacityOverflow(rep.heldOutside(), leads[r], index.capacity(r));
      newCap += Scoring.newLeadOverflow(newLeads[r], index.newLeadCap(r));
      count += Scoring.countPenalty(p, leads[r], w);
      val += Scoring.valuePenalty(p, value[r], w);
      for (int t = 0; t < tiers[r].length; t++) {
        tier += Scoring.tierPenalty(p, t, tiers[r][t], w);
      }
    }
    long unassignedTier = 0;
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] < 0) {
        unassignedTier += Scoring.unassignedTierPenalty(p, index.tierRank(i));
      }
    }
    long continuity = moved * Scoring.continuityPenalty(p);
    long preference = 0;
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] >= 0) {
        preference += Scoring.preferencePenalty(p, index.preferenceMismatches(i, assignment[i]));
      }
    }
    Map<String, Long> by = new LinkedHashMap<>();
    by.put(Scoring.CAPACITY, capacity);
    by.put(Scoring.NEW_LEAD_CAP, newCap);
    by.put(Scoring.UNASSIGNED, (long) unassigned);
    by.put(Objective.COUNT.id(), count);
    by.put(Objective.VALUE.id(), val);
    by.put(Objective.TIER.id(), tier);
    by.put(Objective.CONTINUITY.id(), continuity);
    by.put(Objective.PREFERENCE.id(), preference);
    by.put(Scoring.UNASSIGNED_TIER, unassignedTier);
    return new ScoreBreakdown(
        capacity + newCap,
        unassigned,
        count + val + tier + continuity + preference + unassignedTier,
        by);
  }
}
