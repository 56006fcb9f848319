package io.fairlead.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A score by level and by term, in the order of {@link Scoring#TERMS}. Lower is better.
 *
 * @param hard the hard level: the sum of the hard terms
 * @param medium the medium level: unassigned leads
 * @param soft the soft level: the sum of the soft terms
 * @param terms every term's penalty, by position in {@link Scoring#TERMS}
 */
public record Score(long hard, long medium, long soft, long[] terms) {

  /** The penalty of each term by id, in {@link Scoring#TERMS} order. */
  public Map<String, Long> byTerm() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int k = 0; k < terms.length; k++) {
      out.put(Scoring.TERMS.get(k), terms[k]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Score s
        && s.hard == hard
        && s.medium == medium
        && s.soft == soft
        && java.util.Arrays.equals(s.terms, terms);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(hard, medium, soft, java.util.Arrays.hashCode(terms));
  }

  @Override
  public String toString() {
    return hard + "hard/" + medium + "medium/" + soft + "soft";
  }
}
