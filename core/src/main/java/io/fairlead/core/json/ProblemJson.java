package io.fairlead.core.json;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The service format of a {@link Problem}: {@code {"policy": {...}, "reps": [...], "leads":
 * [...]}}, with the policy optional ({@link Policy#defaults()}).
 */
record ProblemJson(PolicyJson policy, List<RepJson> reps, List<LeadJson> leads) {

  static ProblemJson from(Problem problem) {
    return new ProblemJson(
        PolicyJson.from(problem.policy()),
        RepJson.from(problem.reps()),
        LeadJson.from(problem.leads()));
  }

  Problem toProblem(JsonPath at) {
    Policy p = policy == null ? Policy.defaults() : policy.toPolicy(at.field("policy"));
    List<Rep> roster = RepJson.toReps(at.field("reps"), at.required(reps, "reps"));
    List<Lead> list = LeadJson.toLeads(at.field("leads"), at.required(leads, "leads"));
    if (roster.isEmpty()) {
      throw at.field("reps").error("the roster is empty, at least one rep is needed");
    }
    // The checks across records, before Problem repeats them, so that errors point at the field.
    Set<RepId> ids = new HashSet<>();
    for (int i = 0; i < roster.size(); i++) {
      Rep r = roster.get(i);
      ids.add(r.id());
      List<String> tiers =
          reps.get(i).allowedTiers() == null ? List.of() : reps.get(i).allowedTiers();
      for (int j = 0; j < tiers.size(); j++) {
        if (!p.tiers().contains(Tier.of(tiers.get(j)))) {
          throw at.field("reps")
              .index(i)
              .labelled("rep " + r.id())
              .field("allowedTiers")
              .index(j)
              .error(
                  "allowedTiers names tier '"
                      + tiers.get(j)
                      + "', which is not in the policy's tier scheme "
                      + p.tiers().tiers());
        }
      }
    }
    for (int i = 0; i < list.size(); i++) {
      Lead l = list.get(i);
      JsonPath here = at.field("leads").index(i).labelled("lead " + l.id());
      l.currentOwner()
          .filter(o -> !ids.contains(o))
          .ifPresent(
              o -> {
                throw here.field("currentOwner")
                    .error("currentOwner '" + o + "' is not on the roster");
              });
      here.check(() -> p.tierOf(l), Set.of("tier", "attributes"));
    }
    return at.check(() -> new Problem(p, roster, list), Set.of("reps", "leads"));
  }
}
