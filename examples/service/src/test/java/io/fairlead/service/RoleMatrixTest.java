package io.fairlead.service;

import static io.fairlead.service.Fixture.ADMIN;
import static io.fairlead.service.Fixture.ANA;
import static io.fairlead.service.Fixture.BEN;
import static io.fairlead.service.Fixture.MANAGER;
import static io.fairlead.service.Fixture.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.service.Client.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every action a role may not take, tried: each is answered 403 in the error shape, changes nothing
 * in the book, and adds exactly one line to the audit log naming the caller and the refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

  @TempDir static Path dir;

  FairleadService service;
  Client c;
  String anasCustomer;
  String bensCustomer;

  /** A forbidden request: who, what, and the actor the audit log must name. */
  record Forbidden(
      String who, String token, String actor, String method, String path, String body) {}

  @BeforeAll
  void start() {
    service =
        FairleadService.start(Fixture.config(Databases.h2(dir), 5), new TestClock(Fixture.DAY));
    c = new Client(service.port());
    Fixture.team(c);
    for (int i = 0; i < 6; i++) {
      c.post(MANAGER, "/v1/leads", lead("e" + i, "East", 1000));
    }
    anasCustomer = c.get(ANA, "/v1/reps/ana/customers").json().get(0).path("id").asText();
    bensCustomer = c.get(BEN, "/v1/reps/ben/customers").json().get(0).path("id").asText();
  }

  @AfterAll
  void stop() {
    service.close();
  }

  private List<Forbidden> matrix() {
    String rep = "{\"rep\": {\"id\": \"eve\", \"regions\": [\"East\"]}, \"reason\": \"joins\"}";
    String ben = "{\"rep\": {\"id\": \"ben\", \"regions\": [\"East\", \"West\"]}}";
    String leave = "{\"from\": \"2026-03-03\", \"until\": \"2026-03-04\", \"share\": 0}";
    String override = "{\"to\": \"ana\", \"reason\": \"I want it\"}";
    String problem =
        "{\"reps\": [{\"id\": \"x\"}], \"leads\": [{\"id\": \"p\", \"region\": \"East\"}]}";
    return List.of(
        // a rep
        new Forbidden("rep", ANA, "ana", "POST", "/v1/leads", lead("new1", "East", 1)),
        new Forbidden(
            "rep", ANA, "ana", "POST", "/v1/leads/" + bensCustomer + "/override", override),
        new Forbidden(
            "rep", ANA, "ana", "POST", "/v1/leads/" + anasCustomer + "/override", override),
        new Forbidden(
            "rep",
            ANA,
            "ana",
            "POST",
            "/v1/leads/" + bensCustomer + "/reclaim",
            "{\"reason\": \"x\"}"),
        new Forbidden("rep", ANA, "ana", "POST", "/v1/leads/" + bensCustomer + "/release", null),
        new Forbidden(
            "rep",
            ANA,
            "ana",
            "POST",
            "/v1/leads/" + bensCustomer + "/unpin",
            "{\"reason\": \"x\"}"),
        new Forbidden(
            "rep",
            ANA,
            "ana",
            "POST",
            "/v1/leads/" + bensCustomer + "/touch",
            "{\"activity\": \"deal\"}"),
        new Forbidden("rep", ANA, "ana", "GET", "/v1/leads/" + bensCustomer, null),
        new Forbidden("rep", ANA, "ana", "GET", "/v1/reps/ben/customers", null),
        new Forbidden(
            "rep",
            ANA,
            "ana",
            "POST",
            "/v1/may-take",
            "{\"rep\": \"ben\", \"lead\": \"" + bensCustomer + "\"}"),
        new Forbidden("rep", ANA, "ana", "POST", "/v1/reps", rep),
        new Forbidden("rep", ANA, "ana", "PUT", "/v1/reps/ben", ben),
        new Forbidden("rep", ANA, "ana", "DELETE", "/v1/reps/ben", null),
        new Forbidden("rep", ANA, "ana", "POST", "/v1/reps/ben/availability", leave),
        new Forbidden("rep", ANA, "ana", "POST", "/v1/book/distribute", null),
        new Forbidden("rep", ANA, "ana", "POST", "/v1/book/start-day", null),
        new Forbidden("rep", ANA, "ana", "GET", "/v1/book/events", null),
        new Forbidden("rep", ANA, "ana", "GET", "/v1/audit", null),
        new Forbidden("rep", ANA, "ana", "GET", "/v1/audit/verify", null),
        new Forbidden("rep", ANA, "ana", "POST", "/v1/allocations", problem),
        // a manager: no roster changes; claims are a rep's own
        new Forbidden("manager", MANAGER, "lee", "POST", "/v1/reps", rep),
        new Forbidden("manager", MANAGER, "lee", "PUT", "/v1/reps/ben", ben),
        new Forbidden("manager", MANAGER, "lee", "DELETE", "/v1/reps/ben", null),
        new Forbidden("manager", MANAGER, "lee", "POST", "/v1/reps/ben/availability", leave),
        new Forbidden(
            "manager", MANAGER, "lee", "POST", "/v1/leads/" + bensCustomer + "/claim", null),
        // an admin claims for nobody either
        new Forbidden(
            "admin", ADMIN, "root", "POST", "/v1/leads/" + bensCustomer + "/claim", null));
  }

  @TestFactory
  Stream<DynamicTest> everyForbiddenAction_is403_changesNothing_andIsAuditedWithItsActor() {
    return matrix().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.who() + " " + f.method() + " " + f.path(),
                    () -> {
                      String events = c.get(MANAGER, "/v1/book/events").text();
                      String ledger = c.get(MANAGER, "/v1/ledger").text();
                      JsonNode auditBefore = c.get(MANAGER, "/v1/audit").json().path("entries");

                      Response r =
                          c.send(
                              f.method(),
                              f.path(),
                              f.token(),
                              f.body(),
                              f.body() == null ? null : "application/json");

                      assertThat(r.status()).as(r.text()).isEqualTo(403);
                      assertThat(r.code()).isEqualTo("forbidden");
                      assertThat(r.json().path("error").path("message").asText()).isNotBlank();
                      assertThat(c.get(MANAGER, "/v1/book/events").text()).isEqualTo(events);
                      assertThat(c.get(MANAGER, "/v1/ledger").text()).isEqualTo(ledger);
                      JsonNode after = c.get(MANAGER, "/v1/audit").json().path("entries");
                      assertThat(after.size()).isEqualTo(auditBefore.size() + 1);
                      JsonNode line = after.get(after.size() - 1);
                      assertThat(line.path("actor").asText()).isEqualTo(f.actor());
                      assertThat(line.path("role").asText()).isEqualTo(f.who());
                      assertThat(line.path("outcome").asText()).isEqualTo("refused");
                      assertThat(line.path("status").asInt()).isEqualTo(403);
                      assertThat(line.has("firstEvent")).isFalse();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theSameActions_byARoleThatMay_areNotRefused() {
    return Stream.of(
            new Forbidden("manager", MANAGER, "lee", "GET", "/v1/leads/" + bensCustomer, null),
            new Forbidden("rep", BEN, "ben", "GET", "/v1/leads/" + bensCustomer, null),
            new Forbidden("rep", BEN, "ben", "GET", "/v1/reps/ben/customers", null),
            new Forbidden("manager", MANAGER, "lee", "GET", "/v1/audit/verify", null),
            new Forbidden(
                "admin",
                ADMIN,
                "root",
                "POST",
                "/v1/reps/ben/availability",
                "{\"from\": \"2026-04-01\", \"until\": \"2026-04-02\", \"share\": 1}"))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.who() + " " + f.method() + " " + f.path(),
                    () -> {
                      Response r =
                          c.send(
                              f.method(),
                              f.path(),
                              f.token(),
                              f.body(),
                              f.body() == null ? null : "application/json");
                      assertThat(r.status()).as(r.text()).isEqualTo(200);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> withoutAValidToken_everyV1Route_is401_andWritesNothing() {
    return Stream.of(null, "", "wrong-token-123")
        .map(
            token ->
                DynamicTest.dynamicTest(
                    "token " + token,
                    () -> {
                      int before = c.get(MANAGER, "/v1/audit").json().path("entries").size();
                      for (String[] call :
                          new String[][] {
                            {"GET", "/v1/ledger"}, {"POST", "/v1/leads"}, {"GET", "/v1/audit"}
                          }) {
                        Response r = c.send(call[0], call[1], token, null, null);
                        assertThat(r.status()).isEqualTo(401);
                        assertThat(r.code()).isEqualTo("unauthorized");
                      }
                      assertThat(c.get(MANAGER, "/v1/audit").json().path("entries").size())
                          .isEqualTo(before);
                    }));
  }
}
