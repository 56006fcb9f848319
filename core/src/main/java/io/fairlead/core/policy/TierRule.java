package io.fairlead.core.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Tier;
import java.util.List;
import java.util.Optional;

/**
 * Derives a lead's tier from a number, for hosts that keep no tiers: the first threshold the number
 * reaches wins, and a lead below every threshold gets the {@code fallback} tier.
 *
 * <pre>{@code
 * // A from 100k, B from 10k, else C, on the lead's value:
 * TierRule rule = TierRule.byValue().threshold("A", 100_000).threshold("B", 10_000).otherwise("C");
 * // the same on a numeric host attribute:
 * TierRule byRevenue = TierRule.byAttribute("revenue").threshold("A", 1000).otherwise("B");
 * }</pre>
 *
 * <p>A lead that already has a tier keeps it. When the rule reads an attribute that a lead lacks or
 * that is not a number, {@link #tierOf(Lead)} fails with a message naming the lead and attribute.
 *
 * @param attribute the attribute to read; empty = the lead's value
 * @param thresholds tier thresholds, highest minimum first
 * @param fallback the tier below every threshold
 * @since 0.1.0
 */
public record TierRule(Optional<String> attribute, List<Threshold> thresholds, Tier fallback) {

  /**
   * One step of a {@link TierRule}: a lead whose number is {@code >= min} gets {@code tier}.
   *
   * @param tier the tier given
   * @param min the smallest number that earns it
   * @since 0.1.0
   */
  public record Threshold(Tier tier, double min) {
    public Threshold {
      requireNonNull(tier, "threshold tier");
      checkArgument(
          Double.isFinite(min), "threshold for tier %s must be finite, was %s", tier, min);
    }
  }

  public TierRule {
    requireNonNull(attribute, "attribute");
    requireNonNull(thresholds, "thresholds");
    requireNonNull(fallback, "fallback");
    thresholds = List.copyOf(thresholds);
    for (int i = 1; i < thresholds.size(); i++) {
      checkArgument(
          thresholds.get(i).min() < thresholds.get(i - 1).min(),
          "tier rule thresholds must be strictly decreasing, but %s follows %s",
          thresholds.get(i),
          thresholds.get(i - 1));
    }
  }

  /** Starts a rule on the lead's value. */
  public static Builder byValue() {
    return new Builder(Optional.empty());
  }

  /** Starts a rule on a numeric lead attribute. */
  public static Builder byAttribute(String attribute) {
    checkArgument(
        attribute != null && !attribute.isBlank(), "tier rule attribute must not be blank");
    return new Builder(Optional.of(attribute));
  }

  /** Returns the lead's own tier if it has one, else the tier this rule derives. */
  public Tier tierOf(Lead lead) {
    if (lead.tier().isPresent()) {
      return lead.tier().get();
    }
    double x = number(lead);
    for (Threshold t : thresholds) {
      if (x >= t.min()) {
        return t.tier();
      }
    }
    return fallback;
  }

  private double number(Lead lead) {
    if (attribute.isEmpty()) {
      return lead.value();
    }
    String name = attribute.get();
    String text = lead.attributes().get(name);
    checkArgument(
        text != null,
        "lead %s: attribute '%s' is needed by the tier rule but missing",
        lead.id(),
        name);
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "lead "
              + lead.id()
              + ": attribute '"
              + name
              + "' must be a number for the tier rule, was '"
              + text
              + "'",
          e);
    }
  }

  /**
   * Builds a {@link TierRule}, thresholds from the highest down.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Optional<String> attribute;
    private final java.util.ArrayList<Threshold> thresholds = new java.util.ArrayList<>();

    private Builder(Optional<String> attribute) {
      this.attribute = attribute;
    }

    /** Leads whose number is {@code >= min} (and below earlier thresholds) get {@code tier}. */
    public Builder threshold(String tier, double min) {
      thresholds.add(new Threshold(Tier.of(tier), min));
      return this;
    }

    /** Finishes the rule: leads below every threshold get {@code tier}. */
    public TierRule otherwise(String tier) {
      return new TierRule(attribute, thresholds, Tier.of(tier));
    }
  }
}
