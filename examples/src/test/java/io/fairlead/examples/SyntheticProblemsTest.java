package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.problem.Problem;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticProblemsTest {

  @Test
  void sameSizeAndSeed_sameProblem_otherSeed_otherProblem() {
    assertThat(SyntheticProblems.generate(500, 20, 3))
        .isEqualTo(SyntheticProblems.generate(500, 20, 3));
    assertThat(SyntheticProblems.generate(500, 20, 3))
        .isNotEqualTo(SyntheticProblems.generate(500, 20, 4));
  }

  @Test
  void generate_tierMix_owners_leave_weights() {
    Problem p = SyntheticProblems.generate(10_000, 200, 2);
    assertThat(p.leads()).hasSize(10_000);
    assertThat(p.reps()).hasSize(200);
    Map<String, Long> tiers =
        p.leads().stream()
            .collect(
                Collectors.groupingBy(l -> l.tier().orElseThrow().name(), Collectors.counting()));
    // A 10 %, B 30 %, C 60 %: within 1.5 percentage points at n = 10,000.
    assertThat(tiers.get("A")).isBetween(850L, 1150L);
    assertThat(tiers.get("B")).isBetween(2850L, 3150L);
    assertThat(tiers.get("C")).isBetween(5850L, 6150L);
    long owned = p.leads().stream().filter(l -> l.currentOwner().isPresent()).count();
    assertThat(owned).isBetween(2000L, 3000L);
    assertThat(p.leads()).anyMatch(Lead::locked);
    assertThat(p.reps()).anyMatch(r -> !r.available());
    assertThat(p.reps().stream().mapToDouble(Rep::weight).min().orElseThrow())
        .isGreaterThanOrEqualTo(0.8);
    assertThat(p.reps().stream().mapToDouble(Rep::weight).max().orElseThrow())
        .isLessThanOrEqualTo(1.25);
    assertThat(p.reps().stream().map(Rep::regions).distinct().count())
        .isGreaterThan(8); // 8 regions + pairs
  }

  @Test
  void everyLead_hasAnEligibleRep_andOwnersPassTheRules() {
    Problem p = SyntheticProblems.generate(2_000, 40, 5);
    Allocation a = Baselines.leastBusy().allocate(p);
    assertThat(a.unassigned())
        .noneMatch(o -> o.reason().orElseThrow().kind() == UnassignedReason.Kind.NO_ELIGIBLE_REP);
    // Owners pass every pairwise rule, so no owned lead is freed by a rule.
    long owned = p.leads().stream().filter(l -> l.currentOwner().isPresent()).count();
    long stayed =
        FairnessReport.statusCount(a, io.fairlead.core.allocation.Status.KEPT)
            + FairnessReport.statusCount(a, io.fairlead.core.allocation.Status.LOCKED);
    assertThat(stayed).isEqualTo(owned);
  }

  @Test
  void badSizes_rejected() {
    assertThatThrownBy(() -> SyntheticProblems.generate(-1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leads must be >= 0, was -1");
    assertThatThrownBy(() -> SyntheticProblems.generate(10, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reps must be >= 2");
  }

  @Test
  void book_everyLeadOwnedByARepWhoMayHoldIt_someRepsPastCapacity() {
    Problem book = SyntheticProblems.book(4_000, 80, 9);
    assertThat(book).isEqualTo(SyntheticProblems.book(4_000, 80, 9));
    Problem generated = SyntheticProblems.generate(4_000, 80, 9);
    assertThat(book.reps()).isEqualTo(generated.reps());
    assertThat(book.leads()).allMatch(l -> l.currentOwner().isPresent());
    // The owners generate() gave are kept; the others pass every pairwise rule.
    for (int i = 0; i < book.leads().size(); i++) {
      Lead l = book.leads().get(i);
      generated
          .leads()
          .get(i)
          .currentOwner()
          .ifPresent(o -> assertThat(l.currentOwner()).contains(o));
      Rep owner =
          book.reps().stream()
              .filter(r -> r.id().equals(l.currentOwner().get()))
              .findFirst()
              .orElseThrow();
      assertThat(book.policy().rulebook().firstExclusion(owner, l, book.policy().tierOf(l), false))
          .as("%s with %s", l.id(), owner.id())
          .isNull();
    }
    Map<String, Long> held =
        book.leads().stream()
            .collect(
                Collectors.groupingBy(l -> l.currentOwner().get().value(), Collectors.counting()));
    assertThat(book.reps()).anyMatch(r -> held.getOrDefault(r.id().value(), 0L) > r.capacity());
  }
}
