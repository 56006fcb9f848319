package io.fairlead.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairleadCsvTest {

  @Test
  void reps_everyColumn_readAsTheBuilderWould() {
    String csv =
        "id,regions,industries,allowedTiers,role,companySizeMin,companySizeMax,capacity,"
            + "heldOutside,newLeadCap,available,weight,share,preferredIndustries\n"
            + "ana,East; West,retail,A;B,FARMER,0,999,120,100,10,TRUE,1.2,0.5,retail\n"
            + "ben,,,,,,,,,,,,,\n";
    List<Rep> reps = FairleadCsv.readReps(csv, CsvMapping.reps());
    assertThat(reps)
        .containsExactly(
            Rep.builder("ana")
                .regions("East", "West")
                .industries("retail")
                .tiers("A", "B")
                .role(Role.FARMER)
                .companySizes(SizeRange.of(0, 999))
                .capacity(120)
                .heldOutside(100)
                .newLeadCap(10)
                .available(true)
                .weight(1.2)
                .share(0.5)
                .preferredIndustries("retail")
                .build(),
            Rep.builder("ben").build());
  }

  @Test
  void leads_unmappedColumns_becomeAttributes_emptyCellsAreAbsent() {
    String csv =
        "id,region,value,kind,currentOwner,locked,source\n"
            + "c1,East,25000,EXISTING_CUSTOMER,ana,false,webinar\n"
            + "c2,,,,,,\n";
    assertThat(FairleadCsv.readLeads(csv, CsvMapping.leads()))
        .containsExactly(
            Lead.builder("c1")
                .region("East")
                .value(25000)
                .kind(LeadKind.EXISTING_CUSTOMER)
                .currentOwner("ana")
                .attribute("source", "webinar")
                .build(),
            Lead.builder("c2").build());
  }

  @Test
  void mapping_renamesSplitsAndIgnores() {
    CsvMapping reps =
        CsvMapping.forReps()
            .column("id", "Agent")
            .column("regions", "Offices")
            .separator('|')
            .ignore("Manager")
            .build();
    assertThat(FairleadCsv.readReps("Agent,Manager,Offices\nana,Dustin,East|West\n", reps))
        .containsExactly(Rep.builder("ana").regions("East", "West").build());
  }

  @Test
  void listedAttributes_areTheOnlyExtraColumns() {
    CsvMapping mapping = CsvMapping.forLeads().attributes("source").ignore("notes").build();
    assertThat(
            FairleadCsv.readLeads(new StringReader("id,notes,source\nc1,call back,web\n"), mapping))
        .containsExactly(Lead.builder("c1").attribute("source", "web").build());
  }

  @Test
  void file_withBomCrlfQuotesAndBlankRows_isRead() {
    String csv =
        "\uFEFFid,region,industry,source\r\n"
            + "c1,\"East, North\",\"retail\r\nand more\",\"said \"\"hi\"\"\"\r\n"
            + "\r\n"
            + ",,,\r\n"
            + "  c2  , West ,retail,\r\n";
    assertThat(FairleadCsv.readLeads(csv, CsvMapping.leads()))
        .containsExactly(
            Lead.builder("c1")
                .region("East, North")
                .industry("retail\r\nand more")
                .attribute("source", "said \"hi\"")
                .build(),
            Lead.builder("c2").region("West").industry("retail").build());
  }

  @Test
  void headerOnly_isNoRecords() {
    assertThat(FairleadCsv.readReps("id,regions\n", CsvMapping.reps())).isEmpty();
  }

  @Test
  void columns_areTheDocumentedOnes() {
    // CsvFormatDocTest checks a whole result against the page
    assertThat(FairleadCsv.ALLOCATION_COLUMNS)
        .containsExactly("lead", "rep", "status", "reason", "message");
    assertThat(CsvMapping.leads().columns()).containsEntry("value", "value");
    assertThat(CsvMapping.forLeads().column("value", "Amount").build().columns())
        .containsAllEntriesOf(Map.of("value", "Amount", "id", "id"));
  }
}
