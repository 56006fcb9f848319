package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.json.JsonInputException;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.examples.MavenCrmData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a service runs: where it listens, its database, the policy and lifecycle of its book, the API
 * tokens with their roles, and its limits. Read from a JSON file ({@code docs/service.md},
 * "Configuration"); every refusal names the JSON path, e.g. {@code config at $.tokens[2].role}.
 *
 * @param host the address to listen on ({@code 127.0.0.1} unless set)
 * @param port the port (0: any free port)
 * @param database where the book and the audit log live
 * @param zone the book's time zone (its days: reclaims, claims per day, ledger periods)
 * @param policy the book's policy
 * @param policyJson the policy as a document, stored with the book and compared at every start
 * @param lifecycle the book's lifecycle rules
 * @param sample whether an empty book starts with the bundled Maven CRM sample
 * @param tokens API tokens by their secret
 * @param syncLimit the most leads an allocation request solves while the caller waits; larger ones
 *     become jobs
 * @param maxBodyBytes the largest request body accepted
 * @param idleTimeout how long a connection may send nothing before it is closed (slow clients)
 */
public record ServiceConfig(
    String host,
    int port,
    Database database,
    ZoneId zone,
    Policy policy,
    String policyJson,
    Lifecycle lifecycle,
    boolean sample,
    Map<String, Caller> tokens,
    int syncLimit,
    long maxBodyBytes,
    Duration idleTimeout) {

  /**
   * A JDBC database.
   *
   * @param url e.g. {@code jdbc:h2:file:./fairlead-data/book} or {@code
   *     jdbc:postgresql://db:5432/fairlead}
   * @param user the user ({@code sa} for H2 unless set)
   * @param password the password; {@code ${env:NAME}} reads the environment variable NAME
   */
  public record Database(String url, String user, String password) {
    public Database {
      requireNonNull(url, "url");
      requireNonNull(user, "user");
      requireNonNull(password, "password");
    }

    /** Whether this is an embedded H2 database. */
    public boolean h2() {
      return url.startsWith("jdbc:h2:");
    }
  }

  public ServiceConfig {
    requireNonNull(host, "host");
    requireNonNull(database, "database");
    requireNonNull(zone, "zone");
    requireNonNull(policy, "policy");
    requireNonNull(policyJson, "policyJson");
    requireNonNull(lifecycle, "lifecycle");
    tokens = Map.copyOf(tokens);
    requireNonNull(idleTimeout, "idleTimeout");
  }

  /** The same configuration on another database (tests run one suite on two). */
  public ServiceConfig withDatabase(Database other) {
    return new ServiceConfig(
        host,
        port,
        other,
        zone,
        policy,
        policyJson,
        lifecycle,
        sample,
        tokens,
        syncLimit,
        maxBodyBytes,
        idleTimeout);
  }

  /** The same configuration on another port. */
  public ServiceConfig withPort(int other) {
    return new ServiceConfig(
        host,
        other,
        database,
        zone,
        policy,
        policyJson,
        lifecycle,
        sample,
        tokens,
        syncLimit,
        maxBodyBytes,
        idleTimeout);
  }

  /** The same configuration with the bundled sample loaded into an empty book, or not. */
  public ServiceConfig withSample(boolean load) {
    return new ServiceConfig(
        host,
        port,
        database,
        zone,
        policy,
        policyJson,
        lifecycle,
        load,
        tokens,
        syncLimit,
        maxBodyBytes,
        idleTimeout);
  }

  /** Reads a configuration file. */
  public static ServiceConfig read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the configuration " + file + ": " + e, e);
    }
  }

  /** The demo configuration bundled with the service (its tokens are for trying it out only). */
  public static ServiceConfig demo() {
    try (InputStream in = ServiceConfig.class.getResourceAsStream("demo-config.json")) {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a configuration document.
   *
   * @throws ApiError (status 400) naming the path of the first wrong value
   */
  public static ServiceConfig read(String json) {
    JsonInput c = JsonInput.parse("config", json, false);
    c.only(
        "host",
        "port",
        "database",
        "zone",
        "policy",
        "lifecycle",
        "sample",
        "tokens",
        "syncLimit",
        "maxBodyBytes",
        "idleTimeoutSeconds");
    String host = c.optString("host").orElse("127.0.0.1");
    int port = c.integer("port", 0, 65535, 7070);
    JsonInput db = c.object("database").only("url", "user", "password");
    String url = db.text("url");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw db.at("url").error("must be a jdbc:h2: or jdbc:postgresql: URL, was '" + url + "'");
    }
    if (url.startsWith("jdbc:h2:")) {
      try {
        Store.durableH2(url);
      } catch (IllegalArgumentException e) {
        throw db.at("url").error(e.getMessage());
      }
    }
    Database database =
        new Database(
            url,
            db.optString("user").orElse(url.startsWith("jdbc:h2:") ? "sa" : ""),
            resolve(db.at("password"), db.optString("password").orElse("")));
    ZoneId zone;
    try {
      zone = ZoneId.of(c.optString("zone").orElse("UTC"));
    } catch (DateTimeException e) {
      throw c.at("zone").error("unknown time zone, e.g. UTC or Asia/Shanghai: " + e.getMessage());
    }
    boolean sample = c.bool("sample", false);
    Policy policy;
    if (c.has("policy")) {
      try {
        policy = FairleadJson.readPolicy(c.source("policy"), "config", "$.policy");
      } catch (JsonInputException e) {
        throw ApiError.of(e);
      }
    } else {
      policy = sample ? MavenCrmData.policy() : Policy.defaults();
    }
    Lifecycle lifecycle = Lifecycle.defaults();
    if (c.has("lifecycle")) {
      try {
        lifecycle =
            FairleadJson.readLifecycle(c.raw("lifecycle").toString(), "config", "$.lifecycle");
        io.fairlead.core.book.Book.builder(policy).lifecycle(lifecycle).build(); // its tiers
      } catch (JsonInputException e) {
        throw ApiError.of(e);
      } catch (IllegalArgumentException e) {
        throw c.at("lifecycle").error(e.getMessage());
      }
    }
    Map<String, Caller> tokens = new HashMap<>();
    List<JsonInput> list = c.objects("tokens");
    for (JsonInput t : list) {
      t.only("token", "actor", "role", "rep");
      String secret = resolve(t.at("token"), t.text("token"));
      if (secret.length() < 8) {
        throw t.at("token").error("must be at least 8 characters");
      }
      String actor = t.text("actor");
      if (!actor.matches("[A-Za-z0-9._@-]{1,100}")) {
        throw t.at("actor").error("must be 1 to 100 letters, digits or ._@-, was '" + actor + "'");
      }
      String roleName = t.text("role");
      Role role;
      try {
        role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw t.at("role").error("must be rep, manager or admin, was '" + roleName + "'");
      }
      Optional<RepId> rep = t.optString("rep").map(RepId::of);
      if (role == Role.REP && rep.isEmpty()) {
        throw t.at("rep").error("a rep's token names its rep on the roster");
      }
      if (role != Role.REP && rep.isPresent()) {
        throw t.at("rep").error("only a rep's token names a rep");
      }
      if (tokens.put(secret, new Caller(actor, role, rep)) != null) {
        throw t.at("token").error("the same token is given twice");
      }
    }
    int syncLimit = c.integer("syncLimit", 0, 1_000_000, 2_000);
    long maxBody = c.longInteger("maxBodyBytes", 1_024, 1L << 30, 32L << 20);
    int idle = c.integer("idleTimeoutSeconds", 1, 3_600, 30);
    return new ServiceConfig(
        host,
        port,
        database,
        zone,
        policy,
        FairleadJson.writePolicy(policy),
        lifecycle,
        sample,
        tokens,
        syncLimit,
        maxBody,
        Duration.ofSeconds(idle));
  }

  /** {@code ${env:NAME}} is the environment variable NAME; anything else is itself. */
  private static String resolve(JsonInput at, String value) {
    if (value.startsWith("${env:") && value.endsWith("}")) {
      String name = value.substring(6, value.length() - 1);
      String v = System.getenv(name);
      if (v == null) {
        throw at.error("environment variable " + name + " is not set");
      }
      return v;
    }
    return value;
  }
}
