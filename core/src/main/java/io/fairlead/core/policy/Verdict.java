package io.fairlead.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * The {@link Rulebook}'s answer to "may this rep take this lead now?": every rule that says no, in
 * rule order (none: it may).
 *
 * @param exclusions the rules that exclude the rep, in the order of {@link Rule} (a lock first)
 * @since 0.1.0
 */
public record Verdict(List<Exclusion> exclusions) {

  /** The verdict of a pair that every rule allows. */
  public static final Verdict ALLOWED = new Verdict(List.of());

  public Verdict {
    exclusions = List.copyOf(exclusions);
  }

  /** Returns whether every rule allows the pair. */
  public boolean allowed() {
    return exclusions.isEmpty();
  }

  /** The first rule that excludes the pair, if any: the one explanations name. */
  public Optional<Exclusion> first() {
    return exclusions.isEmpty() ? Optional.empty() : Optional.of(exclusions.get(0));
  }

  /** The ids of the excluding rules, in order. */
  public List<String> rules() {
    return exclusions.stream().map(Exclusion::rule).toList();
  }
}
