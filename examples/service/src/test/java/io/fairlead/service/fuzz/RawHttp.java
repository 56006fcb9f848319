package io.fairlead.service.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: for the requests a real client library will not send
 * (a malformed request line, oversized headers, invalid UTF-8, a body that stalls half way). It
 * reads one answer (by its {@code Content-Length} or chunked) and can then wait for the server to
 * close the connection.
 */
final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;

  /**
   * Connects; every read waits at most {@code guard} (a hang guard: a server that neither answers
   * nor closes fails the test instead of stopping it).
   */
  RawHttp(int port, Duration guard) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout((int) guard.toMillis());
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends bytes. A server may answer and close before it has read everything (a body over the
   * limit): a failed write is not an error here, the answer says what happened.
   */
  RawHttp send(byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (SocketException e) {
      // the server closed its side: read its answer
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Reads one answer; null if the server closed the connection without one. */
  Answer read() {
    try {
      String statusLine = line();
      if (statusLine == null) {
        return null;
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IllegalStateException("not an HTTP status line: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        headers
            .computeIfAbsent(
                h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(h.substring(colon + 1).strip());
      }
      Answer head = new Answer(status, headers, new byte[0]);
      byte[] body;
      if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
        body = chunked();
      } else if (head.header("Content-Length") != null) {
        body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
      } else {
        body = in.readAllBytes(); // delimited by the end of the connection
      }
      return new Answer(status, headers, body);
    } catch (SocketException e) {
      return null; // reset by the server: closed without an answer
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the server closes the connection (rather than waiting for more) within the guard: reads
   * until the end of the stream and fails if the guard passes first.
   */
  boolean closedByServer() {
    try {
      while (in.read() >= 0) {
        // anything after the answer is ignored
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int n = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (n == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      line();
    }
  }

  /** A line without its CRLF; null at the end of the stream before any byte. */
  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c < 0 && b.size() == 0) {
      return null;
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}
