package io.fairlead.solver.internal;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The planning solution: one {@link PlanLead} per lead (input order), one {@link PlanRep} per rep
 * (roster order), and the compiled problem they come from. Cloned by {@link PlanCloner}, which
 * records the assignment as an array: the clone's leads are built only if someone reads them
 * ({@link LazyLeads}).
 *
 * <p>A plan may also be a <em>part</em> of its problem ({@link #part}): some of its leads and reps
 * only, still indexed as in the whole problem. Its score is then the part's share of the whole
 * score; when no lead of the part may go to a rep outside it, and every lead of its reps is in it,
 * the scores of disjoint parts covering the problem add up to the whole score ({@link
 * Decomposition}).
 */
@PlanningSolution(solutionCloner = PlanCloner.class)
final class Plan {

  private final ProblemIndex index;

  /** The problem index of the lead at each position of the plan. */
  private final int[] leadIndices;

  /** The plan's reps by their index in the problem; {@code null} for reps outside the plan. */
  private final PlanRep[] repsByIndex;

  /** Rep index per lead position, -1 = unassigned: written through by {@link PlanLead#setRep}. */
  private final int[] assignment;

  /** The leads of the plan this one was cloned from, at any depth: only fixed fields are read. */
  private final List<PlanLead> prototypes;

  @ProblemFactCollectionProperty private final List<PlanRep> reps;

  @PlanningEntityCollectionProperty private final List<PlanLead> leads;

  @PlanningScore private HardMediumSoftLongScore score;

  /** Built on first use by the pair moves; never copied to clones. */
  private TerritoryGroups territoryGroups;

  private Plan(
      ProblemIndex index,
      int[] leadIndices,
      PlanRep[] repsByIndex,
      int[] assignment,
      List<PlanRep> reps,
      List<PlanLead> prototypes,
      List<PlanLead> leads,
      HardMediumSoftLongScore score) {
    this.index = index;
    this.leadIndices = leadIndices;
    this.repsByIndex = repsByIndex;
    this.assignment = assignment;
    this.reps = reps;
    this.prototypes = prototypes;
    this.leads = leads;
    this.score = score;
  }

  /** A planning clone: the assignment as an array; the leads are built on first access. */
  Plan planningClone() {
    int[] copy = assignment.clone();
    return new Plan(
        index,
        leadIndices,
        repsByIndex,
        copy,
        reps,
        prototypes,
        new LazyLeads(prototypes, repsByIndex, copy),
        score);
  }

  /**
   * Builds the plan of a problem with the given assignment (rep index per lead, -1 = unassigned).
   * Pinned leads (kept or locked) get their owner as their only value; free leads get their
   * eligible reps, one shared list per distinct eligible array of the index.
   */
  static Plan of(ProblemIndex index, int[] assignment) {
    int[] leads = new int[index.leadCount()];
    Arrays.setAll(leads, i -> i);
    int[] reps = new int[index.repCount()];
    Arrays.setAll(reps, r -> r);
    return part(index, assignment, leads, reps);
  }

  /**
   * Builds the plan of a part of a problem: the given leads and reps (problem indices, ascending),
   * with the leads' reps taken from {@code assignment} (rep index per lead of the whole problem).
   * Every rep a lead of the part is eligible for, and the owner of each pinned lead, must be in the
   * part.
   */
  static Plan part(ProblemIndex index, int[] assignment, int[] leadIndices, int[] repIndices) {
    if (assignment.length != index.leadCount()) {
      throw new IllegalArgumentException(
          "assignment has " + assignment.length + " entries for " + index.leadCount() + " leads");
    }
    var policy = index.policy();
    PlanRep[] byIndex = new PlanRep[index.repCount()];
    List<PlanRep> reps = new ArrayList<>(repIndices.length);
    for (int r : repIndices) {
      var rep = index.rep(r);
      PlanRep planRep =
          new PlanRep(
              r,
              rep.id(),
              policy,
              index.weight(r),
              index.capacity(r),
              rep.heldOutside(),
              index.newLeadCap(r),
              index.ledgerReceived(r),
              index.ledgerCredited(r));
      byIndex[r] = planRep;
      reps.add(planRep);
    }
    List<PlanRep> shared = List.copyOf(reps);
    Map<int[], List<PlanRep>> ranges = new IdentityHashMap<>();
    Map<Integer, List<PlanRep>> ownerRanges = new HashMap<>();
    Map<List<Object>, int[]> mismatches = new HashMap<>();
    List<PlanLead> leads = new ArrayList<>(leadIndices.length);
    int[] mirror = new int[leadIndices.length];
    for (int position = 0; position < leadIndices.length; position++) {
      int i = leadIndices[position];
      boolean pinned = index.pin(i) != ProblemIndex.Pin.FREE;
      List<PlanRep> range;
      if (pinned) {
        range = ownerRanges.computeIfAbsent(index.owner(i), o -> List.of(repOf(byIndex, o, i)));
      } else {
        final int lead = i;
        range =
            ranges.computeIfAbsent(
                index.eligible(i),
                e -> Arrays.stream(e).mapToObj(r -> repOf(byIndex, r, lead)).toList());
      }
      // Preference mismatches depend on the lead's industry and kind only; share one table each.
      Lead lead = index.lead(i);
      final int leadIndex = i;
      int[] byRep =
          mismatches.computeIfAbsent(
              List.of(lead.industry(), lead.kind()),
              k -> {
                int[] m = new int[index.repCount()];
                for (int r = 0; r < m.length; r++) {
                  m[r] = index.preferenceMismatches(leadIndex, r);
                }
                return m;
              });
      int a = assignment[i];
      leads.add(
          new PlanLead(
              i,
              position,
              lead.id(),
              policy,
              index.tierRank(i),
              index.valueUnits(i),
              index.owner(i),
              byRep,
              index,
              pinned,
              range,
              a < 0 ? null : repOf(byIndex, a, i),
              mirror));
    }
    List<PlanLead> fixed = Collections.unmodifiableList(leads);
    return new Plan(index, leadIndices.clone(), byIndex, mirror, shared, fixed, fixed, null);
  }

  private static PlanRep repOf(PlanRep[] byIndex, int rep, int lead) {
    PlanRep r = byIndex[rep];
    if (r == null) {
      throw new IllegalArgumentException(
          "lead " + lead + " may go to rep " + rep + ", which is outside the part");
    }
    return r;
  }

  /** The plan where pinned leads sit with their owners and every other lead is unassigned. */
  static Plan initial(ProblemIndex index) {
    return of(index, pinnedOnly(index));
  }

  /** The assignment holding only the pinned leads (with their owners). */
  static int[] pinnedOnly(ProblemIndex index) {
    int[] a = new int[index.leadCount()];
    for (int i = 0; i < a.length; i++) {
      a[i] = index.pin(i) == ProblemIndex.Pin.FREE ? -1 : index.owner(i);
    }
    return a;
  }

  ProblemIndex index() {
    return index;
  }

  List<PlanRep> reps() {
    return reps;
  }

  /** The rep with this index in the problem; {@code null} if it is not in the plan. */
  PlanRep rep(int repIndex) {
    return repsByIndex[repIndex];
  }

  List<PlanLead> leads() {
    return leads;
  }

  /** The problem index of each of the plan's leads, by position (a fresh array). */
  int[] leadIndices() {
    return leadIndices.clone();
  }

  HardMediumSoftLongScore score() {
    return score;
  }

  void setScore(HardMediumSoftLongScore score) {
    this.score = score;
  }

  /** The free leads grouped by territory class, for {@link PairMoveFactory}. */
  TerritoryGroups territoryGroups() {
    if (territoryGroups == null) {
      territoryGroups = new TerritoryGroups(leads);
    }
    return territoryGroups;
  }

  /**
   * The assignment: rep index (in the problem) per lead position, -1 = unassigned (a fresh array).
   * For a whole plan, positions are lead indices.
   */
  int[] assignment() {
    return assignment.clone();
  }

  /** Copies this plan's assignment into {@code whole} (rep index per lead of the problem). */
  void writeTo(int[] whole) {
    int[] a = assignment();
    for (int p = 0; p < a.length; p++) {
      whole[leadIndices[p]] = a[p];
    }
  }

  /** The assignment of the whole problem with this plan's leads as they are, others unassigned. */
  int[] wholeAssignment() {
    int[] whole = new int[index.leadCount()];
    Arrays.fill(whole, -1);
    writeTo(whole);
    return whole;
  }
}
