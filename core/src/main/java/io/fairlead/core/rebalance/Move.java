package io.fairlead.core.rebalance;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One move of a {@link Rebalancer}: a customer handed from one rep to another, with the reason in a
 * manager's words.
 *
 * <pre>{@code
 * for (Move m : rebalance.moves()) {
 *   System.out.println(m.lead() + ": " + m.from() + " -> " + m.to() + "  " + m.reason());
 * }
 * // c17: ana -> ben  ana held 61 customers, 3 over a capacity of 58; its least valuable …
 * }</pre>
 *
 * <p>A move hands one customer from the rep that holds it to another. Moves come in steps: a step
 * is one move, or a chain of moves that passes a customer along from a rep who has too many to one
 * who can take it when no direct move can (every rep in between gives one customer and takes one).
 * All moves of a step share its number. A customer a step moved may be handed on by a later step;
 * its {@code from} is then the rep the earlier step gave it to.
 *
 * @param step the step's number, from 1, in the order the moves are made
 * @param lead the customer
 * @param from the rep that holds it: its owner in the book, or the rep an earlier step gave it to
 * @param to the rep who takes it
 * @param kind why it moves: a capacity breach, a rule its owner breaks, or balance
 * @param reason one or two sentences with the figures behind the move, as they stood when it was
 *     made: what each rep held next to its fair share or capacity, and what the move gains
 * @param gains how much each objective's part of the score drops with this move, by objective id in
 *     the policy's order ({@code count-balance}, {@code value-balance}, {@code tier-balance}, …);
 *     negative where the move makes that objective less even
 * @since 0.1.0
 */
public record Move(
    int step,
    LeadId lead,
    RepId from,
    RepId to,
    Move.Kind kind,
    String reason,
    Map<String, Long> gains) {

  /**
   * Why a customer moves.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** Its owner held more customers than its capacity allows (moved first). */
    CAPACITY,
    /** Its owner may no longer hold it under a rule of the policy (moved next). */
    RULE,
    /** It makes the book fairer. */
    BALANCE
  }

  public Move {
    checkArgument(step >= 1, "move: step must be >= 1, was %s", step);
    requireNonNull(lead, "move: lead");
    requireNonNull(from, "move: from");
    requireNonNull(to, "move: to");
    checkArgument(!from.equals(to), "move of %s: from and to are both %s", lead, from);
    requireNonNull(kind, "move: kind");
    requireNonNull(reason, "move: reason");
    gains = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(gains, "move: gains")));
  }

  /** The whole drop of the score with this move: the sum of {@link #gains()}. */
  public long gain() {
    return gains.values().stream().mapToLong(Long::longValue).sum();
  }
}
