/**
 * fairlead's core: the domain and its entity keys, the policy and its rulebook, problems, fairness
 * metrics, proven bounds, allocations and baselines, the online router, rebalancing with a move
 * budget, the book over time, JSON and CSV. It needs no solver.
 *
 * <p>The engine every allocator shares ({@code io.fairlead.core.internal}: the compiled problem,
 * the per-rep kernel, the score, the flows) is exported to the solver module only, so no other code
 * can reach it, by accident or on purpose.
 */
// "module": the solver module is not there when core is compiled (it depends on core);
// "requires-automatic": Guava 33.4 has no module descriptor yet, only an automatic module name.
@SuppressWarnings({"module", "requires-automatic"})
module io.fairlead.core {
  requires com.google.common;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;

  exports io.fairlead.core.model;
  exports io.fairlead.core.policy;
  exports io.fairlead.core.problem;
  exports io.fairlead.core.fairness;
  exports io.fairlead.core.bound;
  exports io.fairlead.core.allocation;
  exports io.fairlead.core.routing;
  exports io.fairlead.core.rebalance;
  exports io.fairlead.core.json;
  exports io.fairlead.core.csv;
  exports io.fairlead.core.identity;
  exports io.fairlead.core.book;
  exports io.fairlead.core.check;
  exports io.fairlead.core.internal to
      io.fairlead.solver;

  // The JSON documents' private records are read and written by Jackson.
  opens io.fairlead.core.json to
      com.fasterxml.jackson.databind;
}
