package io.fairlead.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The id of a {@link Rep}: a sales representative, as the host CRM names it.
 *
 * <p>Typed so that a rep id can never be passed where a lead id is expected. Ordered by its text.
 *
 * @param value the non-blank id text
 * @since 0.1.0
 */
public record RepId(String value) implements Comparable<RepId> {

  public RepId {
    requireNonNull(value, "rep id");
    checkArgument(!value.isBlank(), "rep id must not be blank");
  }

  /** Returns the id with the given text. */
  public static RepId of(String value) {
    return new RepId(value);
  }

  @Override
  public int compareTo(RepId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
