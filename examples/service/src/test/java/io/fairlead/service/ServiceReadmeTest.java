package io.fairlead.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairlead.service.cli.FairleadCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's service commands, as a user runs them: the command line that starts the service on
 * the embedded database with the sample loaded parses to that, and the curl example, sent to a
 * service started on the demo configuration, routes its lead.
 */
class ServiceReadmeTest {

  private static final Path README = Path.of("../../README.md");
  private static final Path GUIDE = Path.of("../../docs/service.md");

  @TempDir Path dir;

  @Test
  void theStartCommand_isServeWithTheSample_onTheDemoConfiguration() throws IOException {
    for (Path doc : List.of(README, GUIDE)) {
      String text = Files.readString(doc);
      assertThat(text)
          .as(doc.toString())
          .contains("mvn -q -B -pl examples/service -am package -DskipTests");
      Matcher m =
          Pattern.compile("java -jar examples/service/target/fairlead.jar ([^\\n`]+)")
              .matcher(text);
      assertThat(m.find()).as(doc + " names the jar's command").isTrue();
      String[] args = m.group(1).strip().split("\\s+");

      CommandLine.ParseResult parsed = FairleadCommand.commandLine().parseArgs(args);

      assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
      assertThat(parsed.subcommand().hasMatchedOption("--sample")).isTrue();
      assertThat(parsed.subcommand().hasMatchedOption("--config")).isFalse(); // the demo's
    }
    ServiceConfig demo = ServiceConfig.demo();
    assertThat(demo.database().h2()).isTrue();
    assertThat(demo.sample()).isTrue();
  }

  @Test
  void theCurlExample_routesItsLead_onTheSample() throws IOException {
    String text = Files.readString(README);
    Curl curl = Curl.parse(text);
    ServiceConfig config = ServiceConfig.demo().withDatabase(Databases.h2(dir)).withPort(0);

    try (FairleadService s = FairleadService.start(config)) {
      String url = curl.url().replace("http://127.0.0.1:7070", "");
      String token = curl.header("Authorization").replace("Bearer ", "");
      Client.Response r =
          new Client(s.port())
              .send(curl.method(), url, token, curl.data(), curl.header("Content-Type"));

      assertThat(r.status()).as(r.text()).isEqualTo(201);
      JsonNode body = r.json();
      assertThat(body.path("outcome").asText()).isEqualTo("added");
      assertThat(body.path("owner").asText()).isNotBlank();
      assertThat(body.path("reason").asText()).contains(body.path("owner").asText());
    }
  }

  /** The first curl command of a text, continued lines joined. */
  record Curl(String method, String url, List<String[]> headers, String data) {
    static Curl parse(String text) {
      Matcher m = Pattern.compile("curl [^`]*?(?=\\n\\n|\\n```)", Pattern.DOTALL).matcher(text);
      assertThat(m.find()).as("a curl command").isTrue();
      String cmd = m.group().replace("\\\n", " ");
      String method = "GET";
      String url = null;
      String data = null;
      List<String[]> headers = new ArrayList<>();
      Matcher t = Pattern.compile("-X (\\w+)|-H '([^']*)'|-d '([^']*)'|(http://\\S+)").matcher(cmd);
      while (t.find()) {
        if (t.group(1) != null) {
          method = t.group(1);
        } else if (t.group(2) != null) {
          String[] h = t.group(2).split(":\\s*", 2);
          headers.add(h);
        } else if (t.group(3) != null) {
          data = t.group(3);
        } else {
          url = t.group(4);
        }
      }
      return new Curl(method, url, headers, data);
    }

    String header(String name) {
      return headers.stream()
          .filter(h -> h[0].equalsIgnoreCase(name))
          .map(h -> h[1])
          .findFirst()
          .orElseThrow();
    }
  }
}
