package io.fairlead.core.model;

/**
 * A named customer tier such as {@code A}, {@code B} or {@code C}. Tiers are ordered by the
 * policy's {@code TierScheme} (first = top tier); a tier on its own is only a name.
 *
 * @param name the non-blank tier name, at most 50,000 characters (a JSON field name when written)
 * @since 0.1.0
 */
public record Tier(String name) {

  public Tier {
    Text.key(name, "tier name");
  }

  /** Returns the tier with the given name. */
  public static Tier of(String name) {
    return new Tier(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
