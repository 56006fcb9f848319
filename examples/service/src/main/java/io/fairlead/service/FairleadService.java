package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fairlead as an HTTP JSON service: a book on a database, its decisions durable before they are
 * answered, with roles, an audit log and allocation jobs. Start it with {@link #start}, or from the
 * command line: {@code fairlead serve} ({@code docs/service.md}).
 *
 * <pre>{@code
 * try (FairleadService s = FairleadService.start(ServiceConfig.read(Path.of("fairlead.json")))) {
 *   ... s.port() ...
 * }
 * }</pre>
 */
public final class FairleadService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FairleadService.class);

  private final Store store;
  private final Jobs jobs;
  private final Javalin app;

  private FairleadService(Store store, Jobs jobs, Javalin app) {
    this.store = store;
    this.jobs = jobs;
    this.app = app;
  }

  /** Starts a service on the system clock in the configured zone. */
  public static FairleadService start(ServiceConfig config) {
    return start(config, Clock.system(config.zone()));
  }

  /**
   * Starts a service: opens and migrates the database, replays the book (or imports the sample into
   * an empty one), and listens.
   */
  public static FairleadService start(ServiceConfig config, Clock clock) {
    requireNonNull(config, "config");
    requireNonNull(clock, "clock");
    Store store = Store.open(config.database());
    Jobs jobs = new Jobs(clock);
    try {
      BookService book = BookService.open(config, store, clock.withZone(config.zone()));
      Javalin app = HttpApi.start(new Operations(book), jobs, config);
      LOG.info(
          "fairlead service listening on http://{}:{} (database {})",
          config.host(),
          app.port(),
          config.database().url());
      return new FairleadService(store, jobs, app);
    } catch (RuntimeException e) {
      jobs.close();
      store.close();
      throw e;
    }
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** Stops listening and closes the database. */
  @Override
  public void close() {
    app.stop();
    jobs.close();
    store.close();
  }
}
