package io.fairlead.core.policy;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What a rep carries at one moment, as the caps of the {@link Rulebook} see it: the customers it
 * holds in the book (customers held outside it are the rep's own {@code heldOutside}) and the new
 * leads it has received in the current period (a batch run, or a routing period).
 *
 * <pre>{@code
 * Verdict v = policy.rulebook().check(ana, lead, new RepLoad(57, 4));
 * }</pre>
 *
 * @param held leads of the book it holds now, {@code >= 0}
 * @param received leads new to it that it received in the current period, {@code >= 0}
 * @since 0.1.0
 */
public record RepLoad(int held, int received) {

  /** A rep that holds nothing and has received nothing. */
  public static final RepLoad NONE = new RepLoad(0, 0);

  public RepLoad {
    checkArgument(held >= 0, "held must be >= 0, was %s", held);
    checkArgument(received >= 0, "received must be >= 0, was %s", received);
  }
}
