package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.bound.FairnessBounds;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.Rulebook;
import io.fairlead.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Rep#UNLIMITED} is no cap, not a number a count can pass: the rulebook, the batch's index
 * and score, the metrics, the bounds and the router all read it so.
 */
class UnlimitedCapsTest {

  /**
   * Found by the agreement property: a rep without a cap (no capacity, or the capacity rule
   * switched off) that holds {@code Integer.MAX_VALUE} customers outside the book was full and over
   * its capacity for the rulebook, the score and the metrics, and its kept leads were freed, while
   * the bounds gave it unlimited room. No cap means no cap, for every count.
   */
  @Test
  void noCap_repHoldingIntMaxOutside_isNeverFullAnywhere() {
    Policy capacityOff = Policy.builder().disable(Rule.CAPACITY).build();
    for (Policy policy : List.of(Policy.defaults(), capacityOff)) {
      Rep rep =
          Rep.builder("r0")
              .capacity(policy.enforces(Rule.CAPACITY) ? Rep.UNLIMITED : 3)
              .heldOutside(Integer.MAX_VALUE)
              .build();
      Lead owned = Lead.builder("l0").value(100).currentOwner("r0").build();
      Lead fresh = Lead.builder("l1").value(300).build();
      Problem problem = Problem.of(policy, List.of(rep), List.of(owned, fresh));
      String what = policy.hardRules().toString();
      Rulebook rules = policy.rulebook();
      assertThat(rules.fullBy(rep, 5, Integer.MAX_VALUE, true)).as(what).isNull();
      assertThat(rules.breaches(rep, new RepLoad(5, Integer.MAX_VALUE))).as(what).isEmpty();

      ProblemIndex index = ProblemIndex.of(policy, problem.reps(), problem.leads());
      assertThat(index.pin(0))
          .as("%s: the owner keeps its lead", what)
          .isEqualTo(ProblemIndex.Pin.KEPT);
      assertThat(Assignment.of(index, new int[] {0, 0}).score().hard()).as(what).isZero();
      Allocation a = Baselines.leastBusy().allocate(problem);
      assertThat(a.assignment()).as(what).hasSize(2);
      assertThat(a.metrics().violations()).as(what).isEmpty();
      assertThat(a.feasible()).as(what).isTrue();
      assertThat(a.gaps().feasible()).as(what).isTrue();
      assertThat(FairnessBounds.of(problem).maxPlaceable()).as(what).isEqualTo(2);

      LeadRouter router =
          LeadRouter.builder(policy).roster(List.of(rep)).book(List.of(owned)).build();
      assertThat(router.route(fresh).rep()).as(what).contains(rep.id());
    }
  }
}
