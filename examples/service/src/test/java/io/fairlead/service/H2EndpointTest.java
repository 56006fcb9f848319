package io.fairlead.service;

import java.nio.file.Path;

/** The endpoint suite on the embedded default, H2 in a file. */
class H2EndpointTest extends EndpointSuite {
  @Override
  ServiceConfig.Database database(Path dir) {
    return Databases.h2(dir);
  }
}
