package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.csv.CsvExport;
import io.fairlead.core.csv.CsvMapping;
import io.fairlead.core.csv.FairleadCsv;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled Maven CRM sample (35 reps, 2089 leads with five attributes, owners and tiers) written
 * as CSV in the default mapping and read back equal; its least-busy result as CSV has a row per
 * lead.
 */
class MavenCrmCsvTest {

  private static final MavenCrmData CRM = MavenCrmData.load();

  @Test
  void reps_writtenAsCsv_readBackEqual() {
    List<Rep> reps = CRM.reps();
    assertThat(FairleadCsv.readReps(CsvExport.reps(reps), CsvMapping.reps()))
        .hasSize(35)
        .isEqualTo(reps);
  }

  @Test
  void leads_writtenAsCsv_readBackEqual() {
    List<Lead> leads = CRM.leads();
    String csv = CsvExport.leads(leads);
    assertThat(csv.lines().findFirst().orElseThrow())
        .endsWith(",locked,account,engaged,product,revenue,stage");
    assertThat(FairleadCsv.readLeads(csv, CsvMapping.leads())).hasSize(2089).isEqualTo(leads);
  }

  @Test
  void result_asCsv_hasAHeaderAndOneRowPerLead() {
    Allocation result = Baselines.leastBusy().allocate(CRM.problem());
    List<String> lines = FairleadCsv.writeAllocation(result).lines().toList();
    assertThat(lines.get(0)).isEqualTo("lead,rep,status,reason,message");
    assertThat(lines).hasSize(1 + 2089);
    assertThat(lines.get(1)).startsWith(CRM.leads().get(0).id().value() + ",");
  }
}
