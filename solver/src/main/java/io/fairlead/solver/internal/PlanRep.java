package io.fairlead.solver.internal;

import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A rep as a problem fact: what the constraints need to score its load. Immutable; identity
 * equality (one instance per rep, shared by every clone of the plan).
 *
 * <p>Public only because it is the type of {@link PlanLead#getRep}, which OptaPlanner calls through
 * generated code that can only name public classes.
 */
public final class PlanRep {

  @PlanningId private final Integer index;
  private final RepId id;
  private final Policy policy;
  private final double weight;
  private final int capacity;
  private final int heldOutside;
  private final int newLeadCap;
  private final int received;
  private final double credited;

  PlanRep(
      int index,
      RepId id,
      Policy policy,
      double weight,
      int capacity,
      int heldOutside,
      int newLeadCap,
      int received,
      double credited) {
    this.index = index;
    this.id = id;
    this.policy = policy;
    this.weight = weight;
    this.capacity = capacity;
    this.heldOutside = heldOutside;
    this.newLeadCap = newLeadCap;
    this.received = received;
    this.credited = credited;
  }

  /** The rep's index in the problem (roster order). */
  int index() {
    return index;
  }

  RepId id() {
    return id;
  }

  Policy policy() {
    return policy;
  }

  /** The effective weight (bounded by the policy). */
  double weight() {
    return weight;
  }

  int capacity() {
    return capacity;
  }

  int heldOutside() {
    return heldOutside;
  }

  int newLeadCap() {
    return newLeadCap;
  }

  /** The new leads it received earlier in the period (its period ledger entry). */
  int received() {
    return received;
  }

  /** Its credit in the period ledger before this problem (where its receipts term starts). */
  double credited() {
    return credited;
  }

  /** Whether customers held outside the problem alone already exceed the capacity. */
  boolean overCapacityWithoutLeads() {
    return heldOutside > capacity;
  }

  /** Whether the new leads it received earlier in the period alone already exceed its cap. */
  boolean overNewLeadCapWithoutLeads() {
    return received > newLeadCap;
  }

  @Override
  public String toString() {
    return id.value();
  }
}
