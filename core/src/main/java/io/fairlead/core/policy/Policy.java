package io.fairlead.core.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How leads are distributed: which hard rules apply, and how much each fairness objective weighs.
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *     .tiers(TierScheme.of("A", "B", "C"))
 *     .tierRule(TierRule.byValue().threshold("A", 100_000).threshold("B", 10_000).otherwise("C"))
 *     .weight(Objective.VALUE, 2.0)
 *     .tierWeight("A", 5.0)
 *     .allowRebalancing(true)
 *     .build();
 * }</pre>
 *
 * <p>{@link #defaults()} suits a typical team: every hard rule on, tiers {@code A > B > C} with
 * top-tier leads weighted 3×, count, value and tier balance at weight 1, existing owners kept (no
 * rebalancing), rep weights bounded to {@code [0.5, 2]}.
 *
 * <p>Immutable and thread-safe. Also readable from JSON (see {@code docs/json-format.md}), except
 * {@link CustomRule custom rules}, which live in code.
 *
 * @param tiers the tiers, top first
 * @param tierRule derives the tier of a lead that has none; without it such a lead gets the lowest
 *     tier
 * @param hardRules the enabled hard rules; a disabled {@link Rule#ROLE} becomes a preference
 * @param weights the weight of each objective, {@code >= 0}; every objective has one
 * @param tierWeights the weight of each tier's balance term; every tier has one
 * @param allowRebalancing {@code false} (default): a lead with a current owner who may still hold
 *     it stays there; {@code true}: owned leads may move, at the {@link Objective#CONTINUITY} cost
 * @param valueBasis which value is balanced
 * @param minWeight the smallest effective rep weight (a floor so nobody is starved), in {@code
 *     [0.01, 100]}
 * @param maxWeight the largest effective rep weight (a ceiling on favouritism), in {@code
 *     [minWeight, 100]}
 * @param catchUp how far a rep that joins mid-period, comes back from leave or gets a larger
 *     effective weight may catch up in the period ledger (the router's, and a batch problem's):
 *     {@link CatchUp#NONE} by default
 * @param customRules host-defined hard rules (code only)
 * @since 0.1.0
 */
public record Policy(
    TierScheme tiers,
    Optional<TierRule> tierRule,
    Set<Rule> hardRules,
    Map<Objective, Double> weights,
    Map<Tier, Double> tierWeights,
    boolean allowRebalancing,
    ValueBasis valueBasis,
    double minWeight,
    double maxWeight,
    CatchUp catchUp,
    List<CustomRule> customRules) {

  /** The smallest {@code minWeight} a policy may set: effective weights never go below it. */
  public static final double LOWEST_WEIGHT = 0.01;

  /** The largest {@code maxWeight} a policy may set: effective weights never go above it. */
  public static final double HIGHEST_WEIGHT = 100;

  /** The largest weight of an objective or a tier. */
  public static final double MAX_OBJECTIVE_WEIGHT = 1000;

  private static final Policy DEFAULTS = builder().build();

  public Policy {
    requireNonNull(tiers, "policy tiers");
    requireNonNull(tierRule, "policy tierRule");
    tierRule.ifPresent(
        r -> {
          r.thresholds().forEach(t -> checkKnownTier(tiers, t.tier(), "tierRule"));
          checkKnownTier(tiers, r.fallback(), "tierRule fallback");
        });
    requireNonNull(hardRules, "policy hardRules");
    hardRules =
        hardRules.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(hardRules));
    requireNonNull(weights, "policy weights");
    EnumMap<Objective, Double> w = new EnumMap<>(Objective.class);
    for (Objective o : Objective.values()) {
      Double x = weights.get(o);
      checkArgument(x != null, "policy: weight of objective '%s' is missing", o.id());
      checkWeight("weight of objective '" + o.id() + "'", x);
      w.put(o, x);
    }
    weights = Collections.unmodifiableMap(w);
    requireNonNull(tierWeights, "policy tierWeights");
    for (Tier t : tierWeights.keySet()) {
      checkKnownTier(tiers, t, "tierWeights");
    }
    Map<Tier, Double> tw = new LinkedHashMap<>();
    for (Tier t : tiers.tiers()) {
      Double x = tierWeights.get(t);
      checkArgument(x != null, "policy: tierWeights has no weight for tier '%s'", t);
      checkWeight("tier weight of '" + t + "'", x);
      tw.put(t, x);
    }
    tierWeights = Collections.unmodifiableMap(tw);
    requireNonNull(valueBasis, "policy valueBasis");
    checkArgument(
        minWeight >= LOWEST_WEIGHT && minWeight <= HIGHEST_WEIGHT,
        "policy: minWeight must be in [0.01, 100], was %s",
        minWeight);
    checkArgument(
        maxWeight >= minWeight && maxWeight <= HIGHEST_WEIGHT,
        "policy: maxWeight must be in [minWeight (%s), 100], was %s",
        minWeight,
        maxWeight);
    boolean anyTierWeight = tierWeights.values().stream().anyMatch(x -> x > 0);
    boolean balances = false;
    for (Objective o : Objective.values()) {
      balances |= o.isBalance() && weights.get(o) > 0 && (o != Objective.TIER || anyTierWeight);
    }
    checkArgument(
        balances,
        "policy: weights must give a balance objective (count-balance, value-balance,"
            + " tier-balance with a tier weight, receipts-balance) a weight > 0, else nothing is"
            + " balanced and any allocation scores the same; was %s",
        weights.entrySet().stream().map(e -> e.getKey().id() + " " + e.getValue()).toList());
    requireNonNull(catchUp, "policy catchUp");
    requireNonNull(customRules, "policy customRules");
    customRules = List.copyOf(customRules);
    Set<String> names = new HashSet<>();
    for (CustomRule r : customRules) {
      checkArgument(names.add(r.name()), "policy: two custom rules are named '%s'", r.name());
    }
  }

  private static void checkKnownTier(TierScheme tiers, Tier tier, String field) {
    checkArgument(
        tiers.contains(tier),
        "policy: %s names tier '%s', which is not in the tier scheme %s",
        field,
        tier,
        tiers.tiers());
  }

  private static void checkWeight(String what, double x) {
    checkArgument(
        x >= 0 && x <= MAX_OBJECTIVE_WEIGHT,
        "policy: %s must be finite and in [0, 1000], was %s",
        what,
        x);
  }

  /** The defaults for a typical team (see the class comment). */
  public static Policy defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rulebook of this policy: who may take which lead, and which rule says no. */
  public Rulebook rulebook() {
    return new Rulebook(this);
  }

  /** This policy with one more custom rule (its name must be new). */
  public Policy withCustomRule(CustomRule rule) {
    List<CustomRule> rules = new ArrayList<>(customRules);
    rules.add(requireNonNull(rule, "customRule"));
    return new Policy(
        tiers,
        tierRule,
        hardRules,
        weights,
        tierWeights,
        allowRebalancing,
        valueBasis,
        minWeight,
        maxWeight,
        catchUp,
        rules);
  }

  /**
   * This policy with owned leads free to move ({@code allowRebalancing} on): nothing is kept with
   * its owner but locked leads. The rest of the policy is the same.
   */
  public Policy withRebalancing() {
    if (allowRebalancing) {
      return this;
    }
    return new Policy(
        tiers,
        tierRule,
        hardRules,
        weights,
        tierWeights,
        true,
        valueBasis,
        minWeight,
        maxWeight,
        catchUp,
        customRules);
  }

  /** Returns whether a hard rule is enabled. */
  public boolean enforces(Rule rule) {
    return hardRules.contains(rule);
  }

  /** The weight of an objective. */
  public double weight(Objective objective) {
    return weights.get(objective);
  }

  /** The tier of a lead under this policy: its own, derived by the rule, or the lowest tier. */
  public Tier tierOf(Lead lead) {
    Tier t;
    if (lead.tier().isPresent()) {
      t = lead.tier().get();
    } else if (tierRule.isPresent()) {
      t = tierRule.get().tierOf(lead);
    } else {
      t = tiers.lowest();
    }
    checkArgument(
        tiers.contains(t),
        "lead %s: tier '%s' is not in the policy's tier scheme %s",
        lead.id(),
        t,
        tiers.tiers());
    return t;
  }

  /** The value the value objective balances for this lead. */
  public double valueOf(Lead lead) {
    return valueBasis == ValueBasis.EXPECTED ? lead.expectedValue() : lead.value();
  }

  /**
   * A rep's effective weight: its weight bounded to {@code [minWeight, maxWeight]}, times its
   * {@link Rep#share() share} of full time. Every balance term and the ledger divide by it.
   */
  public double effectiveWeight(Rep rep) {
    return Math.min(maxWeight, Math.max(minWeight, rep.weight())) * rep.share();
  }

  /** The least effective weight a rep can have under this policy. */
  public double leastEffectiveWeight() {
    return minWeight * Rep.MIN_SHARE;
  }

  /**
   * Builds a {@link Policy} from the defaults. Setting one option twice is an error; {@link
   * #build()} leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Set<String> set = new HashSet<>();
    private TierScheme tiers = TierScheme.ABC;
    private Optional<TierRule> tierRule = Optional.empty();
    private final EnumSet<Rule> hardRules = EnumSet.allOf(Rule.class);
    private final EnumMap<Objective, Double> weights = new EnumMap<>(Objective.class);
    private final Map<String, Double> tierWeights = new LinkedHashMap<>();
    private boolean allowRebalancing;
    private ValueBasis valueBasis = ValueBasis.POTENTIAL;
    private double minWeight = 0.5;
    private double maxWeight = 2.0;
    private CatchUp catchUp = CatchUp.NONE;
    private final List<CustomRule> customRules = new ArrayList<>();

    private Builder() {
      for (Objective o : Objective.values()) {
        weights.put(o, o.defaultWeight());
      }
    }

    private void once(String option) {
      checkState(set.add(option), "policy option '%s' is set twice", option);
    }

    /** The tiers, top first. Default {@code A, B, C}. */
    public Builder tiers(TierScheme tiers) {
      once("tiers");
      this.tiers = requireNonNull(tiers, "tiers");
      return this;
    }

    /** How to derive the tier of leads that have none. */
    public Builder tierRule(TierRule tierRule) {
      once("tierRule");
      this.tierRule = Optional.of(requireNonNull(tierRule, "tierRule"));
      return this;
    }

    /** Turns a hard rule off (all are on by default). */
    public Builder disable(Rule rule) {
      once("disable " + rule.id());
      hardRules.remove(requireNonNull(rule, "rule"));
      return this;
    }

    /** Sets the weight of an objective ({@code 0} turns it off). */
    public Builder weight(Objective objective, double weight) {
      once("weight " + objective.id());
      weights.put(requireNonNull(objective, "objective"), weight);
      return this;
    }

    /**
     * Sets the weight of one tier's balance term. Default: 3 for the top tier, 1 for the others.
     */
    public Builder tierWeight(String tier, double weight) {
      once("tierWeight " + tier);
      tierWeights.put(requireNonNull(tier, "tier"), weight);
      return this;
    }

    /**
     * Whether owned leads may move to other reps (at the continuity cost). Default {@code false}.
     */
    public Builder allowRebalancing(boolean allow) {
      once("allowRebalancing");
      this.allowRebalancing = allow;
      return this;
    }

    /** Which value the value objective balances. Default {@link ValueBasis#POTENTIAL}. */
    public Builder valueBasis(ValueBasis basis) {
      once("valueBasis");
      this.valueBasis = requireNonNull(basis, "valueBasis");
      return this;
    }

    /** Bounds rep weights to {@code [min, max]}. Default {@code [0.5, 2]}. */
    public Builder weightBounds(double min, double max) {
      once("weightBounds");
      this.minWeight = min;
      this.maxWeight = max;
      return this;
    }

    /**
     * How far a rep that joins mid-period, comes back from leave or gets a larger effective weight
     * may catch up in the period ledger. Default {@link CatchUp#NONE}.
     */
    public Builder catchUp(CatchUp catchUp) {
      once("catchUp");
      this.catchUp = requireNonNull(catchUp, "catchUp");
      return this;
    }

    /** Adds a host-defined hard rule. */
    public Builder customRule(CustomRule rule) {
      customRules.add(requireNonNull(rule, "customRule"));
      return this;
    }

    public Policy build() {
      Map<Tier, Double> tw = new LinkedHashMap<>();
      for (Tier t : tiers.tiers()) {
        tw.put(t, t.equals(tiers.top()) && tiers.size() > 1 ? 3.0 : 1.0);
      }
      tierWeights.forEach((name, w) -> tw.put(Tier.of(name), w));
      return new Policy(
          tiers,
          tierRule,
          hardRules,
          weights,
          tw,
          allowRebalancing,
          valueBasis,
          minWeight,
          maxWeight,
          catchUp,
          customRules);
    }
  }
}
