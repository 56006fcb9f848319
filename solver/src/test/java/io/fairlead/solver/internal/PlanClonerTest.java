package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.internal.ProblemIndex;
import org.junit.jupiter.api.Test;

class PlanClonerTest {

  private final PlanCloner cloner = new PlanCloner();

  private static Plan plan() {
    ProblemIndex index = Indexes.of(PlanSolverTest.denseProblem(30, 4, 5));
    return Plan.of(index, ScoreEquivalenceTest.assignment(index, 9, 1));
  }

  @Test
  void clone_hasNewLeadsWithTheSameRepsAndSharedFacts() {
    Plan original = plan();
    Plan clone = cloner.cloneSolution(original);
    assertThat(clone).isNotSameAs(original);
    assertThat(clone.reps()).isSameAs(original.reps());
    assertThat(clone.assignment()).isEqualTo(original.assignment());
    for (int i = 0; i < original.leads().size(); i++) {
      PlanLead a = original.leads().get(i);
      PlanLead b = clone.leads().get(i);
      assertThat(b).isNotSameAs(a);
      assertThat(b.rep()).isSameAs(a.rep());
      assertThat(b.index()).isEqualTo(a.index());
      assertThat(b.eligible()).isSameAs(a.eligible());
      assertThat(b.pinned()).isEqualTo(a.pinned());
      assertThat(b.valueUnits()).isEqualTo(a.valueUnits());
    }
    assertThat(clone.leads().get(0)).isSameAs(clone.leads().get(0)); // built once
  }

  @Test
  void clone_isIndependentOfLaterChangesOnEitherSide() {
    Plan original = plan();
    int[] before = original.assignment();
    Plan clone = cloner.cloneSolution(original);
    Plan cloneOfClone = cloner.cloneSolution(clone); // taken before clone's leads are built

    PlanRep other = original.reps().get(0);
    original.leads().get(0).setRep(null);
    original.leads().get(1).setRep(other);
    assertThat(clone.assignment()).isEqualTo(before);
    // The assignment array is written through by setRep (what OptaPlanner's moves call).
    assertThat(original.assignment()[0]).isEqualTo(-1);
    assertThat(original.assignment()[1]).isEqualTo(other.index());

    clone.leads().get(2).setRep(null); // builds the clone's leads, then changes one
    assertThat(clone.assignment()[2]).isEqualTo(-1);
    assertThat(cloneOfClone.assignment()).isEqualTo(before);
    assertThat(cloner.cloneSolution(clone).assignment()).isEqualTo(clone.assignment());
  }

  @Test
  void partClone_keepsPositionsAndWritesBackToProblemIndices() {
    ProblemIndex index = Indexes.of(Territories.generate(2, 2, 5, 3));
    int[] whole = Plan.pinnedOnly(index);
    Decomposition.Part part = Decomposition.of(index).parts().get(1);
    Plan plan = Plan.part(index, whole, part.leads(), part.reps());
    PlanLead lead = plan.leads().get(0);
    lead.setRep(lead.eligible().get(0));
    Plan clone = cloner.cloneSolution(plan);
    int[] merged = Plan.pinnedOnly(index);
    clone.writeTo(merged);
    assertThat(lead.index()).isEqualTo(part.leads()[0]);
    assertThat(merged[part.leads()[0]]).isEqualTo(lead.eligible().get(0).index());
    assertThat(clone.leads().get(0).position()).isZero();
  }
}
