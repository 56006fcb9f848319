package io.fairlead.solver.internal;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.problem.Problem;

/** Compiles test problems. */
final class Indexes {

  private Indexes() {}

  static ProblemIndex of(Problem p) {
    return new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
  }
}
