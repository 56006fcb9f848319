package io.fairlead.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.core.fuzz.Corpus;
import io.fairlead.core.fuzz.Document;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.service.Fixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's fuzz corpus ({@code core/src/test/resources/fuzz/corpus}) replayed over HTTP (issue
 * #11): each input sent to the endpoint that reads its document, with a token that may. A problem
 * goes to {@code POST /v1/allocations}; each element of a leads array to {@code POST /v1/leads};
 * each element of a reps array to {@code POST /v1/reps} as {@code {"rep": ..., "reason": ...}}.
 * Policies, allocations, router states and books have no endpoint that reads them: they are skipped
 * and counted.
 *
 * <p>The service must give the library's verdict: what the index records as accepted is answered
 * 2xx (a rep already on the roster: 409), what it records as rejected is answered 400 with the
 * recorded JSON path in the error's {@code path} (malformed JSON: code {@code malformed-json} and a
 * {@code location}); an element of an array not named by the index gets the verdict the library
 * gives it on its own. Every answer passes {@link HttpOracle}, and at the end the service is up and
 * its logs verify.
 */
class CorpusOverHttpTest {

  private static final Set<Integer> STATUSES = Set.of(200, 201, 400, 409);

  @TempDir static Path dir;
  private static FuzzService service;
  private static FuzzClient client;
  private static final Map<Document, int[]> COUNTS = new EnumMap<>(Document.class);

  @BeforeAll
  static void start() {
    service = FuzzService.start(dir, 30);
    client = new FuzzClient(service.port());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** A request made of a corpus input, and the verdict the service must give. */
  private record Replay(
      String name, String path, String token, String body, boolean accepted, String where) {}

  @TestFactory
  Stream<DynamicTest> corpus_overHttp_getsTheLibrarysVerdict() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.Entry e : Corpus.entries()) {
      List<Replay> replays = replays(e);
      COUNTS.computeIfAbsent(e.document(), d -> new int[2])[replays.isEmpty() ? 1 : 0]++;
      for (Replay r : replays) {
        tests.add(DynamicTest.dynamicTest(r.name(), () -> replay(r)));
      }
    }
    tests.add(DynamicTest.dynamicTest("the service is up and its logs verify", this::alive));
    tests.add(DynamicTest.dynamicTest("what was replayed and what skipped", this::counts));
    return tests.stream();
  }

  private static List<Replay> replays(Corpus.Entry e) {
    String json = e.json();
    return switch (e.document()) {
      case PROBLEM ->
          List.of(
              new Replay(
                  e.file(), "/v1/allocations", Fixture.MANAGER, json, e.accepted(), e.where()));
      case LEADS -> elements(e, "/v1/leads", Fixture.MANAGER, "lead", body -> body);
      case REPS ->
          elements(
              e,
              "/v1/reps",
              Fixture.ADMIN,
              "rep",
              body -> "{\"rep\": " + body + ", \"reason\": \"corpus\"}");
      case POLICY, ALLOCATION, ROUTER, BOOK -> List.of(); // no endpoint reads them
    };
  }

  /**
   * One request per element of an array document. The element the index names ({@code $[k]...})
   * gets the recorded verdict, at the path after {@code $[k]}; the others the library's verdict on
   * them alone.
   */
  private static List<Replay> elements(
      Corpus.Entry e,
      String path,
      String token,
      String record,
      java.util.function.UnaryOperator<String> wrap) {
    String base = record.equals("rep") ? "$.rep" : "$";
    var elements = JsonText.elements(e.json());
    if (elements.isEmpty()) { // not an array: as it is, and refused
      return List.of(new Replay(e.file(), path, token, wrap.apply(e.json()), false, "line"));
    }
    var m = Pattern.compile("\\$\\[(\\d+)](.*)").matcher(e.accepted() ? "" : e.where());
    int named = m.matches() ? Integer.parseInt(m.group(1)) : -1;
    List<Replay> out = new ArrayList<>();
    for (int k = 0; k < elements.get().size(); k++) {
      String element = elements.get().get(k);
      String name = e.file() + " [" + k + "]";
      if (k == named) {
        out.add(new Replay(name, path, token, wrap.apply(element), false, base + m.group(2)));
      } else {
        String where = libraryRejects(record, element, base);
        out.add(new Replay(name, path, token, wrap.apply(element), where == null, where));
      }
    }
    return out;
  }

  /** The path at which the library refuses a lead or rep on its own, or null if it reads it. */
  private static String libraryRejects(String record, String json, String base) {
    try {
      if (record.equals("rep")) {
        FairleadJson.readRep(json, "rep request", base);
      } else {
        FairleadJson.readLead(json, "lead", base);
      }
      return null;
    } catch (io.fairlead.core.json.JsonInputException x) {
      return x.location().isPresent() ? "line" : x.path();
    }
  }

  private void replay(Replay r) {
    String body = r.body();
    Answer a = client.send("POST", r.path(), r.token(), body.getBytes(StandardCharsets.UTF_8));
    JsonNode json = HttpOracle.check(a, body, STATUSES);
    if (r.accepted()) {
      assertThat(a.status())
          .as("recorded as accepted: %s", HttpOracle.shorten(a.text()))
          .isIn(r.path().equals("/v1/reps") ? Set.of(201, 409) : Set.of(200, 201));
      return;
    }
    assertThat(a.status()).as("recorded as rejected at %s", r.where()).isEqualTo(400);
    JsonNode error = json.path("error");
    if (r.where().equals("line")) {
      assertThat(error.path("code").asText()).as(a.text()).isEqualTo("malformed-json");
      assertThat(error.path("location").asText()).as(a.text()).matches("line \\d+ column \\d+");
    } else {
      assertThat(error.path("path").asText())
          .as("the path of %s", a.text())
          .matches(Pattern.quote(r.where()) + "([.\\[].*)?");
    }
  }

  private void alive() {
    Answer health = client.send("GET", "/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    Answer verify = client.send("GET", "/v1/audit/verify", Fixture.MANAGER, null);
    assertThat(HttpOracle.check(verify, "", Set.of(200)).path("intact").asBoolean())
        .as(verify.text())
        .isTrue();
  }

  /** Every document with an endpoint was replayed; the others are counted as skipped. */
  private void counts() {
    StringBuilder b = new StringBuilder("library corpus over HTTP:");
    COUNTS.forEach(
        (d, n) -> b.append(String.format(" %s %d replayed, %d skipped;", d.id(), n[0], n[1])));
    System.out.println(b);
    COUNTS.forEach(
        (d, n) -> {
          boolean hasEndpoint = Set.of(Document.PROBLEM, Document.LEADS, Document.REPS).contains(d);
          assertThat(hasEndpoint ? n[1] : n[0]).as(d + ": " + b).isZero();
        });
    assertThat(COUNTS.get(Document.PROBLEM)[0]).as(b.toString()).isPositive();
  }
}
