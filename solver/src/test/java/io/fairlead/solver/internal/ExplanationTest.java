package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.RepId;
import org.junit.jupiter.api.Test;

/** OptaPlanner's score explanation of a plan blames leads and reps, never group-by numbers. */
class ExplanationTest {

  @Test
  void explain_densePlan_indictsOnlyLeadsAndReps() {
    ProblemIndex index = Indexes.of(PlanSolverTest.denseProblem(40, 5, 1));
    int[] a = ScoreEquivalenceTest.assignment(index, 3, 0);
    var explanation = OptaScores.explain(Plan.of(index, a));
    assertThat(explanation.getIndictmentMap().keySet())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o).isInstanceOfAny(PlanLead.class, PlanRep.class));
  }

  @Test
  void explain_repLevelConstraints_justifyWithTheRepAndItsLoad() {
    ProblemIndex index = Indexes.of(PlanSolverTest.denseProblem(40, 5, 1));
    int[] a = new int[index.leadCount()];
    java.util.Arrays.fill(a, 0); // everything on r0
    var explanation = OptaScores.explain(Plan.of(index, a));
    assertThat(explanation.getJustificationList(RepLoad.class))
        .contains(new RepLoad(RepId.of("r0"), "leads", 40));
  }
}
