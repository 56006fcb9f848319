package io.fairlead.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.h2.engine.ConnectionInfo;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before H2 opens a book's file after a crash: makes the newest commit in the file the one H2
 * opens, so that a decision the service acknowledged is not lost.
 *
 * <p>Why it is needed (H2 2.5.252; the same order is in H2's sources of July 2026): H2's store
 * writes each commit as a chunk, at the end of the file or in space freed by older chunks. When it
 * writes a chunk where the chunk before did not predict, it rewrites the file's header, but with
 * the chunk before, not the new one ({@code RandomAccessStore.writeChunk} runs before {@code
 * FileStore.storeBuffer} sets {@code lastChunk}). Until a later commit rewrites the header, the
 * newest chunk is reachable neither from the header nor from the end of the file, and H2's quick
 * recovery after a killed process opens the state before it: a decision the service acknowledged is
 * gone. {@code CrashSafetyTest} found it (in two series of kills, at the 11th and the 19th kill: H2
 * reuses space only for chunks freed 45 s of the store's time ago); {@code H2RecoveryTest} makes it
 * happen at once.
 *
 * <p>The chunk is still in the file, whole and checksummed. Opening the store in recovery mode
 * scans every block for chunks and takes the newest complete set; closing it then writes a header
 * that names it. That is done only for a file whose header does not carry H2's mark of a clean
 * shutdown (a service stopped normally writes it), and costs a read of the file (1.5 s for 64 MB on
 * the 2-core machine). Encrypted and remote databases are left to H2.
 */
final class H2Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(H2Recovery.class);

  private H2Recovery() {}

  /** Runs {@link #reachNewestCommit(Path)} on the file of an embedded H2 URL, if it has one. */
  static void beforeOpen(String url, String user, String password) {
    ConnectionInfo ci = new ConnectionInfo(url, new Properties(), user, password);
    if (!ci.isPersistent()
        || ci.isRemote()
        || url.toUpperCase(java.util.Locale.ROOT).contains("CIPHER=")) {
      return;
    }
    Path file = Path.of(ci.getName() + ".mv.db");
    if (Files.exists(file)) {
      reachNewestCommit(file);
    }
  }

  /**
   * Makes the newest complete chunk of an H2 store file the one its header names, unless the file
   * was closed cleanly.
   *
   * @return whether the file was scanned
   */
  static boolean reachNewestCommit(Path file) {
    if (closedCleanly(file)) {
      return false;
    }
    long start = System.nanoTime();
    MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open();
    long version = store.getCurrentVersion();
    store.close();
    LOG.info(
        "{} was not closed cleanly: scanned it for its newest commit (version {}) in {} ms",
        file,
        version,
        (System.nanoTime() - start) / 1_000_000);
    return true;
  }

  /** Whether both copies of the store's header carry H2's mark of a clean shutdown. */
  static boolean closedCleanly(Path file) {
    byte[] head = new byte[2 * 4096];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, head.length) < head.length) {
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> first = header(head, 0);
    Map<String, String> second = header(head, 4096);
    return "1".equals(first.get("clean"))
        && "1".equals(second.get("clean"))
        && first.get("version") != null
        && first.get("version").equals(second.get("version"));
  }

  /** An H2 store header: {@code H:2,block:5d8,...,version:11d9,fletcher:...} up to a newline. */
  private static Map<String, String> header(byte[] bytes, int from) {
    int end = from;
    while (end < from + 4096 && bytes[end] != '\n') {
      end++;
    }
    Map<String, String> out = new HashMap<>();
    for (String kv : new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).split(",")) {
      int colon = kv.indexOf(':');
      if (colon > 0) {
        out.put(kv.substring(0, colon).strip(), kv.substring(colon + 1).strip());
      }
    }
    return out;
  }
}
