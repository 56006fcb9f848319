package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Policy;
import org.junit.jupiter.api.Test;

/**
 * One rep, one lead or one policy read on its own, or embedded in another document: the same codecs
 * and strictness as a problem's, and errors that name the outer document and path.
 */
class FairleadJsonRecordTest {

  private static final String LEAD =
      """
      {"id": "c4", "region": "East", "industry": "retail", "value": 2000}""";

  private static final String REP =
      """
      {"id": "nova", "regions": ["East"], "capacity": 10}""";

  @Test
  void lead_writeThenRead_isEqual() {
    Lead lead =
        Lead.builder("c1")
            .region("East")
            .industry("retail")
            .companySize(40)
            .value(1234.5)
            .winProbability(0.25)
            .tier("A")
            .kind(LeadKind.EXISTING_CUSTOMER)
            .currentOwner("ana")
            .locked(true)
            .attribute("company", "Acme")
            .build();

    assertThat(FairleadJson.readLead(FairleadJson.writeLead(lead))).isEqualTo(lead);
  }

  @Test
  void rep_writeThenRead_isEqual() {
    Rep rep =
        Rep.builder("ana")
            .regions("East", "West")
            .role(Role.FARMER)
            .capacity(120)
            .heldOutside(3)
            .weight(1.5)
            .share(0.5)
            .build();

    assertThat(FairleadJson.readRep(FairleadJson.writeRep(rep))).isEqualTo(rep);
  }

  @Test
  void lead_onItsOwn_errorNamesTheLeadDocument() {
    assertThatThrownBy(() -> FairleadJson.readLead(LEAD.replace("2000", "-5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead JSON at $.value: lead c4: value must be in [0, 1e15], was -5.0");
  }

  @Test
  void lead_embedded_errorNamesTheOuterDocumentAndPath() {
    assertThatThrownBy(
            () -> FairleadJson.readLead(LEAD.replace("2000", "-5"), "scenario", "$.stream[3].lead"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scenario JSON at $.stream[3].lead.value: lead c4: value must be in [0, 1e15], was"
                + " -5.0");
  }

  @Test
  void lead_embedded_wrongType_namesTheRecord() {
    assertThatThrownBy(
            () ->
                FairleadJson.readLead(
                    LEAD.replace("2000", "\"2000\""), "scenario", "$.stream[3].lead"))
        .hasMessage(
            "scenario JSON at $.stream[3].lead.value: lead c4: wrong type: expected a number,"
                + " found a string (\"2000\")");
  }

  @Test
  void lead_embedded_unknownField_listsTheKnownOnes() {
    assertThatThrownBy(
            () ->
                FairleadJson.readLead(
                    LEAD.replace("\"value\"", "\"valeu\""), "scenario", "$.book[0]"))
        .hasMessage(
            "scenario JSON at $.book[0].valeu: lead c4: unknown field 'valeu' (known: id, region,"
                + " industry, companySize, value, winProbability, tier, kind, currentOwner,"
                + " locked, attributes)");
  }

  @Test
  void lead_embedded_missingId_isAtTheBase() {
    assertThatThrownBy(
            () -> FairleadJson.readLead("{\"region\": \"East\"}", "scenario", "$.book[2]"))
        .hasMessage("scenario JSON at $.book[2].id: missing required field 'id'");
  }

  @Test
  void lead_embedded_repeatedKey_isMalformedAtTheBase() {
    assertThatThrownBy(
            () ->
                FairleadJson.readLead(
                    "{\"id\": \"c1\", \"id\": \"c2\"}", "scenario", "$.stream[0].lead"))
        .hasMessageStartingWith("scenario JSON at $.stream[0].lead, line 1 column ")
        .hasMessageContaining("malformed JSON: Duplicate field 'id'");
  }

  @Test
  void lead_embedded_null_isAnError() {
    assertThatThrownBy(() -> FairleadJson.readLead("null", "scenario", "$.stream[0].lead"))
        .hasMessage("scenario JSON at $.stream[0].lead: expected an object, was null");
  }

  @Test
  void rep_embedded_domainError_pointsAtTheField() {
    assertThatThrownBy(
            () -> FairleadJson.readRep(REP.replace("10", "-1"), "scenario", "$.events[2].hire"))
        .hasMessage(
            "scenario JSON at $.events[2].hire.capacity: rep nova: capacity must be >= 0, was -1");
  }

  @Test
  void rep_onItsOwn_fractionForAWholeNumber_isAWrongType() {
    assertThatThrownBy(() -> FairleadJson.readRep(REP.replace("10", "10.5")))
        .hasMessage(
            "rep JSON at $.capacity: rep nova: wrong type: expected a whole number, found a number"
                + " (10.5)");
  }

  @Test
  void rep_repeatedRegion_isAnError() {
    assertThatThrownBy(
            () -> FairleadJson.readRep(REP.replace("[\"East\"]", "[\"East\", \"East\"]")))
        .hasMessage("rep JSON at $.regions[1]: rep nova: regions holds 'East' twice");
  }

  @Test
  void policy_embedded_errorNamesTheOuterPath() {
    assertThatThrownBy(
            () -> FairleadJson.readPolicy("{\"minWeight\": 0}", "scenario", "$.policies.receipts"))
        .hasMessageStartingWith(
            "scenario JSON at $.policies.receipts.minWeight: policy: minWeight");
  }

  @Test
  void policy_embedded_reads() {
    assertThat(FairleadJson.readPolicy("{}", "scenario", "$.policies['a b']"))
        .isEqualTo(Policy.defaults());
  }

  @Test
  void embedded_badBase_isRefused() {
    assertThatThrownBy(() -> FairleadJson.readLead(LEAD, "scenario", "stream[0]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path must be a JSONPath from $");
    assertThatThrownBy(() -> FairleadJson.readLead(LEAD, " ", "$"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("document must not be blank");
  }
}
