package io.fairlead.lab.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, found on the PATH as {@code chromium}, {@code chromium-browser} or {@code
 * google-chrome}. Without one, a test that needs it fails and says how to install it: a browser
 * test that skips silently would prove nothing.
 */
final class Chromium {

  static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  static final String INSTALL =
      "no headless browser found: the report's browser test needs one of "
          + NAMES
          + " on the PATH. On Debian or Ubuntu: apt-get update && apt-get install -y chromium"
          + " (.ci/run does this when it is missing)";

  /** What a run of the browser printed. */
  record Output(String stdout, String stderr, int exitCode) {}

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** The browser on the PATH; fails the test, saying how to install one, if there is none. */
  static Chromium find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return new Chromium(candidate);
        }
      }
    }
    return fail(INSTALL);
  }

  /** The page's DOM after its scripts ran and its load event fired, with the console on stderr. */
  Output dumpDom(Path page, Path work) throws IOException, InterruptedException {
    return run(work, "--enable-logging=stderr", "--v=0", "--dump-dom", uri(page));
  }

  /** A picture of the page. */
  Output screenshot(Path page, Path png, int width, int height, Path work)
      throws IOException, InterruptedException {
    return run(
        work,
        "--hide-scrollbars",
        "--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height,
        uri(page));
  }

  private static String uri(Path page) {
    return page.toAbsolutePath().toUri().toString();
  }

  private Output run(Path work, String... args) throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--headless");
    command.add("--no-sandbox"); // required as root, harmless otherwise
    command.add("--disable-gpu");
    command.add("--no-first-run");
    command.add("--user-data-dir=" + work.resolve("profile").toAbsolutePath());
    command.addAll(List.of(args));
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the browser did not finish within 120 s: " + command);
    }
    return new Output(
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        p.exitValue());
  }
}
