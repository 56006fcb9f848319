package io.fairlead.core.allocation;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a lead went where it went.
 *
 * @param lead the lead
 * @param rep its owner, empty if unassigned
 * @param status what happened
 * @param rulesMatched the hard rules the owner satisfies for this lead, by id
 * @param contributions the soft penalty this lead adds on its owner, per objective id (what the
 *     score would gain if it were unassigned instead)
 * @param alternatives every other rep on the roster, eligible ones first by soft delta, then the
 *     excluded ones with the rule that excludes them
 * @param summary one or two sentences for a person
 * @since 0.1.0
 */
public record Explanation(
    LeadId lead,
    Optional<RepId> rep,
    Status status,
    List<String> rulesMatched,
    Map<String, Long> contributions,
    List<Alternative> alternatives,
    String summary) {

  public Explanation {
    requireNonNull(lead, "lead");
    requireNonNull(rep, "rep");
    requireNonNull(status, "status");
    rulesMatched = List.copyOf(rulesMatched);
    contributions =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contributions));
    alternatives = List.copyOf(alternatives);
    requireNonNull(summary, "summary");
  }
}
