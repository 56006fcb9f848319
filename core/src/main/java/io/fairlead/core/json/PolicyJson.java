package io.fairlead.core.json;

import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.TierScheme;
import io.fairlead.core.policy.ValueBasis;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Policy}. Every field is optional and starts from {@link
 * Policy#builder()}'s default; {@code weights} and {@code tierWeights} change only the entries they
 * name. Hard rules are listed by what is switched off ({@code disabledRules}), as the builder does,
 * so a rule added in a later version is on for old files.
 */
record PolicyJson(
    List<String> tiers,
    TierRuleJson tierRule,
    List<String> disabledRules,
    Map<String, Double> weights,
    Map<String, Double> tierWeights,
    Boolean allowRebalancing,
    String valueBasis,
    Double minWeight,
    Double maxWeight,
    String catchUp) {

  /**
   * The JSON form of a {@link TierRule}.
   *
   * @param attribute the numeric lead attribute to read; absent = the lead's value
   * @param thresholds highest minimum first; absent = none
   * @param otherwise the tier below every threshold (required)
   */
  record TierRuleJson(String attribute, List<ThresholdJson> thresholds, String otherwise) {

    static TierRuleJson from(TierRule rule) {
      return new TierRuleJson(
          rule.attribute().orElse(null),
          rule.thresholds().stream().map(t -> new ThresholdJson(t.tier().name(), t.min())).toList(),
          rule.fallback().name());
    }

    TierRule toRule(JsonPath at, TierScheme scheme) {
      TierRule.Builder b =
          attribute == null
              ? TierRule.byValue()
              : at.field("attribute").check(() -> TierRule.byAttribute(attribute));
      List<ThresholdJson> steps = thresholds == null ? List.of() : thresholds;
      for (int i = 0; i < steps.size(); i++) {
        JsonPath here = at.field("thresholds").index(i);
        ThresholdJson t = steps.get(i);
        if (t == null) {
          throw here.error("expected a threshold object, was null");
        }
        String tier = here.required(t.tier(), "tier");
        double min = here.required(t.min(), "min");
        knownTier(here.field("tier"), scheme, "tierRule", tier);
        here.check(() -> b.threshold(tier, min));
      }
      String fallback = at.required(otherwise, "otherwise");
      knownTier(at.field("otherwise"), scheme, "tierRule fallback", fallback);
      return at.field("thresholds").check(() -> b.otherwise(fallback));
    }
  }

  /**
   * One step of a tier rule.
   *
   * @param tier the tier given (required)
   * @param min the smallest number that earns it (required)
   */
  record ThresholdJson(String tier, Double min) {}

  static PolicyJson from(Policy policy) {
    if (!policy.customRules().isEmpty()) {
      throw new IllegalArgumentException(
          "policy: custom rules "
              + policy.customRules().stream().map(CustomRule::name).toList()
              + " live in code and cannot be written as JSON; write a policy without them and add"
              + " them in code after reading");
    }
    List<String> disabled = new ArrayList<>();
    for (Rule r : Rule.values()) {
      if (!policy.enforces(r)) {
        disabled.add(r.id());
      }
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    policy.weights().forEach((o, w) -> weights.put(o.id(), w));
    Map<String, Double> tierWeights = new LinkedHashMap<>();
    policy.tierWeights().forEach((t, w) -> tierWeights.put(t.name(), w));
    return new PolicyJson(
        policy.tiers().tiers().stream().map(Tier::name).toList(),
        policy.tierRule().map(TierRuleJson::from).orElse(null),
        disabled,
        weights,
        tierWeights,
        policy.allowRebalancing(),
        policy.valueBasis().name(),
        policy.minWeight(),
        policy.maxWeight(),
        policy.catchUp().toString());
  }

  Policy toPolicy(JsonPath at) {
    Policy.Builder b = Policy.builder();
    TierScheme scheme = TierScheme.ABC;
    if (tiers != null) {
      List<String> names = at.strings(tiers, "tiers");
      List<Tier> list = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        list.add(at.field("tiers").index(i).check(() -> Tier.of(name)));
      }
      scheme = at.field("tiers").check(() -> new TierScheme(list));
      b.tiers(scheme);
    }
    if (tierRule != null) {
      b.tierRule(tierRule.toRule(at.field("tierRule"), scheme));
    }
    List<String> off = at.strings(disabledRules, "disabledRules");
    EnumSet<Rule> disabled = EnumSet.noneOf(Rule.class);
    for (int i = 0; i < off.size(); i++) {
      String id = off.get(i);
      disabled.add(at.field("disabledRules").index(i).check(() -> Rule.fromId(id)));
    }
    disabled.forEach(b::disable);
    if (weights != null) {
      weights.forEach(
          (id, w) -> {
            JsonPath here = at.field("weights").field(id);
            Objective o = here.check(() -> Objective.fromId(id));
            if (w == null) {
              throw here.error("weight of objective '" + id + "' is null");
            }
            b.weight(o, w);
          });
    }
    if (tierWeights != null) {
      TierScheme known = scheme;
      tierWeights.forEach(
          (name, w) -> {
            JsonPath here = at.field("tierWeights").field(name);
            here.check(() -> Tier.of(name));
            knownTier(here, known, "tierWeights", name);
            if (w == null) {
              throw here.error("tier weight of '" + name + "' is null");
            }
            b.tierWeight(name, w);
          });
    }
    if (allowRebalancing != null) {
      b.allowRebalancing(allowRebalancing);
    }
    if (valueBasis != null) {
      b.valueBasis(at.enumValue(ValueBasis.class, "valueBasis", valueBasis));
    }
    if (minWeight != null || maxWeight != null) {
      Policy d = Policy.defaults();
      b.weightBounds(
          minWeight == null ? d.minWeight() : minWeight,
          maxWeight == null ? d.maxWeight() : maxWeight);
    }
    if (catchUp != null) {
      b.catchUp(at.field("catchUp").check(() -> CatchUp.parse(catchUp)));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw locate(at, e.getMessage()).error(e.getMessage(), e);
    }
  }

  /** Points a {@link Policy} validation message at its field. */
  private static JsonPath locate(JsonPath at, String message) {
    String objective = JsonPath.quoted(message, "weight of objective");
    if (objective != null) {
      return at.field("weights").field(objective);
    }
    String tier = JsonPath.quoted(message, "tier weight of");
    if (tier != null) {
      return at.field("tierWeights").field(tier);
    }
    for (String field : List.of("minWeight", "maxWeight", "weights")) {
      if (message.startsWith("policy: " + field)) {
        return at.field(field);
      }
    }
    return at;
  }

  private static void knownTier(JsonPath at, TierScheme scheme, String field, String name) {
    Tier tier = at.check(() -> Tier.of(name));
    if (!scheme.contains(tier)) {
      throw at.error(
          "policy: "
              + field
              + " names tier '"
              + name
              + "', which is not in the tier scheme "
              + scheme.tiers());
    }
  }
}
