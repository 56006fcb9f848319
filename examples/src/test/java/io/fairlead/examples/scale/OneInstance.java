package io.fairlead.examples.scale;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouteDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The reference: one router over the whole book, reading the whole stream in order. */
final class OneInstance {

  final LeadRouter router;
  private final Map<Long, RouteDecision> decisions = new LinkedHashMap<>();

  OneInstance(Policy policy, List<Rep> roster, List<Lead> book, OptionalDouble meanValue) {
    LeadRouter.Builder b = LeadRouter.builder(policy).roster(roster).book(book);
    meanValue.ifPresent(b::meanValue);
    this.router = b.build();
  }

  OneInstance read(List<LogRecord> records) {
    for (LogRecord r : records) {
      if (r instanceof LogRecord.Route route) {
        decisions.put(r.at(), router.route(route.lead()));
      } else if (r instanceof LogRecord.Release release) {
        router.release(release.lead().id());
      } else if (r instanceof LogRecord.UpdateRep u) {
        router.updateRep(u.rep());
      } else {
        router.startPeriod();
      }
    }
    return this;
  }

  /** Every decision, by the producer's sequence number of the record it answers. */
  Map<Long, RouteDecision> decisions() {
    return Map.copyOf(decisions);
  }
}
