package io.fairlead.core.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An inclusive band of company sizes (employees) that a rep works, e.g. {@code 0..199} for small
 * business or {@code 1000..} for enterprise.
 *
 * @param min the smallest size in the band, {@code >= 0}
 * @param max the largest size in the band, {@code >= min}; {@link Integer#MAX_VALUE} for no limit
 * @since 0.1.0
 */
public record SizeRange(int min, int max) {

  /** Every company size. */
  public static final SizeRange ANY = new SizeRange(0, Integer.MAX_VALUE);

  public SizeRange {
    checkArgument(min >= 0, "size range min must be >= 0, was %s", min);
    checkArgument(max >= min, "size range max must be >= min (%s), was %s", min, max);
  }

  /** Returns the band {@code min..max}. */
  public static SizeRange of(int min, int max) {
    return new SizeRange(min, max);
  }

  /** Returns the band {@code min..} with no upper limit. */
  public static SizeRange atLeast(int min) {
    return new SizeRange(min, Integer.MAX_VALUE);
  }

  /** Returns whether the band holds the given size. */
  public boolean contains(int size) {
    return size >= min && size <= max;
  }

  @Override
  public String toString() {
    return max == Integer.MAX_VALUE ? min + ".." : min + ".." + max;
  }
}
