package io.fairlead.core.routing;

import static io.fairlead.core.routing.Scenarios.between;
import static io.fairlead.core.routing.Scenarios.chance;
import static io.fairlead.core.routing.Scenarios.pick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Every routing choice against a brute-force reading of the rule in {@link LeadRouter}'s contract,
 * on rosters large enough that the router's candidate trees have many blocks and prune most of
 * them: among the eligible reps with room (an owner who may keep the lead aside), the due band is
 * every standing {@code (credited + ½) / weight} within the tolerance of the lowest; the lead goes
 * to the due rep with the lowest score delta, then the lower standing, the older last lead, roster
 * order; an owner who may keep it competes with its own standing. The runner-up is the best of the
 * same pool without the winner (the band recomputed without the most due rep if that rep won). The
 * oracle reads the router's snapshot and {@code scoreDelta} (itself checked against the batch's
 * {@code Book} in {@link RoutingPropertyTest}) and applies the shared hard rules; it scans every
 * rep.
 *
 * <p>Some policies carry a custom rule. Between routes, leads are released, reps go on leave and
 * come back, new reps join, and periods start, so the trees are brought up to date both by
 * replaying changes and by rebuilding.
 */
class RouteChoiceOracleTest {

  private static final long SEED = 20_261_122L;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static final String[] REGIONS = {"East", "West"};
  private static final String[] INDUSTRIES = {"retail", "tech", "energy"};
  private static final double[] WEIGHTS = {0.5, 1, 1, 1.5, 2, 3};
  private static final double[] TOLERANCES = {0, 0.5, 1, 1, 2.5, INF};

  /** One operation on the router. */
  private sealed interface Op permits Route, Release, Leave, Join, NewPeriod {}

  private record Route(Lead lead) implements Op {}

  private record Release(int index) implements Op {}

  private record Leave(int rep) implements Op {}

  private record Join(Rep rep) implements Op {}

  private record NewPeriod() implements Op {}

  private record Case(
      Policy policy, double tolerance, List<Rep> reps, List<Lead> book, List<Op> ops) {
    @Override
    public String toString() {
      return "Case["
          + reps.size()
          + " reps, tolerance "
          + tolerance
          + ", "
          + ops.size()
          + " ops, rebalancing "
          + policy.allowRebalancing()
          + "]";
    }
  }

  /**
   * @param extreme values from 0.01 to 10^8 (a 10^8 lead is 20,000 mean leads) and a value
   *     objective up to its maximum weight: score deltas up to ~10^17, where the trees' rounding
   *     slack matters
   */
  private static Gen<Case> cases(boolean extreme) {
    return in -> {
      Policy.Builder pb = Policy.builder().catchUp(CatchUp.capped(2));
      boolean rebalancing = chance(in, 3);
      pb.allowRebalancing(rebalancing);
      if (chance(in, 2)) {
        pb.tierRule(TierRule.byValue().threshold("A", 40_000).threshold("B", 8_000).otherwise("C"));
      }
      if (extreme) {
        pb.weight(Objective.VALUE, pick(in, new Double[] {1.0, 100.0, 1000.0}));
      } else if (chance(in, 3)) {
        pb.weight(Objective.VALUE, pick(in, new Double[] {0.0, 0.25, 4.0}));
      }
      if (chance(in, 3)) {
        pb.weight(Objective.PREFERENCE, 1.5);
      }
      if (chance(in, 4)) {
        // Custom rules: eligibility is worked out per lead, and the tree found by its set of reps.
        pb.customRule(
            CustomRule.of(
                "no-energy-for-hunters",
                (rep, lead) ->
                    rep.role() != Role.HUNTER || !lead.industry().equals(Optional.of("energy"))));
      }
      Policy policy = pb.build();
      int repCount = between(in, 17, 90);
      List<Rep> reps = new ArrayList<>();
      for (int r = 0; r < repCount; r++) {
        reps.add(rep(in, "r" + r));
      }
      List<Lead> book = new ArrayList<>();
      for (int i = 0, owned = between(in, 0, 3 * repCount); i < owned; i++) {
        String owner = "r" + between(in, 0, repCount - 1);
        book.add(lead(in, "b" + i, extreme).currentOwner(owner).build());
      }
      List<Op> ops = new ArrayList<>();
      int joined = 0;
      for (int k = 0, count = between(in, 50, 250); k < count; k++) {
        int roll = between(in, 1, 100);
        if (roll <= 72) {
          ops.add(new Route(lead(in, "c" + k, extreme).build()));
        } else if (roll <= 82) {
          String owner = "r" + between(in, 0, repCount - 1);
          Lead.Builder b = lead(in, "c" + k, extreme).currentOwner(owner);
          ops.add(new Route(b.locked(chance(in, 6)).build()));
        } else if (roll <= 92) {
          ops.add(new Release(between(in, 0, 10_000)));
        } else if (roll <= 96) {
          ops.add(new Leave(between(in, 0, repCount - 1)));
        } else if (roll <= 98) {
          ops.add(new Join(rep(in, "j" + joined++)));
        } else {
          ops.add(new NewPeriod());
        }
      }
      return new Case(policy, pick(in, box(TOLERANCES)), reps, book, ops);
    };
  }

  private static Double[] box(double[] xs) {
    Double[] out = new Double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  private static Rep rep(RandomnessSource in, String id) {
    Rep.Builder b =
        Rep.builder(id)
            .weight(WEIGHTS[between(in, 0, WEIGHTS.length - 1)])
            .heldOutside(between(in, 0, 3))
            .available(!chance(in, 10));
    if (chance(in, 4)) {
      b.regions(pick(in, REGIONS)); // most reps cover every region: large eligible sets
    }
    if (chance(in, 5)) {
      b.industries(pick(in, INDUSTRIES));
    }
    if (chance(in, 6)) {
      b.role(pick(in, new Role[] {Role.HUNTER, Role.FARMER}));
    }
    if (chance(in, 8)) {
      b.tiers("B", "C");
    }
    if (chance(in, 4)) {
      b.capacity(between(in, 0, 8));
    }
    if (chance(in, 5)) {
      b.newLeadCap(between(in, 0, 4));
    }
    if (chance(in, 3)) {
      b.preferredIndustries(pick(in, INDUSTRIES));
    }
    return b.build();
  }

  private static Lead.Builder lead(RandomnessSource in, String id, boolean extreme) {
    // Long-tailed values, so the value term differs widely between reps.
    double value =
        extreme
            ? (chance(in, 20) ? 1e8 : between(in, 1, 10_000) / 100.0)
            : Math.round(Math.exp(between(in, 0, 1200) / 100.0));
    return Lead.builder(id)
        .region(pick(in, REGIONS))
        .industry(pick(in, INDUSTRIES))
        .companySize(between(in, 1, 500))
        .value(value)
        .kind(pick(in, LeadKind.values()));
  }

  /** The decision the contract defines: chosen rep, its delta, runner-up and its delta. */
  private record Expected(
      Optional<String> rep, long delta, Optional<String> runner, long runnerDelta) {}

  /** A candidate: roster index, score delta, standing, last lead. */
  private record Candidate(int r, long delta, double standing, long last) {
    boolean beats(Candidate o) {
      if (delta != o.delta) {
        return delta < o.delta;
      }
      if (standing != o.standing) {
        return standing < o.standing;
      }
      if (last != o.last) {
        return last < o.last;
      }
      return r < o.r;
    }
  }

  private static Candidate best(List<Candidate> pool, int without) {
    Candidate best = null;
    for (Candidate c : pool) {
      if (c.r() != without && (best == null || c.beats(best))) {
        best = c;
      }
    }
    return best;
  }

  private static Expected oracle(LeadRouter router, double tolerance, List<Rep> roster, Lead lead) {
    Policy policy = router.policy();
    List<RepSnapshot> snaps = router.snapshot();
    var tier = policy.tierOf(lead);
    int keeper = -1;
    if (lead.currentOwner().isPresent()) {
      for (int r = 0; r < roster.size(); r++) {
        if (roster.get(r).id().equals(lead.currentOwner().get())
            && policy.rulebook().firstExclusion(roster.get(r), lead, tier, false) == null) {
          keeper = r;
        }
      }
    }
    List<Candidate> eligible = new ArrayList<>();
    for (int r = 0; r < roster.size(); r++) {
      Rep rep = roster.get(r);
      RepSnapshot s = snaps.get(r);
      boolean room = policy.rulebook().hasRoom(rep, s.leads(), s.received(), true);
      if (r != keeper && room && policy.rulebook().firstExclusion(rep, lead, tier, true) == null) {
        eligible.add(
            new Candidate(
                r,
                router.scoreDelta(lead, rep.id()),
                (s.credited() + 0.5) / s.weight(),
                s.lastLead()));
      }
    }
    double min1 = INF;
    double min2 = INF;
    int arg = -1;
    for (Candidate c : eligible) { // roster order: the first of equal standings is the most due
      if (c.standing() < min1) {
        min2 = min1;
        min1 = c.standing();
        arg = c.r();
      } else if (c.standing() < min2) {
        min2 = c.standing();
      }
    }
    List<Candidate> due = new ArrayList<>();
    List<Candidate> wide = new ArrayList<>();
    for (Candidate c : eligible) {
      if (c.standing() <= min1 + tolerance) {
        due.add(c);
      }
      if (c.standing() <= min2 + tolerance) {
        wide.add(c);
      }
    }
    if (keeper >= 0) {
      RepSnapshot s = snaps.get(keeper);
      if (s.held() + 1L <= s.capacity()) {
        Candidate k =
            new Candidate(
                keeper,
                router.scoreDelta(lead, roster.get(keeper).id()),
                s.credited() / s.weight(),
                s.lastLead());
        due.add(k);
        wide.add(k);
      }
    }
    Candidate chosen = best(due, -1);
    if (chosen == null) {
      return new Expected(Optional.empty(), 0, Optional.empty(), 0);
    }
    Candidate runner = best(chosen.r() == arg ? wide : due, chosen.r());
    return new Expected(
        Optional.of(roster.get(chosen.r()).id().value()),
        chosen.delta(),
        Optional.ofNullable(runner).map(c -> roster.get(c.r()).id().value()),
        runner == null ? 0 : runner.delta());
  }

  @Test
  void everyChoiceAndRunnerUp_isTheContractsBestDueRep_onLargeRosters() {
    check(cases(false), SEED, 300);
  }

  @Test
  void everyChoiceAndRunnerUp_isTheContractsBestDueRep_withExtremeValues() {
    check(cases(true), SEED + 1, 150);
  }

  private static void check(Gen<Case> cases, long seed, int examples) {
    qt().withFixedSeed(seed)
        .withExamples(examples)
        .forAll(cases)
        .checkAssert(
            c -> {
              LeadRouter router =
                  LeadRouter.builder(c.policy())
                      .roster(c.reps())
                      .book(c.book())
                      .meanValue(5_000)
                      .ledgerTolerance(c.tolerance())
                      .build();
              List<Rep> roster = new ArrayList<>(c.reps());
              List<LeadId> routed = new ArrayList<>();
              int decisions = 0;
              for (Op op : c.ops()) {
                if (op instanceof Route route) {
                  Lead lead = route.lead();
                  Expected want = oracle(router, c.tolerance(), roster, lead);
                  RouteDecision d = router.route(lead);
                  if (d.status() == Status.LOCKED
                      || (d.status() == Status.KEPT && !c.policy().allowRebalancing())) {
                    continue; // kept without a choice: not this test's subject
                  }
                  decisions++;
                  assertThat(d.rep().map(r -> r.value())).as("%s", lead).isEqualTo(want.rep());
                  if (d.assigned()) {
                    routed.add(lead.id());
                    assertThat(d.scoreDelta()).as("%s delta", lead).isEqualTo(want.delta());
                    assertThat(d.runnerUp().map(a -> a.rep().value()))
                        .as("%s runner-up", lead)
                        .isEqualTo(want.runner());
                    d.runnerUp()
                        .ifPresent(a -> assertThat(a.softDelta()).isEqualTo(want.runnerDelta()));
                  }
                } else if (op instanceof Release release && !routed.isEmpty()) {
                  router.release(routed.remove(release.index() % routed.size()));
                } else if (op instanceof Leave leave) {
                  Rep rep = roster.get(leave.rep());
                  Rep toggled = rep.toBuilder().available(!rep.available()).build();
                  router.updateRep(toggled);
                  roster.set(leave.rep(), toggled);
                } else if (op instanceof Join join) {
                  router.addRep(join.rep());
                  roster.add(join.rep());
                } else if (op instanceof NewPeriod) {
                  router.startPeriod();
                }
              }
              assertThat(decisions).isPositive();
            });
  }
}
