package io.fairlead.service;

import static io.fairlead.service.Fixture.ADMIN;
import static io.fairlead.service.Fixture.ANA;
import static io.fairlead.service.Fixture.BEN;
import static io.fairlead.service.Fixture.CAT;
import static io.fairlead.service.Fixture.MANAGER;
import static io.fairlead.service.Fixture.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.service.Client.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint over real HTTP against a running service, on the database a subclass names (H2
 * embedded and PostgreSQL run the same tests).
 */
abstract class EndpointSuite {

  @TempDir Path dir;

  TestClock clock;
  ServiceConfig config;
  FairleadService service;
  Client c;

  abstract ServiceConfig.Database database(Path dir);

  @BeforeEach
  void start() {
    clock = new TestClock(Fixture.DAY);
    config = Fixture.config(database(dir), 5);
    service = FairleadService.start(config, clock);
    c = new Client(service.port());
    Fixture.team(c);
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  private void restart() {
    service.close();
    service = FairleadService.start(config, clock);
    c = new Client(service.port());
  }

  private String ownerOf(String lead) {
    Response r = c.get(MANAGER, "/v1/leads/" + lead);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("owner").asText(null);
  }

  private long events() {
    return c.get(MANAGER, "/v1/book/events").json().path("events").size();
  }

  private List<JsonNode> audit() {
    List<JsonNode> out = new ArrayList<>();
    c.get(MANAGER, "/v1/audit").json().path("entries").forEach(out::add);
    return out;
  }

  // ------------------------------------------------------------------ health

  @Test
  void health_andReadiness_needNoToken() {
    assertThat(c.get(null, "/health").json().path("status").asText()).isEqualTo("up");
    assertThat(c.get(null, "/ready").status()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ routing

  @Test
  void route_placesTheLead_explainsIt_andARepeatChangesNothing() {
    Response first = c.post(MANAGER, "/v1/leads", lead("c1", "East", 1000));

    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(first.json().path("outcome").asText()).isEqualTo("added");
    assertThat(first.json().path("owner").asText()).isIn("ana", "ben", "cat");
    assertThat(first.json().path("reason").asText()).isNotBlank();
    assertThat(first.json().path("events")).hasSize(2);

    long before = events();
    Response again = c.post(MANAGER, "/v1/leads", lead("c1", "East", 1000));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("outcome").asText()).isEqualTo("repeat");
    assertThat(events()).isEqualTo(before);
    assertThat(ownerOf("c1")).isEqualTo(first.json().path("owner").asText());
  }

  @Test
  void route_spreadsLeadsOverTheTeam_andNeverOutsideTheRegion() {
    for (int i = 0; i < 9; i++) {
      assertThat(c.post(MANAGER, "/v1/leads", lead("e" + i, "East", 1000)).status()).isEqualTo(201);
    }
    Response west = c.post(MANAGER, "/v1/leads", lead("w1", "West", 1000));

    assertThat(west.json().path("owner").asText()).isEqualTo("dan");
    for (String rep : List.of("ana", "ben", "cat")) {
      Response mine = c.get(MANAGER, "/v1/reps/" + rep + "/customers");
      assertThat(mine.json()).as(rep).hasSize(3);
    }
  }

  // ------------------------------------------------------------------ pool

  @Test
  void release_claim_reclaim_moveACustomerThroughThePool() {
    String owner =
        c.post(MANAGER, "/v1/leads", lead("c1", "East", 1000)).json().path("owner").asText();
    String ownerToken = token(owner);
    String other = owner.equals("ana") ? "ben" : "ana";

    Response released = c.post(ownerToken, "/v1/leads/c1/release", "{\"reason\": \"not a fit\"}");
    assertThat(released.status()).as(released.text()).isEqualTo(200);
    assertThat(c.get(MANAGER, "/v1/leads/c1").json().path("pooled").asBoolean()).isTrue();

    Response backTooSoon = c.post(ownerToken, "/v1/leads/c1/claim", null);
    assertThat(backTooSoon.status()).isEqualTo(409);
    assertThat(backTooSoon.json().path("error").path("rules").get(0).path("rule").asText())
        .isEqualTo("custom:cool-down");

    Response claimed = c.post(token(other), "/v1/leads/c1/claim", null);
    assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
    assertThat(ownerOf("c1")).isEqualTo(other);

    Response taken = c.post(ownerToken, "/v1/leads/c1/claim", "{}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.code()).isEqualTo("rule-violation");

    Response reclaimed =
        c.post(MANAGER, "/v1/leads/c1/reclaim", "{\"reason\": \"no follow-up in 40 days\"}");
    assertThat(reclaimed.status()).as(reclaimed.text()).isEqualTo(200);
    assertThat(c.get(MANAGER, "/v1/leads/c1").json().path("pooled").asBoolean()).isTrue();
    assertThat(c.post(MANAGER, "/v1/leads/c1/reclaim", "{\"reason\": \"again\"}").status())
        .isEqualTo(409);
    assertThat(c.get(ANA, "/v1/pool").json()).extracting(n -> n.path("id").asText()).contains("c1");
  }

  private static String token(String rep) {
    return switch (rep) {
      case "ana" -> ANA;
      case "ben" -> BEN;
      case "cat" -> CAT;
      default -> throw new IllegalArgumentException(rep);
    };
  }

  // ------------------------------------------------------------------ overrides

  @Test
  void override_needsAReason_pinsTheCustomer_andIsReportedInTheAudit() {
    String owner =
        c.post(MANAGER, "/v1/leads", lead("c1", "East", 1000)).json().path("owner").asText();
    String to = owner.equals("cat") ? "ben" : "cat";

    Response noReason = c.post(MANAGER, "/v1/leads/c1/override", "{\"to\": \"" + to + "\"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().path("error").path("path").asText()).isEqualTo("$.reason");
    assertThat(ownerOf("c1")).isEqualTo(owner);

    Response done =
        c.post(
            MANAGER,
            "/v1/leads/c1/override",
            "{\"to\": \"" + to + "\", \"reason\": \"knows the buyer\"}");
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(ownerOf("c1")).isEqualTo(to);
    assertThat(c.get(MANAGER, "/v1/leads/c1").json().path("pinnedBy").asText()).contains("lee");

    JsonNode last = audit().get(audit().size() - 1);
    assertThat(last.path("actor").asText()).isEqualTo("lee");
    assertThat(last.path("action").asText()).isEqualTo("override");
    assertThat(last.path("detail").asText()).contains("knows the buyer");

    assertThat(
            c.post(MANAGER, "/v1/leads/c1/unpin", "{\"reason\": \"back to the rules\"}").status())
        .isEqualTo(200);
    assertThat(c.get(MANAGER, "/v1/leads/c1").json().has("pinnedBy")).isFalse();
  }

  @Test
  void override_toARepNotOnTheRoster_is404_andNothingChanges() {
    c.post(MANAGER, "/v1/leads", lead("c1", "East", 1000));
    long before = events();

    Response r = c.post(MANAGER, "/v1/leads/c1/override", "{\"to\": \"zed\", \"reason\": \"try\"}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("error").path("message").asText()).contains("zed");
    assertThat(events()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ queries

  @Test
  void whoOwns_showsTheOwnerToAManager_andHidesAnotherRepsNameFromARep() {
    String withCompany =
        "{\"id\": \"c1\", \"region\": \"East\", \"industry\": \"retail\","
            + " \"attributes\": {\"company\": \"Acme Corp\"}}";
    String owner = c.post(MANAGER, "/v1/leads", withCompany).json().path("owner").asText();
    String probe =
        "{\"id\": \"probe\", \"region\": \"East\", \"industry\": \"retail\","
            + " \"attributes\": {\"company\": \"ACME Corp.\"}}";

    JsonNode manager = c.post(MANAGER, "/v1/who-owns", probe).json().path("matches").get(0);
    assertThat(manager.path("customer").asText()).isEqualTo("c1");
    assertThat(manager.path("owner").asText()).isEqualTo(owner);

    String other = owner.equals("ana") ? "ben" : "ana";
    JsonNode rep = c.post(token(other), "/v1/who-owns", probe).json().path("matches").get(0);
    assertThat(rep.has("owner")).isFalse();
    assertThat(rep.path("ownedByAnotherRep").asBoolean()).isTrue();

    JsonNode self = c.post(token(owner), "/v1/who-owns", probe).json().path("matches").get(0);
    assertThat(self.path("owner").asText()).isEqualTo(owner);
  }

  @Test
  void mayTake_givesEveryRuleThatSaysNo() {
    Response r =
        c.post(
            ANA,
            "/v1/may-take",
            "{\"candidate\": {\"id\": \"w9\", \"region\": \"West\", \"industry\": \"retail\"}}");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("allowed").asBoolean()).isFalse();
    assertThat(r.json().path("rules").get(0).path("rule").asText()).isEqualTo("region");

    Response east =
        c.post(
            MANAGER,
            "/v1/may-take",
            "{\"rep\": \"ben\", \"candidate\": {\"id\": \"e9\", \"region\": \"East\", \"industry\": \"retail\"}}");
    assertThat(east.json().path("allowed").asBoolean()).isTrue();
  }

  @Test
  void ledger_andReport_describeTheBookAsItStands() {
    for (int i = 0; i < 6; i++) {
      c.post(MANAGER, "/v1/leads", lead("e" + i, "East", 1000 * (i + 1)));
    }

    JsonNode ledger = c.get(ANA, "/v1/ledger").json();
    assertThat(ledger.path("reps")).hasSize(4);
    int received = 0;
    for (JsonNode line : ledger.path("reps")) {
      received += line.path("received").asInt();
      assertThat(line.path("holding").asInt()).isEqualTo(line.path("received").asInt());
    }
    assertThat(received).isEqualTo(6);

    JsonNode report = c.get(BEN, "/v1/report").json();
    assertThat(report.path("customers").asInt()).isEqualTo(6);
    assertThat(report.path("metrics").path("count").path("max").asDouble()).isEqualTo(2.0);
    assertThat(report.path("score").path("hard").asLong()).isZero();
    assertThat(report.has("outcomes")).isFalse();
  }

  // ------------------------------------------------------------------ roster and days

  @Test
  void roster_changesAreTheAdminsAndADepartureRedistributes() {
    for (int i = 0; i < 6; i++) {
      c.post(MANAGER, "/v1/leads", lead("e" + i, "East", 1000));
    }
    assertThat(c.post(MANAGER, "/v1/reps", Fixture.repRequest("eve", "East", 10)).status())
        .isEqualTo(403);

    Response gone = c.delete(ADMIN, "/v1/reps/cat", "{\"reason\": \"left the company\"}");
    assertThat(gone.status()).as(gone.text()).isEqualTo(200);
    assertThat(c.get(MANAGER, "/v1/reps/cat/customers").json()).isEmpty();
    assertThat(c.get(MANAGER, "/v1/pool").json()).isEmpty(); // redistributed to ana and ben

    Response leave =
        c.post(
            ADMIN,
            "/v1/reps/ben/availability",
            "{\"from\": \"2026-03-03\", \"until\": \"2026-03-10\", \"share\": 0, \"reason\": \"leave\"}");
    assertThat(leave.status()).as(leave.text()).isEqualTo(200);
    clock.advance(Duration.ofDays(1));
    assertThat(c.post(MANAGER, "/v1/book/start-day", null).status()).isEqualTo(200);
    assertThat(c.post(MANAGER, "/v1/leads", lead("e9", "East", 1000)).json().path("owner").asText())
        .isEqualTo("ana");
  }

  @Test
  void distribute_placesThePool() {
    c.post(MANAGER, "/v1/leads", lead("c1", "East", 1000));
    String owner = ownerOf("c1");
    c.post(token(owner), "/v1/leads/c1/release", null);

    Response r = c.post(MANAGER, "/v1/book/distribute", null);

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("events")).hasSize(1);
    assertThat(ownerOf("c1"))
        .isNotEqualTo(owner)
        .isNotNull(); // never back to the one who gave it up
  }

  // ------------------------------------------------------------------ allocations

  @Test
  void allocate_small_isAnsweredAtOnce_large_becomesAJobWithProgress() throws Exception {
    String problem =
        """
        {"reps": [{"id": "x", "regions": ["East"]}, {"id": "y", "regions": ["East"]}],
         "leads": [%s]}
        """;
    StringBuilder leads = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      leads.append(i == 0 ? "" : ",").append(lead("p" + i, "East", 100));
    }
    Response small = c.post(MANAGER, "/v1/allocations", problem.formatted(leads));
    assertThat(small.status()).as(small.text()).isEqualTo(200);
    assertThat(small.json().path("outcomes")).hasSize(4);

    for (int i = 4; i < 40; i++) {
      leads.append(",").append(lead("p" + i, "East", 100 + i));
    }
    Response job = c.post(MANAGER, "/v1/allocations?explain=true", problem.formatted(leads));
    assertThat(job.status()).as(job.text()).isEqualTo(202);
    String id = job.json().path("id").asText();
    JsonNode status = job.json();
    for (int i = 0; i < 600 && !status.path("status").asText().equals("done"); i++) {
      Thread.sleep(100);
      status = c.get(MANAGER, "/v1/jobs/" + id).json();
    }
    assertThat(status.path("status").asText()).isEqualTo("done");
    Response result = c.get(MANAGER, "/v1/jobs/" + id + "/result");
    assertThat(result.json().path("outcomes")).hasSize(40);
    assertThat(result.json().path("explanations")).isNotEmpty();
    assertThat(c.get(ANA, "/v1/jobs/" + id).status()).isEqualTo(403);
    assertThat(c.post(ANA, "/v1/allocations", problem.formatted(leads)).status()).isEqualTo(403);
  }

  // ------------------------------------------------------------------ errors

  @Test
  void badInput_isAnsweredInTheOneErrorShape_withDocumentPathAndRecord() {
    Response bad =
        c.post(MANAGER, "/v1/leads", "{\"id\": \"c7\", \"region\": \"East\", \"value\": -5}");
    assertThat(bad.status()).isEqualTo(400);
    JsonNode e = bad.json().path("error");
    assertThat(e.path("code").asText()).isEqualTo("invalid-input");
    assertThat(e.path("document").asText()).isEqualTo("lead");
    assertThat(e.path("path").asText()).isEqualTo("$.value");
    assertThat(e.path("record").asText()).isEqualTo("lead c7");

    Response malformed = c.post(MANAGER, "/v1/leads", "{\"id\": \"c7\",");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("malformed-json");
    assertThat(malformed.json().path("error").path("location").asText()).startsWith("line 1");

    Response unknown =
        c.post(
            MANAGER, "/v1/leads/c1/override", "{\"to\": \"ana\", \"reason\": \"x\", \"why\": 1}");
    assertThat(unknown.json().path("error").path("path").asText()).isEqualTo("$.why");

    assertThat(c.get(MANAGER, "/v1/leads/nobody").status()).isEqualTo(404);
    Response noRoute = c.get(MANAGER, "/v1/nothing-here");
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(noRoute.code()).isEqualTo("not-found");

    Response text = c.send("POST", "/v1/leads", MANAGER, lead("c8", "East", 1), "text/plain");
    assertThat(text.status()).isEqualTo(415);
    assertThat(c.get(null, "/v1/ledger").status()).isEqualTo(401);
    assertThat(c.get("not-a-token", "/v1/ledger").status()).isEqualTo(401);
    for (Response r : List.of(bad, malformed, unknown, noRoute, text)) {
      assertThat(r.contentType()).startsWith("application/json");
      assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  // ------------------------------------------------------------------ durability

  @Test
  void aRestartedService_replaysTheSameBook_andBothLogsVerify() {
    for (int i = 0; i < 5; i++) {
      c.post(MANAGER, "/v1/leads", lead("e" + i, "East", 1000));
    }
    String owner = ownerOf("e0");
    c.post(token(owner), "/v1/leads/e0/release", null);
    c.post(ANA, "/v1/leads/e1/override", "{\"to\": \"ana\", \"reason\": \"mine\"}"); // 403
    String eventsBefore = c.get(MANAGER, "/v1/book/events").text();
    String ledgerBefore = c.get(MANAGER, "/v1/ledger").text();
    int auditBefore = audit().size();

    restart();

    assertThat(c.get(MANAGER, "/v1/book/events").text()).isEqualTo(eventsBefore);
    assertThat(c.get(MANAGER, "/v1/ledger").text()).isEqualTo(ledgerBefore);
    assertThat(audit()).hasSize(auditBefore);
    JsonNode v = c.get(MANAGER, "/v1/audit/verify").json();
    assertThat(v.path("intact").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.path("memoryMatchesDatabase").asBoolean()).isTrue();
    assertThat(v.path("auditLines").asInt()).isEqualTo(auditBefore);
  }

  @Test
  void aServiceConfiguredWithAnotherPolicy_refusesToStartOnTheBook() {
    c.post(MANAGER, "/v1/leads", lead("e0", "East", 1000));
    service.close();
    String other =
        Fixture.configJson(config.database(), 5)
            .replace(
                "\"syncLimit\"",
                "\"policy\": {\"weights\": {\"count-balance\": 3}}, \"syncLimit\"");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FairleadService.start(ServiceConfig.read(other), clock))
        .hasMessageContaining("another policy");
    service = FairleadService.start(config, clock);
  }
}
