package io.fairlead.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Properties of {@link FairnessMetrics} over whole random problems and assignments (assignments may
 * break any rule). Seeds are fixed; QuickTheories prints the seed and the falsifying problem.
 */
class FairnessMetricsPropertyTest {

  private static final long SEED = 20_240_611L;
  private static final int EXAMPLES = 400;
  private static final double EPS = 1e-9;

  @Test
  void fairShares_sumToNoMoreThanTheLeadsSomeRepMayTake() {
    // Caps may leave leads that no rep can take; FairSharePropertyTest has the exact sums.
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(scenarios())
        .checkAssert(
            s -> {
              ProblemIndex index =
                  new ProblemIndex(
                      s.problem().policy(),
                      s.problem().reps(),
                      s.problem().leads(),
                      s.problem().ledger());
              FairnessMetrics m = FairnessMetrics.of(s.problem(), s.assignment());
              double leads = 0;
              double value = 0;
              Map<Tier, Double> byTier = new LinkedHashMap<>();
              for (int i = 0; i < index.leadCount(); i++) {
                if (index.eligible(i).length > 0) {
                  leads++;
                  value += s.problem().policy().valueOf(index.lead(i));
                  byTier.merge(index.tier(i), 1.0, Double::sum);
                }
              }
              assertThat(m.reps().stream().mapToDouble(RepStats::fairLeads).sum())
                  .isLessThanOrEqualTo(leads + EPS);
              assertThat(m.reps().stream().mapToDouble(RepStats::fairValue).sum())
                  .isLessThanOrEqualTo(value + EPS * Math.max(1, value));
              for (Tier t : s.problem().policy().tiers().tiers()) {
                assertThat(m.reps().stream().mapToDouble(r -> r.fairTierLeads().get(t)).sum())
                    .as("tier %s", t)
                    .isLessThanOrEqualTo(byTier.getOrDefault(t, 0.0) + EPS);
              }
              assertThat(m.reps())
                  .allSatisfy(r -> assertThat(r.fairLeads()).isGreaterThanOrEqualTo(0));
            });
  }

  @Test
  void spreads_giniAndJainWithinTheirBounds() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(scenarios())
        .check(
            s -> {
              FairnessMetrics m = FairnessMetrics.of(s.problem(), s.assignment());
              List<Spread> all = new ArrayList<>(m.tiers().values());
              all.add(m.count());
              all.add(m.value());
              return all.stream().allMatch(FairnessMetricsPropertyTest::withinBounds);
            });
  }

  @Test
  void counts_addUpToTheAssignment() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(scenarios())
        .checkAssert(
            s -> {
              FairnessMetrics m = FairnessMetrics.of(s.problem(), s.assignment());
              assertThat(m.assigned()).isEqualTo(s.assignment().size());
              assertThat(m.assigned() + m.unassigned()).isEqualTo(s.problem().leads().size());
              assertThat(m.reps().stream().mapToInt(RepStats::leads).sum()).isEqualTo(m.assigned());
              for (RepStats r : m.reps()) {
                assertThat(r.tierLeads().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(r.leads());
                assertThat(r.newLeads()).isBetween(0, r.leads());
              }
              assertThat(m.reps())
                  .extracting(RepStats::rep)
                  .containsExactlyElementsOf(s.problem().reps().stream().map(Rep::id).toList());
            });
  }

  @Test
  void violations_neverBlameALockedLeadHeldByItsOwner() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(scenarios())
        .check(
            s -> {
              Map<LeadId, Lead> leads = new LinkedHashMap<>();
              s.problem().leads().forEach(l -> leads.put(l.id(), l));
              return FairnessMetrics.of(s.problem(), s.assignment()).violations().stream()
                  .filter(v -> v.lead().isPresent())
                  .map(v -> leads.get(v.lead().get()))
                  .noneMatch(
                      l -> l.locked() && s.assignment().get(l.id()).equals(l.currentOwner().get()));
            });
  }

  @Test
  void of_assignmentInAnotherIterationOrder_sameFigures() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(scenarios())
        .check(
            s -> {
              List<Map.Entry<LeadId, RepId>> entries = new ArrayList<>(s.assignment().entrySet());
              Collections.reverse(entries);
              Map<LeadId, RepId> reversed = new LinkedHashMap<>();
              entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
              return FairnessMetrics.of(s.problem(), s.assignment())
                  .equals(FairnessMetrics.of(s.problem(), reversed));
            });
  }

  @Test
  void spreads_perfectlyEvenWeightedAssignment_giniZeroJainOne() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(evenScenarios())
        .checkAssert(
            s -> {
              FairnessMetrics m = FairnessMetrics.of(s.problem(), s.assignment());
              for (Spread sp : List.of(m.count(), m.value(), m.tiers().get(Tier.of("B")))) {
                assertThat(sp.reps()).isEqualTo(s.problem().reps().size());
                assertThat(sp.gini()).isCloseTo(0, within(EPS));
                assertThat(sp.jain()).isCloseTo(1, within(EPS));
                assertThat(sp.cv()).isCloseTo(0, within(EPS));
                assertThat(sp.maxMinRatio()).isCloseTo(1, within(EPS));
              }
              assertThat(m.count().maxDeviation()).isCloseTo(0, within(EPS));
              assertThat(m.value().maxDeviation()).isCloseTo(0, within(EPS * 100));
            });
  }

  private static boolean withinBounds(Spread s) {
    if (s.reps() == 0) {
      return s.equals(Spread.EMPTY);
    }
    double n = s.reps();
    return s.gini() >= 0
        && s.gini() <= (n - 1) / n + EPS
        && s.jain() >= 1 / n - EPS
        && s.jain() <= 1
        && s.min() <= s.mean() + EPS
        && s.mean() <= s.max() + EPS
        && s.maxMinRatio() >= 1
        && s.cv() >= 0
        && s.maxDeviation() >= 0;
  }

  // ---------------------------------------------------------------- generators

  /** A problem and an assignment of some of its leads (to any rep, rules or not). */
  record Scenario(Problem problem, Map<LeadId, RepId> assignment) {}

  private static final String[][] REGIONS = {{}, {"East"}, {"West"}, {"East", "West"}};
  private static final String[][] TIERS = {{}, {"A"}, {"B", "C"}, {"A", "B"}};
  private static final SizeRange[] SIZES = {
    SizeRange.ANY, SizeRange.of(0, 99), SizeRange.atLeast(100)
  };
  private static final double[] WEIGHTS = {0.25, 0.5, 1, 1.5, 2, 3};
  private static final int[] CAPS = {Rep.UNLIMITED, 0, 1, 2, 5};

  static Gen<Scenario> scenarios() {
    return in -> {
      Policy.Builder pb = Policy.builder();
      if (chance(in, 2)) {
        pb.allowRebalancing(true);
      }
      if (chance(in, 2)) {
        pb.valueBasis(ValueBasis.EXPECTED);
      }
      if (chance(in, 3)) {
        pb.disable(Rule.values()[between(in, 0, Rule.values().length - 1)]);
      }
      if (chance(in, 3)) {
        pb.tierRule(TierRule.byValue().threshold("A", 4000).threshold("B", 2000).otherwise("C"));
      }
      if (chance(in, 4)) {
        pb.customRule(
            io.fairlead.core.policy.CustomRule.of(
                "no-tech-for-hunters",
                (rep, lead) ->
                    rep.role() != Role.HUNTER || !lead.industry().equals(Optional.of("tech"))));
      }
      int repCount = between(in, 1, 6);
      List<Rep> reps = new ArrayList<>();
      for (int r = 0; r < repCount; r++) {
        reps.add(
            Rep.builder("r" + r)
                .regions(pick(in, REGIONS))
                .tiers(pick(in, TIERS))
                .role(pick(in, Role.values()))
                .companySizes(pick(in, SIZES))
                .weight(WEIGHTS[between(in, 0, WEIGHTS.length - 1)])
                .available(!chance(in, 6))
                .capacity(CAPS[between(in, 0, CAPS.length - 1)])
                .heldOutside(between(in, 0, 2))
                .newLeadCap(CAPS[between(in, 0, CAPS.length - 1)])
                .build());
      }
      int leadCount = between(in, 0, 20);
      List<Lead> leads = new ArrayList<>();
      Map<LeadId, RepId> assignment = new LinkedHashMap<>();
      for (int i = 0; i < leadCount; i++) {
        Lead.Builder lb =
            Lead.builder("c" + i)
                .region(pick(in, new String[] {"East", "West", "North"}))
                .industry(pick(in, new String[] {"retail", "tech"}))
                .companySize(pick(in, new Integer[] {10, 99, 100, 5000}))
                .value(1000.0 * between(in, 0, 5))
                .kind(pick(in, LeadKind.values()));
        if (chance(in, 2)) {
          lb.tier(pick(in, new String[] {"A", "B", "C"}));
        }
        if (chance(in, 3)) {
          lb.winProbability(between(in, 0, 10) / 10.0);
        }
        if (chance(in, 2)) {
          lb.currentOwner("r" + between(in, 0, repCount - 1));
          if (chance(in, 3)) {
            lb.locked(true);
          }
        }
        Lead lead = lb.build();
        leads.add(lead);
        if (!chance(in, 4)) {
          assignment.put(lead.id(), RepId.of("r" + between(in, 0, repCount - 1)));
        }
      }
      return new Scenario(new Problem(pb.build(), reps, leads), assignment);
    };
  }

  /**
   * Reps of weights 0.5..2 that may take every lead, rep {@code r} holding {@code c · 2w_r} of
   * identical leads: every weighted load is {@code 2c}, and equals the fair share.
   */
  static Gen<Scenario> evenScenarios() {
    return in -> {
      int c = between(in, 1, 3);
      int repCount = between(in, 1, 6);
      List<Rep> reps = new ArrayList<>();
      List<Lead> leads = new ArrayList<>();
      Map<LeadId, RepId> assignment = new LinkedHashMap<>();
      for (int r = 0; r < repCount; r++) {
        int twiceWeight = between(in, 1, 4);
        Rep rep = Rep.builder("r" + r).weight(twiceWeight / 2.0).build();
        reps.add(rep);
        for (int k = 0; k < c * twiceWeight; k++) {
          Lead lead =
              Lead.builder("c" + leads.size())
                  .region("East")
                  .industry("retail")
                  .tier("B")
                  .value(700)
                  .build();
          leads.add(lead);
          assignment.put(lead.id(), rep.id());
        }
      }
      return new Scenario(new Problem(Policy.defaults(), reps, leads), assignment);
    };
  }

  private static int between(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  private static boolean chance(RandomnessSource in, int oneIn) {
    return between(in, 1, oneIn) == 1;
  }

  private static <T> T pick(RandomnessSource in, T[] values) {
    return values[between(in, 0, values.length - 1)];
  }
}
