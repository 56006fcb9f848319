package io.fairlead.core.model;

/**
 * The id of a {@link Lead}: a customer or prospect, as the host CRM names it.
 *
 * <p>Typed so that a lead id can never be passed where a rep id is expected. Ordered by its text.
 *
 * @param value the id text: not blank, well-formed (no lone surrogate)
 * @since 0.1.0
 */
public record LeadId(String value) implements Comparable<LeadId> {

  public LeadId {
    Text.name(value, "lead id");
  }

  /** Returns the id with the given text. */
  public static LeadId of(String value) {
    return new LeadId(value);
  }

  @Override
  public int compareTo(LeadId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
