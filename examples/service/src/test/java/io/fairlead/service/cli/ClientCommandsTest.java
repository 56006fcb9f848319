package io.fairlead.service.cli;

import static io.fairlead.service.Fixture.ANA;
import static io.fairlead.service.Fixture.BEN;
import static io.fairlead.service.Fixture.CAT;
import static io.fairlead.service.Fixture.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairlead.service.Client;
import io.fairlead.service.Databases;
import io.fairlead.service.FairleadService;
import io.fairlead.service.Fixture;
import io.fairlead.service.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands against a real service started in the test (H2 in a file, the fixture's team
 * and tokens). Each test uses leads of its own, so the order of the tests does not matter.
 */
class ClientCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TOKEN_OF = Map.of("ana", ANA, "ben", BEN, "cat", CAT);

  @TempDir static Path dir;

  private static FairleadService service;
  private static Client http;
  private static String url;

  @BeforeAll
  static void start() {
    service =
        FairleadService.start(
            Fixture.config(Databases.h2(dir.resolve("db")), 5), new TestClock(Fixture.DAY));
    http = new Client(service.port());
    url = "http://127.0.0.1:" + service.port();
    Fixture.team(http);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** A client command as the holder of {@code token}, against the test's service. */
  private static Cli.Result as(String token, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--url=" + url);
    all.add("--token=" + token);
    return Cli.run(all.toArray(String[]::new));
  }

  private static JsonNode json(Cli.Result r) {
    assertThat(r.code()).as(r.toString()).isZero();
    try {
      return JSON.readTree(r.out());
    } catch (IOException e) {
      throw new UncheckedIOException(r.toString(), e);
    }
  }

  private static Path leadFile(String id, String region, double value) {
    try {
      return Files.writeString(dir.resolve(id + ".json"), Fixture.lead(id, region, value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Routes a lead as the manager and returns its owner. */
  private static String routed(String id) {
    JsonNode d = json(as(MANAGER, "route", leadFile(id, "East", 1000).toString()));
    assertThat(d.path("outcome").asText()).isEqualTo("added");
    return d.path("owner").asText();
  }

  private static String ownerOf(String id) {
    return http.get(MANAGER, "/v1/leads/" + id).json().path("owner").asText(null);
  }

  /** The first cells of the rows of the table headed by a line starting with {@code header}. */
  private static List<String> firstColumn(String text, String header) {
    List<String> lines = text.lines().toList();
    int h = 0;
    while (h < lines.size() && !lines.get(h).startsWith(header)) {
      h++;
    }
    assertThat(h).as("a table headed '%s' in:%n%s", header, text).isLessThan(lines.size());
    List<String> cells = new ArrayList<>();
    for (int i = h + 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
      cells.add(lines.get(i).split("  ")[0].strip());
    }
    return cells;
  }

  // ------------------------------------------------------------------ route

  @Test
  void route_asManager_placesTheLead_andPrintsTheServicesJson() {
    JsonNode d = json(as(MANAGER, "route", leadFile("r1", "East", 1000).toString()));

    assertThat(d.path("lead").asText()).isEqualTo("r1");
    assertThat(d.path("outcome").asText()).isEqualTo("added");
    assertThat(d.path("owner").asText()).isIn("ana", "ben", "cat");
    assertThat(ownerOf("r1")).isEqualTo(d.path("owner").asText());
  }

  @Test
  void route_withTable_printsWhereTheLeadWent() {
    Cli.Result r = as(MANAGER, "route", leadFile("r2", "West", 500).toString(), "--table");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(firstColumn(r.out(), "lead ")).containsExactly("r2");
    assertThat(r.out().lines().filter(l -> l.startsWith("r2 ")).findFirst().orElseThrow())
        .contains(" added ")
        .contains(" dan ");
  }

  @Test
  void route_asARep_isRefusedForItsRole_exitsWith1() {
    Cli.Result r = as(ANA, "route", leadFile("r3", "East", 1000).toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: 403 forbidden: a rep may not route leads; it takes the manager role"
                + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(http.get(MANAGER, "/v1/leads/r3").status()).isEqualTo(404);
  }

  @Test
  void route_aLeadTheServiceRefuses_printsItsMessageWithThePath() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad-lead.json"), "{\"id\": \"r4\", \"region\": \"East\", \"value\": -5}");

    Cli.Result r = as(MANAGER, "route", bad.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: 400 invalid-input: lead JSON at $.value: lead r4: value must be");
  }

  @Test
  void route_aFileThatDoesNotExist_isBadUsage_andSendsNothing() {
    Cli.Result r = as(MANAGER, "route", dir.resolve("none.json").toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: LEAD.json: no such file");
  }

  // ------------------------------------------------------------------ the pool

  @Test
  void release_pool_claim_reclaim_override_moveACustomerThroughThePool() {
    String first = routed("p1");
    String other = first.equals("ana") ? "ben" : "ana";

    JsonNode released =
        json(as(TOKEN_OF.get(first), "release", "p1", "--reason", "too far to drive"));
    Cli.Result pool = as(MANAGER, "pool", "--table");
    JsonNode claimed = json(as(TOKEN_OF.get(other), "claim", "p1"));
    String claimedBy = ownerOf("p1");
    JsonNode reclaimed = json(as(MANAGER, "reclaim", "p1", "--reason", "no follow-up"));
    boolean pooledAfterReclaim = ownerOf("p1") == null;
    JsonNode overridden = json(as(MANAGER, "override", "p1", "--to=cat", "--reason=key account"));

    assertThat(released.path("action").asText()).isEqualTo("release");
    assertThat(released.path("reason").asText()).isEqualTo("too far to drive");
    assertThat(pool.code()).as(pool.toString()).isZero();
    assertThat(firstColumn(pool.out(), "customer ")).contains("p1");
    assertThat(claimed.path("action").asText()).isEqualTo("claim");
    assertThat(claimedBy).isEqualTo(other);
    assertThat(reclaimed.path("reason").asText()).contains("no follow-up");
    assertThat(pooledAfterReclaim).isTrue();
    assertThat(overridden.path("action").asText()).isEqualTo("override");
    assertThat(ownerOf("p1")).isEqualTo("cat");
  }

  @Test
  void claim_ofAnotherRepsCustomer_isRefusedWithTheRule() {
    String owner = routed("q1");
    String other = owner.equals("ana") ? "ben" : "ana";

    Cli.Result r = as(TOKEN_OF.get(other), "claim", "q1");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: 409 rule-violation: " + other + " may not claim q1");
    assertThat(r.err()).contains(System.lineSeparator() + "  rule ");
    assertThat(ownerOf("q1")).isEqualTo(owner);
  }

  @Test
  void reclaim_withoutAReason_isBadUsage() {
    Cli.Result r = as(MANAGER, "reclaim", "q2");

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--reason=TEXT'");
  }

  @Test
  void release_withABlankReason_isBadUsage() {
    Cli.Result r = as(MANAGER, "release", "q3", "--reason= ");

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: --reason: must not be blank");
  }

  // ------------------------------------------------------------------ questions

  @Test
  void whoOwns_findsTheCustomerOfTheSameCompany_andHidesAnotherRepsName() throws IOException {
    Path acme =
        Files.writeString(
            dir.resolve("w1.json"),
            """
            {"id": "w1", "region": "East", "industry": "retail",
             "attributes": {"company": "Wayne Enterprises"}}
            """);
    Path probe =
        Files.writeString(
            dir.resolve("w2.json"),
            """
            {"id": "w2", "region": "East", "industry": "retail",
             "attributes": {"company": "WAYNE ENTERPRISES, Inc."}}
            """);
    String owner = json(as(MANAGER, "route", acme.toString())).path("owner").asText();
    String other = owner.equals("ana") ? "ben" : "ana";

    JsonNode manager = json(as(MANAGER, "who-owns", probe.toString())).path("matches");
    JsonNode rep = json(as(TOKEN_OF.get(other), "who-owns", probe.toString())).path("matches");

    assertThat(manager).hasSize(1);
    assertThat(manager.get(0).path("customer").asText()).isEqualTo("w1");
    assertThat(manager.get(0).path("owner").asText()).isEqualTo(owner);
    assertThat(rep).hasSize(1);
    assertThat(rep.get(0).has("owner")).isFalse();
    assertThat(rep.get(0).path("ownedByAnotherRep").asBoolean()).isTrue();
  }

  @Test
  void mayTake_answersForARep_aRepAsksForItselfOnly() {
    routed("m1");

    JsonNode west =
        json(
            as(
                MANAGER,
                "may-take",
                "--rep",
                "dan",
                "--candidate",
                leadFile("m0", "East", 800).toString()));
    JsonNode mine = json(as(ANA, "may-take", "--lead", "m1"));
    Cli.Result forBen = as(ANA, "may-take", "--rep", "ben", "--lead", "m1");

    assertThat(west.path("rep").asText()).isEqualTo("dan");
    assertThat(west.path("lead").asText()).isEqualTo("m0");
    assertThat(west.path("allowed").asBoolean()).isFalse();
    assertThat(west.path("rules").findValuesAsText("rule")).contains("region");
    assertThat(mine.path("rep").asText()).isEqualTo("ana");
    assertThat(mine.path("lead").asText()).isEqualTo("m1");
    assertThat(mine.has("allowed")).isTrue();
    assertThat(forBen.code()).as(forBen.toString()).isEqualTo(1);
    assertThat(forBen.err()).startsWith("error: 403 forbidden: a rep asks whether it may take");
  }

  @Test
  void mayTake_takesEitherALeadOrACandidate() throws IOException {
    Path candidate = leadFile("m3", "East", 800);

    Cli.Result both = as(MANAGER, "may-take", "--lead", "m1", "--candidate", candidate.toString());
    Cli.Result neither = as(MANAGER, "may-take", "--rep", "ana");
    Cli.Result malformed =
        as(
            MANAGER,
            "may-take",
            "--rep=ana",
            "--candidate",
            Files.writeString(dir.resolve("m4.json"), "{\"id\": ").toString());

    assertThat(both.code()).as(both.toString()).isEqualTo(2);
    assertThat(both.err())
        .contains("--lead")
        .contains("--candidate")
        .contains("mutually exclusive");
    assertThat(neither.code()).as(neither.toString()).isEqualTo(2);
    assertThat(neither.err()).contains("Missing required argument");
    assertThat(malformed.code()).as(malformed.toString()).isEqualTo(1);
    assertThat(malformed.err()).startsWith("error: " + dir.resolve("m4.json") + ": malformed JSON");
  }

  // ------------------------------------------------------------------ the book

  @Test
  void ledger_andReport_asTables_listEveryRepOnce() {
    Cli.Result ledger = as(MANAGER, "ledger", "--table");
    Cli.Result report = as(MANAGER, "report", "--table");

    assertThat(ledger.code()).as(ledger.toString()).isZero();
    assertThat(ledger.out()).startsWith("day " + Fixture.DAY);
    assertThat(firstColumn(ledger.out(), "rep ")).containsExactly("ana", "ben", "cat", "dan");
    assertThat(report.code()).as(report.toString()).isZero();
    assertThat(firstColumn(report.out(), "rep ")).containsExactly("ana", "ben", "cat", "dan");
    assertThat(firstColumn(report.out(), "book on "))
        .contains("customers", "held", "score", "count gini");
  }

  @Test
  void ledger_asJson_isTheServicesAnswer() {
    JsonNode cli = json(as(MANAGER, "ledger"));

    assertThat(cli).isEqualTo(http.get(MANAGER, "/v1/ledger").json());
  }

  @Test
  void audit_isAManagersRead_andAfterSkipsLines() {
    JsonNode all = json(as(MANAGER, "audit"));
    long firstId = all.path("entries").get(0).path("id").asLong();
    JsonNode later = json(as(MANAGER, "audit", "--after", String.valueOf(firstId)));
    Cli.Result rep = as(BEN, "audit");
    Cli.Result bad = as(MANAGER, "audit", "--after=-1");

    assertThat(all.path("entries").size()).isGreaterThan(1);
    assertThat(later.path("entries").get(0).path("id").asLong()).isEqualTo(firstId + 1);
    assertThat(rep.code()).as(rep.toString()).isEqualTo(1);
    assertThat(rep.err()).startsWith("error: 403 forbidden: a rep may not read the audit log");
    assertThat(bad.code()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: --after: must be at least 0, was -1");
  }

  @Test
  void verify_saysTheLogsAreIntact() {
    JsonNode v = json(as(MANAGER, "verify"));

    assertThat(v.path("intact").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.path("bookEvents").asLong()).isPositive();
  }

  // ------------------------------------------------------------------ tokens and the service

  @Test
  void anUnknownToken_isRefusedBy401_withAHint() {
    Cli.Result r = as("not-a-known-token", "ledger");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: 401 unauthorized: the token is not known");
    assertThat(r.err()).contains("FAIRLEAD_TOKEN");
  }

  @Test
  void anEmptyToken_isBadUsage_andTheHelpNamesTheVariable() {
    Cli.Result r = Cli.run("ledger", "--url=" + url, "--token=");
    Cli.Result help = Cli.run("ledger", "--help");

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: --token: no token given");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("FAIRLEAD_TOKEN");
  }

  @Test
  void aServiceThatDoesNotAnswer_isNamedByItsUrl_exitsWith1() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    Cli.Result r = Cli.run("ledger", "--url=http://127.0.0.1:" + port, "--token=" + MANAGER);

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: cannot reach the fairlead service at http://127.0.0.1:" + port);
  }

  @Test
  void aUrlThatIsNotHttp_isBadUsage() {
    Cli.Result r = Cli.run("pool", "--url=ftp://example.org", "--token=" + MANAGER);

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --url: expected the service's URL such as http://127.0.0.1:7070, was"
                + " 'ftp://example.org'");
  }
}
