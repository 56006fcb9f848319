package io.fairlead.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.service.Databases;
import io.fairlead.service.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairlead serve} refuses what it cannot start with, before it opens a database. */
class ServeCommandTest {

  @TempDir Path dir;

  @Test
  void aConfigurationTheServiceRefuses_isNamedByItsPath_exitsWith1() throws IOException {
    String json =
        Fixture.configJson(Databases.h2(dir), 5)
            .replace("\"role\": \"manager\"", "\"role\": \"boss\"");
    Path config = Files.writeString(dir.resolve("fairlead.json"), json);

    Cli.Result r = Cli.run("serve", "--config", config.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: config at $.tokens[1].role: must be rep, manager or admin, was 'boss'"
                + System.lineSeparator());
    assertThat(dir.resolve("book.mv.db")).doesNotExist();
  }

  @Test
  void badOptions_areNamed_exitWith2() {
    Cli.Result noFile = Cli.run("serve", "--config", dir.resolve("none.json").toString());
    Cli.Result port = Cli.run("serve", "--port=70000");
    Cli.Result database = Cli.run("serve", "--database=jdbc:mysql://db/fairlead");

    assertThat(noFile.code()).as(noFile.toString()).isEqualTo(2);
    assertThat(noFile.err()).startsWith("error: --config: no such file");
    assertThat(port.code()).as(port.toString()).isEqualTo(2);
    assertThat(port.err()).startsWith("error: --port: must be from 0 to 65535, was 70000");
    assertThat(database.code()).as(database.toString()).isEqualTo(2);
    assertThat(database.err())
        .startsWith("error: --database: must be a jdbc:h2: or jdbc:postgresql: URL");
  }

  @Test
  void noCommand_isBadUsage() {
    Cli.Result r = Cli.run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: name a command, e.g. 'allocate' or 'serve'");
  }
}
