package io.fairlead.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvMappingTest {

  @Test
  void defaults_readEveryFieldFromTheColumnOfItsName() {
    CsvMapping reps = CsvMapping.reps();
    assertThat(reps.columns().keySet()).containsExactlyElementsOf(CsvMapping.REP_FIELDS);
    reps.columns().forEach((field, header) -> assertThat(header).isEqualTo(field));
    assertThat(reps.separator()).isEqualTo(';');
    assertThat(reps.ignored()).isEmpty();
    assertThat(CsvMapping.leads().attributes()).isEmpty();
  }

  @Test
  void builder_isReusable_andOptionsAreSetOnce() {
    CsvMapping.Builder b = CsvMapping.forLeads().column("value", "Amount");
    assertThat(b.build().columns()).isEqualTo(b.build().columns());
    assertThatThrownBy(() -> b.column("value", "Other"))
        .hasMessage("CsvMapping: field 'value' is mapped twice ('Amount', then 'Other')");
    b.separator('|');
    assertThatThrownBy(() -> b.separator('|')).hasMessage("CsvMapping: separator is set twice");
  }

  @Test
  void builder_refusesUnknownFieldsAndBadSeparators() {
    assertThatThrownBy(() -> CsvMapping.forReps().column("region", "Office"))
        .hasMessage(
            "CsvMapping: unknown rep field 'region', expected one of id, regions, industries,"
                + " allowedTiers, role, companySizeMin, companySizeMax, capacity, heldOutside,"
                + " newLeadCap, available, weight, share, preferredIndustries");
    assertThatThrownBy(() -> CsvMapping.forReps().separator(','))
        .hasMessage("CsvMapping: separator must not be a comma, a quote or whitespace, was ','");
    assertThatThrownBy(() -> CsvMapping.forReps().attributes("x"))
        .hasMessage("CsvMapping: reps have no attributes");
    assertThatThrownBy(() -> CsvMapping.forLeads().column("id", " id"))
        .hasMessage("CsvMapping: a column header must not start or end with whitespace, was ' id'");
  }

  @Test
  void build_refusesAColumnReadTwice() {
    assertThatThrownBy(() -> CsvMapping.forLeads().column("region", "industry").build())
        .hasMessage("CsvMapping: column 'industry' is both field region and field industry");
    assertThatThrownBy(() -> CsvMapping.forLeads().ignore("value").build())
        .hasMessage("CsvMapping: column 'value' is both field value and ignored");
    assertThatThrownBy(() -> CsvMapping.forLeads().ignore("x").attributes("x").build())
        .hasMessage("CsvMapping: column 'x' is both ignored and an attribute");
  }
}
