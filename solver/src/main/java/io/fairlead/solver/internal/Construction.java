package io.fairlead.solver.internal;

import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/** The first phase of a solve: builds the local search's starting point, and times itself. */
interface Construction extends CustomPhaseCommand<Plan> {

  /** Duration of the last run in nanoseconds. */
  long nanos();
}
