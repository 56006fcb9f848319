package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allocation (result) format: round trips, non-finite numbers, explanations. */
class FairleadJsonAllocationTest {

  /**
   * Five reps, six leads: one kept, one locked, one that no rep may take (unassigned), and an
   * eligible rep with no room that gets nothing, so the max/min ratio of counts is infinite.
   */
  static Problem problem() {
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").role(Role.FARMER).capacity(3).build(),
            Rep.builder("ben").regions("East", "West").weight(1.5).build(),
            Rep.builder("cleo").regions("West").newLeadCap(1).build(),
            Rep.builder("dan").regions("South").available(false).build(),
            Rep.builder("eve").regions("West").capacity(0).build());
    List<Lead> leads =
        List.of(
            Lead.builder("c1")
                .region("East")
                .industry("retail")
                .value(1000)
                .tier("A")
                .kind(LeadKind.EXISTING_CUSTOMER)
                .currentOwner("ana")
                .build(),
            Lead.builder("c2")
                .region("East")
                .industry("retail")
                .value(5000)
                .winProbability(0.5)
                .build(),
            Lead.builder("c3").region("West").industry("software").value(200).tier("B").build(),
            Lead.builder("c4").region("North").industry("mining").value(10).build(),
            Lead.builder("c5")
                .region("West")
                .industry("retail")
                .value(70)
                .currentOwner("cleo")
                .locked(true)
                .build(),
            Lead.builder("c6").region("West").industry("retail").value(0).build());
    return Problem.of(Policy.defaults(), reps, leads);
  }

  private static void assertSameResult(Allocation read, Allocation written) {
    assertThat(read.method()).isEqualTo(written.method());
    assertThat(read.elapsed()).isEqualTo(written.elapsed());
    assertThat(read.outcomes()).isEqualTo(written.outcomes());
    assertThat(read.metrics()).isEqualTo(written.metrics());
    assertThat(read.score()).isEqualTo(written.score());
  }

  @Test
  void allocation_gapsThatDoNotMatchTheOutcomes_areRejected() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json = FairleadJson.writeAllocation(a, false);
    String countGap = "\"countGap\": " + a.gaps().countGap();
    assertThat(json).contains(countGap);

    String tampered = json.replace(countGap, "\"countGap\": 0.5");

    assertThatThrownBy(() -> FairleadJson.readAllocation(tampered, problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.gaps")
        .hasMessageContaining("$.gaps.countGap: was 0.5, but the outcomes' assignment gives 0.0");
  }

  private static Allocation searched(SearchReport.Ending ending) {
    Problem p = problem();
    return Allocation.of(
        p,
        Baselines.leastBusy().allocate(p).assignment(),
        "fairlead",
        Duration.ofMillis(40),
        new SearchReport(
            ending,
            1234,
            ending == SearchReport.Ending.MOVE_BUDGET ? 1234 : 100_000,
            7,
            List.of(
                new SearchReport.PhaseTime("construction", Duration.ofNanos(1_500_000)),
                new SearchReport.PhaseTime("local search", Duration.ofNanos(30_000_001)))));
  }

  @Test
  void allocation_searchReport_isWrittenAndReadBack() {
    Allocation a = searched(SearchReport.Ending.TIME_LIMIT);
    String json = FairleadJson.writeAllocation(a, false);

    assertThat(json).contains("\"ending\": \"TIME_LIMIT\"", "\"reproducible\": false");
    assertThat(json).contains("\"millis\": 30.000001");
    Allocation read = FairleadJson.readAllocation(json, problem());

    assertThat(read.search()).isEqualTo(a.search());
    assertSameResult(read, a);
  }

  @Test
  void allocation_searchReport_thatContradictsItself_isRejectedAtItsPath() {
    String json = FairleadJson.writeAllocation(searched(SearchReport.Ending.TIME_LIMIT), false);

    String claimsReproducible = json.replace("\"reproducible\": false", "\"reproducible\": true");
    String unknownEnding = json.replace("\"TIME_LIMIT\"", "\"CLOCK\"");
    String negativePhase = json.replace("30.000001", "-1");

    assertThatThrownBy(() -> FairleadJson.readAllocation(claimsReproducible, problem()))
        .hasMessageContaining("$.search.reproducible")
        .hasMessageContaining("not reproducible");
    assertThatThrownBy(() -> FairleadJson.readAllocation(unknownEnding, problem()))
        .hasMessageContaining("$.search.ending")
        .hasMessageContaining("CLOCK");
    assertThatThrownBy(() -> FairleadJson.readAllocation(negativePhase, problem()))
        .hasMessageContaining("$.search.phases[1].millis")
        .hasMessageContaining("millis must be >= 0");
  }

  @Test
  void allocation_writtenBeforeSearchReportsAndTheWholeLeadBound_stillReads() throws Exception {
    // The JSON example's result as release 2026-12-01 wrote it: no search, no bound fields, and a
    // valueMaxGap measured against the older fractional bound.
    String old =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/compat/result-2026-12-01.json"));
    String problem =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/json/problem.json"));
    assertThat(old).doesNotContain("\"search\"", "valueMaxBound").contains("0.2387140287769784");

    Allocation read = FairleadJson.readAllocation(old, FairleadJson.readProblem(problem));

    assertThat(read.search().ending()).isEqualTo(SearchReport.Ending.NOT_REPORTED);
    assertThat(read.search().reproducible()).isFalse();
    assertThat(read.gaps().valueMaxGap()).isZero(); // against today's bound
  }

  @Test
  void allocation_writtenWithTheOlderFairShares_readsWithTodaysShares() throws Exception {
    // The same document has no "fairShares": its fair shares split each lead by weight among its
    // eligible reps (ana 0.6 of a lead); they are taken from the outcomes, not checked.
    String old =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/compat/result-2026-12-01.json"));
    Problem problem =
        FairleadJson.readProblem(
            java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/json/problem.json")));
    assertThat(old).doesNotContain("\"fairShares\"").contains("\"fairLeads\": 0.6,");

    Allocation read = FairleadJson.readAllocation(old, problem);

    Allocation today = Baselines.measure(problem, read.assignment(), read.method());
    assertThat(read.metrics()).isEqualTo(today.metrics());
    assertThat(read.metrics().reps().get(0).fairLeads()).isEqualTo(1.0);
    assertThat(FairleadJson.writeAllocation(read, false)).contains("\"fairShares\": \"optimum\"");
    // Every other figure is still checked.
    assertThatThrownBy(
            () ->
                FairleadJson.readAllocation(
                    old.replace("\"assigned\": 4", "\"assigned\": 5"), problem))
        .hasMessageContaining("$.metrics.assigned: was 5, but the outcomes' assignment gives 4");
  }

  @Test
  void allocation_fairShareEditedOrOfAnotherDefinition_isRefusedAtItsPath() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json = FairleadJson.writeAllocation(a, false);
    double ana = a.metrics().reps().get(0).fairLeads();
    String edited = json.replace("\"fairLeads\": " + ana + ",", "\"fairLeads\": 0.5,");
    String other = json.replace("\"fairShares\": \"optimum\"", "\"fairShares\": \"split\"");
    assertThat(edited).isNotEqualTo(json);

    assertThatThrownBy(() -> FairleadJson.readAllocation(edited, problem()))
        .hasMessageContaining("$.metrics.reps[0].fairLeads: was 0.5, but the outcomes' assignment");
    assertThatThrownBy(() -> FairleadJson.readAllocation(other, problem()))
        .hasMessageContaining(
            "$.metrics.fairShares: must be \"optimum\" (or absent, in a result written before"
                + " 2026-12-02), was \"split\"");
  }

  @Test
  void allocation_searchReportFields_outOfTheirDomain_areRejectedAtTheirPath() {
    String json = FairleadJson.writeAllocation(searched(SearchReport.Ending.TIME_LIMIT), false);

    assertThatThrownBy(
            () ->
                FairleadJson.readAllocation(
                    json.replace("\"moves\": 1234", "\"moves\": -1"), problem()))
        .hasMessageContaining("$.search.moves: moves must be >= 0, was -1");
    assertThatThrownBy(
            () ->
                FairleadJson.readAllocation(
                    json.replace("\"moveBudget\": 100000", "\"moveBudget\": -3"), problem()))
        .hasMessageContaining("$.search.moveBudget: moveBudget must be >= 0, was -3");
    assertThatThrownBy(
            () ->
                FairleadJson.readAllocation(
                    json.replace("\"name\": \"construction\"", "\"name\": \" \""), problem()))
        .hasMessageContaining("$.search.phases[0].name: a phase name must not be blank");
    String onePassWithMoves =
        json.replace("\"TIME_LIMIT\"", "\"ONE_PASS\"")
            .replace("\"reproducible\": false", "\"reproducible\": true");
    assertThatThrownBy(() -> FairleadJson.readAllocation(onePassWithMoves, problem()))
        .hasMessageContaining("$.search.moves: a search that ended ONE_PASS makes no moves");
  }

  @Test
  void allocation_withoutSearchReport_readsAsNotReported() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json = FairleadJson.writeAllocation(a, false);
    int start = json.indexOf("  \"search\"");
    int end = json.indexOf("  \"score\"");
    String old = json.substring(0, start) + json.substring(end);

    Allocation read = FairleadJson.readAllocation(old, problem());

    assertThat(read.search().ending()).isEqualTo(SearchReport.Ending.NOT_REPORTED);
    assertThat(read.search().reproducible()).isFalse();
    assertThat(read.search().phases().get(0).time()).isEqualTo(a.elapsed());
  }

  @Test
  void allocation_freeGapsAndMeanValue_areWritten_andRefusedWhenEdited() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json = FairleadJson.writeAllocation(a, false);
    assertThat(json).contains("\"freeGaps\"", "\"meanValue\": " + a.meanValue());
    int free = json.indexOf("\"freeGaps\"");
    String optimum = "\"countOptimum\": " + a.freeGaps().countOptimum();
    int at = json.indexOf(optimum, free);
    String tampered =
        json.substring(0, at) + "\"countOptimum\": 0.25" + json.substring(at + optimum.length());
    String otherMean = json.replace("\"meanValue\": " + a.meanValue(), "\"meanValue\": 1");

    assertThatThrownBy(() -> FairleadJson.readAllocation(tampered, problem()))
        .hasMessageContaining("$.freeGaps.countOptimum: was 0.25");
    assertThatThrownBy(() -> FairleadJson.readAllocation(otherMean, problem()))
        .hasMessageContaining("$.meanValue: was 1");
  }

  @Test
  void allocation_ledger_isWritten_readBack_andRefusedWhenEdited() {
    Problem p = problem();
    Problem withLedger =
        Problem.of(
            p.policy(),
            p.reps(),
            p.leads(),
            Ledger.of(List.of(Ledger.Entry.of("ben", 2, 2.5), Ledger.Entry.of("dan", 1, 1))));
    Allocation a = Baselines.leastBusy().allocate(withLedger);
    String json = FairleadJson.writeAllocation(a, false);
    String ben =
        "\"rep\": \"ben\",\n      \"received\": " + a.ledger().entry(RepId.of("ben")).received();
    assertThat(json).contains("\"ledger\": [").contains(ben);

    assertThat(FairleadJson.readAllocation(json, withLedger).ledger()).isEqualTo(a.ledger());
    String tampered = json.replace(ben, "\"rep\": \"ben\",\n      \"received\": 99");
    assertThatThrownBy(() -> FairleadJson.readAllocation(tampered, withLedger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allocation JSON at $.ledger")
        .hasMessageContaining("but the outcomes' assignment gives");
  }

  @Test
  void allocation_withoutGaps_readsBack() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json = FairleadJson.writeAllocation(a, false);
    String withoutGaps = json.replaceFirst("(?s),\\s*\"gaps\": \\{[^}]*\\}", "");
    assertThat(withoutGaps).doesNotContain("\"gaps\"");

    assertSameResult(FairleadJson.readAllocation(withoutGaps, problem()), a);
  }

  @Test
  void allocation_withoutExplanations_roundTripsEqual() {
    Allocation a = Baselines.leastBusy().allocate(problem());

    Allocation read =
        FairleadJson.readAllocation(FairleadJson.writeAllocation(a, false), a.problem());

    assertSameResult(read, a);
  }

  @Test
  void allocation_withExplanations_roundTripsEqual_andExplainsTheSame() {
    Allocation a = Baselines.roundRobin().allocate(problem());

    Allocation read =
        FairleadJson.readAllocation(FairleadJson.writeAllocation(a, true), a.problem());

    assertSameResult(read, a);
    for (Lead l : a.problem().leads()) {
      assertThat(read.explain(l.id())).isEqualTo(a.explain(l.id()));
    }
  }

  @Test
  void allocation_fixture_coversEveryStatusAndAnInfiniteRatio() {
    Allocation a = Baselines.leastBusy().allocate(problem());

    assertThat(a.outcomes().stream().map(o -> o.status()))
        .contains(Status.KEPT, Status.LOCKED, Status.ASSIGNED, Status.UNASSIGNED);
    assertThat(a.metrics().count().maxMinRatio()).isInfinite();
  }

  @Test
  void writeAllocation_infiniteRatio_isTheStringInfinity() {
    Allocation a = Baselines.leastBusy().allocate(problem());

    String json = FairleadJson.writeAllocation(a, false);

    assertThat(json).contains("\"maxMinRatio\": \"Infinity\"");
    assertThat(FairleadJson.readAllocation(json, a.problem()).metrics().count().maxMinRatio())
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void writeAllocation_explanations_onePerLeadInInputOrder() {
    Allocation a = Baselines.leastBusy().allocate(problem());

    String with = FairleadJson.writeAllocation(a, true);
    String without = FairleadJson.writeAllocation(a, false);

    assertThat(without).doesNotContain("explanations");
    assertThat(with).contains("\"explanations\"");
    int last = with.indexOf("\"explanations\"");
    for (Lead l : a.problem().leads()) {
      int at = with.indexOf("\"lead\": \"" + l.id() + "\",\n      \"", last);
      assertThat(at).as("explanation of %s after the previous one", l.id()).isGreaterThan(last);
      last = at;
    }
    assertThat(with).contains(a.explain(LeadId.of("c4")).summary());
  }

  @Test
  void writeAllocation_unassignedLead_hasReasonAndNoRep() {
    Allocation a = Baselines.leastBusy().allocate(problem());

    String json = FairleadJson.writeAllocation(a, false);

    assertThat(json)
        .contains(
            "\"lead\": \"c4\",\n      \"status\": \"UNASSIGNED\",\n      \"reason\": {\n"
                + "        \"kind\": \"NO_ELIGIBLE_REP\"");
  }

  @Test
  void elapsed_withNanoseconds_roundTripsExactly() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    Allocation timed =
        Allocation.of(a.problem(), a.assignment(), "given", Duration.ofSeconds(3, 5));

    String json = FairleadJson.writeAllocation(timed, false);

    assertThat(json).contains("\"elapsedMillis\": 3000.000005");
    assertThat(FairleadJson.readAllocation(json, a.problem()).elapsed())
        .isEqualTo(Duration.ofSeconds(3, 5));
  }

  @Test
  void elapsed_wholeMillis_isWrittenWithoutExponent() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    Allocation timed = Allocation.of(a.problem(), a.assignment(), "given", Duration.ofSeconds(2));

    assertThat(FairleadJson.writeAllocation(timed, false)).contains("\"elapsedMillis\": 2000,");
  }

  @Test
  void readAllocation_againstAnotherProblem_failsAtTheFirstForeignLead() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    Problem other =
        Problem.of(
            Policy.defaults(),
            a.problem().reps(),
            List.of(
                Lead.builder("x1").region("East").industry("retail").build(),
                a.problem().leads().get(1),
                a.problem().leads().get(2),
                a.problem().leads().get(3),
                a.problem().leads().get(4),
                a.problem().leads().get(5)));

    assertThatThrownBy(
            () -> FairleadJson.readAllocation(FairleadJson.writeAllocation(a, false), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("allocation JSON at $.outcomes[0].lead: lead x1:")
        .hasMessageContaining("holds lead 'c1', expected 'x1'");
  }

  @Test
  void readAllocation_explanationDisagreeingWithOutcome_fails() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json =
        FairleadJson.writeAllocation(a, true)
            .replaceFirst(
                "(\"explanations\": \\[\\s*\\{\\s*\"lead\": \"c1\",\\s*\"rep\": )\"ana\"",
                "$1\"ben\"");

    assertThatThrownBy(() -> FairleadJson.readAllocation(json, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("allocation JSON at $.explanations[0].rep: lead c1:")
        .hasMessageContaining("the outcome's owner is ana");
  }

  @Test
  void allocation_editedByHand_isRefusedNamingTheField() {
    Allocation a = Baselines.leastBusy().allocate(problem());
    String json = FairleadJson.writeAllocation(a, false);
    long soft = a.score().soft();

    String score = json.replace("\"soft\": " + soft + ",", "\"soft\": 1,");
    assertThat(score).isNotEqualTo(json);
    assertThatThrownBy(() -> FairleadJson.readAllocation(score, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "allocation JSON at $.score.soft: was 1, but the outcomes' assignment gives "
                + soft
                + " (a result's figures follow from its outcomes and cannot be edited)");

    String gini = json.replaceFirst("\"gini\": [0-9.E-]+", "\"gini\": 0.0");
    assertThat(gini).isNotEqualTo(json);
    assertThatThrownBy(() -> FairleadJson.readAllocation(gini, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("allocation JSON at $.metrics.count.gini: was 0.0, but");

    String status = json.replaceFirst("\"status\": \"ASSIGNED\"", "\"status\": \"MOVED\"");
    assertThat(status).isNotEqualTo(json);
    assertThatThrownBy(() -> FairleadJson.readAllocation(status, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status")
        .hasMessageStartingWith("allocation JSON at $.outcomes[");
  }
}
