package io.fairlead.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/csv-format.md} honest, as {@code JsonFormatDocTest} does for JSON: every {@code
 * ```csv} block is one of the files in {@code src/test/resources/csv} verbatim and every file is
 * shown, each reads as the page says, the result is what {@link FairleadCsv#writeAllocation}
 * writes, and the quoted errors are the ones the readers produce. Paths are relative to the core
 * module, the working directory of its tests.
 */
class CsvFormatDocTest {

  private static final Path DOC = Path.of("../docs/csv-format.md");
  private static final Path EXAMPLES = Path.of("src/test/resources/csv");
  private static final Pattern CSV_BLOCK = Pattern.compile("```csv\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TEXT_BLOCK = Pattern.compile("```text\n(.*?)```", Pattern.DOTALL);

  /** The mapping the page shows for {@code crm-leads.csv}. */
  static final CsvMapping CRM =
      CsvMapping.forLeads()
          .column("id", "Opportunity ID")
          .column("region", "Territory")
          .column("industry", "Sector")
          .column("value", "Amount")
          .column("currentOwner", "Owner")
          .ignore("Notes")
          .build();

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> blocks(Pattern kind) {
    Matcher m = kind.matcher(read(DOC));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String example(String name) {
    return read(EXAMPLES.resolve(name));
  }

  private static List<Rep> reps() {
    return FairleadCsv.readReps(example("reps.csv"), CsvMapping.reps());
  }

  private static List<Lead> leads() {
    return FairleadCsv.readLeads(example("leads.csv"), CsvMapping.leads());
  }

  @Test
  void doc_everyCsvBlock_isAnExampleFile_andEveryFileIsShown() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      list.forEach(f -> files.put(f.getFileName().toString(), read(f)));
    }
    assertThat(blocks(CSV_BLOCK)).containsExactlyInAnyOrderElementsOf(files.values());
  }

  @Test
  void repsExample_reads_asDocumented() {
    assertThat(reps())
        .containsExactly(
            Rep.builder("ana")
                .regions("East")
                .industries("retail", "software")
                .role(Role.FARMER)
                .capacity(120)
                .weight(1.2)
                .build(),
            Rep.builder("ben").regions("East", "West").role(Role.HUNTER).build(),
            Rep.builder("cleo")
                .industries("retail")
                .capacity(40)
                .weight(0.8)
                .available(false)
                .build());
  }

  @Test
  void leadsExample_reads_asDocumented() {
    List<Lead> leads = leads();
    assertThat(leads).hasSize(5);
    assertThat(leads.get(0))
        .isEqualTo(
            Lead.builder("c1")
                .region("East")
                .industry("retail")
                .companySize(120)
                .value(25000)
                .kind(LeadKind.EXISTING_CUSTOMER)
                .currentOwner("ana")
                .attribute("source", "webinar")
                .build());
    assertThat(leads.get(1).attributes()).containsExactly(Map.entry("source", "referral, partner"));
    assertThat(leads.get(2).attributes()).isEmpty(); // an empty cell: no attribute
    assertThat(leads.get(2).kind()).isEqualTo(LeadKind.NEW_BUSINESS);
    assertThat(leads.get(4).locked()).isTrue();
  }

  @Test
  void crmExample_reads_withTheDocumentedMapping() {
    assertThat(FairleadCsv.readLeads(example("crm-leads.csv"), CRM))
        .containsExactly(
            Lead.builder("o-1001")
                .region("East")
                .industry("retail")
                .value(25000)
                .currentOwner("ana")
                .attribute("Account", "Acme Corp")
                .build(),
            Lead.builder("o-1002").region("West").industry("software").value(4200.5).build());
  }

  @Test
  void resultExample_isTheLeastBusyAllocationOfTheExamples() {
    Problem problem = Problem.of(Policy.defaults(), reps(), leads());
    assertThat(FairleadCsv.writeAllocation(Baselines.leastBusy().allocate(problem)))
        .isEqualTo(example("result.csv"));
  }

  /** The edits of the examples that the page's error list shows, in its order. */
  private static final List<Function<String, String>> EDITS_OF_LEADS =
      List.of(
          s -> s.replace("c4,North,mining,15,2000", "c4,North,mining,15,-5"),
          s -> s.replace("c4,North,mining,15,2000", "c4,North,mining,15,\"2,000\""),
          s -> s.replace("c3,West,retail,5000,8000,B,,,,", "c3,West,retail,5000,8000,B,,,,,"),
          s -> s.replace("c5,West", "c1,West"),
          s -> s.replace("ben,true", "ben,yes"));

  @Test
  void doc_quotedErrors_areTheOnesTheReadersProduce() {
    List<String> produced = new ArrayList<>();
    for (Function<String, String> edit : EDITS_OF_LEADS) {
      String edited = edit.apply(example("leads.csv"));
      assertThat(edited).isNotEqualTo(example("leads.csv"));
      produced.add(
          catchThrowable(() -> FairleadCsv.readLeads(edited, CsvMapping.leads())).getMessage());
    }
    String misspelt = example("leads.csv").replace("tier,", "teir,");
    CsvMapping strict = CsvMapping.forLeads().attributes("source").build();
    assertThat(FairleadCsv.readLeads(misspelt, CsvMapping.leads()).get(1).attributes())
        .containsEntry("teir", "A"); // an unknown column of leads is an attribute by default
    produced.add(catchThrowable(() -> FairleadCsv.readLeads(misspelt, strict)).getMessage());
    String reps = example("reps.csv").replace("ben,East;West", "ben,East;;West");
    produced.add(catchThrowable(() -> FairleadCsv.readReps(reps, CsvMapping.reps())).getMessage());
    String unknown = example("reps.csv").replace("available", "Manager");
    produced.add(
        catchThrowable(() -> FairleadCsv.readReps(unknown, CsvMapping.reps())).getMessage());
    List<String> quoted =
        blocks(TEXT_BLOCK).stream()
            .flatMap(b -> b.lines())
            .filter(l -> l.contains(" CSV at "))
            .toList();
    assertThat(quoted).containsExactlyElementsOf(produced);
  }
}
