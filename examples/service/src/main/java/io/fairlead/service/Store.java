package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.json.FairleadJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The database behind a service: the book's log (a row per event), the audit log and what the book
 * runs under. The schema is migrated by Flyway ({@code db/migration}) at open. A decision's events
 * and its audit line are written in one transaction, and the service answers only after it has
 * committed.
 *
 * <p>H2 runs embedded in file mode with {@code WRITE_DELAY=0}: every commit is written to the file
 * before the call returns, so a killed process loses nothing it acknowledged (a power cut may; use
 * PostgreSQL, which syncs every commit, where that matters), once {@link H2Recovery} has made the
 * newest commit of a file left by a killed process the one H2 opens. A URL that sets another {@code
 * WRITE_DELAY} is refused ({@code docs/service-durability.md}). Not thread-safe for writes: the
 * service has one writer.
 */
final class Store implements AutoCloseable {

  private static final java.util.regex.Pattern WRITE_DELAY =
      java.util.regex.Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=([^;]*)");

  private final HikariDataSource pool;
  private final boolean h2;

  private Store(HikariDataSource pool, boolean h2) {
    this.pool = pool;
    this.h2 = h2;
  }

  /** Opens the database and brings its schema up to date. */
  static Store open(ServiceConfig.Database db) {
    if (db.h2()) {
      H2Recovery.beforeOpen(durableH2(db.url()), db.user(), db.password());
    }
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(db.h2() ? durableH2(db.url()) : db.url());
    c.setUsername(db.user());
    c.setPassword(db.password());
    c.setMaximumPoolSize(4);
    c.setMinimumIdle(1);
    c.setPoolName("fairlead");
    c.setConnectionTimeout(10_000);
    HikariDataSource ds = new HikariDataSource(c);
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Store(ds, db.h2());
  }

  /**
   * The H2 URL with every commit written through (see the class comment): {@code WRITE_DELAY=0}
   * added, or the URL as it is if it sets 0 itself.
   *
   * @throws IllegalArgumentException if the URL delays writes ({@code WRITE_DELAY} other than 0):
   *     H2 would write a commit up to that long after the service answered it, and a killed process
   *     would lose decisions it had acknowledged
   */
  static String durableH2(String url) {
    java.util.regex.Matcher m = WRITE_DELAY.matcher(url);
    if (!m.find()) {
      return url + ";WRITE_DELAY=0";
    }
    do {
      if (!m.group(1).strip().equals("0")) {
        throw new IllegalArgumentException(
            "the H2 URL sets WRITE_DELAY="
                + m.group(1)
                + ": H2 would write a decision after the service has answered it, and a killed"
                + " process would lose it; leave WRITE_DELAY out (the service sets 0) or set 0");
      }
    } while (m.find());
    return url;
  }

  boolean h2() {
    return h2;
  }

  /** Whether the database answers. */
  boolean alive() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The book's log, oldest first. */
  List<BookEvent> events() {
    List<BookEvent> out = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("select seq, body from book_event order by seq");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long seq = r.getLong(1);
        BookEvent e = FairleadJson.readBookEvent(r.getString(2));
        if (e.seq() != seq) {
          throw new IllegalStateException(
              "book_event row " + seq + " holds event " + e.seq() + ": the table was edited");
        }
        out.add(e);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the book's log", e);
    }
    return out;
  }

  /** The audit log, oldest first, from line {@code after + 1}, at most {@code limit} lines. */
  List<AuditEntry> audit(long after, int limit) {
    List<AuditEntry> out = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id, at, actor, role, action, target, outcome, status, detail, first_event,"
                    + " last_event, previous_hash, hash from audit_entry where id > ? order by id")) {
      s.setLong(1, after);
      s.setMaxRows(limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new AuditEntry(
                  r.getLong(1),
                  Instant.parse(r.getString(2)),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getInt(8),
                  r.getString(9),
                  optionalLong(r, 10),
                  optionalLong(r, 11),
                  r.getString(12),
                  r.getString(13)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log", e);
    }
    return out;
  }

  /** The last audit line, if any. */
  Optional<AuditEntry> lastAudit() {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("select max(id) from audit_entry");
        ResultSet r = s.executeQuery()) {
      r.next();
      long max = r.getLong(1);
      return max == 0 ? Optional.empty() : audit(max - 1, 1).stream().findFirst();
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log", e);
    }
  }

  private static Optional<Long> optionalLong(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(v);
  }

  /** A value stored with the book, e.g. its policy. */
  Optional<String> meta(String name) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("select body from service_meta where name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read service_meta", e);
    }
  }

  /**
   * Writes a decision in one transaction: its book events, its audit line, and values to keep with
   * the book; returns once committed.
   */
  void commit(List<BookEvent> events, AuditEntry audit, List<String[]> meta) {
    requireNonNull(events, "events");
    requireNonNull(audit, "audit");
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!events.isEmpty()) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into book_event (seq, at, kind, actor, hash, body) values (?, ?, ?, ?,"
                      + " ?, ?)")) {
            for (BookEvent e : events) {
              s.setLong(1, e.seq());
              s.setString(2, e.at().toString());
              s.setString(3, e.kind().id());
              s.setString(4, e.actor().length() <= 400 ? e.actor() : e.actor().substring(0, 400));
              s.setString(5, e.hash());
              s.setString(6, FairleadJson.writeBookEvent(e));
              s.addBatch();
            }
            s.executeBatch();
          }
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into audit_entry (id, at, actor, role, action, target, outcome, status,"
                    + " detail, first_event, last_event, previous_hash, hash) values (?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          s.setLong(1, audit.id());
          s.setString(2, audit.at().toString());
          s.setString(3, audit.actor());
          s.setString(4, audit.role());
          s.setString(5, audit.action());
          s.setString(6, audit.target());
          s.setString(7, audit.outcome());
          s.setInt(8, audit.status());
          s.setString(9, audit.detail());
          setOptional(s, 10, audit.firstEvent());
          setOptional(s, 11, audit.lastEvent());
          s.setString(12, audit.previousHash());
          s.setString(13, audit.hash());
          s.executeUpdate();
        }
        for (String[] m : meta) {
          try (PreparedStatement s =
              c.prepareStatement("insert into service_meta (name, body) values (?, ?)")) {
            s.setString(1, m[0]);
            s.setString(2, m[1]);
            s.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot write to the database", e);
    }
  }

  private static void setOptional(PreparedStatement s, int i, Optional<Long> v)
      throws SQLException {
    if (v.isPresent()) {
      s.setLong(i, v.get());
    } else {
      s.setNull(i, Types.BIGINT);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The database refused or could not be reached; nothing of the decision was kept. */
  static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }
}
