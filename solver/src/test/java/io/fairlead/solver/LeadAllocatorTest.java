package io.fairlead.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.internal.RandomProblems;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The facade on random problems: what every caller may rely on. */
@Tag("slow") // solves many problems; excluded by the fast profile (mvn test -Pfast)
class LeadAllocatorTest {

  private static final long SEED = 0x5EED_0003L;

  /** A quick solve of a problem under its own policy. */
  private static Allocation allocate(Problem problem) {
    return LeadAllocator.builder()
        .policy(problem.policy())
        .moveBudget(20_000)
        .seed(5)
        .build()
        .allocate(problem);
  }

  @Test
  void allocate_randomProblems_returnsEveryLeadExactlyOnceInInputOrder() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              Allocation a = allocate(problem);
              assertThat(a.outcomes().stream().map(LeadOutcome::lead))
                  .containsExactlyElementsOf(problem.leads().stream().map(Lead::id).toList());
              assertThat(a.method()).isEqualTo("fairlead");
              assertThat(a.problem()).isSameAs(problem);
            });
  }

  @Test
  void allocate_randomProblems_reportsTheMetricsOfItsOwnAssignment() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              Allocation a = allocate(problem);
              assertThat(a.metrics()).isEqualTo(FairnessMetrics.of(problem, a.assignment()));
              assertThat(a.metrics().assigned()).isEqualTo(a.assignment().size());
              assertThat(a.metrics().unassigned()).isEqualTo(a.unassigned().size());
            });
  }

  @Test
  void allocate_whenThePinsForceNoOverflow_breaksNoHardRule() {
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(RandomProblems.problems(1, 6, 0, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              int[] pinnedOnly = new int[index.leadCount()];
              for (int i = 0; i < pinnedOnly.length; i++) {
                pinnedOnly[i] = index.pin(i) == ProblemIndex.Pin.FREE ? -1 : index.owner(i);
              }
              // Unassigning is always allowed, so a feasible assignment exists iff the pinned
              // leads alone overflow no cap.
              if (Assignment.of(index, pinnedOnly).score().hard() == 0) {
                Allocation a = allocate(problem);
                assertThat(a.score().hard()).isZero();
                assertThat(a.metrics().violations()).isEmpty();
              }
            });
  }

  @Test
  void allocate_unlimitedCapacities_assignsEveryLeadWithAnEligibleRep() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(RandomProblems.problems(1, 6, 0, 25, false))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              Allocation a = allocate(problem);
              assertThat(a.score().hard()).isZero();
              assertThat(a.metrics().violations()).isEmpty();
              for (LeadOutcome o : a.unassigned()) {
                assertThat(index.eligible(index.leadIndex(o.lead()))).isEmpty();
                assertThat(o.reason().map(UnassignedReason::kind))
                    .contains(UnassignedReason.Kind.NO_ELIGIBLE_REP);
              }
            });
  }

  @Test
  void allocate_lockedLeads_neverMove() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(RandomProblems.problems(1, 6, 1, 25))
        .checkAssert(
            problem -> {
              Allocation a = allocate(problem);
              for (Lead lead : problem.leads()) {
                if (lead.locked()) {
                  LeadOutcome o = a.outcome(lead.id());
                  assertThat(o.status()).isEqualTo(Status.LOCKED);
                  assertThat(o.rep()).isEqualTo(lead.currentOwner());
                }
              }
            });
  }

  @Test
  void allocate_withoutRebalancing_keepsEveryOwnerWhoMayStillHoldTheLead() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(RandomProblems.problems(1, 6, 1, 25))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              Allocation a = allocate(problem);
              for (int i = 0; i < index.leadCount(); i++) {
                Lead lead = index.lead(i);
                boolean ownerMayHold =
                    lead.currentOwner().isPresent()
                        && index.firstExclusion(i, index.owner(i)) == null;
                if (!problem.policy().allowRebalancing() && ownerMayHold) {
                  if (index.pin(i) != ProblemIndex.Pin.FREE) {
                    assertThat(a.outcome(lead.id()).rep()).isEqualTo(lead.currentOwner());
                    assertThat(a.outcome(lead.id()).status()).isIn(Status.KEPT, Status.LOCKED);
                  } else {
                    // Freed only because its owner keeps more than its capacity allows.
                    assertThat(index.excess(i)).isTrue();
                    int o = index.owner(i);
                    long kept = 0;
                    for (int k = 0; k < index.leadCount(); k++) {
                      kept += index.owner(k) == o && index.pin(k) != ProblemIndex.Pin.FREE ? 1 : 0;
                    }
                    assertThat(kept + index.rep(o).heldOutside())
                        .isGreaterThanOrEqualTo(index.capacity(o));
                  }
                }
              }
            });
  }

  @Test
  void allocate_sameSeedTwice_givesTheSameAllocation() {
    qt().withFixedSeed(SEED)
        .withExamples(10)
        .forAll(RandomProblems.problems(2, 6, 10, 25))
        .checkAssert(
            problem -> {
              LeadAllocator a =
                  LeadAllocator.builder()
                      .policy(problem.policy())
                      .seed(42)
                      .moveBudget(20_000)
                      .build();
              LeadAllocator b =
                  LeadAllocator.builder()
                      .policy(problem.policy())
                      .seed(42)
                      .moveBudget(20_000)
                      .build();
              assertThat(b.allocate(problem).assignment())
                  .isEqualTo(a.allocate(problem).assignment());
            });
  }

  @Test
  void allocate_noLeads_returnsAnEmptyAllocation() {
    Allocation a =
        LeadAllocator.create(Policy.defaults())
            .allocate(List.of(Rep.builder("ana").build()), List.of());
    assertThat(a.outcomes()).isEmpty();
    assertThat(a.score().hard()).isZero();
    assertThat(a.score().medium()).isZero();
    assertThat(a.score().soft()).isZero();
  }

  @Test
  void allocate_noRoomAnywhere_answersWithUnassignedLeadsAndReasons() {
    List<Rep> reps = List.of(Rep.builder("ana").capacity(1).heldOutside(1).build());
    List<Lead> leads =
        List.of(
            Lead.builder("c1").region("east").industry("tech").build(),
            Lead.builder("c2").region("east").industry("tech").build());
    Allocation a = allocate(Problem.of(Policy.defaults(), reps, leads));
    assertThat(a.unassigned()).hasSize(2);
    assertThat(a.score().hard()).isZero();
    assertThat(a.score().medium()).isEqualTo(2);
    assertThat(a.outcome(LeadId.of("c1")).reason().map(UnassignedReason::kind))
        .contains(UnassignedReason.Kind.ALL_ELIGIBLE_FULL);
  }

  @Test
  void allocate_repsAndLeads_usesTheAllocatorsPolicy_problem_usesItsOwn() {
    Policy rebalancing = Policy.builder().allowRebalancing(true).build();
    List<Rep> reps = List.of(Rep.builder("ana").build(), Rep.builder("bo").build());
    List<Lead> leads =
        List.of(
            Lead.builder("c1").region("east").industry("tech").currentOwner("ana").build(),
            Lead.builder("c2").region("east").industry("tech").currentOwner("ana").build(),
            Lead.builder("c3").region("east").industry("tech").currentOwner("ana").build(),
            Lead.builder("c4").region("east").industry("tech").currentOwner("ana").build());
    LeadAllocator allocator = LeadAllocator.builder().policy(rebalancing).build();

    Allocation withOwn = allocator.allocate(reps, leads);
    assertThat(withOwn.problem().policy()).isSameAs(rebalancing);
    // The leads have no value and no tier (so the lowest, weight 1). Four on ana cost 1000·4² =
    // 16000 in count balance and as much in tier balance. Moving one to bo makes each 9000 + 1000:
    // saves 2·6000 for 10000 of continuity. Moving a second saves 2·2000 more for another 10000:
    // not worth it. So exactly one lead moves.
    assertThat(withOwn.assignment().values()).containsOnlyOnce(RepId.of("bo"));

    // A problem made under another policy is refused, not solved under either one silently.
    assertThatThrownBy(() -> allocator.allocate(Problem.of(Policy.defaults(), reps, leads)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("problem: its policy is not this allocator's");
    Allocation withProblems =
        LeadAllocator.create(Policy.defaults())
            .allocate(Problem.of(Policy.defaults(), reps, leads));
    assertThat(withProblems.assignment().values()).containsOnly(RepId.of("ana"));
  }

  @Test
  void allocate_denseBook_scoresNoWorseThanTheBaselines() {
    Problem problem =
        SyntheticBook.generate(600, 12, Policy.builder().allowRebalancing(true).build(), 9);
    ScoreBreakdown solver = LeadAllocator.create(problem.policy()).allocate(problem).score();
    for (var baseline : List.of(Baselines.leastBusy(), Baselines.roundRobin())) {
      ScoreBreakdown other = baseline.allocate(problem).score();
      assertThat(new long[] {solver.hard(), solver.medium(), solver.soft()})
          .as("optaplanner %s vs %s %s", solver, baseline.name(), other)
          .satisfies(
              s ->
                  assertThat(
                          java.util.Arrays.compare(
                              s, new long[] {other.hard(), other.medium(), other.soft()}))
                      .isLessThanOrEqualTo(0));
    }
  }

  @Test
  void allocate_timeLimitTooShortForAnySearch_stillPlacesEveryLeadThatFits() {
    // The caps stop the local search only; the greedy construction always completes.
    Problem problem = SyntheticBook.generate(500, 10, Policy.defaults(), 2);
    Allocation a =
        LeadAllocator.builder()
            .timeLimit(Duration.ofNanos(1))
            .unimprovedTimeLimit(Duration.ofNanos(1))
            .build()
            .allocate(problem);
    assertThat(a.unassigned())
        .allSatisfy(
            o ->
                assertThat(o.reason().orElseThrow().kind())
                    .isNotEqualTo(UnassignedReason.Kind.NOT_PLACED));
    assertThat(a.assignment()).hasSizeGreaterThan(400);
  }

  @Test
  void allocate_withDefaults_endsOnTheMoveBudget_reproducibly_andReportsItsPhases() {
    Problem problem = SyntheticBook.generate(800, 12, Policy.defaults(), 5);
    LeadAllocator allocator = LeadAllocator.create(Policy.defaults());

    Allocation first = allocator.allocate(problem);
    Allocation second = allocator.allocate(problem);

    SearchReport s = first.search();
    assertThat(s.ending()).isEqualTo(SearchReport.Ending.MOVE_BUDGET);
    assertThat(s.reproducible()).isTrue();
    assertThat(s.moveBudget()).isEqualTo(100_000); // the smallest default budget
    // Independent territories share the budget in proportion to their free leads, rounded down.
    assertThat(s.moves()).isCloseTo(s.moveBudget(), withinPercentage(1));
    assertThat(s.seed()).isZero();
    assertThat(s.phases())
        .extracting(SearchReport.PhaseTime::name)
        .containsExactly("compile", "prepare", "construction", "local search");
    assertThat(s.phases().get(3).time()).isPositive();
    assertThat(second.assignment()).isEqualTo(first.assignment());
    assertThat(second.search().moves()).isEqualTo(s.moves());
  }

  @Test
  void allocate_endedByTheTimeCap_isReportedAsNotReproducible() {
    Problem problem = SyntheticBook.generate(500, 10, Policy.defaults(), 2);

    Allocation a =
        LeadAllocator.builder()
            .timeLimit(Duration.ofNanos(1))
            .moveBudget(Long.MAX_VALUE)
            .build()
            .allocate(problem);

    assertThat(a.search().ending()).isEqualTo(SearchReport.Ending.TIME_LIMIT);
    assertThat(a.search().reproducible()).isFalse();
    assertThat(a.search().moves()).isLessThan(a.search().moveBudget());
  }

  @Test
  void allocate_nothingToSearch_saysSo() {
    Rep ana = Rep.builder("ana").regions("East").build();
    Lead west = Lead.builder("w1").region("West").industry("retail").value(10).build();

    Allocation a = LeadAllocator.create(Policy.defaults()).allocate(List.of(ana), List.of(west));

    assertThat(a.search().ending()).isEqualTo(SearchReport.Ending.NOTHING_TO_DO);
    assertThat(a.search().reproducible()).isTrue();
    assertThat(a.search().moves()).isZero();
  }

  @Test
  void baselines_reportOnePass() {
    Problem problem = SyntheticBook.generate(50, 4, Policy.defaults(), 2);

    SearchReport s = Baselines.leastBusy().allocate(problem).search();

    assertThat(s.ending()).isEqualTo(SearchReport.Ending.ONE_PASS);
    assertThat(s.moves()).isZero();
    assertThat(s.phases()).extracting(SearchReport.PhaseTime::name).containsExactly("allocate");
  }

  @Test
  void allocate_withMoveThreads_returnsAValidAllocation() {
    Problem problem =
        SyntheticBook.generate(300, 8, Policy.builder().allowRebalancing(true).build(), 3);
    Allocation a =
        LeadAllocator.builder()
            .policy(problem.policy())
            .moveThreads(2)
            .moveBudget(20_000)
            .build()
            .allocate(problem);
    assertThat(a.outcomes()).hasSize(300);
    assertThat(a.score().hard()).isZero();
    assertThat(a.metrics().violations()).isEmpty();
  }

  @Test
  void allocate_explanations_areAvailableForEveryLead() {
    Problem problem =
        SyntheticBook.generate(60, 6, Policy.builder().allowRebalancing(true).build(), 4);
    Allocation a = allocate(problem);
    for (Lead lead : problem.leads()) {
      assertThat(a.explain(lead.id()).rep()).isEqualTo(a.outcome(lead.id()).rep());
    }
    assertThat(Optional.of(a.outcomes().size())).contains(60);
  }
}
