package io.fairlead.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.fairness.Violation;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Rebalancer} over whole random books and settings ({@link Books}). Seeds are
 * fixed; QuickTheories prints the seed and the falsifying case.
 */
class RebalancerPropertyTest {

  private static final long SEED = 20_260_312L;
  private static final int EXAMPLES = 300;

  /** Lexicographic: hard, then medium, then soft. */
  private static final Comparator<ScoreBreakdown> SCORE =
      Comparator.comparingLong(ScoreBreakdown::hard)
          .thenComparingLong(ScoreBreakdown::medium)
          .thenComparingLong(ScoreBreakdown::soft);

  @Test
  void lockedMustNotMoveAndTopTier_neverMove() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, false))
        .checkAssert(
            c -> {
              Rebalance r = c.rebalancer().rebalance(c.book());
              Policy policy = c.book().policy();
              Set<LeadId> moved = r.moves().stream().map(Move::lead).collect(Collectors.toSet());
              for (Lead l : c.book().leads()) {
                boolean stays =
                    l.locked()
                        || c.mustNotMove().contains(l.id().value())
                        || (!c.moveTopTier() && policy.tierOf(l).equals(policy.tiers().top()));
                if (stays && l.currentOwner().isPresent()) {
                  assertThat(moved).as("%s must stay", l.id()).doesNotContain(l.id());
                  assertThat(r.after().outcome(l.id()).rep()).isEqualTo(l.currentOwner());
                }
              }
            });
  }

  @Test
  void budgets_areNeverExceeded() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, false))
        .checkAssert(
            c -> {
              Rebalance r = c.rebalancer().rebalance(c.book());
              assertThat(r.moves().size()).isLessThanOrEqualTo(c.maxMoves());
              Map<RepId, Integer> from = new HashMap<>();
              Map<RepId, Integer> to = new HashMap<>();
              for (Move m : r.moves()) {
                from.merge(m.from(), 1, Integer::sum);
                to.merge(m.to(), 1, Integer::sum);
              }
              from.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(c.maxMovesPerRep()));
              to.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(c.maxMovesPerRep()));
              // Each move hands a lead over from the rep that holds it at that point.
              Map<LeadId, RepId> holder = new HashMap<>();
              c.book().leads().forEach(l -> l.currentOwner().ifPresent(o -> holder.put(l.id(), o)));
              for (Move m : r.moves()) {
                assertThat(m.from()).isEqualTo(holder.put(m.lead(), m.to()));
              }
            });
  }

  @Test
  void moves_neverBreakAHardRule() {
    qt().withFixedSeed(SEED + 2)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, false))
        .checkAssert(
            c -> {
              Rebalance r = c.rebalancer().rebalance(c.book());
              Policy policy = c.book().policy();
              Map<RepId, Rep> reps = new HashMap<>();
              c.book().reps().forEach(rep -> reps.put(rep.id(), rep));
              Map<LeadId, Lead> leads = new HashMap<>();
              c.book().leads().forEach(l -> leads.put(l.id(), l));
              for (Move m : r.moves()) {
                Lead l = leads.get(m.lead());
                assertThat(
                        policy
                            .rulebook()
                            .firstExclusion(reps.get(m.to()), l, policy.tierOf(l), true))
                    .as("%s to %s", m.lead(), m.to())
                    .isNull();
              }
              // Every rule the book breaks afterwards, it broke before (per lead, rep and rule).
              assertThat(keys(r.after())).isSubsetOf(keys(r.before()));
              assertThat(r.after().score().hard()).isLessThanOrEqualTo(r.before().score().hard());
            });
  }

  private static Set<List<Object>> keys(Allocation a) {
    Set<List<Object>> out = new HashSet<>();
    for (Violation v : a.metrics().violations()) {
      out.add(List.of(v.lead(), v.rep(), v.rule()));
    }
    return out;
  }

  @Test
  void everyLead_exactlyOnce() {
    qt().withFixedSeed(SEED + 3)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, false))
        .checkAssert(
            c -> {
              Rebalance r = c.rebalancer().rebalance(c.book());
              List<LeadId> seen = new ArrayList<>();
              r.after().outcomes().stream().map(LeadOutcome::lead).forEach(seen::add);
              seen.addAll(r.unowned());
              assertThat(seen)
                  .containsExactlyInAnyOrderElementsOf(
                      c.book().leads().stream().map(Lead::id).toList());
              // Owned leads are assigned before and after; the moves are the MOVED outcomes.
              assertThat(r.after().unassigned()).isEmpty();
              Set<LeadId> moved =
                  r.after().outcomes().stream()
                      .filter(o -> o.status() == io.fairlead.core.allocation.Status.MOVED)
                      .map(LeadOutcome::lead)
                      .collect(Collectors.toSet());
              Map<LeadId, RepId> last = new HashMap<>();
              r.moves().forEach(m -> last.put(m.lead(), m.to()));
              Set<LeadId> away = new HashSet<>();
              for (Lead l : c.book().leads()) {
                if (last.containsKey(l.id())
                    && !l.currentOwner().orElseThrow().equals(last.get(l.id()))) {
                  away.add(l.id());
                }
              }
              assertThat(moved).isEqualTo(away);
            });
  }

  @Test
  void gains_addUpToTheDropOfTheScore() {
    qt().withFixedSeed(SEED + 4)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, false))
        .checkAssert(
            c -> {
              Rebalance r = c.rebalancer().rebalance(c.book());
              long gains = r.moves().stream().mapToLong(Move::gain).sum();
              assertThat(gains).isEqualTo(r.before().score().soft() - r.after().score().soft());
            });
  }

  @Test
  void moreBudget_neverWorse_andItsMovesStartWithTheSmallerBudgetsMoves() {
    qt().withFixedSeed(SEED + 5)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, false))
        .checkAssert(
            c -> {
              Rebalance previous = null;
              for (int budget : new int[] {0, 1, 2, 3, 5, 8, 13, Rebalancer.UNLIMITED}) {
                Rebalance r = c.rebalancer(budget).rebalance(c.book());
                if (previous != null) {
                  assertThat(SCORE.compare(r.after().score(), previous.after().score()))
                      .as("budget %s against the one before", budget)
                      .isLessThanOrEqualTo(0);
                  assertThat(r.moves().size()).isGreaterThanOrEqualTo(previous.moves().size());
                  assertThat(r.moves().subList(0, previous.moves().size()))
                      .isEqualTo(previous.moves());
                }
                previous = r;
              }
            });
  }

  @Test
  void curve_isMonotone_andEachPointIsTheRebalanceOfItsBudget() {
    qt().withFixedSeed(SEED + 6)
        .withExamples(150)
        .forAll(Books.cases(60, 5, false))
        .checkAssert(
            c -> {
              TradeOffCurve curve = c.rebalancer().curve(c.book());
              assertThat(curve.points()).hasSize(6);
              TradeOffPoint previous = null;
              for (TradeOffPoint p : curve.points()) {
                Rebalance r = c.rebalancer(p.maxMoves()).rebalance(c.book());
                assertThat(p.moves()).isEqualTo(r.moves().size());
                assertThat(p.score()).isEqualTo(r.after().score());
                assertThat(p.gaps()).isEqualTo(r.gapsAfter());
                if (previous != null) {
                  assertThat(p.maxMoves()).isGreaterThanOrEqualTo(previous.maxMoves());
                  assertThat(SCORE.compare(p.score(), previous.score())).isLessThanOrEqualTo(0);
                }
                previous = p;
              }
            });
  }

  @Test
  void movesToTheCountOptimum_areAtLeastTheFlowBound() {
    qt().withFixedSeed(SEED + 7)
        .withExamples(EXAMPLES)
        .forAll(Books.cases(30, 5, true))
        .checkAssert(
            c -> {
              TradeOffCurve curve = c.rebalancer().curve(c.book());
              curve
                  .movesToCountOptimum()
                  .ifPresent(
                      m ->
                          assertThat(m)
                              .isGreaterThanOrEqualTo(
                                  curve.fewestMovesToCountOptimum().getAsInt()));
              curve
                  .countsOnlyMovesToCountOptimum()
                  .ifPresent(
                      m ->
                          assertThat(m)
                              .isGreaterThanOrEqualTo(
                                  curve.fewestMovesToCountOptimum().getAsInt()));
              // Any rebalance that ends count-optimal moved at least that many.
              Rebalance r = c.rebalancer().rebalance(c.book());
              if (r.gapsAfter().countOptimal() && curve.fewestMovesToCountOptimum().isPresent()) {
                assertThat(r.moves().size())
                    .isGreaterThanOrEqualTo(curve.fewestMovesToCountOptimum().getAsInt());
              }
            });
  }
}
