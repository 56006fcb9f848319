package io.fairlead.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.fuzz.Document;
import io.fairlead.core.fuzz.FuzzOracle;
import io.fairlead.core.fuzz.Fuzzer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The solver behind the JSON readers, under the core's seeded mutation fuzz ({@code
 * io.fairlead.core.fuzz}, from the core's test jar): every mutant problem, policy, roster or lead
 * list that reads as a valid problem is solved, and the allocation must hold every lead exactly
 * once, in input order, with a score that has not wrapped, and read back from its JSON. A short
 * move budget keeps each solve quick. A larger run (failing inputs go to {@code
 * solver/target/fuzz-failures/}):
 *
 * <pre>
 * mvn -B test -pl core,solver -Dtest=LeadAllocatorFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.runs=5000 -Dfuzz.seed=0x1234
 * </pre>
 */
@Tag("slow") // solves many problems; excluded by the fast profile (mvn test -Pfast)
class LeadAllocatorFuzzTest {

  /** Mutants per build. */
  private static final int BUILD_RUNS = 300;

  private static final List<Document> PROBLEMS =
      List.of(Document.PROBLEM, Document.POLICY, Document.REPS, Document.LEADS);

  private static List<Allocator> solver(io.fairlead.core.problem.Problem p) {
    return List.of(LeadAllocator.builder().policy(p.policy()).moveBudget(2_000).seed(7).build());
  }

  @Test
  void mutants_thatReadAsProblems_solveWithEveryLeadOnce() {
    Fuzzer.Report report =
        Fuzzer.run(
            PROBLEMS,
            Fuzzer.seed(),
            Fuzzer.runs(BUILD_RUNS),
            i -> FuzzOracle.check(i.document(), i.json(), LeadAllocatorFuzzTest::solver));
    System.out.print(report.summary());

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.accepted(Document.PROBLEM)).as("problems solved").isGreaterThan(10);
  }
}
