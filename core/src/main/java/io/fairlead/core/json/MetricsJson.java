package io.fairlead.core.json;

import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.fairness.Spread;
import io.fairlead.core.fairness.Violation;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of {@link FairnessMetrics}. Every field is required when read back. Non-finite
 * doubles (a {@code maxMinRatio} of {@code +∞}) are written as the strings {@code "Infinity"},
 * {@code "-Infinity"} or {@code "NaN"}, and read back from them.
 */
record MetricsJson(
    Integer assigned,
    Integer unassigned,
    SpreadJson count,
    SpreadJson value,
    Map<String, SpreadJson> tiers,
    SpreadJson receipts,
    List<RepStatsJson> reps,
    List<ViolationJson> violations) {

  /** The JSON form of a {@link Spread}. */
  record SpreadJson(
      Integer reps,
      Double min,
      Double max,
      Double mean,
      Double gini,
      Double jain,
      Double maxMinRatio,
      Double cv,
      Double maxDeviation) {

    static SpreadJson from(Spread s) {
      return new SpreadJson(
          s.reps(),
          s.min(),
          s.max(),
          s.mean(),
          s.gini(),
          s.jain(),
          s.maxMinRatio(),
          s.cv(),
          s.maxDeviation());
    }

    Spread toSpread(JsonPath at) {
      at.requireAll(this);
      return new Spread(reps, min, max, mean, gini, jain, maxMinRatio, cv, maxDeviation);
    }
  }

  /** The JSON form of a {@link RepStats}; an unlimited capacity is absent. */
  record RepStatsJson(
      String rep,
      Double weight,
      Integer leads,
      Integer newLeads,
      Double value,
      Map<String, Integer> tierLeads,
      Double fairLeads,
      Double fairValue,
      Map<String, Double> fairTierLeads,
      Double receipts,
      Double fairReceipts,
      Integer held,
      Integer capacity) {

    static RepStatsJson from(RepStats s) {
      return new RepStatsJson(
          s.rep().value(),
          s.weight(),
          s.leads(),
          s.newLeads(),
          s.value(),
          byName(s.tierLeads()),
          s.fairLeads(),
          s.fairValue(),
          byName(s.fairTierLeads()),
          s.receipts(),
          s.fairReceipts(),
          s.held(),
          s.capacity() == Rep.UNLIMITED ? null : s.capacity());
    }

    RepStats toStats(JsonPath at, Problem problem) {
      at.requireAll(this, "capacity");
      return new RepStats(
          AllocationJson.repOf(at.field("rep"), problem, rep),
          weight,
          leads,
          newLeads,
          value,
          byTier(at.field("tierLeads"), problem, tierLeads),
          fairLeads,
          fairValue,
          byTier(at.field("fairTierLeads"), problem, fairTierLeads),
          receipts,
          fairReceipts,
          held,
          capacity == null ? Rep.UNLIMITED : capacity);
    }
  }

  /** The JSON form of a {@link Violation}; {@code lead} is absent for capacity breaches. */
  record ViolationJson(String lead, String rep, String rule, String message) {

    static ViolationJson from(Violation v) {
      return new ViolationJson(
          v.lead().map(LeadId::value).orElse(null), v.rep().value(), v.rule(), v.message());
    }

    Violation toViolation(JsonPath at, Problem problem) {
      at.requireAll(this, "lead");
      Optional<LeadId> l =
          lead == null
              ? Optional.empty()
              : Optional.of(AllocationJson.leadOf(at.field("lead"), problem, lead));
      return new Violation(l, AllocationJson.repOf(at.field("rep"), problem, rep), rule, message);
    }
  }

  static MetricsJson from(FairnessMetrics m) {
    return new MetricsJson(
        m.assigned(),
        m.unassigned(),
        SpreadJson.from(m.count()),
        SpreadJson.from(m.value()),
        byName(m.tiers(), SpreadJson::from),
        SpreadJson.from(m.receipts()),
        m.reps().stream().map(RepStatsJson::from).toList(),
        m.violations().stream().map(ViolationJson::from).toList());
  }

  FairnessMetrics toMetrics(JsonPath at, Problem problem) {
    at.requireAll(this);
    Map<Tier, Spread> t = new LinkedHashMap<>();
    tiers.forEach(
        (name, s) -> {
          JsonPath here = at.field("tiers").field(name);
          if (s == null) {
            throw here.error("expected a spread object, was null");
          }
          t.put(tier(here, problem, name), s.toSpread(here));
        });
    List<RepStats> stats = new ArrayList<>();
    List<RepStatsJson> rs = at.elements(reps, "reps");
    for (int i = 0; i < rs.size(); i++) {
      JsonPath here = at.field("reps").index(i);
      String rep = rs.get(i).rep();
      stats.add(rs.get(i).toStats(rep == null ? here : here.labelled("rep " + rep), problem));
    }
    List<Violation> vs = new ArrayList<>();
    List<ViolationJson> vj = at.elements(violations, "violations");
    for (int i = 0; i < vj.size(); i++) {
      vs.add(vj.get(i).toViolation(at.field("violations").index(i), problem));
    }
    return new FairnessMetrics(
        stats,
        assigned,
        unassigned,
        count.toSpread(at.field("count")),
        value.toSpread(at.field("value")),
        t,
        receipts.toSpread(at.field("receipts")),
        vs);
  }

  private static <V> Map<String, V> byName(Map<Tier, V> map) {
    return byName(map, v -> v);
  }

  private static <V, W> Map<String, W> byName(
      Map<Tier, V> map, java.util.function.Function<V, W> convert) {
    Map<String, W> out = new LinkedHashMap<>();
    map.forEach((t, v) -> out.put(t.name(), convert.apply(v)));
    return out;
  }

  private static <V> Map<Tier, V> byTier(JsonPath at, Problem problem, Map<String, V> map) {
    Map<Tier, V> out = new LinkedHashMap<>();
    map.forEach(
        (name, v) -> {
          JsonPath here = at.field(name);
          if (v == null) {
            throw here.error("tier '" + name + "' has no figure (null)");
          }
          out.put(tier(here, problem, name), v);
        });
    return out;
  }

  private static Tier tier(JsonPath at, Problem problem, String name) {
    Tier t = at.check(() -> Tier.of(name));
    if (!problem.policy().tiers().contains(t)) {
      throw at.error(
          "tier '"
              + name
              + "' is not in the policy's tier scheme "
              + problem.policy().tiers().tiers());
    }
    return t;
  }
}
