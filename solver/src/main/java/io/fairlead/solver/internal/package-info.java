/**
 * The OptaPlanner model behind {@link io.fairlead.solver.LeadAllocator}: not part of the API.
 *
 * <p>A {@link io.fairlead.solver.internal.Plan} holds one {@link
 * io.fairlead.solver.internal.PlanLead} entity per lead (its planning variable is the rep, or
 * {@code null} for unassigned) and one {@link io.fairlead.solver.internal.PlanRep} fact per rep.
 * {@link io.fairlead.solver.internal.FairleadConstraints} scores it with exactly the formulas of
 * {@code io.fairlead.core.internal.Scoring}, so that for every assignment the solver's score equals
 * {@code Assignment.score()}. {@link io.fairlead.solver.internal.PlanSolver} runs a greedy
 * construction ({@link io.fairlead.solver.internal.GreedyConstruction}) followed by a local search
 * over change moves and {@link io.fairlead.solver.internal.PairMove pair moves}: Late Acceptance,
 * or Tabu Search on small problems. A problem whose reps fall into groups that share no lead is
 * split by {@link io.fairlead.solver.internal.Decomposition} and its parts are solved in parallel
 * (a {@code Plan} can hold a part of a problem; the parts' scores add up to the whole score).
 *
 * <p>The few public types here are public only because OptaPlanner instantiates them reflectively
 * ({@code FairleadConstraints}, {@code PlanCloner}, {@code PairMoveFactory}), because it reaches
 * the planning variable through a getter and setter ({@code PlanLead}, {@code PlanRep}), or because
 * the facade in the parent package and the benchmarks call them ({@code PlanSolver}, {@code
 * SolveOptions}).
 *
 * @since 0.1.0
 */
package io.fairlead.solver.internal;
