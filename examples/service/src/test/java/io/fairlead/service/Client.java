package io.fairlead.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client (the JDK's) against a running service, for tests. */
public final class Client {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** An answer: status, body as text and as JSON (null if not JSON), content type. */
  public record Response(int status, String text, JsonNode json, String contentType) {
    /** The error code of an error body, or null. */
    public String code() {
      return json == null ? null : json.path("error").path("code").asText(null);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public Client(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Response get(String token, String path) {
    return send("GET", path, token, null, null);
  }

  public Response post(String token, String path, String json) {
    return send("POST", path, token, json, "application/json");
  }

  public Response put(String token, String path, String json) {
    return send("PUT", path, token, json, "application/json");
  }

  public Response delete(String token, String path, String json) {
    return send("DELETE", path, token, json, json == null ? null : "application/json");
  }

  /** Any request; {@code token} and {@code contentType} may be null. */
  public Response send(String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
      } catch (IOException e) {
        json = null;
      }
      return new Response(
          r.statusCode(), r.body(), json, r.headers().firstValue("Content-Type").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Encodes an id for a path, e.g. {@code "Anna Snelling"} → {@code Anna%20Snelling}. */
  public static String id(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
