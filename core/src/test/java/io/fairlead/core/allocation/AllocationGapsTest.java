package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationGapsTest {

  private static Problem problem() {
    List<Rep> reps = List.of(Rep.builder("ana").build(), Rep.builder("bob").build());
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      leads.add(Lead.builder("c" + i).region("East").industry("retail").value(100).build());
    }
    return Problem.of(Policy.defaults(), reps, leads);
  }

  @Test
  void gaps_balancedBook_isOptimalForCounts() {
    // Round robin gives 2 + 2: Σ n²/w = 8, the optimum, so the count gap is 0 and no path improves.
    Allocation a = Baselines.roundRobin().allocate(problem());

    assertThat(a.gaps().countTerm()).isEqualTo(8.0);
    assertThat(a.gaps().countGap()).isZero();
    assertThat(a.gaps().improvingPath()).isFalse();
    assertThat(a.gaps()).isSameAs(a.gaps());
  }

  @Test
  void gaps_lopsidedBook_reportsTheGapToTheOptimum() {
    // Everything on ana: Σ n²/w = 16 against the optimum 8, a relative gap of 1 (100 %).
    Problem p = problem();
    var all =
        new java.util.LinkedHashMap<io.fairlead.core.model.LeadId, io.fairlead.core.model.RepId>();
    p.leads().forEach(l -> all.put(l.id(), io.fairlead.core.model.RepId.of("ana")));
    Allocation a = Baselines.measure(p, all, "given");

    assertThat(a.gaps().countTerm()).isEqualTo(16.0);
    assertThat(a.gaps().countGap()).isEqualTo(1.0);
    assertThat(a.gaps().improvingPath()).isTrue();
    assertThat(a.gaps()).isEqualTo(FairnessBounds.of(p).gaps(a.assignment()));
  }

  @Test
  void gaps_lockedLeadLeftOutWhileItsOwnerIsFull_isAnAnswerWithAnImprovingPath() {
    // Found by RulebookAgreementTest: ana (capacity 1) holds the free lead c1 and the lead locked
    // to her, c0, is left out. No hard rule is broken, so the book is feasible; and one more lead
    // can be placed (c1 to bob, c0 to ana). The certificate used to reserve ana's room for c0 and
    // then find her over it, and threw instead.
    List<Rep> reps = List.of(Rep.builder("ana").capacity(1).build(), Rep.builder("bob").build());
    Lead locked = Lead.builder("c0").currentOwner("ana").locked(true).build();
    Lead free = Lead.builder("c1").build();
    Problem p = Problem.of(Policy.defaults(), reps, List.of(locked, free));
    Allocation a =
        Baselines.measure(
            p, java.util.Map.of(free.id(), io.fairlead.core.model.RepId.of("ana")), "given");

    assertThat(a.feasible()).isTrue();
    assertThat(a.gaps().feasible()).isTrue();
    assertThat(a.gaps().placed()).isEqualTo(1);
    assertThat(a.gaps().maxPlaceable()).isEqualTo(2);
    assertThat(a.gaps().improvingPath()).isTrue();
  }

  @Test
  void gaps_lockedLeadsLeftOutOfAFullOwner_haveAnImprovingPath() {
    // Found by RulebookAgreementTest: a lock keeps a lead with its owner even past her capacity
    // (maxPlaceable counts it), so a book that leaves it out places one lead fewer than it could,
    // even when ana has no room at all (capacity 0), or when placing her two locked leads means
    // dropping the free lead c2 that only she may take.
    Rep ana = Rep.builder("ana").regions("East").capacity(0).build();
    Lead c0 = Lead.builder("c0").currentOwner("ana").locked(true).build();
    Problem p = Problem.of(Policy.defaults(), List.of(ana), List.of(c0));
    Allocation a = Baselines.measure(p, java.util.Map.of(), "given");

    assertThat(a.gaps().feasible()).isTrue();
    assertThat(a.gaps().maxPlaceable()).isEqualTo(1);
    assertThat(a.gaps().improvingPath()).isTrue();

    Rep roomForOne = ana.toBuilder().capacity(1).build();
    Lead c1 = Lead.builder("c1").currentOwner("ana").locked(true).build();
    Lead c2 = Lead.builder("c2").region("East").build();
    p = Problem.of(Policy.defaults(), List.of(roomForOne), List.of(c0, c1, c2));
    a = Baselines.measure(p, java.util.Map.of(c2.id(), ana.id()), "given");

    assertThat(a.gaps().feasible()).isTrue();
    assertThat(a.gaps().placed()).isEqualTo(1);
    assertThat(a.gaps().maxPlaceable()).isEqualTo(2);
    assertThat(a.gaps().improvingPath()).isTrue();
  }
}
