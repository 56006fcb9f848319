package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The price of continuity: gaps against the problem as posed and with every lead free. */
class FreeGapsTest {

  /** Ana owns four customers, Ben none; two new leads come in. Both may take everything. */
  private static Problem unevenBook(Policy policy) {
    List<Lead> leads = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      leads.add(
          Lead.builder("own" + i)
              .region("East")
              .industry("retail")
              .value(100)
              .currentOwner("ana")
              .build());
    }
    leads.add(Lead.builder("new1").region("East").industry("retail").value(100).build());
    leads.add(Lead.builder("new2").region("East").industry("retail").value(100).build());
    Rep ana = Rep.builder("ana").regions("East").build();
    Rep ben = Rep.builder("ben").regions("East").build();
    return Problem.of(policy, List.of(ana, ben), leads);
  }

  @Test
  void ownersKept_countOptimalForWhatMayMove_butAboveTheFreeOptimum() {
    // Least busy gives both new leads to Ben: 4 and 2, the best the policy allows (owners kept).
    Allocation a = Baselines.leastBusy().allocate(unevenBook(Policy.defaults()));

    BoundGaps pinned = a.gaps();
    BoundGaps free = a.freeGaps();

    assertThat(pinned.countTerm()).isEqualTo(16 + 4);
    assertThat(pinned.countOptimum()).isEqualTo(20.0);
    assertThat(pinned.countGap()).isZero();
    assertThat(pinned.countOptimal()).isTrue();
    // With every lead free, 3 and 3 is the optimum: 18. Keeping owners costs 2 / 18.
    assertThat(free.countTerm()).isEqualTo(20.0);
    assertThat(free.countOptimum()).isEqualTo(18.0);
    assertThat(free.countGap()).isCloseTo(2.0 / 18, within(1e-12));
    assertThat(free.countOptimal()).isFalse();
    // Values are equal: the value bound follows the counts (in mean-lead units).
    assertThat(pinned.valueMaxBound()).isCloseTo(4.0, within(1e-9));
    assertThat(free.valueMaxBound()).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void freeingOwners_makesRoomForMoreLeads_andTheFreeGapsSaySo() {
    // Ana (capacity 1) covers North and South and keeps k (North); Ben covers North only. With
    // owners kept only k is placed; with every lead free Ben takes k and Ana takes s.
    Rep ana = Rep.builder("ana").regions("North", "South").capacity(1).build();
    Rep ben = Rep.builder("ben").regions("North").build();
    Lead k =
        Lead.builder("k").region("North").industry("retail").value(100).currentOwner("ana").build();
    Lead s = Lead.builder("s").region("South").industry("retail").value(100).build();
    Allocation a =
        Baselines.leastBusy()
            .allocate(Problem.of(Policy.defaults(), List.of(ana, ben), List.of(k, s)));

    assertThat(a.gaps().placed()).isEqualTo(1);
    assertThat(a.gaps().maxPlaceable()).isEqualTo(1);
    assertThat(a.freeGaps().placed()).isEqualTo(1);
    assertThat(a.freeGaps().maxPlaceable()).isEqualTo(2);
    assertThat(a.freeGaps().countOptimal()).isFalse();
  }

  @Test
  void aPolicyThatAlreadyFreesOwners_hasTheSameGapsBothWays() {
    Allocation a =
        Baselines.leastBusy().allocate(unevenBook(Policy.builder().allowRebalancing(true).build()));

    assertThat(a.freeGaps()).isEqualTo(a.gaps());
  }

  @Test
  void lockedLeads_stayWithTheirOwner_inTheFreeProblem() {
    Problem p = unevenBook(Policy.defaults());
    List<Lead> locked = new ArrayList<>();
    for (Lead l : p.leads()) {
      locked.add(l.currentOwner().isPresent() ? l.toBuilder().locked(true).build() : l);
    }
    Allocation a = Baselines.leastBusy().allocate(Problem.of(p.policy(), p.reps(), locked));

    assertThat(a.freeGaps().countOptimum()).isEqualTo(20.0);
    assertThat(a.freeGaps().countGap()).isZero();
  }
}
