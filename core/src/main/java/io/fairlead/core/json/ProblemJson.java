package io.fairlead.core.json;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service format of a {@link Problem}: {@code {"policy": {...}, "reps": [...], "leads": [...],
 * "ledger": [...]}}, with the policy optional ({@link Policy#defaults()}) and the period ledger
 * optional (empty: the start of a period; written only when it has entries).
 */
record ProblemJson(
    PolicyJson policy, List<RepJson> reps, List<LeadJson> leads, List<LedgerEntryJson> ledger) {

  /**
   * One rep's entry of the period ledger; every field required.
   *
   * @param rep the rep id, on the roster
   * @param received new leads it received earlier in the period
   * @param credited its credit in the period ledger
   */
  record LedgerEntryJson(String rep, Integer received, Double credited) {

    static List<LedgerEntryJson> from(Ledger ledger) {
      if (ledger.entries().isEmpty()) {
        return null;
      }
      return ledger.entries().stream()
          .map(e -> new LedgerEntryJson(e.rep().value(), e.received(), e.credited()))
          .toList();
    }

    /** Reads a ledger, its rep ids checked against the roster. */
    static Ledger toLedger(JsonPath at, List<LedgerEntryJson> entries, Set<RepId> roster) {
      if (entries == null) {
        return Ledger.empty();
      }
      at.elements(entries, "ledger");
      List<Ledger.Entry> out = new ArrayList<>();
      Map<RepId, Integer> seen = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        JsonPath here = at.field("ledger").index(i);
        LedgerEntryJson e = entries.get(i);
        here.requireAll(e);
        RepId rep = here.field("rep").check(() -> RepId.of(e.rep()));
        if (!roster.contains(rep)) {
          throw here.field("rep").error("rep '" + rep + "' is not on the roster");
        }
        JsonPath entry = here.labelled("rep " + rep);
        if (seen.putIfAbsent(rep, i) != null) {
          throw entry
              .field("rep")
              .error("two entries (also at " + at.field("ledger").index(seen.get(rep)) + ")");
        }
        out.add(entry.check(() -> entry(rep, e), Set.of("received", "credited")));
      }
      return Ledger.of(out);
    }

    /** The entry, its message in the form {@code "rep ana: received must ..."}. */
    private static Ledger.Entry entry(RepId rep, LedgerEntryJson e) {
      try {
        return new Ledger.Entry(rep, e.received(), e.credited());
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException(x.getMessage().replaceFirst("^ledger: ", ""), x);
      }
    }
  }

  static ProblemJson from(Problem problem) {
    return new ProblemJson(
        PolicyJson.from(problem.policy()),
        RepJson.from(problem.reps()),
        LeadJson.from(problem.leads()),
        LedgerEntryJson.from(problem.ledger()));
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
    Ledger periodLedger = LedgerEntryJson.toLedger(at, ledger, ids);
    return at.check(
        () -> new Problem(p, roster, list, periodLedger), Set.of("reps", "leads", "ledger"));
  }
}
