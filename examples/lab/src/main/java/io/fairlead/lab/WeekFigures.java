package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.fairness.FairnessMetrics;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One week of one policy's run: what arrived and what became of it, the moves, and the book
 * measured at the week's end. Weeks are blocks of seven days from the scenario's start; the last
 * may be shorter.
 *
 * <p>Every lead that arrived in the week is counted once: {@code arrived == assigned + unassigned +
 * merged + repeats}.
 *
 * @param week its number, from 1
 * @param from its first day
 * @param to its last day
 * @param arrived the leads of the stream that arrived
 * @param assigned of those that became customers, how many have an owner at the week's end
 * @param unassigned of those that became customers, how many are in the pool at the week's end
 * @param unassignedByReason those, by reason: {@code "no-eligible-rep:<rule>"} (the rule that
 *     excluded the most reps), {@code "all-eligible-full:<cap>"}, or {@code "not-placed"}; sorted
 * @param merged those merged into a customer of the book (the same company)
 * @param repeats those whose id the book held already
 * @param conflicts of the merged, how many came with a rep other than the customer's owner (a
 *     conflict the lifecycle decided)
 * @param placed customers given an owner from the pool in the week (any week's leads, and pooled
 *     customers of a rep who left)
 * @param rebalanceMoves customers moved by rebalancing
 * @param reassigned customers moved for another reason: a departure, a conflict won, a cover
 * @param pool customers in the pool at the week's end (any week's)
 * @param reps reps on the team at the week's end
 * @param countGini Gini of weighted customer counts (0 even)
 * @param countJain Jain's index of weighted customer counts (1 even)
 * @param valueGini Gini of weighted value
 * @param valueJain Jain's index of weighted value
 * @param topTierGini Gini of weighted top-tier counts
 * @param countMaxDeviation the largest gap between a rep's customers and its fair share, in leads
 * @param valueMaxDeviation the same for value, in money
 * @param topTierMaxDeviation the same for top-tier customers, in leads
 * @param lag the receipts lag: the largest gap between a rep's new leads this period and its
 *     entitlement, in leads (the metrics' {@code receipts().maxDeviation()})
 * @param countGap customer counts above the proven count optimum (0.02 = 2 %)
 * @param valueMaxGap the largest weighted value above its proven lower bound
 * @param topTierGap the top tier above its proven optimum
 * @param receiptsGap always {@code NaN}: not measured. The week's-end snapshot is a book in which
 *     every customer stays with its owner, so nothing in it is received and its receipts term is 0
 *     whatever the period's flow was; the period's flow fairness is {@code lag}
 * @param metrics the book's full metrics at the week's end: per rep its customers, value and tier
 *     counts next to its fair shares, in roster order
 * @param gaps the book's full gaps to the proven bounds at the week's end
 * @since 0.1.0
 */
public record WeekFigures(
    int week,
    LocalDate from,
    LocalDate to,
    int arrived,
    int assigned,
    int unassigned,
    Map<String, Integer> unassignedByReason,
    int merged,
    int repeats,
    int conflicts,
    int placed,
    int rebalanceMoves,
    int reassigned,
    int pool,
    int reps,
    double countGini,
    double countJain,
    double valueGini,
    double valueJain,
    double topTierGini,
    double countMaxDeviation,
    double valueMaxDeviation,
    double topTierMaxDeviation,
    double lag,
    double countGap,
    double valueMaxGap,
    double topTierGap,
    double receiptsGap,
    FairnessMetrics metrics,
    BoundGaps gaps) {

  public WeekFigures {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    unassignedByReason = Collections.unmodifiableMap(new TreeMap<>(unassignedByReason));
    requireNonNull(metrics, "metrics");
    requireNonNull(gaps, "gaps");
  }

  /** The figures of a week, the spreads and gaps taken from the metrics and gaps. */
  static WeekFigures of(
      int week,
      LocalDate from,
      LocalDate to,
      int[] counts,
      Map<String, Integer> reasons,
      FairnessMetrics m,
      BoundGaps g) {
    return new WeekFigures(
        week,
        from,
        to,
        counts[0],
        counts[1],
        counts[2],
        reasons,
        counts[3],
        counts[4],
        counts[5],
        counts[6],
        counts[7],
        counts[8],
        counts[9],
        counts[10],
        m.count().gini(),
        m.count().jain(),
        m.value().gini(),
        m.value().jain(),
        m.topTier().gini(),
        m.count().maxDeviation(),
        m.value().maxDeviation(),
        m.topTier().maxDeviation(),
        m.receipts().maxDeviation(),
        g.countGap(),
        g.valueMaxGap(),
        g.topTierGap(),
        Double.NaN, // see the receiptsGap parameter: a snapshot receives nothing
        m,
        g);
  }
}
