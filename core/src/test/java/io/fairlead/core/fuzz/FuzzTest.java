package io.fairlead.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON readers under a seeded mutation fuzz (issue #7): every input is either read, and then
 * allocated, routed and written back with every lead exactly once and a score that has not wrapped,
 * or refused with an {@link IllegalArgumentException} that names the JSON path; nothing else is
 * thrown, and nothing hangs (see {@link FuzzOracle}, {@link JsonMutator}, {@link Fuzzer}).
 *
 * <p>The build replays the committed corpus and runs a fixed seed's mutants. A larger run is one
 * command away; failing inputs are written to {@code core/target/fuzz-failures/}:
 *
 * <pre>
 * mvn -B test -pl core -Dtest=FuzzTest -Dfuzz.runs=100000 -Dfuzz.seed=0x1234
 * </pre>
 */
class FuzzTest {

  /** Mutants per build: about 10 s on two shared cores, all six documents. */
  private static final int BUILD_RUNS = 6_000;

  @TestFactory
  Stream<DynamicTest> corpus_replayed_givesTheRecordedVerdict() {
    return Corpus.entries().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.file(),
                    () -> {
                      FuzzOracle.Verdict v =
                          assertTimeoutPreemptively(
                              Fuzzer.HANG, () -> FuzzOracle.check(e.document(), e.json()));
                      if (e.accepted()) {
                        assertThat(v.message()).as("rejected, but recorded as accepted").isNull();
                      } else {
                        // the recorded path, then the end of the path or a deeper step
                        assertThat(v.message())
                            .as("recorded as rejected at " + e.where())
                            .isNotNull()
                            .matches(
                                Pattern.quote(e.document().id() + " JSON at " + e.where())
                                    + "[:.\\[ ](?s).*");
                      }
                    }));
  }

  @Test
  void corpus_index_namesEveryFileOnce() throws IOException {
    List<String> indexed = Corpus.entries().stream().map(Corpus.Entry::file).toList();
    try (Stream<Path> files = Files.list(Path.of(Corpus.DIRECTORY))) {
      List<String> present =
          files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).toList();
      assertThat(indexed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
    }
  }

  @Test
  @Tag("slow") // 6,000 inputs; excluded by the fast profile (mvn test -Pfast), the corpus is not
  void mutants_ofEveryDocument_areReadWholeOrRefusedWithAPath() {
    List<Document> all = List.of(Document.values());
    Fuzzer.Report report =
        Fuzzer.run(
            all,
            Fuzzer.seed(),
            Fuzzer.runs(BUILD_RUNS),
            i -> FuzzOracle.check(i.document(), i.json()));
    System.out.print(report.summary());

    assertThat(report.failures()).as(report.summary()).isEmpty();
    for (Document d : all) { // the mutants are neither all valid nor all broken
      assertThat(report.accepted(d)).as(d + " accepted").isPositive();
      assertThat(report.rejected(d)).as(d + " rejected").isPositive();
    }
  }

  @Test
  void mutator_sameSeed_sameMutant() {
    String seed = Seeds.get().documents(Document.PROBLEM).get(0);
    for (int s = 0; s < 50; s++) {
      assertThat(JsonMutator.mutate(seed, new Random(s)))
          .isEqualTo(JsonMutator.mutate(seed, new Random(s)));
    }
  }
}
