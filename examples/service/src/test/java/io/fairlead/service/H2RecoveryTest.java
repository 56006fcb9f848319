package io.fairlead.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 can leave its newest commit where its quick recovery does not look; {@link H2Recovery} finds
 * it. H2 writes each commit before {@code commit()} returns, so a copy of the file taken between
 * two commits is what a killed process leaves. With {@code RETENTION_TIME=0} H2 reuses freed space
 * at once, and such a copy soon loses the commit just made.
 */
class H2RecoveryTest {

  @TempDir Path dir;

  @Test
  void aCommitH2WroteWhereItsHeaderDoesNotPoint_isFoundBeforeH2Opens() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("live").toAbsolutePath() + ";WRITE_DELAY=0";
    Path copy = dir.resolve("killed.mv.db");
    String copyUrl = "jdbc:h2:file:" + dir.resolve("killed").toAbsolutePath();
    int lostAt = 0;
    try (Connection c = DriverManager.getConnection(url + ";RETENTION_TIME=0", "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table decision (id bigint primary key, body varchar(4000))");
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("insert into decision values (?, ?)")) {
        for (int i = 1; i <= 300 && lostAt == 0; i++) {
          insert.setLong(1, i);
          insert.setString(2, "x".repeat(1500));
          insert.executeUpdate();
          c.commit(); // acknowledged
          Files.copy(dir.resolve("live.mv.db"), copy, StandardCopyOption.REPLACE_EXISTING);
          Path probe = dir.resolve("probe.mv.db");
          Files.copy(copy, probe, StandardCopyOption.REPLACE_EXISTING);
          if (count("jdbc:h2:file:" + dir.resolve("probe").toAbsolutePath()) < i) {
            lostAt = i;
          }
        }
      }
    }

    assertThat(lostAt)
        .as("H2 lost a commit in a copy taken after it; if it no longer does, H2Recovery may go")
        .isPositive();
    assertThat(H2Recovery.closedCleanly(copy)).isFalse();
    H2Recovery.beforeOpen(copyUrl, "sa", "");
    assertThat(count(copyUrl)).isEqualTo(lostAt);
    assertThat(H2Recovery.closedCleanly(copy)).isTrue();
  }

  @Test
  void aFileClosedCleanly_isNotScanned() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("book").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("create table t (id int)");
    }

    assertThat(H2Recovery.reachNewestCommit(dir.resolve("book.mv.db"))).isFalse();
  }

  private static long count(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet r = c.createStatement().executeQuery("select count(*) from decision")) {
      r.next();
      return r.getLong(1);
    }
  }
}
