package io.fairlead.core.routing;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch placed the way the {@link LeadRouter} places a stream: one router on the problem's roster
 * and ledger, the owned leads first (kept, locked or moved by the policy), then the others, each in
 * the problem's order. Deterministic; quick enough for a day's leads on a large book.
 */
final class RouterAllocator implements Allocator {

  static final RouterAllocator INSTANCE = new RouterAllocator(Double.NaN);

  /** The router's ledger tolerance; NaN = the router's default. */
  private final double ledgerTolerance;

  RouterAllocator(double ledgerTolerance) {
    this.ledgerTolerance = ledgerTolerance;
  }

  /** {@code "router"}, or {@code "router/∞"} and {@code "router/2.0"} with another tolerance. */
  @Override
  public String name() {
    if (Double.isNaN(ledgerTolerance)) {
      return "router";
    }
    return "router/" + (ledgerTolerance == Double.POSITIVE_INFINITY ? "∞" : ledgerTolerance);
  }

  @Override
  public Allocation allocate(Problem problem) {
    long start = System.nanoTime();
    Policy policy = problem.policy();
    double total = 0;
    for (Lead l : problem.leads()) {
      total += policy.valueOf(l);
    }
    LeadRouter.Builder b =
        LeadRouter.builder(policy).roster(problem.reps()).ledger(problem.ledger());
    if (!Double.isNaN(ledgerTolerance)) {
      b.ledgerTolerance(ledgerTolerance);
    }
    if (total > 0) {
      b.meanValue(Math.min(Lead.MAX_VALUE, total / problem.leads().size()));
    }
    LeadRouter router = b.build();
    List<Lead> order = new ArrayList<>(problem.leads().size());
    problem.leads().stream().filter(l -> l.currentOwner().isPresent()).forEach(order::add);
    problem.leads().stream().filter(l -> l.currentOwner().isEmpty()).forEach(order::add);
    Map<LeadId, RepId> assignment = new HashMap<>();
    for (Lead l : order) {
      router.route(l).rep().ifPresent(r -> assignment.put(l.id(), r));
    }
    return Allocation.of(problem, assignment, name(), Duration.ofNanos(System.nanoTime() - start));
  }
}
