package io.fairlead.core.book;

import java.util.Optional;

/**
 * What {@link Book#verify()} found: whether every event's hash is the hash of its content chained
 * to the one before, and if not, the first event that is not.
 *
 * @param intact whether the log is as it was written
 * @param brokenAt the number of the first event that was edited, inserted or removed (or whose
 *     chain is broken), if any
 * @param problem what is wrong there, in words
 * @param head the hash of the last event, or {@code ""} for an empty log: keep it apart from the
 *     log (a ticket, another database), and an attacker who rewrites the whole chain is found too
 * @since 0.1.0
 */
public record Verification(boolean intact, Optional<Long> brokenAt, String problem, String head) {

  static Verification ok(String head) {
    return new Verification(true, Optional.empty(), "", head);
  }

  static Verification broken(long seq, String problem, String head) {
    return new Verification(false, Optional.of(seq), problem, head);
  }
}
