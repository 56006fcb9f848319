package io.fairlead.core.allocation;

import io.fairlead.core.problem.Problem;

/**
 * Anything that distributes a problem's leads: the optimising {@code LeadAllocator} of the solver
 * module, or the {@link Baselines} that CRMs use today. Feeding the same problem to several
 * allocators and comparing their {@link Allocation#metrics()} is how policies are compared.
 *
 * @since 0.1.0
 */
public interface Allocator {

  /** A short name for reports, e.g. {@code "round-robin"}. */
  String name();

  /**
   * Distributes the problem's leads. Never throws for an infeasible problem: leads that cannot be
   * placed come back unassigned with a reason.
   */
  Allocation allocate(Problem problem);
}
