package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.problem.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SkewedProblemsTest {

  @Test
  void sameSizeAndSeed_sameProblem_otherSeed_otherProblem() {
    assertThat(SkewedProblems.generate(500, 20, 3)).isEqualTo(SkewedProblems.generate(500, 20, 3));
    assertThat(SkewedProblems.generate(500, 20, 3))
        .isNotEqualTo(SkewedProblems.generate(500, 20, 4));
  }

  @Test
  void generate_skewedRegions_longTailedValues_weights_owners() {
    Problem p = SkewedProblems.generate(10_000, 200, 2);
    assertThat(p.leads()).hasSize(10_000);
    assertThat(p.reps()).hasSize(200);
    Map<String, Long> byRegion =
        p.leads().stream()
            .collect(Collectors.groupingBy(l -> l.region().orElseThrow(), Collectors.counting()));
    // 200 / 6 = 33 regions; Zipf: the largest ~24 % of the leads, the smallest ~0.7 %.
    assertThat(byRegion).hasSize(33);
    List<Long> sizes = byRegion.values().stream().sorted(Comparator.reverseOrder()).toList();
    assertThat(sizes.get(0)).isBetween(2_000L, 2_800L);
    assertThat(sizes.get(sizes.size() - 1)).isLessThan(150L);
    // Long tail: the largest value is far above the median.
    double[] values = p.leads().stream().mapToDouble(Lead::value).sorted().toArray();
    assertThat(values[values.length - 1] / values[values.length / 2]).isGreaterThan(100);
    assertThat(p.reps().stream().mapToDouble(Rep::weight).min().orElseThrow())
        .isGreaterThanOrEqualTo(0.8);
    assertThat(p.reps().stream().mapToDouble(Rep::weight).max().orElseThrow())
        .isLessThanOrEqualTo(1.5);
    assertThat(p.reps()).anyMatch(r -> r.regions().size() == 3);
    assertThat(p.reps()).anyMatch(r -> !r.industries().isEmpty());
    long owned = p.leads().stream().filter(l -> l.currentOwner().isPresent()).count();
    assertThat(owned).isBetween(2_800L, 3_200L);
  }

  @Test
  void everyLead_hasAnEligibleRep_andOwnersKeepTheirLeads() {
    Problem p = SkewedProblems.generate(3_000, 60, 5);
    Allocation a = Baselines.leastBusy().allocate(p);
    assertThat(a.unassigned()).isEmpty();
    long owned = p.leads().stream().filter(l -> l.currentOwner().isPresent()).count();
    assertThat(FairnessReport.statusCount(a, Status.KEPT)).isEqualTo(owned);
  }

  @Test
  void tinySizes_work_badSizes_rejected() {
    assertThat(SkewedProblems.generate(30, 2, 1).reps()).hasSize(2);
    assertThatThrownBy(() -> SkewedProblems.generate(-1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leads must be >= 0, was -1");
    assertThatThrownBy(() -> SkewedProblems.generate(10, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reps must be >= 2");
  }
}
