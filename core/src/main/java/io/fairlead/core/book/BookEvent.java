package io.fairlead.core.book;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of a {@link Book}'s log: what changed, when, who did it, why, and which rule or policy
 * decided it. Entries are chained: each carries the hash of the one before and its own, so an entry
 * edited or removed afterwards is found by {@link Book#verify()}.
 *
 * @param seq its place in the log, from 1
 * @param at when it happened (the clock the book was given, never the wall)
 * @param kind what kind of event it is, in a manager's words
 * @param change what it changed in the book
 * @param actor who did it: {@code "router"}, {@code "batch"}, {@code "rep:ana"}, {@code
 *     "manager:lee"}, {@code "reclaim"}...
 * @param reason why, in words a manager reads
 * @param rule the rule or policy that decided it, e.g. {@code "policy:keeps-owners"}, {@code
 *     "reclaim:no-follow-up"}, {@code "conflict:owner-keeps"}, or {@code "manual"}
 * @param previousHash the hash of the entry before, or {@code ""} for the first
 * @param hash this entry's hash: SHA-256 of its canonical form and {@code previousHash}
 * @since 0.1.0
 */
public record BookEvent(
    long seq,
    Instant at,
    Kind kind,
    Change change,
    String actor,
    String reason,
    String rule,
    String previousHash,
    String hash) {

  /**
   * The kinds of event, each with the kind of change it makes.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** A customer or lead entered the book. */
    ADDED(Change.LeadAdded.class),
    /** A customer's record changed. */
    UPDATED(Change.LeadUpdated.class),
    /** A customer without an owner got one, from an allocator or the router. */
    ASSIGNED(Change.Owned.class),
    /** A customer stayed with its owner where the policy decided so (no change of owner). */
    KEPT(Change.Owned.class),
    /** A customer moved from its owner to another rep (rebalancing, a departure). */
    MOVED(Change.Owned.class),
    /** A rep took a customer from the pool. */
    CLAIMED(Change.Owned.class),
    /** A manager gave a customer to a rep by hand; the customer is pinned there. */
    OVERRIDDEN(Change.Owned.class),
    /** A customer of a rep on leave went to a cover, to be handed back on the rep's return. */
    COVERED(Change.Owned.class),
    /** A covered customer went back to its owner, returned from leave. */
    HANDED_BACK(Change.Owned.class),
    /** A manager lifted the pin of an override: rules may move the customer again. */
    UNPINNED(Change.Unpinned.class),
    /** A rep gave a customer back to the pool. */
    RELEASED(Change.Pooled.class),
    /** A rule took an idle customer back into the pool. */
    RECLAIMED(Change.Pooled.class),
    /** A customer whose owner left went to the pool. */
    ORPHANED(Change.Pooled.class),
    /** A customer was worked. */
    TOUCHED(Change.Touched.class),
    /** A customer will be reclaimed unless it is worked. */
    WARNED(Change.Warned.class),
    /** A duplicate was folded into a customer. */
    MERGED(Change.Merged.class),
    /** A customer left the book. */
    REMOVED(Change.Removed.class),
    /** A rep joined. */
    REP_JOINED(Change.RepJoined.class),
    /** A rep's definition changed. */
    REP_CHANGED(Change.RepChanged.class),
    /** A rep left. */
    REP_LEFT(Change.RepLeft.class),
    /** A rep's availability over some days was set: leave, part time, ramping up. */
    AVAILABILITY(Change.Availability.class),
    /** A rep's ledger credit was set by the catch-up policy (joined, back from leave). */
    CALIBRATED(Change.Calibrated.class),
    /** The book's day began: the lifecycle's rules ran for it. */
    DAY_STARTED(Change.DayStarted.class);

    private final Class<? extends Change> change;

    Kind(Class<? extends Change> change) {
      this.change = change;
    }

    /** The kind of change an event of this kind makes. */
    public Class<? extends Change> change() {
      return change;
    }

    /** The stable id, e.g. {@code "handed-back"}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public BookEvent {
    checkArgument(seq >= 1, "event seq must be >= 1, was %s", seq);
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(change, "change");
    checkArgument(
        kind.change().isInstance(change),
        "event %s: a %s event cannot make a %s change",
        seq,
        kind,
        change.kind());
    requireNonNull(actor, "actor");
    requireNonNull(reason, "reason");
    requireNonNull(rule, "rule");
    requireNonNull(previousHash, "previousHash");
    requireNonNull(hash, "hash");
  }
}
