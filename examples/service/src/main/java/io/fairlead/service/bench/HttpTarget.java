package io.fairlead.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.json.FairleadJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running service over HTTP on loopback (the JDK's client, HTTP/1.1 with keep-alive): the load's
 * requests, and the reads that {@link Invariants} checks (the book's log, the audit log, the
 * ledger, each rep's customers, the pool, the verification). A request that gets no answer throws
 * {@link UncheckedIOException}.
 */
public final class HttpTarget implements Workload.Target {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int PAGE = 10_000;

  private final HttpClient http;
  private final String base;

  /** The service listening on {@code 127.0.0.1:port}. */
  public HttpTarget(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** An answer: its status and its body as JSON (null if none). */
  public record Response(int status, JsonNode json, String text) {}

  /** Sends a request with a token and an optional JSON body. */
  public Response send(String method, String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
      return new Response(r.statusCode(), json, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + ": interrupted", e);
    }
  }

  private Response get(String path) {
    Response r = send("GET", path, Workload.MANAGER, null);
    if (r.status() != 200) {
      throw new IllegalStateException("GET " + path + ": " + r.status() + " " + r.text());
    }
    return r;
  }

  // ------------------------------------------------------------------ the load

  @Override
  public Workload.Answer addRep(String repRequestJson) {
    return answer(send("POST", "/v1/reps", Workload.ADMIN, repRequestJson), null);
  }

  @Override
  public Workload.Answer route(Workload.LeadSpec lead) {
    return answer(send("POST", "/v1/leads", Workload.MANAGER, lead.json()), null);
  }

  @Override
  public Workload.Answer claim(int rep, String lead) {
    Response r = send("POST", "/v1/leads/" + lead + "/claim", Workload.repToken(rep), null);
    return answer(r, Workload.repId(rep));
  }

  @Override
  public Workload.Answer release(int rep, String lead) {
    Response r = send("POST", "/v1/leads/" + lead + "/release", Workload.repToken(rep), null);
    return answer(r, null);
  }

  private static Workload.Answer answer(Response r, String claimant) {
    JsonNode j = r.json() == null ? MAPPER.createObjectNode() : r.json();
    List<String> rules = new ArrayList<>();
    j.path("error").path("rules").forEach(x -> rules.add(x.path("rule").asText()));
    long[] events = new long[j.path("events").size()];
    for (int i = 0; i < events.length; i++) {
      events[i] = j.path("events").get(i).asLong();
    }
    String owner = j.has("owner") ? j.path("owner").asText(null) : claimant;
    String reason =
        j.has("error") ? j.path("error").path("message").asText() : j.path("reason").asText(null);
    return new Workload.Answer(
        r.status(),
        j.has("outcome") ? j.path("outcome").asText() : null,
        r.status() / 100 == 2 ? owner : null,
        events,
        reason,
        rules);
  }

  // ------------------------------------------------------------------ reads

  /** The book's log as the service gives it, each event's JSON as it came, in order. */
  public List<String> eventsJson() {
    List<String> out = new ArrayList<>();
    while (true) {
      JsonNode page = get("/v1/book/events?after=" + out.size() + "&limit=" + PAGE).json();
      page.path("events").forEach(e -> out.add(e.toString()));
      if (page.path("events").size() < PAGE) {
        return out;
      }
    }
  }

  /** The audit log, every line. */
  public List<Invariants.AuditLine> audit() {
    List<Invariants.AuditLine> out = new ArrayList<>();
    while (true) {
      JsonNode page = get("/v1/audit?after=" + out.size() + "&limit=" + PAGE).json();
      for (JsonNode a : page.path("entries")) {
        out.add(
            new Invariants.AuditLine(
                a.path("id").asLong(),
                a.path("actor").asText(),
                a.path("action").asText(),
                a.path("target").asText(),
                a.path("outcome").asText(),
                a.path("status").asInt(),
                a.has("firstEvent") ? a.path("firstEvent").asLong() : null,
                a.has("lastEvent") ? a.path("lastEvent").asLong() : null));
      }
      if (page.path("entries").size() < PAGE) {
        return out;
      }
    }
  }

  /** {@code GET /v1/audit/verify}. */
  public JsonNode verify() {
    return get("/v1/audit/verify").json();
  }

  /** What the service says now: its log, customers, pool, ledger, audit and verification. */
  public Invariants.Observed observe() {
    List<BookEvent> events = new ArrayList<>();
    for (String e : eventsJson()) {
      events.add(FairleadJson.readBookEvent(e));
    }
    JsonNode ledger = get("/v1/ledger").json();
    Map<String, Invariants.LedgerLine> lines = new HashMap<>();
    Map<String, List<String>> customers = new HashMap<>();
    for (JsonNode l : ledger.path("reps")) {
      String rep = l.path("rep").asText();
      lines.put(
          rep,
          new Invariants.LedgerLine(
              l.path("holding").asInt(),
              l.path("received").asInt(),
              l.path("credited").asDouble()));
      List<String> mine = new ArrayList<>();
      get("/v1/reps/" + rep + "/customers").json().forEach(c -> mine.add(c.path("id").asText()));
      customers.put(rep, mine);
    }
    List<String> pool = new ArrayList<>();
    get("/v1/pool").json().forEach(c -> pool.add(c.path("id").asText()));
    JsonNode v = verify();
    return new Invariants.Observed(
        events,
        customers,
        pool,
        LocalDate.parse(ledger.path("periodStart").asText()),
        lines,
        audit(),
        new Invariants.Verification(
            v.path("intact").asBoolean(),
            v.path("memoryMatchesDatabase").asBoolean(),
            v.toString()));
  }
}
