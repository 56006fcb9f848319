package io.fairlead.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/service-errors.md} lists exactly the codes the fuzz oracle accepts, by status. */
class ErrorCodesDocTest {

  private static final Path DOC = Path.of("..", "..", "docs", "service-errors.md");

  @Test
  void theDocsTableOfCodes_isTheOraclesTable() throws IOException {
    Map<Integer, Set<String>> documented = new TreeMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| (\\d{3}) \\| `([a-z-]+)` \\|").matcher(Files.readString(DOC));
    while (row.find()) {
      documented
          .computeIfAbsent(Integer.parseInt(row.group(1)), s -> new TreeSet<>())
          .add(row.group(2));
    }
    Map<Integer, Set<String>> oracle = new TreeMap<>();
    HttpOracle.CODES.forEach((status, codes) -> oracle.put(status, new TreeSet<>(codes)));

    assertThat(documented).isEqualTo(oracle);
  }
}
