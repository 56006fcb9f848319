package io.fairlead.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scenario as a file: written then read back equal; every error names its path and record. */
class ScenarioJsonTest {

  static final long SEED = 20240301L;

  /**
   * Two reps, a hire and a leave, two customers, four leads, two policies; each test breaks one.
   */
  private static final String BASE =
      """
      {
        "format": "fairlead-scenario",
        "version": 1,
        "name": "small",
        "start": "2024-03-01",
        "days": 14,
        "roster": [
          {"id": "ana", "regions": ["East"]},
          {"id": "ben"}
        ],
        "book": [
          {"id": "k1", "region": "East", "currentOwner": "ana"}
        ],
        "events": [
          {"day": "2024-03-04", "kind": "HIRE", "hire": {"id": "nova", "regions": ["East"]}},
          {"day": "2024-03-05", "kind": "LEAVE", "rep": "ana", "until": "2024-03-08"}
        ],
        "stream": [
          {"day": "2024-03-01", "lead": {"id": "c1", "region": "East", "value": 100}},
          {"day": "2024-03-02", "lead": {"id": "c2", "region": "East", "value": 200}},
          {"day": "2024-03-03", "lead": {"id": "c3", "region": "West", "value": 300}},
          {"day": "2024-03-04", "lead": {"id": "c4", "region": "East", "value": 2000}}
        ],
        "policies": {
          "default": {},
          "receipts": {"weights": {"receipts-balance": 1.0}}
        }
      }""";

  private static String broken(String from, String to) {
    assertThat(BASE).contains(from);
    return BASE.replace(from, to);
  }

  private static void assertFails(String json, String message) {
    assertThatThrownBy(() -> Scenario.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void base_reads_withTheBuildersDefaults() {
    Scenario s = Scenario.fromJson(BASE);

    assertThat(s.name()).isEqualTo("small");
    assertThat(s.seed()).isZero();
    assertThat(s.roster()).extracting(r -> r.id().value()).containsExactly("ana", "ben");
    assertThat(s.events()).hasSize(2);
    assertThat(s.leads()).hasSize(4);
    assertThat(s.policies()).containsOnlyKeys("default", "receipts");
    assertThat(s.policies().get("receipts"))
        .isEqualTo(Policy.builder().weight(Objective.RECEIPTS, 1).build());
    assertThat(s.history()).isEmpty();
    assertThat(s.schedule()).isEqualTo(Schedule.nightly());
    assertThat(s.lifecycle()).isEqualTo(Lifecycle.defaults());
    assertThat(s.allocator()).isEmpty();
    assertThat(Scenario.fromJson(s.toJson())).isEqualTo(s);
  }

  @Test
  void unknownField_listsTheKnownOnes() {
    assertFails(
        broken("\"days\": 14", "\"days\": 14, \"horizon\": 14"),
        "scenario JSON at $.horizon: unknown field 'horizon' (known: format, version, name, start,"
            + " days, seed, roster, book, events, stream, policies, history, schedule, lifecycle,"
            + " allocator)");
  }

  @Test
  void unknownFieldInAnEvent_namesTheRep() {
    assertFails(
        broken("\"until\": \"2024-03-08\"", "\"until\": \"2024-03-08\", \"note\": \"x\""),
        "scenario JSON at $.events[1].note: rep ana: unknown field 'note' (known: day, kind, rep,"
            + " hire, until, share, capacity, weight)");
  }

  @Test
  void repeatedKey_isMalformed() {
    assertThatThrownBy(
            () -> Scenario.fromJson(broken("\"days\": 14", "\"days\": 14, \"days\": 15")))
        .hasMessageStartingWith("scenario JSON at line 6 column ")
        .hasMessageContaining("malformed JSON: Duplicate field 'days'");
  }

  @Test
  void wrongType_namesExpectedAndFound() {
    assertFails(
        broken("\"days\": 14", "\"days\": \"14\""),
        "scenario JSON at $.days: wrong type: expected a whole number, found a string (\"14\")");
  }

  @Test
  void badDate_isRefusedAtItsPath() {
    assertFails(
        broken("\"day\": \"2024-03-02\"", "\"day\": \"2024-02-30\""),
        "scenario JSON at $.stream[1].day: lead c2: not a date: expected an ISO date (yyyy-mm-dd),"
            + " was '2024-02-30'");
  }

  @Test
  void dayOutsideTheHorizon_pointsAtTheLeadsDay() {
    assertFails(
        broken("\"day\": \"2024-03-03\"", "\"day\": \"2024-04-03\""),
        "scenario JSON at $.stream[2].day: lead c3 is on 2024-04-03, outside 2024-03-01 to"
            + " 2024-03-14");
  }

  @Test
  void eventOutsideTheHorizon_pointsAtTheEventsDay() {
    assertFails(
        broken("\"day\": \"2024-03-05\"", "\"day\": \"2024-02-05\""),
        "scenario JSON at $.events[1].day: roster event leave of ana is on 2024-02-05, outside"
            + " 2024-03-01 to 2024-03-14");
  }

  @Test
  void unknownRepInAnEvent_pointsAtTheRep() {
    assertFails(
        broken("\"rep\": \"ana\"", "\"rep\": \"zoe\""),
        "scenario JSON at $.events[1].rep: roster event LEAVE on 2024-03-05 names rep zoe, who is"
            + " neither in the roster nor hired before");
  }

  @Test
  void eventFieldOfAnotherKind_isRefused() {
    assertFails(
        broken("\"kind\": \"LEAVE\"", "\"kind\": \"DEPARTURE\""),
        "scenario JSON at $.events[1].until: rep ana: a DEPARTURE event has no field 'until' (its"
            + " fields: [day, kind, rep])");
  }

  @Test
  void eventEndingBeforeItStarts_pointsAtUntil() {
    assertFails(
        broken("\"until\": \"2024-03-08\"", "\"until\": \"2024-03-04\""),
        "scenario JSON at $.events[1].until: roster event leave of ana: ends on 2024-03-04, before"
            + " 2024-03-05");
  }

  @Test
  void unknownEventKind_listsTheKinds() {
    assertFails(
        broken("\"kind\": \"LEAVE\"", "\"kind\": \"leave\""),
        "scenario JSON at $.events[1].kind: rep ana: unknown kind 'leave', expected one of HIRE,"
            + " LEAVE, AVAILABILITY, DEPARTURE, CAPACITY, WEIGHT");
  }

  @Test
  void duplicateLeadId_inTheStream_pointsAtTheSecond() {
    assertFails(
        broken("\"id\": \"c3\"", "\"id\": \"c1\""),
        "scenario JSON at $.stream[2].lead.id: lead c1 is twice in the book and the stream");
  }

  @Test
  void duplicateLeadId_inTheBookAndTheStream_pointsAtTheStream() {
    assertFails(
        broken("\"id\": \"c2\"", "\"id\": \"k1\""),
        "scenario JSON at $.stream[1].lead.id: lead k1 is twice in the book and the stream");
  }

  @Test
  void duplicateRep_pointsAtTheSecond() {
    assertFails(
        broken("{\"id\": \"ben\"}", "{\"id\": \"ana\"}"),
        "scenario JSON at $.roster[1].id: rep ana is twice in the roster");
  }

  @Test
  void badPolicyInsidePolicies_namesItsPath() {
    assertFails(
        broken("\"receipts-balance\": 1.0", "\"receipts-balance\": -1.0"),
        "scenario JSON at $.policies.receipts.weights['receipts-balance']: policy: weight of"
            + " objective 'receipts-balance' must be finite and in [0, 1000], was -1.0");
  }

  @Test
  void policyNamedHistory_isRefusedAtItsName() {
    assertFails(
        broken("\"receipts\":", "\"history\":"),
        "scenario JSON at $.policies.history: 'history' is the recorded owners' name, not a"
            + " policy's");
  }

  @Test
  void leadErrorDeepInsideTheStream_namesTheScenarioPath() {
    assertFails(
        broken("\"value\": 2000", "\"value\": -5"),
        "scenario JSON at $.stream[3].lead.value: lead c4: value must be in [0, 1e15], was -5.0");
  }

  @Test
  void repErrorInsideAHire_namesTheScenarioPath() {
    assertFails(
        broken("{\"id\": \"nova\", \"regions\": [\"East\"]}", "{\"id\": \"nova\", \"weight\": 0}"),
        "scenario JSON at $.events[0].hire.weight: rep nova: weight must be finite and > 0, was"
            + " 0.0");
  }

  @Test
  void historyToAnUnknownRep_pointsAtTheEntry() {
    assertFails(
        broken("\"policies\": {", "\"history\": {\"c1\": \"zoe\"},\n  \"policies\": {"),
        "scenario JSON at $.history.c1: history gives lead c1 to unknown rep zoe");
  }

  @Test
  void wrongFormatOrVersion_isRefused() {
    assertFails(
        broken("\"version\": 1", "\"version\": 2"),
        "scenario JSON at $.version: version 2 is not known, expected 1");
    assertFails(
        broken("\"fairlead-scenario\"", "\"fairlead-book\""),
        "scenario JSON at $.format: expected 'fairlead-scenario', was 'fairlead-book'");
  }

  @Test
  void missingStart_isRequired() {
    assertFails(
        broken("\"start\": \"2024-03-01\",", ""),
        "scenario JSON at $.start: missing required field 'start'");
  }

  @Test
  void scheduleAndLifecycle_errorsPointAtTheirField() {
    assertFails(
        broken("\"policies\": {", "\"schedule\": {\"maxMovesShare\": 2},\n  \"policies\": {"),
        "scenario JSON at $.schedule.maxMovesShare: schedule: maxMovesShare must be in [0, 1], was"
            + " 2.0");
    assertFails(
        broken("\"policies\": {", "\"lifecycle\": {\"coolDownDays\": -1},\n  \"policies\": {"),
        "scenario JSON at $.lifecycle.coolDownDays: lifecycle: coolDownDays must be in [0, 3650],"
            + " was -1");
  }

  @Test
  void customAllocator_cannotBeWritten() {
    Scenario s = Scenario.fromJson(BASE);
    Scenario custom =
        Scenario.builder("custom")
            .start(s.start())
            .days(s.days())
            .roster(s.roster())
            .leads(s.leads())
            .policy("default", Policy.defaults())
            .allocator(Baselines.leastBusy())
            .build();

    assertThatThrownBy(custom::toJson)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lives in code and cannot be written as JSON");
  }

  @Test
  void writeThenRead_isEqual_forGeneratedScenarios() {
    qt().withFixedSeed(SEED)
        .withExamples(30)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 3), integers().between(2, 30))
        .checkAssert(
            (seed, shape, days) -> {
              Scenario s = generated(seed, shape, days);
              String json = s.toJson();
              assertThat(Scenario.fromJson(json))
                  .as("seed %d shape %d days %d", seed, shape, days)
                  .isEqualTo(s);
              assertThat(Scenario.fromJson(json).toJson()).isEqualTo(json);
            });
  }

  /** A small scenario using every part of the format, varied by the shape. */
  static Scenario generated(long seed, int shape, int days) {
    LocalDate start = LocalDate.of(2024, 3, 1);
    List<Rep> team = LabTest.team();
    List<DatedLead> leads =
        switch (shape) {
          case 0 -> LeadStreams.uniform(seed, start, days, 3, team);
          case 1 -> LeadStreams.skewedRegions(seed, start, days, 3, team, 1.5);
          case 2 -> LeadStreams.seasonal(seed, start, days, 3, team, 7, 3);
          default -> LeadStreams.duplicates(seed, start, days, 3, team, 0.4);
        };
    List<Lead> book = new ArrayList<>();
    for (int i = 0; i < shape; i++) {
      book.add(Lead.builder("k" + i).region("East").value(10.5 * i).currentOwner("ana").build());
    }
    Map<LeadId, RepId> history = new LinkedHashMap<>();
    leads.stream().limit(shape + 1).forEach(d -> history.put(d.lead().id(), RepId.of("ben")));
    LocalDate mid = start.plusDays(days / 2);
    Scenario.Builder b =
        Scenario.builder("gen-" + seed)
            .start(start)
            .days(days)
            .seed(seed)
            .roster(team)
            .book(book)
            .leads(leads)
            .history(history)
            .event(RosterEvent.hire(start.plusDays(1), Rep.builder("nova").weight(0.8).build()))
            .event(RosterEvent.leave(RepId.of("ana"), mid, mid.plusDays(1)))
            .event(RosterEvent.availability(RepId.of("nova"), mid, mid, 0.5))
            .event(RosterEvent.capacity(mid, RepId.of("ben"), 40 + shape))
            .event(RosterEvent.weight(mid, RepId.of("dee"), 1.25))
            .event(RosterEvent.departure(start.plusDays(days - 1L), RepId.of("cy")))
            .policy("default", Policy.defaults())
            .policy(
                "receipts",
                Policy.builder()
                    .weight(Objective.RECEIPTS, 1)
                    .catchUp(CatchUp.capped(shape + 1))
                    .allowRebalancing(true)
                    .build())
            .schedule(
                switch (shape) {
                  case 0 -> Schedule.route();
                  case 1 -> Schedule.nightly().rebalanceEvery(3, 0.2);
                  case 2 -> Schedule.weekly().rebalanceEvery(7, 0.05).maxMovesPerRep(2);
                  default -> Schedule.nightly();
                });
    if (shape % 2 == 1) {
      b.lifecycle(
          Lifecycle.builder()
              .claimsPerDay(3)
              .coolDownDays(10)
              .reclaim("A", Lifecycle.Reclaim.after(20, 60).warning(5))
              .conflicts(Lifecycle.Conflicts.firstTouchWins(14).protect("A"))
              .departure(Lifecycle.Departure.POOL)
              .coverAfterDays(0)
              .period(Lifecycle.Period.QUARTER)
              .build());
    }
    if (shape >= 2) {
      b.allocator(LeadRouter.allocator());
    }
    return b.build();
  }
}
