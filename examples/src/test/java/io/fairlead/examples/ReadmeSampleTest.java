package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.solver.LeadAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's sample, copied verbatim between the markers, compiled and run. */
class ReadmeSampleTest {

  @Test
  void readmeSample_runs_andRespectsTheRules() {
    // README sample: begin
    Policy policy = Policy.builder().allowRebalancing(true).build();
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").capacity(50).weight(1.2).build(),
            Rep.builder("ben").regions("East", "West").tiers("B", "C").build());
    List<Lead> leads =
        List.of(
            Lead.builder("c1").region("East").industry("retail").value(120_000).tier("A").build(),
            Lead.builder("c2").region("West").industry("finance").value(8_000).tier("C").build(),
            Lead.builder("c3")
                .region("East")
                .industry("retail")
                .value(9_500)
                .currentOwner("ben")
                .build());

    Allocation result = LeadAllocator.create(policy).allocate(reps, leads);
    result.outcomes().forEach(o -> System.out.println(o.lead() + " -> " + o.rep().orElse(null)));
    System.out.println(result.explain(LeadId.of("c1")).summary());
    System.out.println("count Gini: " + result.metrics().count().gini());
    // README sample: end

    assertThat(result.outcomes()).hasSize(3);
    assertThat(result.assignment())
        .containsEntry(LeadId.of("c1"), RepId.of("ana")) // ben may not take tier A
        .containsEntry(LeadId.of("c2"), RepId.of("ben")); // only ben covers West
    assertThat(result.metrics().violations()).isEmpty();
    assertThat(result.explain(LeadId.of("c1")).summary()).contains("ana");
  }

  @Test
  void readme_showsExactlyTheSampleCompiledHere() throws IOException {
    // Tests run in the module directory: the README is one level up.
    String readme = Files.readString(Path.of("../README.md"));
    String block = readme.substring(readme.indexOf("```java\n") + 8);
    block = block.substring(0, block.indexOf("```"));
    String source =
        Files.readString(Path.of("src/test/java/io/fairlead/examples/ReadmeSampleTest.java"));
    String sample = source.substring(source.indexOf("// README sample: begin\n") + 24);
    sample = sample.substring(0, sample.indexOf("    // README sample: end"));

    assertThat(block.strip().lines().map(String::strip).toList())
        .isEqualTo(sample.strip().lines().map(String::strip).toList());
  }
}
