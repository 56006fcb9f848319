package io.fairlead.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.service.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP-level corpus ({@link HttpCases}, issue #11) replayed byte for byte over a socket against
 * a service with a 64 KiB body limit and a 1 s idle timeout: wrong content types, bodies over the
 * limit, chunked bodies, slow clients, unknown routes and methods, odd path ids and query
 * parameters, bad tokens, requests Jetty refuses itself, and JSON at its extremes. Each gets its
 * exact status and error code, passes {@link HttpOracle}, and when its client stalls, the service
 * answers another client meanwhile and then closes the stalled connection. At the end the service
 * is up and its logs verify.
 */
class HttpCasesTest {

  /** A hang guard for each read: the idle timeout is 1 s, so this is generous. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  @TempDir static Path dir;
  private static FuzzService service;

  @BeforeAll
  static void start() {
    service = FuzzService.start(dir, FuzzService.IDLE_SECONDS);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> cases_overASocket_getTheirExactStatusAndCode() {
    List<DynamicTest> tests = new ArrayList<>();
    for (HttpCases.Case c : HttpCases.cases()) {
      tests.add(DynamicTest.dynamicTest(c.file(), () -> replay(c)));
    }
    tests.add(DynamicTest.dynamicTest("the service is up and its logs verify", this::alive));
    return tests.stream();
  }

  private void replay(HttpCases.Case c) {
    HttpCases.Request request = c.request();
    String sent = new String(request.bytes(), StandardCharsets.UTF_8);
    try (RawHttp http = new RawHttp(service.port(), GUARD)) {
      http.send(request.sent());
      if (request.stalls()) {
        try (RawHttp other = new RawHttp(service.port(), GUARD)) {
          Answer health = other.send(health()).read();
          assertThat(health).as("another client, while this one stalls").isNotNull();
          assertThat(health.status()).as("another client, while this one stalls").isEqualTo(200);
        }
      }
      Answer a = http.read();
      if (c.status() == HttpCases.CLOSED) {
        assertThat(a).as("no answer: the connection is closed").isNull();
        return;
      }
      assertThat(a).as("an answer, not a closed connection").isNotNull();
      JsonNode json = HttpOracle.check(a, sent, Set.of(c.status()));
      assertThat(json.path("error").path("code").asText("-")).as(a.text()).isEqualTo(c.code());
      if (request.stalls()) {
        assertThat(http.closedByServer()).as("the stalled connection is closed").isTrue();
      }
    }
  }

  private static byte[] health() {
    return "GET /health HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  private void alive() {
    Answer health = new FuzzClient(service.port()).send("GET", "/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    Answer verify =
        new FuzzClient(service.port()).send("GET", "/v1/audit/verify", Fixture.MANAGER, null);
    assertThat(HttpOracle.check(verify, "", Set.of(200)).path("intact").asBoolean())
        .as(verify.text())
        .isTrue();
  }

  @Test
  void aRefusal_namesAFieldWithALoneSurrogate_asSent() {
    // found by the mutation fuzz: the path came back as $.?, a field the client did not send
    HttpCases.Request r =
        HttpCases.request(
            HttpCases.resource("json-lone-surrogate-escape-in-an-unknown-field.http"));
    try (RawHttp http = new RawHttp(service.port(), GUARD)) {
      Answer a = http.send(r.bytes()).read();
      assertThat(a.text()).contains("\"path\":\"$.\\uD800\"");
      assertThat(HttpOracle.check(a, "", Set.of(400)).path("error").path("path").asText())
          .isEqualTo("$.\uD800");
    }
  }

  @Test
  void index_namesEveryFileOnce() throws IOException {
    List<String> indexed = HttpCases.cases().stream().map(HttpCases.Case::file).toList();
    try (Stream<Path> files = Files.list(Path.of(HttpCases.DIRECTORY))) {
      List<String> present =
          files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).toList();
      assertThat(indexed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
    }
  }

  @Test
  void request_placeholders_areReplaced() {
    HttpCases.Request r =
        HttpCases.request(
            "POST /x HTTP/1.1\nA: {{ana}}\nContent-Length: {{length}}\n\n"
                + "{{bytes:ff 00}}{{repeat:3:ab}}{{stall}}{{pad-to:12}}");
    String head = "POST /x HTTP/1.1\r\nA: " + Fixture.ANA + "\r\nContent-Length: 12\r\n\r\n";
    byte[] expected = new byte[head.length() + 12];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, expected, 0, head.length());
    expected[head.length()] = (byte) 0xff;
    byte[] rest = "ababab    ".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(rest, 0, expected, head.length() + 2, rest.length);
    assertThat(r.bytes()).isEqualTo(expected);
    assertThat(r.stallAt()).isEqualTo(head.length() + 8);
  }
}
