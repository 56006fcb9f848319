package io.fairlead.solver.internal;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import java.util.ArrayList;
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
 */
@PlanningSolution(solutionCloner = PlanCloner.class)
final class Plan {

  private final ProblemIndex index;

  /** The leads of the plan this one was cloned from, at any depth: only fixed fields are read. */
  private final List<PlanLead> prototypes;

  @ProblemFactCollectionProperty private final List<PlanRep> reps;

  @PlanningEntityCollectionProperty private final List<PlanLead> leads;

  @PlanningScore private HardMediumSoftLongScore score;

  /** Built on first use by the pair moves; never copied to clones. */
  private TerritoryGroups territoryGroups;

  private Plan(
      ProblemIndex index,
      List<PlanRep> reps,
      List<PlanLead> prototypes,
      List<PlanLead> leads,
      HardMediumSoftLongScore score) {
    this.index = index;
    this.reps = reps;
    this.prototypes = prototypes;
    this.leads = leads;
    this.score = score;
  }

  /** A planning clone: the assignment as an array; the leads are built on first access. */
  Plan planningClone() {
    return new Plan(
        index, reps, prototypes, new LazyLeads(prototypes, reps, assignment()), score);
  }

  /**
   * Builds the plan of a problem with the given assignment (rep index per lead, -1 = unassigned).
   * Pinned leads (kept or locked) get their owner as their only value; free leads get their
   * eligible reps, one shared list per distinct eligible array of the index.
   */
  static Plan of(ProblemIndex index, int[] assignment) {
    if (assignment.length != index.leadCount()) {
      throw new IllegalArgumentException(
          "assignment has " + assignment.length + " entries for " + index.leadCount() + " leads");
    }
    var policy = index.policy();
    List<PlanRep> reps = new ArrayList<>(index.repCount());
    for (int r = 0; r < index.repCount(); r++) {
      var rep = index.rep(r);
      reps.add(
          new PlanRep(
              r,
              rep.id(),
              policy,
              index.weight(r),
              index.capacity(r),
              rep.heldOutside(),
              index.newLeadCap(r)));
    }
    List<PlanRep> shared = List.copyOf(reps);
    Map<int[], List<PlanRep>> ranges = new IdentityHashMap<>();
    Map<Integer, List<PlanRep>> ownerRanges = new HashMap<>();
    Map<List<Object>, int[]> mismatches = new HashMap<>();
    List<PlanLead> leads = new ArrayList<>(index.leadCount());
    for (int i = 0; i < index.leadCount(); i++) {
      boolean pinned = index.pin(i) != ProblemIndex.Pin.FREE;
      List<PlanRep> range;
      if (pinned) {
        range = ownerRanges.computeIfAbsent(index.owner(i), o -> List.of(shared.get(o)));
      } else {
        range =
            ranges.computeIfAbsent(
                index.eligible(i), e -> java.util.Arrays.stream(e).mapToObj(shared::get).toList());
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
              lead.id(),
              policy,
              index.tierRank(i),
              index.valueUnits(i),
              index.owner(i),
              byRep,
              pinned,
              range,
              a < 0 ? null : shared.get(a)));
    }
    List<PlanLead> fixed = Collections.unmodifiableList(leads);
    return new Plan(index, shared, fixed, fixed, null);
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

  List<PlanLead> leads() {
    return leads;
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

  /** The assignment: rep index per lead, -1 = unassigned (a fresh array). */
  int[] assignment() {
    if (leads instanceof LazyLeads lazy) {
      return lazy.assignment();
    }
    int[] a = new int[leads.size()];
    for (int i = 0; i < a.length; i++) {
      PlanRep r = leads.get(i).rep();
      a[i] = r == null ? -1 : r.index();
    }
    return a;
  }
}
