package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/json-format.md} honest: every {@code ```json} block in it is one of the example
 * files in {@code src/test/resources/json} verbatim, every example file is shown, each is read by
 * the reader it documents, and the error messages the doc quotes are the ones the readers produce.
 * Paths are relative to the core module, the working directory of its tests.
 */
class JsonFormatDocTest {

  private static final Path DOC = Path.of("../docs/json-format.md");
  private static final Path EXAMPLES = Path.of("src/test/resources/json");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TEXT_BLOCK = Pattern.compile("```text\n(.*?)```", Pattern.DOTALL);

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The blocks of the doc, but those of the Scenario section: that format is the lab's, and the
   * lab's {@code ScenarioDocTest} keeps its section honest.
   */
  private static List<String> blocks(Pattern kind) {
    String doc = read(DOC);
    int scenario = doc.indexOf("\n## Scenario\n");
    if (scenario >= 0) {
      int next = doc.indexOf("\n## ", scenario + 1);
      doc = doc.substring(0, scenario) + (next < 0 ? "" : doc.substring(next));
    }
    Matcher m = kind.matcher(doc);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Map<String, String> examples() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      files
          .filter(f -> f.toString().endsWith(".json"))
          .forEach(f -> out.put(f.getFileName().toString(), read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String example(String name) {
    return read(EXAMPLES.resolve(name));
  }

  @Test
  void doc_everyJsonBlock_isAnExampleFileVerbatim() {
    List<String> blocks = blocks(JSON_BLOCK);

    assertThat(blocks).isNotEmpty();
    for (String block : blocks) {
      assertThat(examples().values())
          .as("```json block starting %s", block.lines().limit(3).toList())
          .contains(block);
    }
  }

  @Test
  void examples_everyFile_isShownInTheDoc() {
    List<String> blocks = blocks(JSON_BLOCK);

    examples()
        .forEach(
            (name, text) -> assertThat(blocks).as("%s is shown in the doc", name).contains(text));
    assertThat(examples().keySet())
        .containsExactlyInAnyOrder(
            "problem.json", "problem-minimal.json", "policy.json", "result.json", "book.json");
  }

  @Test
  void problemExample_reads_withThreeRepsAndFiveLeadsAsDocumented() {
    Problem p = FairleadJson.readProblem(example("problem.json"));

    assertThat(p.reps()).hasSize(3);
    assertThat(p.leads()).hasSize(5);
    Rep ana = p.reps().get(0);
    assertThat(ana.capacity()).isEqualTo(120);
    assertThat(ana.heldOutside()).isEqualTo(100);
    assertThat(p.reps().get(1).newLeadCap()).isEqualTo(10);
    assertThat(p.reps().get(2).capacity()).isEqualTo(Rep.UNLIMITED);
    Lead c2 = p.leads().get(1);
    assertThat(c2.winProbability().getAsDouble()).isEqualTo(0.3);
    assertThat(p.policy().tierOf(c2)).isEqualTo(Tier.of("A"));
    Lead c5 = p.leads().get(4);
    assertThat(c5.locked()).isTrue();
    assertThat(c5.currentOwner()).contains(RepId.of("cleo"));
    assertThat(c5.attributes()).containsEntry("stage", "renewal");
    assertThat(p.policy().weight(Objective.VALUE)).isEqualTo(2.0);
    assertThat(p.policy().weight(Objective.COUNT)).isEqualTo(1.0);
    assertThat(p.policy().tierWeights().get(Tier.of("A"))).isEqualTo(5.0);
  }

  @Test
  void minimalProblemExample_reads_withEveryDefault() {
    Problem p = FairleadJson.readProblem(example("problem-minimal.json"));

    assertThat(p.policy()).isEqualTo(Policy.defaults());
    assertThat(p.reps()).containsExactly(Rep.builder("ana").build(), Rep.builder("ben").build());
    assertThat(p.leads())
        .containsExactly(Lead.builder("c1").region("East").industry("retail").build());
  }

  @Test
  void policyExample_reads_withEveryOptionSet() {
    Policy p = FairleadJson.readPolicy(example("policy.json"));

    assertThat(p.tiers().top()).isEqualTo(Tier.of("Gold"));
    assertThat(p.tierRule().orElseThrow().attribute()).contains("annualRevenue");
    assertThat(p.enforces(Rule.ROLE)).isFalse();
    assertThat(p.enforces(Rule.NEW_LEAD_CAP)).isFalse();
    assertThat(p.enforces(Rule.REGION)).isTrue();
    assertThat(p.weight(Objective.CONTINUITY)).isEqualTo(4.0);
    assertThat(p.allowRebalancing()).isTrue();
    assertThat(p.valueBasis()).isEqualTo(ValueBasis.EXPECTED);
    assertThat(p.maxWeight()).isEqualTo(3.0);
    assertThat(p.catchUp()).isEqualTo(CatchUp.capped(2));
  }

  @Test
  void resultExample_readsBack_asTheLeastBusyAllocationOfTheProblemExample() {
    Problem p = FairleadJson.readProblem(example("problem.json"));
    Allocation fresh = Baselines.leastBusy().allocate(p);

    Allocation doc = FairleadJson.readAllocation(example("result.json"), p);

    assertThat(doc.method()).isEqualTo("least-busy");
    assertThat(doc.outcomes()).isEqualTo(fresh.outcomes());
    assertThat(doc.score()).isEqualTo(fresh.score());
    assertThat(doc.metrics()).isEqualTo(fresh.metrics());
    assertThat(example("result.json")).contains(doc.explain(LeadId.of("c2")).summary());
  }

  /**
   * The book example's scenario: two reps join, a customer comes in and is claimed, a follow-up, a
   * manager's override, a duplicate merged. The example file is this book's log, written.
   */
  static io.fairlead.core.book.Book bookExample() {
    java.time.Clock monday =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneOffset.UTC);
    io.fairlead.core.book.Book book =
        io.fairlead.core.book.Book.builder(Policy.defaults()).clock(monday).build();
    book.addRep(Rep.builder("ana").regions("East").build(), "manager:lee", "joins the team");
    book.addRep(Rep.builder("ben").regions("East").build(), "manager:lee", "joins the team");
    book.add(
        Lead.builder("c1").region("East").value(5000).attribute("company", "Acme GmbH").build(),
        "crm",
        "web form");
    book.claim(RepId.of("ana"), LeadId.of("c1"));
    book.touch(LeadId.of("c1"), io.fairlead.core.book.Activity.FOLLOW_UP, "rep:ana");
    book.add(
        Lead.builder("w9").region("East").value(800).attribute("company", "ACME").build(),
        "crm",
        "trade fair");
    book.override(LeadId.of("c1"), RepId.of("ben"), "manager:lee", "ben knows their CFO");
    return book;
  }

  @Test
  void bookExample_isTheLogOfItsScenario_andReadsBackIntact() {
    io.fairlead.core.book.Book book = bookExample();

    assertThat(FairleadJson.writeBook(book)).isEqualTo(example("book.json"));
    io.fairlead.core.book.Book read =
        FairleadJson.readBook(
            example("book.json"),
            io.fairlead.core.book.Book.builder(Policy.defaults()).clock(book.clock()));
    assertThat(read.customers()).isEqualTo(book.customers());
    assertThat(read.verify().intact()).isTrue();
    assertThat(read.ownerOf(LeadId.of("w9"))).contains(RepId.of("ben"));
  }

  @Test
  void doc_quotedBookErrors_areTheOnesTheReaderProduces() {
    String quoted = String.join("", blocks(TEXT_BLOCK));
    String json = example("book.json");
    io.fairlead.core.book.Book.Builder builder =
        io.fairlead.core.book.Book.builder(Policy.defaults()).clock(bookExample().clock());
    List<String> inputs =
        List.of(
            json.replaceFirst(
                "\"leadId\": \"c1\",\n        \"to\": \"ana\"",
                "\"leadId\": \"c9\",\n        \"to\": \"ana\""),
            json.replaceFirst("\"kind\": \"touched\"", "\"kind\": \"claimed\""));
    for (String input : inputs) {
      assertThat(input).isNotEqualTo(json);
      assertThatThrownBy(() -> FairleadJson.readBook(input, builder))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(quoted).contains(e.getMessage()));
    }
    String edited = json.replace("\"reason\": \"web form\"", "\"reason\": \"phone call\"");
    assertThat(FairleadJson.readBook(edited, builder).verify().problem())
        .isEqualTo("its content does not match its hash: it was edited");
    assertThat(quoted).contains("its content does not match its hash: it was edited");
  }

  /** Breaks the problem example in one place. */
  private static String broken(String from, String to) {
    String json = example("problem.json");
    assertThat(json).contains(from);
    return json.replaceFirst(Pattern.quote(from), to);
  }

  @Test
  void doc_quotedErrorMessages_areTheOnesTheReaderProduces() {
    String quoted = String.join("", blocks(TEXT_BLOCK));
    List<String> inputs =
        List.of(
            broken("\"available\": true,", "\"available\": true"),
            broken("\"capacity\": 120", "\"capcity\": 120"),
            broken("\"value\": 2000", "\"value\": \"2000\""),
            broken("\"industry\": \"software\"", "\"industry\": \" \""),
            broken("\"value\": 2000", "\"value\": -5"),
            broken("\"value\": 2000", "\"value\": 2e15"),
            broken("\"currentOwner\": \"ana\"", "\"currentOwner\": \"zoe\""));

    for (String input : inputs) {
      assertThatThrownBy(() -> FairleadJson.readProblem(input))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(quoted).contains(e.getMessage()));
    }
  }
}
