package io.fairlead.core.book;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer (or lead) in a {@link Book}, as of the book's last event. Immutable.
 *
 * @param lead its record as a problem takes it: {@code currentOwner} is the book's owner, and it is
 *     {@code locked} while it has an owner and either the host locked it or a manager pinned it
 * @param owner its owner, or empty while it is in the pool
 * @param since when it got its owner, or went to the pool
 * @param lastTouched when it was last worked (a follow-up or a deal), if ever
 * @param lastDeal when its last deal was made, if ever
 * @param coolDown for each previous owner that gave it back or lost it to the pool, the first day
 *     it may own it again
 * @param warnedFor the day it is due to be reclaimed, if a warning was given since it was last
 *     worked
 * @param coveredFor the owner on leave whose customer it is, while a cover holds it
 * @param pinnedBy the actor whose override pinned it to its owner, while pinned
 * @param duplicates the leads merged into it as duplicates, in the order they came
 * @since 0.1.0
 */
public record Customer(
    Lead lead,
    Optional<RepId> owner,
    Instant since,
    Optional<Instant> lastTouched,
    Optional<Instant> lastDeal,
    Map<RepId, LocalDate> coolDown,
    Optional<LocalDate> warnedFor,
    Optional<RepId> coveredFor,
    Optional<String> pinnedBy,
    List<LeadId> duplicates) {

  public Customer {
    requireNonNull(lead, "lead");
    requireNonNull(owner, "owner");
    requireNonNull(since, "since");
    requireNonNull(lastTouched, "lastTouched");
    requireNonNull(lastDeal, "lastDeal");
    coolDown = Collections.unmodifiableMap(new TreeMap<>(coolDown));
    requireNonNull(warnedFor, "warnedFor");
    requireNonNull(coveredFor, "coveredFor");
    requireNonNull(pinnedBy, "pinnedBy");
    duplicates = List.copyOf(duplicates);
  }

  /** Its id. */
  public LeadId id() {
    return lead.id();
  }

  /** Whether it is in the pool (has no owner). */
  public boolean pooled() {
    return owner.isEmpty();
  }

  /** Whether a manager's override pins it to its owner. */
  public boolean pinned() {
    return pinnedBy.isPresent();
  }

  /** Whether the rep may not own it on the day: it gave it back (or lost it) and cools down. */
  public boolean coolsDown(RepId rep, LocalDate day) {
    LocalDate until = coolDown.get(rep);
    return until != null && day.isBefore(until);
  }
}
