package io.fairlead.core.internal;

import io.fairlead.core.policy.Objective;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutable assignment of a compiled problem (a rep per lead, or none) over the per-rep kernel
 * {@link Loads}: it scores itself and answers "how would the score change if this lead went there"
 * from the kernel's one soft delta. Used to score any allocation (the solver's, the baselines', the
 * host's own book), to build the greedy start, and to explain decisions.
 *
 * <p>Not thread-safe.
 */
public final class Assignment {

  private final ProblemIndex index;
  private final Loads loads;
  private final int[] rep;
  private int unassigned;
  private long moved;
  private long ineligible;

  /** An empty assignment: every lead unassigned. */
  public Assignment(ProblemIndex index) {
    this.index = index;
    this.loads = index.newLoads();
    rep = new int[index.leadCount()];
    Arrays.fill(rep, -1);
    unassigned = index.leadCount();
  }

  /** An assignment holding the given reps (rep index per lead, -1 = unassigned). */
  public static Assignment of(ProblemIndex index, int[] reps) {
    if (reps.length != index.leadCount()) {
      throw new IllegalArgumentException(
          "assignment has " + reps.length + " entries for " + index.leadCount() + " leads");
    }
    Assignment a = new Assignment(index);
    for (int i = 0; i < reps.length; i++) {
      if (reps[i] >= 0) {
        a.assign(i, reps[i]);
      }
    }
    return a;
  }

  public ProblemIndex index() {
    return index;
  }

  /** The per-rep kernel (read only: change it through {@link #assign} and {@link #unassign}). */
  public Loads loads() {
    return loads;
  }

  /** The rep of a lead, or -1. */
  public int repOf(int lead) {
    return rep[lead];
  }

  /** A copy of the rep per lead. */
  public int[] reps() {
    return rep.clone();
  }

  /** Gives an unassigned lead to a rep. */
  public void assign(int lead, int r) {
    if (rep[lead] != -1) {
      throw new IllegalStateException("lead " + index.lead(lead).id() + " is already assigned");
    }
    rep[lead] = r;
    unassigned--;
    loads.add(r, index.tierRank(lead), index.valueUnits(lead), index.isNew(lead, r));
    if (moves(lead, r)) {
      moved++;
    }
    if (!index.allows(lead, r)) {
      ineligible++;
    }
  }

  /** Takes a lead away from its rep. */
  public void unassign(int lead) {
    int r = rep[lead];
    if (r == -1) {
      throw new IllegalStateException("lead " + index.lead(lead).id() + " is not assigned");
    }
    rep[lead] = -1;
    unassigned++;
    loads.remove(r, index.tierRank(lead), index.valueUnits(lead), index.isNew(lead, r));
    if (moves(lead, r)) {
      moved--;
    }
    if (!index.allows(lead, r)) {
      ineligible--;
    }
  }

  private boolean moves(int lead, int r) {
    int o = index.owner(lead);
    return o >= 0 && o != r;
  }

  /** Returns whether the rep has room for the lead under its capacity and new-lead cap. */
  public boolean hasRoom(int lead, int r) {
    return loads.hasRoom(r, index.isNew(lead, r));
  }

  /** The soft cost of the lead on the rep: its preference cost (0 if it fits the rep). */
  private long preferenceCost(int lead, int r) {
    return loads.preferenceCost(index.preferenceMismatches(lead, r));
  }

  /**
   * The change of the soft score if an unassigned lead were given to {@code r}: {@link
   * Loads#softDelta}, the one function every allocator asks.
   */
  public long softDeltaAssign(int lead, int r) {
    return loads.softDelta(
        r,
        index.tierRank(lead),
        index.valueUnits(lead),
        preferenceCost(lead, r),
        moves(lead, r),
        index.isNew(lead, r));
  }

  /** The hard penalty of one rep (capacity and new-lead overflow). */
  private long hard(int r) {
    return loads.capacityOverflow(r) + loads.newLeadOverflow(r);
  }

  /**
   * The change {hard, soft} of the score if an unassigned lead were given to {@code r} (medium
   * always drops by one).
   */
  public long[] deltaAssign(int lead, int r) {
    long soft = softDeltaAssign(lead, r);
    long before = hard(r);
    loads.add(r, index.tierRank(lead), index.valueUnits(lead), index.isNew(lead, r));
    long after = hard(r);
    loads.remove(r, index.tierRank(lead), index.valueUnits(lead), index.isNew(lead, r));
    return new long[] {after - before + (index.allows(lead, r) ? 0 : 1), soft};
  }

  /** The change {hard, soft} of the score if an assigned lead moved to {@code to}. */
  public long[] deltaMove(int lead, int to) {
    int from = rep[lead];
    if (from == to) {
      return new long[] {0, 0};
    }
    Score before = score();
    unassign(lead);
    assign(lead, to);
    Score after = score();
    unassign(lead);
    assign(lead, from);
    return new long[] {after.hard() - before.hard(), after.soft() - before.soft()};
  }

  /**
   * The soft penalty the lead adds on its rep, per objective id: what the score would gain if it
   * were unassigned (balance terms are marginal: the rep's term with it minus without it).
   */
  public Map<String, Long> contributions(int lead) {
    int r = rep[lead];
    Map<String, Long> out = new LinkedHashMap<>();
    if (r < 0) {
      return out;
    }
    long[] with = new long[Objective.values().length];
    for (Objective o : Objective.values()) {
      if (o.isBalance()) {
        with[o.ordinal()] = loads.term(o, r);
      }
    }
    loads.remove(r, index.tierRank(lead), index.valueUnits(lead), index.isNew(lead, r));
    for (Objective o : Objective.values()) {
      if (o.isBalance()) {
        out.put(o.id(), with[o.ordinal()] - loads.term(o, r));
      }
    }
    loads.add(r, index.tierRank(lead), index.valueUnits(lead), index.isNew(lead, r));
    out.put(Objective.CONTINUITY.id(), moves(lead, r) ? loads.continuity() : 0L);
    out.put(Objective.PREFERENCE.id(), preferenceCost(lead, r));
    return out;
  }

  /** The full score, by term ({@link Scoring#TERMS}). */
  public Score score() {
    long[] terms = new long[Scoring.TERMS.size()];
    int capacity = Scoring.TERMS.indexOf(Scoring.CAPACITY);
    int newCap = Scoring.TERMS.indexOf(Scoring.NEW_LEAD_CAP);
    for (int r = 0; r < loads.size(); r++) {
      terms[capacity] += loads.capacityOverflow(r);
      terms[newCap] += loads.newLeadOverflow(r);
      for (Objective o : Objective.values()) {
        if (o.isBalance()) {
          terms[Scoring.term(o)] += loads.term(o, r);
        }
      }
    }
    int unassignedTier = Scoring.TERMS.indexOf(Scoring.UNASSIGNED_TIER);
    int preference = Scoring.term(Objective.PREFERENCE);
    for (int i = 0; i < rep.length; i++) {
      if (rep[i] < 0) {
        terms[unassignedTier] += loads.unassignedTier(index.tierRank(i));
      } else {
        terms[preference] += preferenceCost(i, rep[i]);
      }
    }
    terms[Scoring.TERMS.indexOf(Scoring.ELIGIBILITY)] = ineligible;
    terms[Scoring.TERMS.indexOf(Scoring.UNASSIGNED)] = unassigned;
    terms[Scoring.term(Objective.CONTINUITY)] = moved * loads.continuity();
    long hard = 0;
    for (int k = 0; k < Scoring.HARD_TERMS; k++) {
      hard += terms[k];
    }
    long soft = 0;
    for (int k = Scoring.FIRST_OBJECTIVE; k < terms.length; k++) {
      soft += terms[k];
    }
    return new Score(hard, unassigned, soft, terms);
  }
}
