package io.fairlead.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money of any size must not overflow the score: values are scaled to mean-lead units. */
class ScoringExtremesTest {

  private static Problem problem(int leads, double[] values, Policy policy) {
    List<Rep> reps = List.of(Rep.builder("ana").weight(0.5).build(), Rep.builder("bob").build());
    List<Lead> list = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      list.add(
          Lead.builder("c" + i)
              .region("East")
              .industry("retail")
              .value(values[i % values.length])
              .tier("A")
              .build());
    }
    return Problem.of(policy, reps, list);
  }

  @Test
  void score_allLeadsWorthOneBillionOnOneRep_isExactAndFarFromOverflow() {
    // 20,000 leads of 10^9 each, all on ana (weight 0.5). Every lead is a mean lead: 1000 units.
    // count: 1000 · 20000² / 0.5 = 8e11; value: 1000 · (2e7 / 1000)² / 0.5 = 8e11;
    // tier A (weight 3): 1000 · 3 · 20000² / 0.5 = 2.4e12.
    Problem p = problem(20_000, new double[] {1e9}, Policy.defaults());
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
    int[] all = new int[index.leadCount()];

    Score s = Assignment.of(index, all).score();

    assertThat(s.byTerm().get(Objective.COUNT.id())).isEqualTo(800_000_000_000L);
    assertThat(s.byTerm().get(Objective.VALUE.id())).isEqualTo(800_000_000_000L);
    assertThat(s.byTerm().get(Objective.TIER.id())).isEqualTo(2_400_000_000_000L);
    assertThat(s.soft()).isPositive();
  }

  @Test
  void score_oneBillionAmongPennies_staysPositiveAndConsistentWithItsParts() {
    // One lead of 10^9 among 49,999 of 0.01: the mean is ~2e4, so the big lead is ~5e7 units
    // (5e4 mean leads). With the value weight at its maximum, 1000, its rep's value term is
    // 1000 (scale) · 1000 · (5e4)² / 0.5 ≈ 5e15: large, but a long holds 9.2e18.
    double[] values = new double[50_000];
    Arrays.fill(values, 0.01);
    values[0] = 1e9;
    Policy heavy = Policy.builder().weight(Objective.VALUE, 1000).build();
    Problem p = problem(50_000, values, heavy);
    ProblemIndex index = new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
    int[] all = new int[index.leadCount()];

    Score s = Assignment.of(index, all).score();

    long sum = s.byTerm().values().stream().mapToLong(Long::longValue).sum();
    assertThat(s.hard() + s.medium() + s.soft()).isEqualTo(sum);
    assertThat(s.byTerm().get(Objective.VALUE.id()))
        .isBetween(4_000_000_000_000_000L, 6_000_000_000_000_000L);
    assertThat(s.soft()).isPositive();
  }
}
