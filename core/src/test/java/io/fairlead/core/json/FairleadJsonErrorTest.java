package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is an IllegalArgumentException naming the document, path and record. */
class FairleadJsonErrorTest {

  /** Four leads, the last (index 3) with id c42; each test breaks one thing. */
  private static final String PROBLEM =
      """
      {
        "reps": [
          {"id": "ana", "capacity": 10},
          {"id": "ben"}
        ],
        "leads": [
          {"id": "c1", "region": "East", "industry": "retail"},
          {"id": "c2", "region": "East", "industry": "retail"},
          {"id": "c3", "region": "East", "industry": "retail"},
          {"id": "c42", "region": "East", "industry": "retail", "value": 100}
        ]
      }
      """;

  private static AbstractThrowableAssert<?, ? extends Throwable> assertProblemFails(String json) {
    return assertThatThrownBy(() -> FairleadJson.readProblem(json))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void problem_sanity_theBaseReads() {
    assertThat(FairleadJson.readProblem(PROBLEM).leads()).hasSize(4);
  }

  @Test
  void malformedJson_namesLineAndColumn() {
    String broken = PROBLEM.replace("\"ben\"}", "\"ben\",}");

    assertProblemFails(broken)
        .hasMessageStartingWith("problem JSON at line 4 column 18: malformed JSON: ");
  }

  @Test
  void malformedJson_trailingCommaInArray_namesLineAndColumn() {
    String broken = PROBLEM.replace("\"value\": 100}", "\"value\": 100},");

    assertProblemFails(broken)
        .hasMessageMatching("problem JSON at line 11 column \\d+: malformed JSON: .*");
  }

  @Test
  void malformedJson_contentAfterTheDocument_fails() {
    assertProblemFails(PROBLEM + "{}")
        .hasMessageStartingWith("problem JSON at line 13 column 1: malformed JSON: ")
        .hasMessageContaining("unexpected content after the document");
  }

  @Test
  void malformedJson_repeatedKey_fails() {
    String broken = PROBLEM.replace("\"capacity\": 10", "\"capacity\": 10, \"capacity\": 20");

    assertProblemFails(broken)
        .hasMessageStartingWith("problem JSON at line 3 column")
        .hasMessageContaining("Duplicate field 'capacity'");
  }

  @Test
  void emptyDocument_isMalformed() {
    assertProblemFails("  ")
        .hasMessage("problem JSON at line 1 column 3: malformed JSON: no content");
  }

  @Test
  void nullDocument_fails() {
    assertProblemFails("null").hasMessage("problem JSON at $: expected an object, was null");
  }

  @Test
  void unknownField_namesPathRecordAndKnownFields() {
    String broken = PROBLEM.replace("\"capacity\": 10", "\"capcity\": 10");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[0].capcity: rep ana: unknown field 'capcity' (known: id,"
                + " regions, industries, allowedTiers, role, companySizes, capacity, heldOutside,"
                + " newLeadCap, available, weight, share, preferredIndustries)");
  }

  @Test
  void unknownField_atTheTop_fails() {
    String broken = PROBLEM.replaceFirst("\\{", "{\"polcy\": {},");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.polcy: unknown field 'polcy' (known: policy, reps, leads, ledger)");
  }

  private static String withLedger(String entries) {
    return PROBLEM.replaceFirst("\\{", "{\"ledger\": [" + entries + "],");
  }

  @Test
  void ledger_sanity_reads() {
    var p =
        FairleadJson.readProblem(
            withLedger("{\"rep\": \"ben\", \"received\": 2, \"credited\": 2.5}"));

    assertThat(p.ledger().entries()).hasSize(1);
    assertThat(p.ledger().entry(io.fairlead.core.model.RepId.of("ben")).credited()).isEqualTo(2.5);
  }

  @Test
  void ledger_badValues_nameThePathAndTheRep() {
    assertProblemFails(withLedger("{\"rep\": \"ana\", \"received\": -1, \"credited\": 0}"))
        .hasMessage("problem JSON at $.ledger[0].received: rep ana: received must be >= 0, was -1");
    assertProblemFails(withLedger("{\"rep\": \"ana\", \"received\": 0, \"credited\": \"NaN\"}"))
        .hasMessage(
            "problem JSON at $.ledger[0].credited: rep ana: credited must be finite and in [0,"
                + " 2^53], was NaN");
    assertProblemFails(withLedger("{\"rep\": \"ana\", \"received\": 0, \"credited\": -2}"))
        .hasMessage(
            "problem JSON at $.ledger[0].credited: rep ana: credited must be finite and in [0,"
                + " 2^53], was -2.0");
    assertProblemFails(withLedger("{\"rep\": \"ana\", \"received\": 1}"))
        .hasMessage("problem JSON at $.ledger[0].credited: missing required field 'credited'");
  }

  @Test
  void ledger_repNotOnTheRosterOrTwice_isRefusedAtItsEntry() {
    assertProblemFails(withLedger("{\"rep\": \"zoe\", \"received\": 1, \"credited\": 1}"))
        .hasMessage("problem JSON at $.ledger[0].rep: rep 'zoe' is not on the roster");
    assertProblemFails(
            withLedger(
                "{\"rep\": \"ana\", \"received\": 1, \"credited\": 1},"
                    + " {\"rep\": \"ana\", \"received\": 2, \"credited\": 2}"))
        .hasMessage("problem JSON at $.ledger[1].rep: rep ana: two entries (also at $.ledger[0])");
  }

  @Test
  void unknownField_inPolicy_fails() {
    assertThatThrownBy(() -> FairleadJson.readPolicy("{\"hardRules\": [\"region\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "policy JSON at $.hardRules: unknown field 'hardRules' (known: tiers,");
  }

  @Test
  void wrongType_stringForInteger_namesPathAndRecord() {
    String broken = PROBLEM.replace("\"capacity\": 10", "\"capacity\": \"10\"");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[0].capacity: rep ana: wrong type: expected a whole number,"
                + " found a string (\"10\")");
  }

  @Test
  void wrongType_fractionForInteger_fails() {
    String broken = PROBLEM.replace("\"capacity\": 10", "\"capacity\": 10.5");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[0].capacity: rep ana: wrong type: expected a whole number,"
                + " found a number (10.5)");
  }

  @Test
  void wrongType_numberForString_fails() {
    String broken =
        PROBLEM.replace(
            "\"region\": \"East\", \"industry\": \"retail\", \"value\"",
            "\"region\": 7, \"industry\": \"retail\", \"value\"");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.leads[3].region: lead c42: wrong type: expected a string, found a"
                + " number (7)");
  }

  @Test
  void wrongType_numberForBoolean_fails() {
    String broken = PROBLEM.replace("{\"id\": \"ben\"}", "{\"id\": \"ben\", \"available\": 0}");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[1].available: rep ben: wrong type: expected true or false,"
                + " found a number (0)");
  }

  @Test
  void wrongType_stringForArray_fails() {
    String broken =
        PROBLEM.replace("{\"id\": \"ben\"}", "{\"id\": \"ben\", \"regions\": \"East\"}");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[1].regions: rep ben: wrong type: expected an array, found a"
                + " string (\"East\")");
  }

  @Test
  void wrongType_nonStringAttribute_fails() {
    String broken =
        PROBLEM.replace("\"value\": 100}", "\"value\": 100, \"attributes\": {\"revenue\": 1200}}");

    assertProblemFails(broken)
        .hasMessageStartingWith(
            "problem JSON at $.leads[3].attributes.revenue: lead c42: wrong type");
  }

  @Test
  void missingOptionalRegion_isNoRegion() {
    String broken = PROBLEM.replace("{\"id\": \"c2\", \"region\": \"East\", ", "{\"id\": \"c2\", ");

    assertThat(FairleadJson.readProblem(broken).leads().get(1).region()).isEmpty();
  }

  @Test
  void missingRequiredField_id_fails() {
    String broken = PROBLEM.replace("{\"id\": \"ben\"}", "{\"weight\": 2}");

    assertProblemFails(broken)
        .hasMessage("problem JSON at $.reps[1].id: missing required field 'id'");
  }

  @Test
  void missingRequiredField_leadsArray_fails() {
    assertProblemFails("{\"reps\": [{\"id\": \"ana\"}]}")
        .hasMessage("problem JSON at $.leads: missing required field 'leads'");
  }

  @Test
  void domainValidation_negativeValue_namesFieldAndLead() {
    String broken = PROBLEM.replace("\"value\": 100", "\"value\": -5");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.leads[3].value: lead c42: value must be in [0, 1e15], was -5.0");
  }

  @Test
  void domainValidation_infiniteWeight_namesField() {
    String broken =
        PROBLEM.replace("{\"id\": \"ben\"}", "{\"id\": \"ben\", \"weight\": \"Infinity\"}");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[1].weight: rep ben: weight must be finite and > 0, was Infinity");
  }

  @Test
  void domainValidation_lockedWithoutOwner_namesLocked() {
    String broken = PROBLEM.replace("\"value\": 100", "\"value\": 100, \"locked\": true");

    assertProblemFails(broken)
        .hasMessage("problem JSON at $.leads[3].locked: lead c42: locked requires a currentOwner");
  }

  @Test
  void domainValidation_badSizeRange_namesCompanySizes() {
    String broken =
        PROBLEM.replace(
            "{\"id\": \"ben\"}", "{\"id\": \"ben\", \"companySizes\": {\"min\": 9, \"max\": 3}}");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[1].companySizes: rep ben: size range max must be >= min (9),"
                + " was 3");
  }

  @Test
  void domainValidation_unknownEnumName_listsTheNames() {
    String broken = PROBLEM.replace("{\"id\": \"ben\"}", "{\"id\": \"ben\", \"role\": \"hunter\"}");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.reps[1].role: rep ben: unknown role 'hunter', expected one of"
                + " HUNTER, FARMER, BOTH");
  }

  @Test
  void domainValidation_repeatedRegion_namesTheElement() {
    String broken =
        PROBLEM.replace(
            "{\"id\": \"ben\"}", "{\"id\": \"ben\", \"regions\": [\"East\", \"East\"]}");

    assertProblemFails(broken)
        .hasMessage("problem JSON at $.reps[1].regions[1]: rep ben: regions holds 'East' twice");
  }

  @Test
  void crossRecord_duplicateLeadId_namesBothPositions() {
    String broken = PROBLEM.replace("\"id\": \"c3\"", "\"id\": \"c1\"");

    assertProblemFails(broken)
        .hasMessage("problem JSON at $.leads[2].id: lead c1: duplicate id (also at $.leads[0])");
  }

  @Test
  void crossRecord_ownerNotOnRoster_namesCurrentOwner() {
    String broken = PROBLEM.replace("\"value\": 100", "\"value\": 100, \"currentOwner\": \"zoe\"");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.leads[3].currentOwner: lead c42: currentOwner 'zoe' is not on the"
                + " roster");
  }

  @Test
  void crossRecord_tierUnknownToPolicy_namesTier() {
    String broken = PROBLEM.replace("\"value\": 100", "\"value\": 100, \"tier\": \"Z\"");

    assertProblemFails(broken)
        .hasMessageStartingWith("problem JSON at $.leads[3].tier: lead c42: tier 'Z' is not in");
  }

  @Test
  void crossRecord_tierRuleAttributeMissing_namesAttributes() {
    String broken =
        PROBLEM.replaceFirst(
            "\\{",
            "{\"policy\": {\"tierRule\": {\"attribute\": \"revenue\", \"otherwise\": \"C\"}},");

    assertProblemFails(broken)
        .hasMessage(
            "problem JSON at $.leads[0].attributes: lead c1: attribute 'revenue' is needed by the"
                + " tier rule but missing");
  }

  @Test
  void crossRecord_emptyRoster_namesReps() {
    assertProblemFails("{\"reps\": [], \"leads\": []}")
        .hasMessageStartingWith("problem JSON at $.reps: the roster is empty");
  }

  @Test
  void policy_weightOutOfRange_namesTheObjective() {
    assertThatThrownBy(() -> FairleadJson.readPolicy("{\"weights\": {\"count-balance\": 2000}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy JSON at $.weights['count-balance']: policy: weight of objective"
                + " 'count-balance' must be finite and in [0, 1000], was 2000.0");
  }

  @Test
  void policy_unknownRuleId_namesTheElementAndListsIds() {
    assertThatThrownBy(() -> FairleadJson.readPolicy("{\"disabledRules\": [\"role\", \"regio\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy JSON at $.disabledRules[1]: unknown rule 'regio'")
        .hasMessageContaining("region");
  }

  @Test
  void policy_tierWeightForUnknownTier_namesTheKey() {
    assertThatThrownBy(() -> FairleadJson.readPolicy("{\"tierWeights\": {\"D\": 1}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "policy JSON at $.tierWeights.D: policy: tierWeights names tier 'D'");
  }

  @Test
  void policy_thresholdsNotDecreasing_namesThresholds() {
    String json =
        "{\"tierRule\": {\"thresholds\": [{\"tier\": \"B\", \"min\": 10}, {\"tier\": \"A\","
            + " \"min\": 100}], \"otherwise\": \"C\"}}";

    assertThatThrownBy(() -> FairleadJson.readPolicy(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "policy JSON at $.tierRule.thresholds: tier rule thresholds must be strictly decreasing");
  }

  @Test
  void policy_thresholdWithoutMin_namesIt() {
    String json = "{\"tierRule\": {\"thresholds\": [{\"tier\": \"A\"}], \"otherwise\": \"C\"}}";

    assertThatThrownBy(() -> FairleadJson.readPolicy(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy JSON at $.tierRule.thresholds[0].min: missing required field 'min'");
  }

  @Test
  void policy_minWeightAboveMaxWeight_namesMaxWeight() {
    assertThatThrownBy(() -> FairleadJson.readPolicy("{\"minWeight\": 3}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy JSON at $.maxWeight: policy: maxWeight must be in [minWeight (3.0), 100], was 2.0");
  }

  @Test
  void readReps_errorsUseTheRepsDocumentAndRootArray() {
    assertThatThrownBy(
            () -> FairleadJson.readReps("[{\"id\": \"ana\"}, {\"id\": \"ben\", \"weight\": 0}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reps JSON at $[1].weight: rep ben: weight must be finite and > 0, was 0.0");
  }

  @Test
  void readReps_nullElement_fails() {
    assertThatThrownBy(() -> FairleadJson.readReps("[null]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reps JSON at $[0]: expected a rep object, was null");
  }

  @Test
  void readLeads_objectInsteadOfArray_fails() {
    assertThatThrownBy(() -> FairleadJson.readLeads("{\"id\": \"c1\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leads JSON at $: wrong type: expected an array, found an object");
  }

  @Test
  void readLeads_blankId_fails() {
    assertThatThrownBy(
            () ->
                FairleadJson.readLeads("[{\"id\": \" \", \"region\": \"E\", \"industry\": \"r\"}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leads JSON at $[0].id: lead id must not be blank");
  }

  @Test
  void readProblem_failingReader_isUncheckedIo() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> FairleadJson.readProblem(failing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk gone");
  }

  @Test
  void readAllocation_missingMetricsFigure_namesIt() {
    Allocation a = Baselines.leastBusy().allocate(FairleadJsonAllocationTest.problem());
    String json = FairleadJson.writeAllocation(a, false).replaceFirst("\"gini\": [^,]+,", "");

    assertThatThrownBy(() -> FairleadJson.readAllocation(json, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allocation JSON at $.metrics.count.gini: missing required field 'gini'");
  }

  @Test
  void readAllocation_repNotOnRoster_namesOutcome() {
    Allocation a = Baselines.leastBusy().allocate(FairleadJsonAllocationTest.problem());
    String json =
        FairleadJson.writeAllocation(a, false)
            .replaceFirst("(\"lead\": \"c1\",\\s*\"rep\": )\"ana\"", "$1\"zoe\"");

    assertThatThrownBy(() -> FairleadJson.readAllocation(json, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "allocation JSON at $.outcomes[0].rep: lead c1: rep 'zoe' is not on the problem's roster");
  }

  @Test
  void readAllocation_tooPreciseElapsed_fails() {
    Allocation a = Baselines.leastBusy().allocate(FairleadJsonAllocationTest.problem());
    String json =
        FairleadJson.writeAllocation(a, false)
            .replaceFirst("\"elapsedMillis\": [^,]+,", "\"elapsedMillis\": 1.0000001,");

    assertThatThrownBy(() -> FairleadJson.readAllocation(json, a.problem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "allocation JSON at $.elapsedMillis: elapsedMillis must have at most 6 decimals"
                + " (nanoseconds), was 1.0000001");
  }
}
