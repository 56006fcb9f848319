package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Alternative;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.fairness.Violation;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Scoring;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.Rulebook;
import io.fairlead.core.policy.Verdict;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.routing.AgreementCases.Case;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * One rulebook and one per-rep kernel, asked by everyone: on random problems and policies with any
 * subset of the hard rules switched off (capacity, the new-lead cap and custom rules included), in
 * random states of the book (any partial book, rule-breaking ones too, and a router's ledger in
 * some period), the batch's compiled problem and assignment, the online router, the baselines, the
 * bounds and the metrics take the same eligibility and cap decisions, compute the same soft deltas,
 * name the same excluding rules, and call the same allocations feasible.
 *
 * <p>The router is restored in the very state of the batch's assignment: its book is the
 * assignment, its value scale the batch's mean value (so value units agree), its ledger counts what
 * {@link Case#received()} says (the batch's new leads when {@link Case#ledgerIsBook()}). To ask
 * whether the router can give a lead to one rep, a router is restored under the same policy plus
 * one custom rule that excludes every other rep. Each test prints its seed and what it checked.
 */
class RulebookAgreementTest {

  private static final long SEED = 20_261_203L;
  private static final int EXAMPLES = 300;
  private static final int MAX_REPS = 7;
  private static final int MAX_LEADS = 20;

  private static final Set<String> CAPS = Set.of(Rule.CAPACITY.id(), Rule.NEW_LEAD_CAP.id());

  private long examples;
  private long checks;

  // ---------------------------------------------------------------- eligibility

  @Test
  void batchIndex_anyRulesOff_eligibleRepsAndFirstExclusionsAreTheRulebooks() {
    check(
        "lead-rep pairs checked for eligibility",
        SEED,
        w -> {
          for (int i = 0; i < w.leads.size(); i++) {
            Lead lead = w.leads.get(i);
            for (int r = 0; r < w.reps.size(); r++) {
              Rep rep = w.reps.get(r);
              Verdict verdict = w.rules.check(rep, lead, RepLoad.NONE);
              verdict.rules().forEach(id -> assertEnforced(w.policy, id, lead, rep));
              String first = firstPairwise(verdict);
              assertThat(w.index.firstExclusion(i, r))
                  .as(
                      "batch's first rule excluding %s from %s, rulebook says %s",
                      rep.id(), lead, verdict)
                  .isEqualTo(first);
              assertThat(contains(w.index.eligible(i), r))
                  .as("%s eligible for %s in the batch, rulebook says %s", rep.id(), lead, verdict)
                  .isEqualTo(first == null);
              assertThat(verdict.rules().contains(Exclusion.LOCKED))
                  .as("lock of %s against %s", lead, rep.id())
                  .isEqualTo(lead.locked() && w.isNew(i, r));
              checks++;
            }
            ProblemIndex.Pin pin = w.index.pin(i);
            int o = w.owner[i];
            boolean keeps = o >= 0 && w.rules.keepsWithOwner(w.reps.get(o), lead, w.tier(i));
            if (lead.locked()) {
              assertThat(pin).as("pin of %s", lead).isEqualTo(ProblemIndex.Pin.LOCKED);
            } else if (keeps) {
              assertThat(pin == ProblemIndex.Pin.KEPT || w.index.excess(i))
                  .as("%s is kept with its owner, or freed as excess, got %s", lead, pin)
                  .isTrue();
            } else {
              assertThat(pin).as("pin of %s", lead).isEqualTo(ProblemIndex.Pin.FREE);
            }
          }
        });
  }

  // ---------------------------------------------------------------- caps

  @Test
  void caps_anyRulesOff_assignmentsRoomAndHardDeltaAreTheRulebooks_switchedOffCapsNeverBind() {
    check(
        "lead-rep pairs checked for room",
        SEED + 1,
        w -> {
          LeadRouter router = w.router(w.policy);
          List<RepSnapshot> snapshot = router.snapshot();
          for (int r = 0; r < w.reps.size(); r++) {
            Rep rep = w.reps.get(r);
            assertThat(snapshot.get(r).leads())
                .as("router's leads of %s", rep.id())
                .isEqualTo(w.held[r]);
            assertThat(snapshot.get(r).received())
                .as("router's ledger of %s", rep.id())
                .isEqualTo(w.c.received()[r]);
            for (boolean asNew : new boolean[] {true, false}) {
              String batch = w.rules.fullBy(rep, w.held[r], w.newHeld[r], asNew);
              String routing = w.rules.fullBy(rep, w.held[r], w.c.received()[r], asNew);
              assertThat(w.book.loads().fullBy(r, asNew))
                  .as(
                      "cap of %s for a lead %s, holding %s (%s new)",
                      rep, asNew ? "new to it" : "it owns", w.held[r], w.newHeld[r])
                  .isEqualTo(batch);
              for (String cap : new String[] {batch, routing}) {
                if (cap != null) {
                  assertThat(w.policy.enforces(Rule.fromId(cap)))
                      .as(
                          "%s is full by '%s', a rule the policy switched off: %s",
                          rep, cap, w.policy.hardRules())
                      .isTrue();
                }
              }
              if (!w.policy.enforces(Rule.CAPACITY) && !w.policy.enforces(Rule.NEW_LEAD_CAP)) {
                assertThat(w.book.loads().hasRoom(r, asNew))
                    .as("room of %s with no caps", rep)
                    .isTrue();
              }
            }
          }
          for (int i = 0; i < w.leads.size(); i++) {
            for (int r = 0; r < w.reps.size(); r++) {
              Rep rep = w.reps.get(r);
              assertThat(w.book.hasRoom(i, r))
                  .as(
                      "batch's room for %s on %s holding %s (%s new)",
                      w.leads.get(i), rep, w.held[r], w.newHeld[r])
                  .isEqualTo(w.rules.hasRoom(rep, w.held[r], w.newHeld[r], w.isNew(i, r)));
              if (w.c.holder()[i] < 0) {
                // The hard change of giving it: a rule or a lock it breaks, and each cap it passes.
                long outside = rep.heldOutside();
                long hard =
                    (w.index.allows(i, r) ? 0 : 1)
                        + over(outside + w.held[r] + 1, w.rules.holdingCap(rep))
                        - over(outside + w.held[r], w.rules.holdingCap(rep))
                        + (w.isNew(i, r)
                            ? over(w.newHeld[r] + 1, w.rules.periodCap(rep))
                                - over(w.newHeld[r], w.rules.periodCap(rep))
                            : 0);
                assertThat(w.book.deltaAssign(i, r)[0])
                    .as("batch's hard delta of %s on %s", w.leads.get(i), rep)
                    .isEqualTo(hard);
              }
              checks++;
            }
          }
        });
  }

  /**
   * A router whose only candidate is rep R (the policy plus a custom rule that excludes every other
   * rep) takes the lead iff the rulebook lets R take it now: pairwise rules and room under the
   * router's ledger, which is the batch's room when the ledger is the book's. When it cannot, it
   * names the batch's first excluding rule for every rep, or R's cap.
   */
  @Test
  void routerWithOneCandidate_anyRulesOff_takesTheLeadIffTheRulebookLetsIt() {
    check(
        "leads routed to a single candidate",
        SEED + 2,
        w -> {
          for (int i = 0; i < w.leads.size(); i++) {
            Lead lead = w.leads.get(i);
            if (w.c.holder()[i] >= 0 || lead.locked()) {
              continue; // in the book already, or locked: the router keeps it whatever the rules
            }
            for (int r = 0; r < w.reps.size(); r++) {
              Rep rep = w.reps.get(r);
              CustomRule only = onlyRep(rep.id());
              RouteDecision d = w.router(withRule(w.policy, only)).route(lead);
              boolean asNew = w.isNew(i, r);
              String rule = w.index.firstExclusion(i, r);
              String cap = w.rules.fullBy(rep, w.held[r], w.c.received()[r], asNew);
              String what =
                  lead.id()
                      + " with only "
                      + rep
                      + " (holding "
                      + w.held[r]
                      + ", received "
                      + w.c.received()[r]
                      + ")";
              if (rule == null && cap == null) {
                assertThat(d.rep())
                    .as("%s: the rulebook lets it take it, router says %s", what, d)
                    .contains(rep.id());
              } else {
                assertThat(d.rep())
                    .as(
                        "%s: the rulebook says %s, router says %s",
                        what, rule != null ? rule : cap, d)
                    .isEmpty();
                UnassignedReason expected;
                if (rule != null) {
                  Map<String, Integer> by = new TreeMap<>();
                  for (int s = 0; s < w.reps.size(); s++) {
                    String f = w.index.firstExclusion(i, s);
                    by.merge(f != null ? f : customId(only), 1, Integer::sum);
                  }
                  expected = UnassignedReason.noEligibleRep(w.reps.size(), by);
                } else {
                  expected = UnassignedReason.allEligibleFull(1, Map.of(cap, 1));
                }
                assertThat(d.reason()).as("%s: reason", what).contains(expected);
              }
              if (w.c.ledgerIsBook() && rule == null) {
                assertThat(d.assigned())
                    .as("%s: router takes it iff the batch's assignment has room", what)
                    .isEqualTo(w.book.hasRoom(i, r));
              }
              checks++;
            }
          }
        });
  }

  // ---------------------------------------------------------------- routing

  /**
   * The router under the policy itself, routing every lead outside the book in turn (so its caches
   * of eligibility, preference costs, candidate trees and reasons serve many leads), next to the
   * batch's assignment given the same leads: a locked lead stays with its owner; a lead the policy
   * keeps stays with an owner who has room; otherwise it goes to a rep the rulebook lets take it
   * now, with the batch's soft delta (the least of them with an infinite ledger tolerance), or it
   * is unassigned with the rulebook's reason, which is the batch's reason for the same lead in the
   * same state when the ledger is the book's. Rosters of up to 40 reps: candidate trees of several
   * blocks.
   */
  @Test
  void router_anyRulesOff_routesWithinTheRulebookAndGivesTheBatchsReasons() {
    check(
        "routing decisions checked",
        SEED + 3,
        AgreementCases.cases(40, 30),
        w -> {
          LeadRouter router = w.router(w.policy);
          int[] holder = w.c.holder().clone();
          Assignment book = Assignment.of(w.index, holder);
          int[] held = w.held.clone();
          int[] received = w.c.received().clone();
          for (int i = 0; i < w.leads.size(); i++) {
            if (holder[i] >= 0) {
              continue;
            }
            Lead lead = w.leads.get(i);
            UnassignedReason batchReason =
                Baselines.measure(w.problem, w.map(holder), "book")
                    .outcome(lead.id())
                    .reason()
                    .orElseThrow();
            Map<RepId, Long> deltas = new LinkedHashMap<>();
            for (int r = 0; r < w.reps.size(); r++) {
              deltas.put(w.reps.get(r).id(), book.softDeltaAssign(i, r));
            }
            RouteDecision d = router.route(lead);
            String what = lead.id() + " routed: " + d;
            int o = w.owner[i];
            List<Integer> takers = new ArrayList<>();
            Map<String, Integer> firstRules = new TreeMap<>();
            Map<String, Integer> caps = new TreeMap<>();
            int eligible = 0;
            for (int r = 0; r < w.reps.size(); r++) {
              Rep rep = w.reps.get(r);
              Verdict v = w.rules.check(rep, lead, new RepLoad(held[r], received[r]));
              String first = firstPairwise(v);
              if (v.allowed()) {
                takers.add(r);
              }
              if (first != null) {
                firstRules.merge(first, 1, Integer::sum);
              } else {
                eligible++;
                String cap = w.rules.fullBy(rep, held[r], received[r], w.isNew(i, r));
                if (cap != null) {
                  caps.merge(cap, 1, Integer::sum);
                }
              }
            }
            boolean kept =
                o >= 0
                    && w.rules.keepsWithOwner(w.reps.get(o), lead, w.tier(i))
                    && w.rules.hasRoom(w.reps.get(o), held[o], received[o], false);
            if (lead.locked()) {
              assertThat(d.status()).as(what).isEqualTo(Status.LOCKED);
              assertThat(d.rep()).as(what).contains(w.reps.get(o).id());
            } else if (kept) {
              assertThat(d.status()).as(what).isEqualTo(Status.KEPT);
              assertThat(d.rep()).as(what).contains(w.reps.get(o).id());
              assertThat(d.scoreDelta()).as(what).isZero();
            } else if (takers.isEmpty()) {
              UnassignedReason expected =
                  eligible == 0
                      ? UnassignedReason.noEligibleRep(w.reps.size(), firstRules)
                      : UnassignedReason.allEligibleFull(eligible, caps);
              assertThat(d.reason()).as("%s: nobody may take it", what).contains(expected);
            } else {
              assertThat(d.rep()).as("%s: %s may take it", what, w.ids(takers)).isPresent();
              int r = w.index.repIndex(d.rep().get());
              assertThat(takers)
                  .as("%s: the rulebook lets %s take it", what, w.ids(takers))
                  .contains(r);
              assertThat(d.status())
                  .as(what)
                  .isEqualTo(o < 0 ? Status.ASSIGNED : r == o ? Status.KEPT : Status.MOVED);
              assertThat(d.scoreDelta())
                  .as("%s: the batch's soft deltas %s", what, deltas)
                  .isEqualTo(deltas.get(d.rep().get()));
              if (w.c.tolerance() == Double.POSITIVE_INFINITY) {
                long least =
                    takers.stream()
                        .mapToLong(t -> deltas.get(w.reps.get(t).id()))
                        .min()
                        .getAsLong();
                assertThat(d.scoreDelta())
                    .as("%s: no ledger, so the least of the batch's soft deltas %s", what, deltas)
                    .isEqualTo(least);
              }
              if (d.runnerUp().isPresent()) {
                Alternative alt = d.runnerUp().get();
                int a = w.index.repIndex(alt.rep());
                assertThat(takers).as("%s: runner-up may take it", what).contains(a);
                assertThat(a).as(what).isNotEqualTo(r);
                assertThat(alt.softDelta())
                    .as("%s: the batch's soft deltas %s", what, deltas)
                    .isEqualTo(deltas.get(alt.rep()));
              }
            }
            d.reason()
                .ifPresent(
                    reason ->
                        reason
                            .excludedBy()
                            .keySet()
                            .forEach(id -> assertEnforced(w.policy, id, lead, null)));
            if (w.c.ledgerIsBook() && !lead.locked()) {
              if (d.assigned()) {
                assertThat(batchReason.kind())
                    .as("%s: the batch says some eligible rep has room: %s", what, batchReason)
                    .isEqualTo(UnassignedReason.Kind.NOT_PLACED);
              } else {
                assertThat(d.reason()).as("%s: the batch's reason", what).contains(batchReason);
              }
            }
            if (d.assigned()) {
              int r = w.index.repIndex(d.rep().get());
              holder[i] = r;
              book.assign(i, r);
              held[r]++;
              if (w.isNew(i, r)) {
                received[r]++;
              }
            }
            checks++;
          }
          List<RepSnapshot> after = router.snapshot();
          for (int r = 0; r < w.reps.size(); r++) {
            assertThat(after.get(r).leads())
                .as("%s's leads", w.reps.get(r).id())
                .isEqualTo(held[r]);
            assertThat(after.get(r).received())
                .as("%s's ledger", w.reps.get(r).id())
                .isEqualTo(received[r]);
            assertThat(after.get(r).valueUnits())
                .as("%s's value units", w.reps.get(r).id())
                .isEqualTo(book.loads().units(r));
          }
        });
  }

  // ---------------------------------------------------------------- soft deltas

  @Test
  void softDelta_anyRulesOff_routerAssignmentAndFullScoreAgree() {
    check(
        "soft deltas compared",
        SEED + 4,
        w -> {
          LeadRouter router = w.router(w.policy);
          long before = w.book.score().soft();
          for (int i = 0; i < w.leads.size(); i++) {
            if (w.c.holder()[i] >= 0) {
              continue;
            }
            Lead lead = w.leads.get(i);
            for (int r = 0; r < w.reps.size(); r++) {
              RepId rep = w.reps.get(r).id();
              long delta = w.book.softDeltaAssign(i, r);
              String what = lead + " on " + w.reps.get(r);
              assertThat(router.scoreDelta(lead, rep))
                  .as("router's delta of %s", what)
                  .isEqualTo(delta);
              assertThat(w.book.deltaAssign(i, r)[1])
                  .as("deltaAssign of %s", what)
                  .isEqualTo(delta);
              Assignment after = Assignment.of(w.index, w.c.holder());
              after.assign(i, r);
              assertThat(after.score().soft() - before)
                  .as("full score change of %s", what)
                  .isEqualTo(delta);
              checks++;
            }
          }
        });
  }

  // ---------------------------------------------------------------- feasibility

  /**
   * One definition of feasible, and one list of broken rules, for the baselines' allocations, the
   * count bound's own assignment and any book however it breaks the rules: the metrics' violations
   * are empty iff the score, the allocation and the gaps call it feasible; each names the
   * rulebook's first exclusion of its pair (or the lock, the kept owner, the cap), and the score's
   * hard terms count the same. The gaps' certificate agrees with the bound: a feasible allocation
   * that places fewer leads than the bound's maximum has an improving path, and one that places as
   * many is at or above the count optimum, on it iff no path improves it. The baselines and the
   * count bound break no rule an allocation can keep, give nothing new to a rep full before its
   * first lead, and place at most, respectively exactly, the bound's maximum; a baseline leaves a
   * lead out only when the batch's reason says that no eligible rep has room.
   */
  @Test
  void feasible_baselinesBoundsAndRandomBooks_metricsScoreAndGapsAgree() {
    check(
        "allocations checked for feasibility",
        SEED + 5,
        w -> {
          FairnessBounds bounds = FairnessBounds.of(w.problem);
          int[] flow = CountFlow.solve(w.index).assignment();
          Allocation roundRobin = Baselines.roundRobin().allocate(w.problem);
          Allocation leastBusy = Baselines.leastBusy().allocate(w.problem);
          Allocation book = Baselines.measure(w.problem, w.bookMap(), "book");
          Allocation optimum = Baselines.measure(w.problem, w.map(flow), "count-flow");
          for (Allocation a : List.of(roundRobin, leastBusy, book, optimum)) {
            assertViolationsAreTheRulebooks(w, a);
          }
          assertThat(optimum.assignment())
              .as("count-flow places the most")
              .hasSize(bounds.maxPlaceable());
          for (Allocation a : List.of(roundRobin, leastBusy, optimum)) {
            // Only a lock (or customers held outside) may put a rep over a cap, and a rep that is
            // full before the first lead gets no lead but those locked to it.
            assertOnlyUnavoidableBreaches(w, a);
            assertThat(a.assignment().size())
                .as("%s places at most the bound's maximum", a.method())
                .isLessThanOrEqualTo(bounds.maxPlaceable());
          }
          for (Allocation a : List.of(roundRobin, leastBusy)) {
            // A baseline leaves a lead out only when no eligible rep has room for it.
            a.unassigned()
                .forEach(
                    o ->
                        assertThat(o.reason().orElseThrow().kind())
                            .as("%s leaves %s out", a.method(), o)
                            .isNotEqualTo(UnassignedReason.Kind.NOT_PLACED));
          }
        });
  }

  private void assertViolationsAreTheRulebooks(World w, Allocation a) {
    int[] holder = w.holders(a);
    List<Violation> violations = a.metrics().violations();
    String what = a.method() + " " + a.assignment() + ", violations " + violations;
    boolean clean = violations.isEmpty();
    assertThat(a.score().isFeasible()).as("score feasible of %s", what).isEqualTo(clean);
    assertThat(a.feasible()).as("feasible of %s", what).isEqualTo(clean);
    assertThat(a.gaps().feasible()).as("gaps feasible of %s", what).isEqualTo(clean);
    BoundGaps gaps = a.gaps();
    if (clean && gaps.placed() < gaps.maxPlaceable()) {
      assertThat(gaps.improvingPath())
          .as("%s places %s of %s: one more fits", what, gaps.placed(), gaps.maxPlaceable())
          .isTrue();
    }
    if (clean && gaps.placed() == gaps.maxPlaceable()) {
      // The count optimum is a bound on it, reached iff no path improves it.
      assertThat(gaps.countGap()).as("count gap of %s: %s", what, gaps).isGreaterThan(-1e-9);
      assertThat(Math.abs(gaps.countGap()) <= 1e-9)
          .as("count gap of %s is 0 iff no improving path: %s", what, gaps)
          .isEqualTo(!gaps.improvingPath());
    }

    List<String> expected = new ArrayList<>();
    int[] held = new int[w.reps.size()];
    int[] fresh = new int[w.reps.size()];
    for (int i = 0; i < holder.length; i++) {
      int r = holder[i];
      if (r < 0) {
        continue;
      }
      held[r]++;
      if (w.isNew(i, r)) {
        fresh[r]++;
      }
      Lead lead = w.leads.get(i);
      Rep rep = w.reps.get(r);
      ProblemIndex.Pin pin = w.index.pin(i);
      String rule;
      if (pin != ProblemIndex.Pin.FREE) {
        rule =
            r == w.owner[i]
                ? null
                : pin == ProblemIndex.Pin.LOCKED ? Exclusion.LOCKED : Exclusion.KEPT;
      } else {
        rule = w.rules.firstExclusion(rep, lead, w.tier(i), w.isNew(i, r));
      }
      if (rule != null) {
        expected.add(lead.id() + " " + rep.id() + " " + rule);
      }
    }
    long eligibility = expected.size();
    long capacity = 0;
    long newLeads = 0;
    for (int r = 0; r < w.reps.size(); r++) {
      Rep rep = w.reps.get(r);
      long over = over((long) rep.heldOutside() + held[r], w.rules.holdingCap(rep));
      if (over > 0) {
        expected.add(rep.id() + " " + Rule.CAPACITY.id());
        capacity += over;
      }
      long overCap = over(fresh[r], w.rules.periodCap(rep));
      if (overCap > 0) {
        expected.add(rep.id() + " " + Rule.NEW_LEAD_CAP.id());
        newLeads += overCap;
      }
    }
    List<String> actual =
        violations.stream()
            .map(v -> v.lead().map(l -> l + " ").orElse("") + v.rep() + " " + v.rule())
            .toList();
    assertThat(actual).as("violations of %s", what).isEqualTo(expected);
    violations.forEach(v -> assertEnforced(w.policy, v.rule(), null, null));
    Map<String, Long> terms = a.score().byConstraint();
    assertThat(terms.get(Scoring.ELIGIBILITY))
        .as("eligibility term of %s", what)
        .isEqualTo(eligibility);
    assertThat(terms.get(Scoring.CAPACITY)).as("capacity term of %s", what).isEqualTo(capacity);
    assertThat(terms.get(Scoring.NEW_LEAD_CAP))
        .as("new-lead-cap term of %s", what)
        .isEqualTo(newLeads);
    checks++;
  }

  private void assertOnlyUnavoidableBreaches(World w, Allocation a) {
    int[] holder = w.holders(a);
    long[] locked = new long[w.reps.size()];
    for (int i = 0; i < w.leads.size(); i++) {
      if (w.leads.get(i).locked()) {
        locked[w.owner[i]]++;
      }
    }
    for (Violation v : a.metrics().violations()) {
      int r = w.index.repIndex(v.rep());
      Rep rep = w.reps.get(r);
      assertThat(v.rule()).as("%s breaks %s", a.method(), v).isEqualTo(Rule.CAPACITY.id());
      assertThat(over(rep.heldOutside() + locked[r], w.rules.holdingCap(rep)))
          .as("%s: %s holds only locked leads and its customers outside", a.method(), v)
          .isPositive();
    }
    for (int i = 0; i < holder.length; i++) {
      int r = holder[i];
      if (r < 0) {
        continue;
      }
      Rep rep = w.reps.get(r);
      if (over(rep.heldOutside() + locked[r] + 1, w.rules.holdingCap(rep)) > 0) {
        assertThat(w.leads.get(i).locked() && w.owner[i] == r)
            .as("%s gives %s to %s, full before its first lead", a.method(), w.leads.get(i), rep)
            .isTrue();
      }
    }
  }

  // ---------------------------------------------------------------- the harness

  private void check(String name, long seed, Consumer<World> property) {
    check(name, seed, AgreementCases.cases(MAX_REPS, MAX_LEADS), property);
  }

  private void check(String name, long seed, Gen<Case> cases, Consumer<World> property) {
    qt().withFixedSeed(seed)
        .withExamples(EXAMPLES)
        .forAll(cases)
        .checkAssert(
            c -> {
              examples++;
              property.accept(new World(c));
            });
    System.out.printf(
        "RulebookAgreementTest: seed %d, %d cases, %d %s%n", seed, examples, checks, name);
  }

  /** A case compiled for the batch, with its book's numbers counted here from the leads. */
  private static final class World {
    final Case c;
    final Problem problem;
    final Policy policy;
    final Rulebook rules;
    final ProblemIndex index;
    final Assignment book;
    final List<Rep> reps;
    final List<Lead> leads;

    /** The lead's owner's rep index, or -1. */
    final int[] owner;

    /** Leads of the book each rep holds. */
    final int[] held;

    /** Leads of the book each rep holds that it did not own: the batch's new leads. */
    final int[] newHeld;

    World(Case c) {
      this.c = c;
      this.problem = c.problem();
      this.policy = problem.policy();
      this.rules = policy.rulebook();
      this.index = ProblemIndex.of(policy, problem.reps(), problem.leads(), problem.ledger());
      this.book = Assignment.of(index, c.holder());
      this.reps = problem.reps();
      this.leads = problem.leads();
      Map<RepId, Integer> byId = new LinkedHashMap<>();
      for (int r = 0; r < reps.size(); r++) {
        byId.put(reps.get(r).id(), r);
      }
      owner = new int[leads.size()];
      held = new int[reps.size()];
      newHeld = new int[reps.size()];
      for (int i = 0; i < leads.size(); i++) {
        owner[i] = leads.get(i).currentOwner().map(byId::get).orElse(-1);
        int r = c.holder()[i];
        if (r >= 0) {
          held[r]++;
          if (isNew(i, r)) {
            newHeld[r]++;
          }
        }
      }
    }

    /** Whether the lead would be new to the rep (read from the lead, not from the index). */
    boolean isNew(int lead, int rep) {
      return !leads.get(lead).currentOwner().equals(Optional.of(reps.get(rep).id()));
    }

    Tier tier(int lead) {
      return policy.tierOf(leads.get(lead));
    }

    /** The book as an assignment map. */
    Map<LeadId, RepId> bookMap() {
      return map(c.holder());
    }

    Map<LeadId, RepId> map(int[] holder) {
      Map<LeadId, RepId> m = new LinkedHashMap<>();
      for (int i = 0; i < holder.length; i++) {
        if (holder[i] >= 0) {
          m.put(leads.get(i).id(), reps.get(holder[i]).id());
        }
      }
      return m;
    }

    int[] holders(Allocation a) {
      int[] out = new int[leads.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.outcome(leads.get(i).id()).rep().map(index::repIndex).orElse(-1);
      }
      return out;
    }

    List<RepId> ids(List<Integer> repIndexes) {
      return repIndexes.stream().map(r -> reps.get(r).id()).toList();
    }

    /** A router restored in this state (book, value scale, ledger) under the policy. */
    LeadRouter router(Policy under) {
      List<RouterState.RepLedger> ledger = new ArrayList<>();
      for (int r = 0; r < reps.size(); r++) {
        ledger.add(
            new RouterState.RepLedger(
                reps.get(r), c.received()[r], 0, c.credited()[r], c.lastLead()[r]));
      }
      List<RouterState.BookEntry> entries = new ArrayList<>();
      for (int i = 0; i < leads.size(); i++) {
        int r = c.holder()[i];
        if (r >= 0) {
          Status status =
              owner[i] < 0
                  ? Status.ASSIGNED
                  : owner[i] != r
                      ? Status.MOVED
                      : leads.get(i).locked() ? Status.LOCKED : Status.KEPT;
          entries.add(new RouterState.BookEntry(leads.get(i), reps.get(r).id(), status));
        }
      }
      double mean = index.meanValue();
      RouterState state =
          new RouterState(
              c.period(),
              50,
              mean > 0 ? OptionalDouble.of(mean) : OptionalDouble.empty(),
              c.tolerance(),
              ledger,
              entries);
      return LeadRouter.restore(state, under);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The first pairwise rule of a verdict (not a lock, not a cap), or null. */
  private static String firstPairwise(Verdict v) {
    for (String id : v.rules()) {
      if (!id.equals(Exclusion.LOCKED) && !CAPS.contains(id)) {
        return id;
      }
    }
    return null;
  }

  /**
   * A rule id that someone reported must be one the policy enforces (or a lock, or a kept owner).
   */
  private static void assertEnforced(Policy policy, String id, Lead lead, Rep rep) {
    if (id.equals(Exclusion.LOCKED) || id.equals(Exclusion.KEPT)) {
      return;
    }
    String custom = Rule.CUSTOM.id() + ":";
    if (id.startsWith(custom)) {
      Set<String> names =
          policy.customRules().stream().map(CustomRule::name).collect(Collectors.toSet());
      assertThat(policy.enforces(Rule.CUSTOM) && names.contains(id.substring(custom.length())))
          .as("rule '%s' (%s, %s) is enforced by %s", id, lead, rep, policy)
          .isTrue();
    } else {
      assertThat(policy.enforces(Rule.fromId(id)))
          .as("rule '%s' (%s, %s) is enforced by %s", id, lead, rep, policy.hardRules())
          .isTrue();
    }
  }

  /** How far a count is over a cap: the contract of {@link Rep#capacity()}, read here. */
  private static long over(long count, int cap) {
    return cap == Rep.UNLIMITED ? 0 : Math.max(0, count - cap);
  }

  private static boolean contains(int[] sorted, int x) {
    return java.util.Arrays.binarySearch(sorted, x) >= 0;
  }

  /** A custom rule that lets only one rep take any lead. */
  private static CustomRule onlyRep(RepId rep) {
    return CustomRule.of("only-" + rep.value(), (r, lead) -> r.id().equals(rep));
  }

  private static String customId(CustomRule rule) {
    return Rule.CUSTOM.id() + ":" + rule.name();
  }

  /** The policy with one more custom rule, enforced (custom rules the policy ignored stay off). */
  private static Policy withRule(Policy p, CustomRule rule) {
    EnumSet<Rule> hard = EnumSet.noneOf(Rule.class);
    hard.addAll(p.hardRules());
    List<CustomRule> custom = new ArrayList<>();
    if (p.enforces(Rule.CUSTOM)) {
      custom.addAll(p.customRules());
    }
    hard.add(Rule.CUSTOM);
    custom.add(rule);
    return new Policy(
        p.tiers(),
        p.tierRule(),
        hard,
        p.weights(),
        p.tierWeights(),
        p.allowRebalancing(),
        p.valueBasis(),
        p.minWeight(),
        p.maxWeight(),
        p.catchUp(),
        custom);
  }
}
