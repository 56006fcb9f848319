package io.fairlead.service.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends exact bytes (the fixture's {@code Client} sends text) with a hang guard: no answer within
 * {@link #GUARD} is an {@link AssertionError}. The JDK's client, keeping its connection; a body
 * over the service's limit over a socket of its own instead: the service answers 413 before it
 * reads such a body and closes, and the JDK client, still writing the body, now and then reports
 * the closed connection instead of the 413 (a plain socket always reads it).
 */
final class FuzzClient {

  /** A request with no answer in this time hangs (a guard, not a speed check). */
  static final Duration GUARD = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;

  FuzzClient(int port) {
    this.port = port;
  }

  /** Sends a request; {@code token} may be null, {@code body} null for none. */
  Answer send(String method, String path, String token, byte[] body) {
    if (body != null && body.length > FuzzService.MAX_BODY) {
      return overTheLimit(method, path, token, body);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
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
    // the request's own timeout does not cover every state of the exchange: a future's does
    CompletableFuture<HttpResponse<byte[]>> f =
        http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> r = f.get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(r.statusCode(), lowerCase(r.headers().map()), r.body());
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError(method + " " + path + ": no answer within " + GUARD + ": a hang");
    } catch (ExecutionException e) {
      throw new UncheckedIOException(
          method + " " + path + ": " + e.getCause(), new IOException(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer overTheLimit(String method, String path, String token, byte[] body) {
    ByteArrayOutputStream request = new ByteArrayOutputStream(body.length + 300);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    try (RawHttp raw = new RawHttp(port, GUARD)) {
      Answer a = raw.send(request.toByteArray()).read();
      if (a == null) {
        throw new AssertionError(method + " " + path + ": the connection closed with no answer");
      }
      return a;
    }
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }
}
