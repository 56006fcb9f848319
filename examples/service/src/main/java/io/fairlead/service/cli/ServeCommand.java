package io.fairlead.service.cli;

import io.fairlead.service.FairleadService;
import io.fairlead.service.ServiceConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fairlead serve}: runs the HTTP service until it is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP JSON service on its database until stopped (Ctrl-C).",
    exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
    exitCodeList = {
      FairleadCommand.EXIT_OK,
      "1:refused: the configuration (with its JSON path) or the database",
      FairleadCommand.EXIT_USAGE
    })
final class ServeCommand implements Callable<Integer> {

  @ParentCommand FairleadCommand top;
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "the service configuration (JSON); the bundled demo configuration if absent")
  Path config;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "listen on this port instead (0: any free port)")
  Integer port;

  @Option(names = "--database", paramLabel = "JDBC-URL", description = "use this database instead")
  String database;

  @Option(names = "--sample", description = "load the bundled Maven CRM sample into an empty book")
  boolean sample;

  @Override
  public Integer call() throws InterruptedException {
    if (config != null) {
      FileChecks.readable(spec.commandLine(), "--config", config);
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port: must be from 0 to 65535, was " + port);
    }
    if (database != null
        && !database.startsWith("jdbc:h2:")
        && !database.startsWith("jdbc:postgresql:")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--database: must be a jdbc:h2: or jdbc:postgresql: URL, was '" + database + "'");
    }
    ServiceConfig c = config == null ? ServiceConfig.demo() : ServiceConfig.read(config);
    if (port != null) {
      c = c.withPort(port);
    }
    if (database != null) {
      c =
          c.withDatabase(
              new ServiceConfig.Database(database, c.database().user(), c.database().password()));
    }
    if (sample) {
      c = c.withSample(true);
    }
    FairleadService s = FairleadService.start(c);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  s.close();
                  stopped.countDown();
                }));
    top.out()
        .println("fairlead service on http://" + c.host() + ":" + s.port() + " — Ctrl-C stops it");
    stopped.await();
    return 0;
  }
}
