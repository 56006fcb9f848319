package io.fairlead.core.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Tier;
import java.util.HashSet;
import java.util.List;

/**
 * The ordered tiers a policy knows, top tier first: {@code A, B, C} by default.
 *
 * @param tiers at least one tier, no duplicates, top first
 * @since 0.1.0
 */
public record TierScheme(List<Tier> tiers) {

  /** The default scheme {@code A > B > C}. */
  public static final TierScheme ABC = of("A", "B", "C");

  public TierScheme {
    requireNonNull(tiers, "tiers");
    checkArgument(!tiers.isEmpty(), "tier scheme must name at least one tier");
    checkArgument(
        new HashSet<>(tiers).size() == tiers.size(),
        "tier scheme must not repeat a tier: %s",
        tiers);
    tiers = List.copyOf(tiers);
  }

  /** Returns the scheme with the given tier names, top first. */
  public static TierScheme of(String... names) {
    return new TierScheme(java.util.Arrays.stream(names).map(Tier::of).toList());
  }

  /** The 0-based rank of a tier: 0 for the top tier. */
  public int rank(Tier tier) {
    int i = tiers.indexOf(tier);
    checkArgument(i >= 0, "unknown tier '%s', the policy knows %s", tier, tiers);
    return i;
  }

  /** Returns whether the scheme knows the tier. */
  public boolean contains(Tier tier) {
    return tiers.contains(tier);
  }

  /** The top tier. */
  public Tier top() {
    return tiers.get(0);
  }

  /** The lowest tier. */
  public Tier lowest() {
    return tiers.get(tiers.size() - 1);
  }

  /** The number of tiers. */
  public int size() {
    return tiers.size();
  }
}
