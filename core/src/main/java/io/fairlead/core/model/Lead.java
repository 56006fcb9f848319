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
 * @param region the lead's territory or region, matched against {@link Rep#regions()}
 * @param industry the lead's industry, matched against {@link Rep#industries()}
 * @param companySize number of employees, {@code >= 0}, matched against {@link Rep#companySizes()}
 * @param value potential or expected value, finite and {@code >= 0}
 * @param winProbability optional probability of winning in {@code [0, 1]}; the policy may use it to
 *     turn {@code value} into an expected value
 * @param tier the lead's tier; when empty the policy derives it with its {@code TierRule}
 * @param kind new business or existing customer
 * @param currentOwner the rep that owns it today, if any
 * @param locked whether it must stay with {@code currentOwner} whatever the policy says (a manual
 *     decision); requires a current owner
 * @param attributes free-form host attributes, e.g. for a {@code TierRule} or a custom rule
 * @since 0.1.0
 */
public record Lead(
    LeadId id,
    String region,
    String industry,
    int companySize,
    double value,
    OptionalDouble winProbability,
    Optional<Tier> tier,
    LeadKind kind,
    Optional<RepId> currentOwner,
    boolean locked,
    Map<String, String> attributes) {

  public Lead {
    requireNonNull(id, "lead id");
    checkArgument(region != null && !region.isBlank(), "lead %s: region must not be blank", id);
    checkArgument(
        industry != null && !industry.isBlank(), "lead %s: industry must not be blank", id);
    checkArgument(companySize >= 0, "lead %s: companySize must be >= 0, was %s", id, companySize);
    checkArgument(
        Double.isFinite(value) && value >= 0,
        "lead %s: value must be finite and >= 0, was %s",
        id,
        value);
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
        (k, v) ->
            checkArgument(
                k != null && v != null,
                "lead %s: attributes must not hold null keys or values",
                id));
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
   * Builds a {@link Lead}. Region, industry and kind are required; value, company size default to
   * 0, the rest to empty. {@link #build()} validates and leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final LeadId id;
    private String region;
    private String industry;
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

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder industry(String industry) {
      this.industry = industry;
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
