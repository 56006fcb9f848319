package io.fairlead.service;

import java.time.LocalDate;

/**
 * The service every test starts: a team of three reps in the East (ana, ben, cat) and one in the
 * West (dan), tokens for each role, on a database of the test's choosing.
 */
public final class Fixture {

  public static final String ADMIN = "admin-token-0001";
  public static final String MANAGER = "lee-manager-token";
  public static final String ANA = "ana-rep-token-01";
  public static final String BEN = "ben-rep-token-01";
  public static final String CAT = "cat-rep-token-01";
  public static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private Fixture() {}

  /** The configuration's JSON with the database's fields and a sync limit. */
  public static String configJson(ServiceConfig.Database db, int syncLimit) {
    return """
        {
          "port": 0,
          "database": {"url": "%s", "user": "%s", "password": "%s"},
          "syncLimit": %d,
          "lifecycle": {"claimsPerDay": 50, "coolDownDays": 30},
          "tokens": [
            {"token": "%s", "actor": "root", "role": "admin"},
            {"token": "%s", "actor": "lee", "role": "manager"},
            {"token": "%s", "actor": "ana", "role": "rep", "rep": "ana"},
            {"token": "%s", "actor": "ben", "role": "rep", "rep": "ben"},
            {"token": "%s", "actor": "cat", "role": "rep", "rep": "cat"}
          ]
        }
        """
        .formatted(db.url(), db.user(), db.password(), syncLimit, ADMIN, MANAGER, ANA, BEN, CAT);
  }

  public static ServiceConfig config(ServiceConfig.Database db, int syncLimit) {
    return ServiceConfig.read(configJson(db, syncLimit));
  }

  /** A rep document in a request: {@code {"rep": {...}, "reason": "joins"}}. */
  public static String repRequest(String id, String region, int capacity) {
    return """
        {"rep": {"id": "%s", "regions": ["%s"], "capacity": %d}, "reason": "joins"}
        """
        .formatted(id, region, capacity);
  }

  /** A lead document. */
  public static String lead(String id, String region, double value) {
    return """
        {"id": "%s", "region": "%s", "industry": "retail", "value": %s}
        """
        .formatted(id, region, value);
  }

  /** Adds ana, ben, cat (East, capacity 100) and dan (West) through the API, as the admin. */
  public static void team(Client c) {
    for (String[] r :
        new String[][] {{"ana", "East"}, {"ben", "East"}, {"cat", "East"}, {"dan", "West"}}) {
      Client.Response a = c.post(ADMIN, "/v1/reps", repRequest(r[0], r[1], 100));
      if (a.status() != 201) {
        throw new IllegalStateException("cannot add rep " + r[0] + ": " + a.text());
      }
    }
  }
}
