package io.fairlead.service.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.service.Client;
import io.fairlead.service.Databases;
import io.fairlead.service.FairleadService;
import io.fairlead.service.Fixture;
import io.fairlead.service.ServiceConfig;
import io.fairlead.service.TestClock;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The service the fuzz tests attack: the fixture's team and tokens on H2, with a small body limit
 * so that the limit itself is reached (64 KiB), an idle timeout of the test's choosing (1 s where
 * clients stall), and five customers (c1..c5) routed to the team, so that the endpoints with a lead
 * id in the path have one to act on.
 */
final class FuzzService implements AutoCloseable {

  /** The largest body it accepts. */
  static final int MAX_BODY = 64 * 1024;

  /** How long a connection may send nothing, where the tests make clients stall. */
  static final int IDLE_SECONDS = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FairleadService service;
  private final Client client;

  private FuzzService(FairleadService service) {
    this.service = service;
    this.client = new Client(service.port());
  }

  /**
   * Starts a service on a new H2 database under {@code dir}, with its team and customers, that
   * closes a connection after {@code idleSeconds} of silence.
   */
  static FuzzService start(Path dir, int idleSeconds) {
    ServiceConfig config = ServiceConfig.read(configJson(dir, idleSeconds));
    FuzzService s = new FuzzService(FairleadService.start(config, new TestClock(Fixture.DAY)));
    try {
      Fixture.team(s.client);
      for (int i = 1; i <= 5; i++) {
        Client.Response r =
            s.client.post(Fixture.MANAGER, "/v1/leads", Fixture.lead("c" + i, "East", 1000 * i));
        if (r.status() != 201) {
          throw new IllegalStateException("cannot route lead c" + i + ": " + r.text());
        }
      }
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** The fixture's configuration with the fuzz limits (and a sync limit no fuzz input reaches). */
  private static String configJson(Path dir, int idleSeconds) {
    try {
      ObjectNode c = (ObjectNode) MAPPER.readTree(Fixture.configJson(Databases.h2(dir), 2_000));
      c.put("maxBodyBytes", MAX_BODY);
      c.put("idleTimeoutSeconds", idleSeconds);
      return MAPPER.writeValueAsString(c);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return service.port();
  }

  Client client() {
    return client;
  }

  @Override
  public void close() {
    service.close();
  }
}
