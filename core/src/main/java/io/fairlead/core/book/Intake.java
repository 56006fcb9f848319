package io.fairlead.core.book;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.identity.EntityKey;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What became of a lead given to {@link Book#add}: added to the book, merged into a customer it
 * duplicates (a conflict, 撞单, when someone else wanted it), or a repeat of one already there. A
 * lead is never dropped: a merged lead is recorded as a duplicate of its customer.
 *
 * @param lead the lead given
 * @param outcome what became of it
 * @param customer the customer it is (itself when added)
 * @param owner the customer's owner after the intake, if it has one
 * @param matches the customers of the book it shares entity keys with, and the keys, before it came
 * @param reason why, in a manager's words
 * @param events the events it recorded, in order (none for a repeat)
 * @since 0.1.0
 */
public record Intake(
    LeadId lead,
    Outcome outcome,
    LeadId customer,
    Optional<RepId> owner,
    List<Match> matches,
    String reason,
    List<BookEvent> events) {

  /**
   * What became of a lead.
   *
   * @since 0.1.0
   */
  public enum Outcome {
    /** A new customer: in the pool, or owned by the rep it came with. */
    ADDED,
    /** The same company as a customer of the book: merged into it, and the conflict decided. */
    MERGED,
    /** Its id is in the book already (as a customer or a merged duplicate): nothing changed. */
    REPEAT
  }

  /**
   * A customer of the book that a lead shares entity keys with.
   *
   * @param customer the customer
   * @param owner its owner, if it has one
   * @param keys the keys they share, sorted
   * @since 0.1.0
   */
  public record Match(LeadId customer, Optional<RepId> owner, Set<EntityKey> keys) {
    public Match {
      requireNonNull(customer, "customer");
      requireNonNull(owner, "owner");
      keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
    }
  }

  public Intake {
    requireNonNull(lead, "lead");
    requireNonNull(outcome, "outcome");
    requireNonNull(customer, "customer");
    requireNonNull(owner, "owner");
    matches = List.copyOf(matches);
    requireNonNull(reason, "reason");
    events = List.copyOf(events);
  }
}
