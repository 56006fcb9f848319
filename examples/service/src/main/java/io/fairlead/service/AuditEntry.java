package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the service's audit log: a decision (it recorded book events {@code
 * firstEvent..lastEvent}) or a refusal (none), with who asked, in which role, what, on what, and
 * the answer. Chained by hash like the book's log, so a line edited or removed in the database is
 * found by the verification.
 *
 * @param id its place in the log, from 1
 * @param at when (the service's clock)
 * @param actor who asked
 * @param role the caller's role
 * @param action what was asked, e.g. {@code "claim"}, {@code "POST /v1/leads/{id}/override"}
 * @param target what it was asked on, e.g. {@code "lead c42"}
 * @param outcome {@code done}, or {@code refused} (403, 409)
 * @param status the HTTP status answered
 * @param detail the answer in words
 * @param firstEvent the first book event recorded, for a decision that recorded any
 * @param lastEvent the last one
 * @param previousHash the hash of the line before ({@code ""} for the first)
 * @param hash SHA-256 of this line's fields and {@code previousHash}
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String role,
    String action,
    String target,
    String outcome,
    int status,
    String detail,
    Optional<Long> firstEvent,
    Optional<Long> lastEvent,
    String previousHash,
    String hash) {

  /** The longest detail kept; a longer one is cut with an ellipsis. */
  static final int MAX_DETAIL = 4000;

  public AuditEntry {
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(role, "role");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(outcome, "outcome");
    requireNonNull(detail, "detail");
    requireNonNull(firstEvent, "firstEvent");
    requireNonNull(lastEvent, "lastEvent");
    requireNonNull(previousHash, "previousHash");
    requireNonNull(hash, "hash");
  }

  /** A new line after the one whose hash is {@code previousHash}, its own hash computed. */
  static AuditEntry next(
      long id,
      Instant at,
      Caller caller,
      String action,
      String target,
      String outcome,
      int status,
      String detail,
      Optional<Long> firstEvent,
      Optional<Long> lastEvent,
      String previousHash) {
    AuditEntry unsealed =
        new AuditEntry(
            id,
            at,
            caller.actor(),
            caller.role().id(),
            cut(action, 100),
            cut(target, 400),
            outcome,
            status,
            cut(detail, MAX_DETAIL),
            firstEvent,
            lastEvent,
            previousHash,
            "");
    return unsealed.withHash(unsealed.computedHash());
  }

  private AuditEntry withHash(String h) {
    return new AuditEntry(
        id,
        at,
        actor,
        role,
        action,
        target,
        outcome,
        status,
        detail,
        firstEvent,
        lastEvent,
        previousHash,
        h);
  }

  /** Its JSON form: every field, the event range only for a decision that recorded events. */
  java.util.Map<String, Object> view() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", id);
    m.put("at", at.toString());
    m.put("actor", actor);
    m.put("role", role);
    m.put("action", action);
    m.put("target", target);
    m.put("outcome", outcome);
    m.put("status", status);
    m.put("detail", detail);
    firstEvent.ifPresent(e -> m.put("firstEvent", e));
    lastEvent.ifPresent(e -> m.put("lastEvent", e));
    m.put("previousHash", previousHash);
    m.put("hash", hash);
    return m;
  }

  /** Whether the hash is the one the fields give. */
  boolean intact() {
    return hash.equals(computedHash());
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** SHA-256 of every field but the hash itself. */
  private String computedHash() {
    // Each field with its length: no two different lines share a text.
    StringBuilder b = new StringBuilder();
    for (Object f :
        new Object[] {
          id,
          at,
          actor,
          role,
          action,
          target,
          outcome,
          status,
          detail,
          firstEvent.map(String::valueOf).orElse("-"),
          lastEvent.map(String::valueOf).orElse("-"),
          previousHash
        }) {
      String s = String.valueOf(f);
      b.append(s.length()).append(':').append(s).append('\n');
    }
    return Hashing.sha256().hashString(b, StandardCharsets.UTF_8).toString();
  }
}
