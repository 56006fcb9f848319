package io.fairlead.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.TreeSet;

/**
 * A sales representative who can own leads.
 *
 * <pre>{@code
 * Rep ana = Rep.builder("ana").regions("East").tiers("A", "B").role(Role.FARMER)
 *     .capacity(120).weight(1.2).build();
 * }</pre>
 *
 * <p>Empty {@code regions}, {@code industries} or {@code allowedTiers} mean "any". Immutable and
 * thread-safe.
 *
 * @param id unique id within one problem
 * @param regions the territories it covers; empty = any region
 * @param industries the industries it may take; empty = any industry
 * @param allowedTiers the tiers its experience allows; empty = every tier
 * @param role hunter, farmer or both
 * @param companySizes the band of company sizes it works
 * @param capacity the most customers it may hold, counting {@code heldOutside} and the leads of
 *     this problem it keeps or receives; {@link #UNLIMITED} for no cap
 * @param heldOutside customers it holds that are not part of this problem (they count against
 *     {@code capacity} only)
 * @param newLeadCap the most leads it may receive in the period that it does not own yet (in this
 *     run, plus what the problem's {@link Ledger period ledger} says it received earlier); {@link
 *     #UNLIMITED} for no cap
 * @param available {@code false} while on leave: it takes nothing new (it keeps what it owns)
 * @param weight share multiplier, e.g. from performance: a rep of weight 2 gets twice the share of
 *     a rep of weight 1 (the policy may bound it)
 * @param share the part of a full-time rep it works, in {@code [0.05, 1]}: 1 full time, 0.5 half
 *     time or ramping up at half speed. It multiplies the rep's effective weight (after the
 *     policy's bounds), so the rep's fair share of leads, and its new-lead cap (rounded down).
 *     Leave is {@code available = false}, not a share of 0
 * @param preferredIndustries industries it is strongest in (a soft preference)
 * @since 0.1.0
 */
public record Rep(
    RepId id,
    Set<String> regions,
    Set<String> industries,
    Set<Tier> allowedTiers,
    Role role,
    SizeRange companySizes,
    int capacity,
    int heldOutside,
    int newLeadCap,
    boolean available,
    double weight,
    double share,
    Set<String> preferredIndustries) {

  /** No cap. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** The least {@link #share()}: a rep works at least a twentieth of full time. */
  public static final double MIN_SHARE = 0.05;

  public Rep {
    requireNonNull(id, "rep id");
    regions = copyOfStrings(id, "regions", regions);
    industries = copyOfStrings(id, "industries", industries);
    requireNonNull(allowedTiers, () -> "rep " + id + ": allowedTiers");
    allowedTiers.forEach(
        t -> checkArgument(t != null, "rep %s: allowedTiers must not hold null", id));
    allowedTiers = Set.copyOf(allowedTiers);
    checkArgument(role != null, "rep %s: role must be set (HUNTER, FARMER or BOTH)", id);
    checkArgument(companySizes != null, "rep %s: companySizes must be set", id);
    checkArgument(capacity >= 0, "rep %s: capacity must be >= 0, was %s", id, capacity);
    checkArgument(heldOutside >= 0, "rep %s: heldOutside must be >= 0, was %s", id, heldOutside);
    checkArgument(newLeadCap >= 0, "rep %s: newLeadCap must be >= 0, was %s", id, newLeadCap);
    checkArgument(
        Double.isFinite(weight) && weight > 0,
        "rep %s: weight must be finite and > 0, was %s",
        id,
        weight);
    checkArgument(
        share >= MIN_SHARE && share <= 1,
        "rep %s: share must be in [0.05, 1] (leave is available = false), was %s",
        id,
        share);
    preferredIndustries = copyOfStrings(id, "preferredIndustries", preferredIndustries);
  }

  private static Set<String> copyOfStrings(RepId id, String field, Set<String> values) {
    requireNonNull(values, () -> "rep " + id + ": " + field);
    for (String v : values) {
      checkArgument(v != null && !v.isBlank(), "rep %s: %s must not hold blank values", id, field);
      Text.wellFormed(v, "rep " + id + ": " + field);
    }
    return Set.copyOf(values);
  }

  /** Returns a builder for a rep with the given id. */
  public static Builder builder(String id) {
    return new Builder(RepId.of(id));
  }

  /** Returns a builder pre-filled with this rep's fields, for making a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.regions.addAll(regions);
    b.industries.addAll(industries);
    allowedTiers.forEach(t -> b.allowedTiers.add(t.name()));
    b.role = role;
    b.companySizes = companySizes;
    b.capacity = capacity;
    b.heldOutside = heldOutside;
    b.newLeadCap = newLeadCap;
    b.available = available;
    b.weight = weight;
    b.share = share;
    b.preferredIndustries.addAll(preferredIndustries);
    return b;
  }

  /**
   * Builds a {@link Rep}. Defaults: any region, industry, tier and company size; role {@code BOTH};
   * unlimited capacity; available; weight 1; full time (share 1). {@link #build()} validates and
   * leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final RepId id;
    private final Set<String> regions = new TreeSet<>();
    private final Set<String> industries = new TreeSet<>();
    private final Set<String> allowedTiers = new TreeSet<>();
    private Role role = Role.BOTH;
    private SizeRange companySizes = SizeRange.ANY;
    private int capacity = UNLIMITED;
    private int heldOutside;
    private int newLeadCap = UNLIMITED;
    private boolean available = true;
    private double weight = 1.0;
    private double share = 1.0;
    private final Set<String> preferredIndustries = new TreeSet<>();

    private Builder(RepId id) {
      this.id = id;
    }

    /** Sets the regions (replacing any set before); none = any region. */
    public Builder regions(String... regions) {
      this.regions.clear();
      this.regions.addAll(java.util.Arrays.asList(regions));
      return this;
    }

    /** Sets the industries (replacing any set before); none = any industry. */
    public Builder industries(String... industries) {
      this.industries.clear();
      this.industries.addAll(java.util.Arrays.asList(industries));
      return this;
    }

    /** Sets the allowed tiers (replacing any set before); none = every tier. */
    public Builder tiers(String... tiers) {
      for (String t : tiers) {
        checkArgument(
            t != null && !t.isBlank(), "rep %s: allowedTiers must not hold blank values", id);
      }
      this.allowedTiers.clear();
      this.allowedTiers.addAll(java.util.Arrays.asList(tiers));
      return this;
    }

    public Builder role(Role role) {
      this.role = role;
      return this;
    }

    public Builder companySizes(SizeRange companySizes) {
      this.companySizes = companySizes;
      return this;
    }

    public Builder capacity(int capacity) {
      this.capacity = capacity;
      return this;
    }

    public Builder heldOutside(int heldOutside) {
      this.heldOutside = heldOutside;
      return this;
    }

    public Builder newLeadCap(int newLeadCap) {
      this.newLeadCap = newLeadCap;
      return this;
    }

    public Builder available(boolean available) {
      this.available = available;
      return this;
    }

    public Builder weight(double weight) {
      this.weight = weight;
      return this;
    }

    /** The part of full time it works, in {@code [0.05, 1]}: part time, ramping up. */
    public Builder share(double share) {
      this.share = share;
      return this;
    }

    /** Sets the preferred industries (replacing any set before). */
    public Builder preferredIndustries(String... industries) {
      this.preferredIndustries.clear();
      this.preferredIndustries.addAll(java.util.Arrays.asList(industries));
      return this;
    }

    public Rep build() {
      Set<Tier> tiers = new java.util.LinkedHashSet<>();
      allowedTiers.forEach(t -> tiers.add(Tier.of(t)));
      return new Rep(
          id,
          regions,
          industries,
          tiers,
          role,
          companySizes,
          capacity,
          heldOutside,
          newLeadCap,
          available,
          weight,
          share,
          preferredIndustries);
    }
  }
}
