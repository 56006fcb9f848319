package io.fairlead.core.routing;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The router's book as an append-only log of entries, each stamped when it leaves, so that a
 * snapshot costs almost nothing under the router's lock: it notes the log's length and the current
 * version, and reads the entries afterwards, outside the lock, keeping those that were still in the
 * book at that version.
 *
 * <p>Entries are written once, into fixed-size chunks that never move, and only their {@code left}
 * stamp changes later (from 0 to a version larger than any snapshot taken before). A reader outside
 * the lock that sees a stale 0 for an entry that has left since its snapshot sees the right answer
 * (it was in the book then), and an entry that left before the snapshot was stamped before the
 * snapshot took the lock, so the reader sees that stamp. When more than half of the log has left,
 * the live entries are copied into a fresh log (amortised: one copy per entry that left); snapshots
 * taken before keep reading the old chunks.
 *
 * <p>Not thread-safe for writers: the router's lock guards every change.
 */
final class BookLog {

  private static final int CHUNK = 1024;

  /** A lead in the book: who holds it, and the numbers it added to that rep's aggregates. */
  static final class Held {
    final Lead lead;
    final int rep;
    final int tier;
    final long units;
    final Status status;

    /** The version at which it left the book, or 0 while it is in the book. */
    volatile long left;

    Held(Lead lead, int rep, int tier, long units, Status status) {
      this.lead = lead;
      this.rep = rep;
      this.tier = tier;
      this.units = units;
      this.status = status;
    }
  }

  /**
   * What a reader needs to list the book as of one version: the chunks and the length of the log
   * then. Valid forever: later writes only append past {@code size} or stamp entries with larger
   * versions.
   */
  record View(Held[][] chunks, int size, long version) {

    /** Calls {@code action} for every entry in the book at the view's version, in log order. */
    void forEach(Consumer<Held> action) {
      for (int i = 0; i < size; i++) {
        Held h = chunks[i / CHUNK][i % CHUNK];
        long left = h.left;
        if (left == 0 || left > version) {
          action.accept(h);
        }
      }
    }
  }

  private final HashMap<LeadId, Held> live = new HashMap<>();
  private Held[][] chunks = new Held[4][];
  private int size;
  private long version = 1;

  /** The entry of a lead in the book, or null. */
  Held get(LeadId id) {
    return live.get(id);
  }

  /** Whether the lead is in the book. */
  boolean contains(LeadId id) {
    return live.containsKey(id);
  }

  /** How many leads the book holds. */
  int size() {
    return live.size();
  }

  /** Adds an entry (its lead must not be in the book). */
  void add(Held h) {
    version++;
    live.put(h.lead.id(), h);
    append(h);
  }

  /** Takes a lead out of the book; returns its entry, or null. */
  Held remove(LeadId id) {
    Held h = live.remove(id);
    if (h != null) {
      version++;
      h.left = version;
      if (size > 4 * CHUNK && live.size() < size / 2) {
        compact();
      }
    }
    return h;
  }

  /** A view of the book as it is now (O(1)). */
  View view() {
    return new View(chunks, size, version);
  }

  /** The entries in the book, in log order (for the router's own use under its lock). */
  List<Held> entries() {
    List<Held> out = new ArrayList<>(live.size());
    view().forEach(out::add);
    return out;
  }

  private void append(Held h) {
    int c = size / CHUNK;
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, 2 * c); // a new directory: old views keep the old one
    }
    if (chunks[c] == null) {
      chunks[c] = new Held[CHUNK];
    }
    chunks[c][size % CHUNK] = h;
    size++;
  }

  /** Copies the live entries, in log order, into a fresh log. */
  private void compact() {
    List<Held> keep = entries();
    chunks = new Held[Math.max(4, 2 * (keep.size() / CHUNK + 1))][];
    size = 0;
    keep.forEach(this::append);
  }
}
