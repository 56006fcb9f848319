package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.routing.Scenarios.Scenario;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The router against the batch's own rule and score code on random small problems: every decision
 * is replayed on a {@link Book} over a {@link ProblemIndex} of the same leads, and must pass the
 * same pairwise rules, capacity and new-lead caps, and carry the same score delta. Seeds are fixed;
 * QuickTheories prints the seed and the falsifying scenario.
 */
class RoutingPropertyTest {

  private static final long SEED = 20_250_301L;
  private static final int EXAMPLES = 500;

  /** A router over the scenario's roster and book, scaled by the batch problem's mean value. */
  private static LeadRouter router(Scenario s, ProblemIndex index, double tolerance) {
    return LeadRouter.builder(s.policy())
        .roster(s.reps())
        .book(s.book())
        .meanValue(index.leadCount() == 0 ? 1000 : index.meanValue())
        .ledgerTolerance(tolerance)
        .build();
  }

  /** A book holding the scenario's owned leads with their owners, as the batch sees them. */
  private static Assignment initialBook(Scenario s, ProblemIndex index) {
    Assignment book = new Assignment(index);
    for (int i = 0; i < s.book().size(); i++) {
      book.assign(i, index.owner(i));
    }
    return book;
  }

  @Test
  void everyDecision_obeysTheBatchRulesCapsAndScore() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(Scenarios.scenarios())
        .checkAssert(
            s -> {
              ProblemIndex index =
                  new ProblemIndex(
                      s.problem().policy(),
                      s.problem().reps(),
                      s.problem().leads(),
                      s.problem().ledger());
              LeadRouter router = router(s, index, 1.0);
              Assignment book = initialBook(s, index);
              for (int k = 0; k < s.incoming().size(); k++) {
                int i = s.book().size() + k;
                Lead lead = s.incoming().get(k);
                RouteDecision d = router.route(lead);
                assertThat(d.lead()).isEqualTo(lead.id());
                assertThat(d.repeat()).isFalse();
                if (d.assigned()) {
                  int r = index.repIndex(d.rep().get());
                  assertThat(index.firstExclusion(i, r))
                      .as("%s -> %s", lead.id(), d.rep())
                      .isNull();
                  assertThat(book.hasRoom(i, r))
                      .as("room for %s on %s", lead.id(), d.rep())
                      .isTrue();
                  assertThat(d.status()).isEqualTo(Status.ASSIGNED);
                  assertThat(d.scoreDelta()).isEqualTo(book.deltaAssign(i, r)[1]);
                  d.runnerUp()
                      .ifPresent(
                          alt -> {
                            int o = index.repIndex(alt.rep());
                            assertThat(index.firstExclusion(i, o)).isNull();
                            assertThat(book.hasRoom(i, o)).isTrue();
                            assertThat(alt.softDelta()).isEqualTo(book.deltaAssign(i, o)[1]);
                          });
                  book.assign(i, r);
                } else {
                  UnassignedReason reason = d.reason().orElseThrow();
                  Map<String, Integer> failures = new TreeMap<>();
                  boolean anyEligible = false;
                  for (int r = 0; r < index.repCount(); r++) {
                    String f = index.firstExclusion(i, r);
                    if (f == null) {
                      anyEligible = true;
                      assertThat(book.hasRoom(i, r))
                          .as("%s had room for %s", index.rep(r).id(), lead.id())
                          .isFalse();
                    } else {
                      failures.merge(f, 1, Integer::sum);
                    }
                  }
                  if (anyEligible) {
                    assertThat(reason.kind()).isEqualTo(UnassignedReason.Kind.ALL_ELIGIBLE_FULL);
                  } else {
                    assertThat(reason.kind()).isEqualTo(UnassignedReason.Kind.NO_ELIGIBLE_REP);
                    assertThat(reason.excludedBy()).isEqualTo(failures);
                  }
                }
              }
              // The router's aggregates are the book's.
              for (RepSnapshot rep : router.snapshot()) {
                int r = index.repIndex(rep.rep());
                assertThat(rep.leads()).isEqualTo(book.loads().held(r));
                assertThat(rep.valueUnits()).isEqualTo(book.loads().units(r));
                Rep def = index.rep(r);
                if ((long) def.heldOutside() + rep.leads() - rep.received() <= def.capacity()) {
                  // routing never pushed a rep over capacity (the initial book may have)
                  assertThat((long) rep.held()).isLessThanOrEqualTo(def.capacity());
                }
                assertThat(rep.received()).isLessThanOrEqualTo(def.newLeadCap());
              }
            });
  }

  @Test
  void scoreDelta_equalsBookDeltaAssign_forEveryRep() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(EXAMPLES)
        .forAll(Scenarios.scenarios())
        .checkAssert(
            s -> {
              ProblemIndex index =
                  new ProblemIndex(
                      s.problem().policy(),
                      s.problem().reps(),
                      s.problem().leads(),
                      s.problem().ledger());
              LeadRouter router = router(s, index, 1.0);
              Assignment book = initialBook(s, index);
              for (int k = 0; k < s.incoming().size(); k++) {
                int i = s.book().size() + k;
                Lead lead = s.incoming().get(k);
                for (int r = 0; r < index.repCount(); r++) {
                  RepId rep = index.rep(r).id();
                  assertThat(router.scoreDelta(lead, rep))
                      .as("%s on %s", lead.id(), rep)
                      .isEqualTo(book.deltaAssign(i, r)[1]);
                }
                RouteDecision d = router.route(lead);
                d.rep().ifPresent(r -> book.assign(i, index.repIndex(r)));
              }
            });
  }

  @Test
  void infiniteTolerance_isTheBatchGreedy_choosesTheLowestBookDelta() {
    qt().withFixedSeed(SEED + 2)
        .withExamples(EXAMPLES)
        .forAll(Scenarios.scenarios())
        .checkAssert(
            s -> {
              ProblemIndex index =
                  new ProblemIndex(
                      s.problem().policy(),
                      s.problem().reps(),
                      s.problem().leads(),
                      s.problem().ledger());
              LeadRouter router = router(s, index, Double.POSITIVE_INFINITY);
              Assignment book = initialBook(s, index);
              for (int k = 0; k < s.incoming().size(); k++) {
                int i = s.book().size() + k;
                RouteDecision d = router.route(s.incoming().get(k));
                long best = Long.MAX_VALUE;
                for (int r = 0; r < index.repCount(); r++) {
                  if (index.firstExclusion(i, r) == null && book.hasRoom(i, r)) {
                    best = Math.min(best, book.deltaAssign(i, r)[1]);
                  }
                }
                if (d.assigned()) {
                  int r = index.repIndex(d.rep().get());
                  assertThat(book.deltaAssign(i, r)[1]).isEqualTo(best);
                  book.assign(i, r);
                } else {
                  assertThat(best).isEqualTo(Long.MAX_VALUE);
                }
              }
            });
  }
}
