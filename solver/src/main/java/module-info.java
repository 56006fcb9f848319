/**
 * fairlead's optimiser: {@link io.fairlead.solver.LeadAllocator}, with OptaPlanner behind it. Only
 * the facade is exported; the planning model is opened to OptaPlanner, which reads its annotations
 * and builds its classes reflectively, and to nobody else.
 */
// "requires-automatic": OptaPlanner 10.1 has no module descriptors, only automatic module names.
@SuppressWarnings("requires-automatic")
module io.fairlead.solver {
  requires transitive io.fairlead.core;
  requires org.optaplanner.core.impl;
  requires org.slf4j;

  exports io.fairlead.solver;

  opens io.fairlead.solver.internal to
      org.optaplanner.core.impl;
}
