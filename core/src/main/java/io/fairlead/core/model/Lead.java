package io.fairlead.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A customer or prospect to be owned by exactly one rep.
 *
 * <pre>{@code
 * Lead lead = Lead.builder("c42").region("East").industry("retail").companySize(120)
 *     .value(25_000).tier("A").kind(LeadKind.EXISTING_CUSTOMER).currentOwner("ana").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Invalid fields fail fast with an {@link IllegalArgumentException}
 * that names the lead and the field.
 *
 * @param id unique id within one problem
 * @param region the lead's territory or region, matched against {@link Rep#regions()}; empty when
 *     unknown, and then only reps that cover every region may take it
 * @param industry the lead's industry, matched against {@link Rep#industries()}; empty when
 *     unknown, and then only reps that take any industry may take it
 * @param companySize number of employees, {@code >= 0}, matched against {@link Rep#companySizes()}
 * @param value potential or expected value, in {@code [0, MAX_VALUE]}
 * @param winProbability optional probability of winning in {@code [0, 1]}; the policy may use it to
 *     turn {@code value} into an expected value
 * @param tier the lead's tier; when empty the policy derives it with its {@code TierRule}
 * @param kind new business or existing customer
 * @param currentOwner the rep that owns it today, if any
 * @param locked whether it must stay with {@code currentOwner} whatever the policy says (a manual
 *     decision); requires a current owner
 * @param attributes free-form host attributes, e.g. for a {@code TierRule} or a custom rule; names
 *     of at most 50,000 characters (JSON field names when written)
 * @since 0.1.0
 */
public record Lead(
    LeadId id,
    Optional<String> region,
    Optional<String> industry,
    int companySize,
    double value,
    OptionalDouble winProbability,
    Optional<Tier> tier,
    LeadKind kind,
    Optional<RepId> currentOwner,
    boolean locked,
    Map<String, String> attributes) {

  /**
   * The largest lead value: {@code 10^15}, a quadrillion in any currency. With it, sums over the
   * largest books stay exact to far below one unit, and no value figure can overflow.
   */
  public static final double MAX_VALUE = 1e15;

  public Lead {
    requireNonNull(id, "lead id");
    requireNonNull(region, () -> "lead " + id + ": region");
    region.ifPresent(r -> Text.name(r, "lead " + id + ": region"));
    requireNonNull(industry, () -> "lead " + id + ": industry");
    industry.ifPresent(i -> Text.name(i, "lead " + id + ": industry"));
    checkArgument(companySize >= 0, "lead %s: companySize must be >= 0, was %s", id, companySize);
    checkArgument(
        value >= 0 && value <= MAX_VALUE, "lead %s: value must be in [0, 1e15], was %s", id, value);
    requireNonNull(winProbability, () -> "lead " + id + ": winProbability");
    winProbability.ifPresent(
        p ->
            checkArgument(
                p >= 0 && p <= 1, "lead %s: winProbability must be in [0, 1], was %s", id, p));
    requireNonNull(tier, () -> "lead " + id + ": tier");
    checkArgument(
        kind != null, "lead %s: kind must be set (NEW_BUSINESS or EXISTING_CUSTOMER)", id);
    requireNonNull(currentOwner, () -> "lead " + id + ": currentOwner");
    checkArgument(
        !locked || currentOwner.isPresent(), "lead %s: locked requires a currentOwner", id);
    requireNonNull(attributes, () -> "lead " + id + ": attributes");
    attributes.forEach(
        (k, v) -> {
          checkArgument(
              k != null && v != null, "lead %s: attributes must not hold null keys or values", id);
          Text.key(k, "lead " + id + ": attribute name");
          Text.wellFormed(v, "lead " + id + ": attribute '" + k + "'");
        });
    attributes = Map.copyOf(attributes);
  }

  /** Returns a builder for a lead with the given id. */
  public static Builder builder(String id) {
    return new Builder(LeadId.of(id));
  }

  /** Returns a builder pre-filled with this lead's fields, for making a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.region = region;
    b.industry = industry;
    b.companySize = companySize;
    b.value = value;
    b.winProbability = winProbability;
    b.tier = tier;
    b.kind = kind;
    b.currentOwner = currentOwner;
    b.locked = locked;
    b.attributes.putAll(attributes);
    return b;
  }

  /** Returns the value weighted by the win probability (the value itself when none is given). */
  public double expectedValue() {
    return value * winProbability.orElse(1.0);
  }

  /**
   * Builds a {@link Lead}. Value and company size default to 0, the kind to new business, the rest
   * to empty (no region, industry, tier or owner). {@link #build()} validates and leaves the
   * builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final LeadId id;
    private Optional<String> region = Optional.empty();
    private Optional<String> industry = Optional.empty();
    private int companySize;
    private double value;
    private OptionalDouble winProbability = OptionalDouble.empty();
    private Optional<Tier> tier = Optional.empty();
    private LeadKind kind = LeadKind.NEW_BUSINESS;
    private Optional<RepId> currentOwner = Optional.empty();
    private boolean locked;
    private final Map<String, String> attributes = new TreeMap<>();

    private Builder(LeadId id) {
      this.id = id;
    }

    /** Sets the region (not blank). */
    public Builder region(String region) {
      this.region = Optional.of(Text.name(region, "lead " + id + ": region"));
      return this;
    }

    /** Forgets the region: only reps that cover every region may take the lead. */
    public Builder clearRegion() {
      this.region = Optional.empty();
      return this;
    }

    /** Sets the industry (not blank). */
    public Builder industry(String industry) {
      this.industry = Optional.of(Text.name(industry, "lead " + id + ": industry"));
      return this;
    }

    /** Forgets the industry: only reps that take any industry may take the lead. */
    public Builder clearIndustry() {
      this.industry = Optional.empty();
      return this;
    }

    public Builder companySize(int companySize) {
      this.companySize = companySize;
      return this;
    }

    public Builder value(double value) {
      this.value = value;
      return this;
    }

    public Builder winProbability(double winProbability) {
      this.winProbability = OptionalDouble.of(winProbability);
      return this;
    }

    public Builder tier(String tier) {
      checkArgument(tier != null && !tier.isBlank(), "lead %s: tier must not be blank", id);
      this.tier = Optional.of(Tier.of(tier));
      return this;
    }

    /** Forgets the tier: the policy derives it. */
    public Builder clearTier() {
      this.tier = Optional.empty();
      return this;
    }

    public Builder kind(LeadKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder currentOwner(String repId) {
      checkArgument(
          repId != null && !repId.isBlank(), "lead %s: currentOwner must not be blank", id);
      this.currentOwner = Optional.of(RepId.of(repId));
      return this;
    }

    /** Forgets the current owner (a lead that is locked must then be unlocked too). */
    public Builder clearCurrentOwner() {
      this.currentOwner = Optional.empty();
      return this;
    }

    /** Locks the lead to its current owner: no policy may move it. */
    public Builder locked(boolean locked) {
      this.locked = locked;
      return this;
    }

    public Builder attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    public Lead build() {
      return new Lead(
          id,
          region,
          industry,
          companySize,
          value,
          winProbability,
          tier,
          kind,
          currentOwner,
          locked,
          attributes);
    }
  }
}
