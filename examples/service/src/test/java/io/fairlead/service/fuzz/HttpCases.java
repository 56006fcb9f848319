package io.fairlead.service.fuzz;

import io.fairlead.service.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The committed HTTP-level corpus, {@code src/test/resources/fuzz/http}: one request per file,
 * written as text with placeholders for what text cannot hold (tokens, lengths, raw bytes, a body
 * of 70,000 bytes, the point where a slow client stalls), and an index, {@code index.txt}, with the
 * exact status and error code each must get ({@code -} for a 2xx), or {@code closed -} for a
 * request the service must not answer but disconnect (a client that stalls before its headers end
 * has sent no request yet). The placeholders are listed at the top of the index.
 */
final class HttpCases {

  /** The corpus directory, from the service module's directory. */
  static final String DIRECTORY = "src/test/resources/fuzz/http";

  private static final Map<String, String> TOKENS =
      Map.of("manager", Fixture.MANAGER, "admin", Fixture.ADMIN, "ana", Fixture.ANA);

  /** The status of a case the service must not answer, but disconnect (index: {@code closed}). */
  static final int CLOSED = 0;

  private HttpCases() {}

  /**
   * One case.
   *
   * @param file its file name
   * @param status the exact status it must get, or {@link #CLOSED}
   * @param code the error code it must get, or {@code "-"} for a 2xx
   */
  record Case(String file, int status, String code) {

    /** The request, as it is sent. */
    Request request() {
      return HttpCases.request(resource(file));
    }
  }

  /**
   * A request made of a case file.
   *
   * @param bytes what is sent
   * @param stallAt if the client stalls, how many bytes it sends before it does (else {@code -1})
   */
  record Request(byte[] bytes, int stallAt) {

    boolean stalls() {
      return stallAt >= 0;
    }

    /** What is sent before the client stalls (all of it if it does not). */
    byte[] sent() {
      return stalls() ? java.util.Arrays.copyOf(bytes, stallAt) : bytes;
    }
  }

  /** Every case of the index, in its order. */
  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\s+");
      if (f.length != 3 || !f[0].endsWith(".http")) {
        throw new IllegalStateException("index.txt: cannot read '" + line + "'");
      }
      out.add(new Case(f[0], f[1].equals("closed") ? CLOSED : Integer.parseInt(f[1]), f[2]));
    }
    return out;
  }

  /** A request from a template: CRLF line ends, and its placeholders replaced. */
  static Request request(String template) {
    String text = template.replace("\r\n", "\n").replace("\n", "\r\n");
    // the parts: literal text, or a placeholder {{name}} / {{name:argument}}
    List<byte[]> parts = new ArrayList<>();
    int lengthPart = -1;
    int padToPart = -1;
    int padTo = 0;
    int stallPart = -1;
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        parts.add(utf8(text.substring(i)));
        break;
      }
      parts.add(utf8(text.substring(i, open)));
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("an unclosed placeholder at " + open);
      }
      String p = text.substring(open + 2, close);
      String name = p.contains(":") ? p.substring(0, p.indexOf(':')) : p;
      String arg = p.contains(":") ? p.substring(p.indexOf(':') + 1) : "";
      switch (name) {
        case "manager", "admin", "ana" -> parts.add(ascii(TOKENS.get(name)));
        case "length" -> {
          lengthPart = parts.size();
          parts.add(new byte[0]);
        }
        case "pad" -> parts.add(ascii(" ".repeat(Integer.parseInt(arg))));
        case "pad-to" -> {
          padToPart = parts.size();
          padTo = Integer.parseInt(arg);
          parts.add(new byte[0]);
        }
        case "repeat" -> {
          int colon = arg.indexOf(':');
          String unit = arg.substring(colon + 1);
          parts.add(utf8(unit.repeat(Integer.parseInt(arg.substring(0, colon)))));
        }
        case "bytes" -> parts.add(HexFormat.of().parseHex(arg.replace(" ", "")));
        case "chunk" -> {
          int n = Integer.parseInt(arg);
          parts.add(ascii(Integer.toHexString(n) + "\r\n" + " ".repeat(n) + "\r\n"));
        }
        case "stall" -> {
          stallPart = parts.size();
          parts.add(new byte[0]);
        }
        default -> throw new IllegalArgumentException("no placeholder {{" + p + "}}");
      }
      i = close + 2;
    }
    int bodyStart = bodyStart(parts);
    if (padToPart >= 0) {
      parts.set(padToPart, ascii(" ".repeat(padTo - bodyLength(parts, bodyStart))));
    }
    if (lengthPart >= 0) {
      parts.set(lengthPart, ascii(Integer.toString(bodyLength(parts, bodyStart))));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int stallAt = -1;
    for (int k = 0; k < parts.size(); k++) {
      if (k == stallPart) {
        stallAt = out.size();
      }
      out.writeBytes(parts.get(k));
    }
    return new Request(out.toByteArray(), stallAt);
  }

  /** The index of the first part of the body, after the head's blank line, in a joined stream. */
  private static int bodyStart(List<byte[]> parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    parts.forEach(all::writeBytes);
    String s = all.toString(StandardCharsets.ISO_8859_1);
    int end = s.indexOf("\r\n\r\n");
    return end < 0 ? s.length() : end + 4;
  }

  /** The body's length: the bytes from {@code bodyStart} on. */
  private static int bodyLength(List<byte[]> parts, int bodyStart) {
    return parts.stream().mapToInt(b -> b.length).sum() - bodyStart;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A file of the corpus as text (the placeholders hold what text cannot). */
  static String resource(String name) {
    try (InputStream in = HttpCases.class.getResourceAsStream("/fuzz/http/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /fuzz/http/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
