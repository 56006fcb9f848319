package io.fairlead.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RepSnapshot;
import io.fairlead.core.routing.RouteDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numeric domain at its edges: lead values up to 10^15, effective rep weights in [0.01, 100],
 * objective and tier weights up to 1000, as many leads as the policy's weights let the score hold.
 * Inside it, every score, metric and bound is finite and exact enough to order allocations; outside
 * it, the input is refused with the field named.
 */
class NumericDomainTest {

  private static List<Lead> leads(int n, double value) {
    List<Lead> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Lead.builder("c" + i).region("East").industry("retail").value(value).build());
    }
    return out;
  }

  private static List<Rep> reps(int n) {
    List<Rep> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      out.add(Rep.builder("r" + r).weight(r == 0 ? 1e-300 : 1e300).build()); // clamped
    }
    return out;
  }

  /** Everything on the first rep: the largest load any allocation can put on one rep. */
  private static Allocation allOnOne(Problem p) {
    Map<LeadId, RepId> a = new LinkedHashMap<>();
    p.leads().forEach(l -> a.put(l.id(), p.reps().get(0).id()));
    return Baselines.measure(p, a, "one rep");
  }

  @Test
  void largestValueOnEveryLead_ofALargeBook_givesFiniteFiguresEverywhere() {
    Problem p = Problem.of(Policy.defaults(), reps(20), leads(50_000, Lead.MAX_VALUE));

    for (Allocation a : List.of(allOnOne(p), Baselines.leastBusy().allocate(p))) {
      assertThat(a.score().soft()).isPositive(); // not wrapped
      FairnessMetrics m = a.metrics();
      assertThat(m.value().gini()).isBetween(0.0, 1.0);
      assertThat(m.value().max()).isFinite();
      BoundGaps g = a.gaps(); // terminates
      assertThat(g.valueMaxGap()).isFinite();
      assertThat(g.countGap()).isGreaterThanOrEqualTo(0);
    }
    // 50,000 mean leads on a rep of weight 0.5: 1000 · 50,000² / 0.5 count, as much value, 3× tier.
    assertThat(allOnOne(p).score().byConstraint().get("count-balance"))
        .isEqualTo(5_000_000_000_000L);
  }

  @Test
  void valuesBeyondTheLargest_areRefusedNamingTheLead() {
    assertThatThrownBy(() -> leads(1, 1.8e305))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead c0: value must be in [0, 1e15], was 1.8E305");
    assertThatThrownBy(() -> leads(1, Double.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lead c0: value must be in [0, 1e15]");
  }

  @Test
  void weightBoundsOutsideTheirDomain_areRefusedNamingThem() {
    assertThatThrownBy(() -> Policy.builder().weightBounds(1e-300, 1e-300).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: minWeight must be in [0.01, 100], was 1.0E-300");
    assertThatThrownBy(() -> Policy.builder().weightBounds(0.5, 1e300).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy: maxWeight must be in [minWeight (0.5), 100], was 1.0E300");
  }

  @Test
  void repWeightsAtAnyScale_areBoundedByThePolicy() {
    Problem p = Problem.of(Policy.defaults(), reps(2), leads(4, 100));
    Allocation a = Baselines.leastBusy().allocate(p);

    assertThat(a.reps()).extracting(s -> s.weight()).containsExactly(0.5, 2.0);
    assertThat(a.score().soft()).isPositive();
  }

  @Test
  void extremeWeights_limitTheBook_andWithinTheLimitNothingOverflows() {
    // Objective and tier weights at 1000, the least effective weight 0.01: a rep's tier-A term
    // alone is 1000 · 1000 · 1000 · n² / 0.01 = 10^11 · n², so the score's range (2^61 ≈ 2.3e18)
    // holds about 4,800 leads on one rep.
    Policy extreme =
        Policy.builder()
            .weight(Objective.COUNT, 1000)
            .weight(Objective.VALUE, 1000)
            .weight(Objective.TIER, 1000)
            .weight(Objective.CONTINUITY, 1000)
            .weight(Objective.PREFERENCE, 1000)
            .tierWeight("A", 1000)
            .weightBounds(0.01, 100)
            .build();
    List<Lead> tierA = new ArrayList<>();
    for (Lead l : leads(6_000, 10)) {
      tierA.add(l.toBuilder().tier("A").build());
    }

    assertThatThrownBy(() -> Problem.of(extreme, reps(2), tierA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("leads: 6,000 leads are too many for this policy's weights")
        .hasMessageContaining("lower the objective or tier weights, raise minWeight");

    Problem p = Problem.of(extreme, reps(2), tierA.subList(0, 4_000));
    Allocation a = allOnOne(p);
    // 4,000 tier-A leads on rep r0 (weight 0.01): tier 1000·1000·1000·4000²/0.01 = 1.6e18.
    assertThat(a.score().byConstraint().get("tier-balance")).isEqualTo(1_600_000_000_000_000_000L);
    assertThat(a.score().soft()).isPositive().isLessThan(Long.MAX_VALUE / 2);
  }

  @Test
  void router_leadWorthFarMoreThanItsScale_isRefused_andChangesNothing() {
    LeadRouter router =
        LeadRouter.builder(Policy.defaults()).roster(reps(2)).meanValue(100).build();
    Lead huge = Lead.builder("big").region("East").industry("retail").value(1e10).build();

    assertThatThrownBy(() -> router.route(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "lead big: value 1.0E10 is more than 1000000.0 times the router's mean value 100.0");
    assertThat(router.bookSize()).isZero();
    RouteDecision ok =
        router.route(Lead.builder("fine").region("East").industry("retail").value(1e8).build());
    assertThat(ok.assigned()).isTrue(); // a million times the mean is still in range
    assertThat(ok.scoreDelta()).isPositive();
  }

  @Test
  void router_underExtremeWeights_refusesTheLeadThatWouldOverflow() {
    Policy extreme =
        Policy.builder()
            .weight(Objective.COUNT, 1000)
            .weight(Objective.TIER, 1000)
            .tierWeight("C", 1000)
            .weightBounds(0.01, 100)
            .build();
    LeadRouter router = LeadRouter.builder(extreme).roster(reps(1)).meanValue(10).build();
    int routed = 0;
    IllegalArgumentException refused = null;
    for (int i = 0; i < 10_000 && refused == null; i++) {
      try {
        router.route(Lead.builder("c" + i).region("East").industry("retail").value(10).build());
        routed++;
      } catch (IllegalArgumentException e) {
        refused = e;
      }
    }
    assertThat(refused).isNotNull();
    assertThat(refused.getMessage())
        .contains("as many as this policy's weights let the score hold");
    assertThat(router.bookSize()).isEqualTo(routed);
    assertThat(routed).isBetween(2_000, 5_000);
  }

  @Test
  void router_rosterChangeThatWouldOverflowTheBook_isRefusedAndChangesNothing() {
    Policy extreme =
        Policy.builder()
            .weight(Objective.COUNT, 1000)
            .weight(Objective.TIER, 1000)
            .tierWeight("C", 1000)
            .weightBounds(0.01, 100)
            .build();
    // A rep of weight 1 lets the book hold about ten times the leads a rep of weight 0.01 does.
    LeadRouter router =
        LeadRouter.builder(extreme)
            .roster(List.of(Rep.builder("big").weight(1).build()))
            .meanValue(10)
            .build();
    for (int i = 0; i < 6_000; i++) {
      router.route(Lead.builder("c" + i).region("East").industry("retail").value(10).build());
    }
    Rep tiny = Rep.builder("tiny").weight(0.01).share(0.05).build();

    assertThatThrownBy(() -> router.addRep(tiny))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "addRep: rep tiny's effective weight 5.0E-4 would let this policy's")
        .hasMessageContaining("with the book's 6000 leads");
    assertThat(router.snapshot()).extracting(RepSnapshot::rep).containsExactly(RepId.of("big"));
    router.addRep(Rep.builder("small").weight(0.5).build()); // within range: accepted
    assertThat(router.snapshot()).hasSize(2);
  }
}
