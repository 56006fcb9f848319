package io.fairlead.service.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The service's HTTP API from the command line (the JDK's {@link HttpClient}): one request, its
 * JSON answer, or a {@link Refusal} that says what went wrong in words: the service's error body
 * (message, path, the rules that said no), or that the service cannot be reached at its URL.
 */
final class ServiceClient {

  /** Strict like the service: a repeated key is refused rather than one value silently kept. */
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

  private final URI base;
  private final String token;
  private final HttpClient http;

  ServiceClient(URI base, String token) {
    this.base = base;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** A path segment: an id such as {@code Anna Snelling} as {@code Anna%20Snelling}. */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode get(String path) {
    return send(request(path).GET());
  }

  /** A POST with a JSON body, or with none when {@code json} is null. */
  JsonNode post(String path, String json) {
    HttpRequest.Builder b = request(path);
    if (json == null) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return send(b);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(ANSWER_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder b) {
    HttpRequest request = b.build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw new Refusal(
          "the fairlead service at "
              + base
              + " did not answer "
              + request.method()
              + " "
              + request.uri().getRawPath()
              + " within "
              + ANSWER_TIMEOUT.toMinutes()
              + " min");
    } catch (ConnectException e) {
      throw unreachable("connection refused");
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refusal("interrupted while waiting for the service at " + base);
    }
    JsonNode body = parse(r.body());
    if (r.statusCode() >= 400) {
      throw new Refusal(error(r.statusCode(), body, r.body()));
    }
    if (body == null) {
      throw new Refusal(
          "the service at "
              + base
              + " answered "
              + r.statusCode()
              + " without JSON: "
              + clip(r.body()));
    }
    return body;
  }

  private Refusal unreachable(String why) {
    return new Refusal(
        "cannot reach the fairlead service at "
            + base
            + " ("
            + why
            + "); is it running ('fairlead serve')? Name another with --url");
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  /**
   * The service's error body in words: {@code 403 forbidden: a rep may not route leads; ...}, the
   * document and path of a wrong input when the message does not already say them, and each rule
   * that said no with its reason.
   */
  static String error(int status, JsonNode body, String text) {
    JsonNode e = body == null ? null : body.get("error");
    if (e == null || !e.isObject()) {
      return "the service answered " + status + (text.isBlank() ? "" : ": " + clip(text));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(e.path("status").asInt(status))
        .append(' ')
        .append(e.path("code").asText("error"))
        .append(": ")
        .append(e.path("message").asText(""));
    String path = e.path("path").asText(null);
    String document = e.path("document").asText(null);
    if (path != null && !sb.toString().contains(path)) {
      sb.append(System.lineSeparator())
          .append("  at ")
          .append(document == null ? "" : document + " ")
          .append(path);
    }
    for (JsonNode rule : e.path("rules")) {
      sb.append(System.lineSeparator())
          .append("  rule ")
          .append(rule.path("rule").asText())
          .append(": ")
          .append(rule.path("reason").asText());
    }
    if (status == 401) {
      sb.append(System.lineSeparator())
          .append("  give a token the service knows: --token, or the environment variable ")
          .append(ServiceOptions.TOKEN_VARIABLE);
    }
    return sb.toString();
  }

  private static String clip(String text) {
    String one = text.strip().replaceAll("\\s+", " ");
    return one.length() <= 200 ? one : one.substring(0, 200) + "...";
  }

  /** The answer as the service's JSON, indented. */
  static String pretty(JsonNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
