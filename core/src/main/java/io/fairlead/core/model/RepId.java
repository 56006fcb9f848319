package io.fairlead.core.model;

/**
 * The id of a {@link Rep}: a sales representative, as the host CRM names it.
 *
 * <p>Typed so that a rep id can never be passed where a lead id is expected. Ordered by its text.
 *
 * @param value the id text: not blank, well-formed (no lone surrogate)
 * @since 0.1.0
 */
public record RepId(String value) implements Comparable<RepId> {

  public RepId {
    Text.name(value, "rep id");
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
