package io.fairlead.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Score;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class DecompositionTest {

  private static final long SEED = 0x5EED_0005L;

  @Test
  void parts_randomProblems_coverEveryLeadAndRepOnceAndAreClosed() {
    AtomicInteger split = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(RandomProblems.problems(1, 8, 0, 30))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              Decomposition d = Decomposition.of(index);
              int[] partOfLead = new int[index.leadCount()];
              int[] partOfRep = new int[index.repCount()];
              Arrays.fill(partOfLead, -1);
              Arrays.fill(partOfRep, -1);
              for (int p = 0; p < d.parts().size(); p++) {
                for (int i : d.parts().get(p).leads()) {
                  assertThat(partOfLead[i]).as("lead %s in two parts", i).isEqualTo(-1);
                  partOfLead[i] = p;
                }
                for (int r : d.parts().get(p).reps()) {
                  assertThat(partOfRep[r]).as("rep %s in two parts", r).isEqualTo(-1);
                  partOfRep[r] = p;
                }
              }
              assertThat(partOfLead).doesNotContain(-1);
              assertThat(partOfRep).doesNotContain(-1);
              for (int i = 0; i < index.leadCount(); i++) {
                if (index.pin(i) == ProblemIndex.Pin.FREE) {
                  for (int r : index.eligible(i)) {
                    assertThat(partOfRep[r])
                        .as("lead %s, eligible rep %s", i, r)
                        .isEqualTo(partOfLead[i]);
                  }
                } else {
                  assertThat(partOfRep[index.owner(i)])
                      .as("pinned lead %s", i)
                      .isEqualTo(partOfLead[i]);
                }
              }
              if (d.parts().size() > 1) {
                split.incrementAndGet();
              }
            });
    assertThat(split.get()).as("problems that fell apart").isGreaterThan(30);
  }

  @Test
  void partScores_anyAssignment_addUpToTheWholeBookScore() {
    // The reason parts can be solved apart: for every assignment (even one breaking rules inside
    // the parts), the OptaPlanner scores of the part plans sum to the whole problem's book score,
    // with value units taken from the whole problem's mean value.
    AtomicInteger split = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(RandomProblems.problems(1, 8, 0, 30), integers().all(), integers().between(1, 2))
        .checkAssert(
            (problem, assignmentSeed, mode) -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              int[] a = ScoreEquivalenceTest.assignment(index, assignmentSeed, mode);
              Decomposition d = Decomposition.of(index);
              long hard = 0;
              long medium = 0;
              long soft = 0;
              for (Decomposition.Part part : d.parts()) {
                HardMediumSoftLongScore s =
                    OptaScores.explain(Plan.part(index, a, part.leads(), part.reps())).getScore();
                hard -= s.hardScore();
                medium -= s.mediumScore();
                soft -= s.softScore();
              }
              Score whole = Assignment.of(index, a).score();
              assertThat(new long[] {hard, medium, soft})
                  .as("%s parts, assignment %s", d.parts().size(), Arrays.toString(a))
                  .containsExactly(whole.hard(), whole.medium(), whole.soft());
              if (d.parts().size() > 1) {
                split.incrementAndGet();
              }
            });
    assertThat(split.get()).as("problems that fell apart").isGreaterThan(20);
  }

  @Test
  void territories_fallApartByRegion_inOrderOfTheirFirstLead() {
    ProblemIndex index = Indexes.of(Territories.generate(3, 4, 30, 1));
    Decomposition d = Decomposition.of(index);
    assertThat(d.parts()).hasSize(3);
    assertThat(d.parts()).extracting(Decomposition.Part::firstFreeLead).isSorted();
    for (Decomposition.Part part : d.parts()) {
      assertThat(part.reps()).hasSize(4);
      assertThat(part.leads()).hasSize(30);
    }
  }

  @Test
  void manyTinyComponents_areMergedIntoAtMostMaxPartsParts() {
    // 200 regions with one rep each: a component per region that has a free lead (a region
    // whose 3 leads all stay with their owner has none), merged into about MAX_PARTS parts.
    ProblemIndex index = Indexes.of(Territories.generate(200, 1, 3, 2));
    boolean[] regionHasFree = new boolean[200];
    int free = 0;
    for (int i = 0; i < index.leadCount(); i++) {
      if (index.pin(i) == ProblemIndex.Pin.FREE) {
        regionHasFree[i % 200] = true;
        free++;
      }
    }
    int components = 0;
    for (boolean b : regionHasFree) {
      components += b ? 1 : 0;
    }
    Decomposition d = Decomposition.of(index);
    assertThat(d.components()).isEqualTo(components).isGreaterThan(150);
    assertThat(d.parts().size()).isBetween(2, Decomposition.MAX_PARTS + 1);
    assertThat(d.parts().stream().mapToInt(Decomposition.Part::free).sum()).isEqualTo(free);
  }
}
