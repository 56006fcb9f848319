package io.fairlead.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz harness itself: failures and hangs are caught, reported and written out. */
class FuzzerTest {

  @Test
  void run_anOracleThatThrows_reportsTheKindAndWritesUpToThreeInputs() throws IOException {
    Fuzzer.Report report =
        Fuzzer.run(
            List.of(Document.POLICY),
            7,
            4,
            i -> {
              throw new NullPointerException("boom");
            });

    assertThat(report.inputs()).isEqualTo(2 + 4); // the two policy seeds, then the mutants
    assertThat(report.failures()).containsOnlyKeys("policy: boom");
    List<String> files = report.failures().get("policy: boom");
    assertThat(files).hasSize(3);
    assertThat(Files.readString(Path.of(files.get(0))))
        .isEqualTo(Seeds.get().documents(Document.POLICY).get(0));
    assertThat(Files.readString(Path.of(files.get(0).replace(".json", ".txt"))))
        .contains("NullPointerException: boom");
  }

  @Test
  void run_anInputThatHangs_isAFailureAndTheRunGoesOn() {
    Fuzzer.Report report =
        Fuzzer.run(
            List.of(Document.POLICY),
            7,
            0,
            i -> {
              if (i.name().endsWith("seed-0")) {
                try {
                  Thread.sleep(60_000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return FuzzOracle.Verdict.ACCEPTED;
            },
            Duration.ofMillis(200));

    assertThat(report.failures().keySet()).singleElement().asString().contains("a hang");
    assertThat(report.accepted(Document.POLICY)).isEqualTo(1); // seed 1, after the hang
  }

  @Test
  void utf8Safe_loneSurrogates_becomeEscapesAndPairsStay() {
    assertThat(Fuzzer.utf8Safe("a\uD800b\uD83D\uDE00\uDC00"))
        .isEqualTo("a\\uD800b\uD83D\uDE00\\uDC00");
  }
}
