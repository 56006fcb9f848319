package io.fairlead.lab;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.LeadAllocator;

/**
 * The lab's default batch allocator: a {@link LeadAllocator} with its defaults and the scenario's
 * seed, built for each problem's policy (a book's problems carry its cool-down rule in the policy,
 * and a {@code LeadAllocator} takes only problems of its own policy).
 */
final class SeededAllocator implements Allocator {
  private final long seed;

  SeededAllocator(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "fairlead";
  }

  @Override
  public Allocation allocate(Problem problem) {
    return LeadAllocator.builder().policy(problem.policy()).seed(seed).build().allocate(problem);
  }
}
