package io.fairlead.core.fairness;

import io.fairlead.core.allocation.Problem;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Map;

/** Computes {@link FairnessMetrics}. */
final class MetricsCalculator {
  private MetricsCalculator() {}

  static FairnessMetrics compute(Problem problem, Map<LeadId, RepId> assignment) {
    throw new UnsupportedOperationException("TODO: being written");
  }
}
