package io.fairlead.service.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The JDK's HTTP client sending exact bytes (the fixture's {@code Client} sends text), with a hang
 * guard: no answer within {@link #GUARD} is an {@link AssertionError}.
 */
final class FuzzClient {

  /** A request with no answer in this time hangs (a guard, not a speed check). */
  static final Duration GUARD = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  FuzzClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Sends a request; {@code token} may be null, {@code body} null for none. */
  Answer send(String method, String path, String token, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(GUARD);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), lowerCase(r.headers().map()), r.body());
    } catch (HttpTimeoutException e) {
      throw new AssertionError(method + " " + path + ": no answer within " + GUARD + ": a hang");
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static java.util.Map<String, java.util.List<String>> lowerCase(
      java.util.Map<String, java.util.List<String>> headers) {
    java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }
}
