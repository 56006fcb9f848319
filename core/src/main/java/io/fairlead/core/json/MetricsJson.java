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
 * The JSON form of {@link FairnessMetrics}. Every field is required when read back, but {@code
 * fairShares}. Non-finite doubles (a {@code maxMinRatio} of {@code +∞}) are written as the strings
 * {@code "Infinity"}, {@code "-Infinity"} or {@code "NaN"}, and read back from them.
 *
 * <p>{@code fairShares} names how the fair shares were defined: {@value #OPTIMUM}, the fractional
 * optimum of the balance objective. A result without it was written before (2026-12-02), when each
 * lead was split among its eligible reps by weight: its fair shares, and the spreads' {@code
 * maxDeviation} that compare loads with them, are figures of that older definition, which the
 * reader takes from the outcomes instead of checking ({@link #withFairSharesOf}).
 */
record MetricsJson(
    String fairShares,
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

  /** The one value {@code fairShares} is written with. */
  static final String OPTIMUM = "optimum";

  static MetricsJson from(FairnessMetrics m) {
    return new MetricsJson(
        OPTIMUM,
        m.assigned(),
        m.unassigned(),
        SpreadJson.from(m.count()),
        SpreadJson.from(m.value()),
        byName(m.tiers(), SpreadJson::from),
        SpreadJson.from(m.receipts()),
        m.reps().stream().map(RepStatsJson::from).toList(),
        m.violations().stream().map(ViolationJson::from).toList());
  }

  /** Whether the document's fair shares are of the definition before {@value #OPTIMUM}. */
  boolean olderFairShares() {
    return fairShares == null;
  }

  FairnessMetrics toMetrics(JsonPath at, Problem problem) {
    at.requireAll(this, "fairShares");
    if (fairShares != null && !fairShares.equals(OPTIMUM)) {
      throw at.field("fairShares")
          .error(
              "must be \""
                  + OPTIMUM
                  + "\" (or absent, in a result written before 2026-12-02), was \""
                  + fairShares
                  + "\"");
    }
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

  /**
   * The metrics read from a document of the older definition, with every figure that depends on the
   * fair shares taken from {@code derived}: each rep's fair shares (matched by position and rep; a
   * rep that does not match keeps its figures, for the check to report) and each spread's {@code
   * maxDeviation}. Every other figure is kept as read, to be checked.
   */
  static FairnessMetrics withFairSharesOf(FairnessMetrics read, FairnessMetrics derived) {
    List<RepStats> reps = new ArrayList<>();
    for (int i = 0; i < read.reps().size(); i++) {
      RepStats r = read.reps().get(i);
      RepStats d = i < derived.reps().size() ? derived.reps().get(i) : null;
      reps.add(
          d == null || !d.rep().equals(r.rep())
              ? r
              : new RepStats(
                  r.rep(),
                  r.weight(),
                  r.leads(),
                  r.newLeads(),
                  r.value(),
                  r.tierLeads(),
                  d.fairLeads(),
                  d.fairValue(),
                  d.fairTierLeads(),
                  r.receipts(),
                  d.fairReceipts(),
                  r.held(),
                  r.capacity()));
    }
    Map<Tier, Spread> tiers = new LinkedHashMap<>();
    read.tiers()
        .forEach(
            (t, s) -> {
              Spread d = derived.tiers().get(t);
              tiers.put(t, d == null ? s : withDeviationOf(s, d));
            });
    return new FairnessMetrics(
        reps,
        read.assigned(),
        read.unassigned(),
        withDeviationOf(read.count(), derived.count()),
        withDeviationOf(read.value(), derived.value()),
        tiers,
        withDeviationOf(read.receipts(), derived.receipts()),
        read.violations());
  }

  private static Spread withDeviationOf(Spread s, Spread derived) {
    return new Spread(
        s.reps(),
        s.min(),
        s.max(),
        s.mean(),
        s.gini(),
        s.jain(),
        s.maxMinRatio(),
        s.cv(),
        derived.maxDeviation());
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
