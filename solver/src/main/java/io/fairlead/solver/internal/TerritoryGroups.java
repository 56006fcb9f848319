package io.fairlead.solver.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The free leads of a plan that have an eligible rep, and the same leads grouped by territory class
 * (identical eligible list): what {@link PairMoveFactory} draws from. Built once per working
 * solution, in lead order, so that draws are reproducible.
 */
final class TerritoryGroups {

  private final PlanLead[] free;
  private final PlanLead[][] groupOfLead;

  TerritoryGroups(List<PlanLead> planLeads) {
    Map<List<PlanRep>, List<PlanLead>> byRange = new IdentityHashMap<>();
    List<PlanLead> all = new ArrayList<>();
    for (PlanLead lead : planLeads) {
      if (!lead.pinned() && !lead.eligible().isEmpty()) {
        all.add(lead);
        byRange.computeIfAbsent(lead.eligible(), k -> new ArrayList<>()).add(lead);
      }
    }
    free = all.toArray(PlanLead[]::new);
    groupOfLead = new PlanLead[planLeads.size()][];
    // Lead order, not identity-hash order, so that the arrays are the same in every run.
    for (PlanLead lead : free) {
      if (groupOfLead[lead.position()] == null) {
        PlanLead[] group = byRange.get(lead.eligible()).toArray(PlanLead[]::new);
        for (PlanLead member : group) {
          groupOfLead[member.position()] = group;
        }
      }
    }
  }

  /** How many free leads have an eligible rep. */
  int leadCount() {
    return free.length;
  }

  /** The i-th of them, in lead order. */
  PlanLead lead(int i) {
    return free[i];
  }

  /** The free leads with the same eligible reps as this one (itself included). */
  PlanLead[] groupOf(PlanLead lead) {
    return groupOfLead[lead.position()];
  }
}
