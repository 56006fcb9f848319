package io.fairlead.core.csv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Every way a reps or leads CSV file is refused, with the exact message: the file, the row as a
 * spreadsheet numbers it (the header is row 1), the column and the record.
 */
class FairleadCsvErrorTest {

  private static void leadsFail(String csv, String message) {
    leadsFail(csv, CsvMapping.leads(), message);
  }

  private static void leadsFail(String csv, CsvMapping mapping, String message) {
    assertThatThrownBy(() -> FairleadCsv.readLeads(csv, mapping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static void repsFail(String csv, String message) {
    assertThatThrownBy(() -> FairleadCsv.readReps(csv, CsvMapping.reps()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void value_outOfDomain_namesRowColumnAndLead() {
    leadsFail(
        "id,region,value\nc1,East,10\nc2,East,20\nc3,East,30\nc4,East,-5\n",
        "leads CSV at row 5, column 'value' (lead c4): value must be in [0, 1e15], was -5.0");
  }

  @Test
  void value_inARenamedColumn_namesTheUsersColumn() {
    leadsFail(
        "Opportunity,Amount\nc1,1e16\n",
        CsvMapping.forLeads().column("id", "Opportunity").column("value", "Amount").build(),
        "leads CSV at row 2, column 'Amount' (lead c1): value must be in [0, 1e15], was 1.0E16");
  }

  @Test
  void value_nonFinite_isReadAndRefusedByTheModel() {
    leadsFail(
        "id,value\nc1,NaN\n",
        "leads CSV at row 2, column 'value' (lead c1): value must be in [0, 1e15], was NaN");
    repsFail(
        "id,weight\nana,Infinity\n",
        "reps CSV at row 2, column 'weight' (rep ana): weight must be finite and > 0, was Infinity");
  }

  @Test
  void value_notANumber_isRefused() {
    leadsFail(
        "id,value\nc1,\"25,000\"\n",
        "leads CSV at row 2, column 'value' (lead c1): value must be a number, was '25,000'");
    leadsFail(
        "id,value\nc1,1.5d\n",
        "leads CSV at row 2, column 'value' (lead c1): value must be a number, was '1.5d'");
  }

  @Test
  void wholeNumber_fractionOrOverflow_isRefused() {
    leadsFail(
        "id,companySize\nc1,10.5\n",
        "leads CSV at row 2, column 'companySize' (lead c1): companySize must be a whole number in"
            + " [-2^31, 2^31 - 1], was '10.5'");
    repsFail(
        "id,capacity\nana,3000000000\n",
        "reps CSV at row 2, column 'capacity' (rep ana): capacity must be a whole number in"
            + " [-2^31, 2^31 - 1], was '3000000000'");
    repsFail(
        "id,capacity\nana,-1\n",
        "reps CSV at row 2, column 'capacity' (rep ana): capacity must be >= 0, was -1");
  }

  @Test
  void boolean_otherThanTrueOrFalse_isRefused() {
    leadsFail(
        "id,currentOwner,locked\nc1,ana,yes\n",
        "leads CSV at row 2, column 'locked' (lead c1): locked must be true or false, was 'yes'");
  }

  @Test
  void locked_withoutOwner_pointsAtLocked() {
    leadsFail(
        "id,locked\nc1,true\n",
        "leads CSV at row 2, column 'locked' (lead c1): locked requires a currentOwner");
  }

  @Test
  void enum_unknownName_listsTheNames() {
    leadsFail(
        "id,kind\nc1,new business\n",
        "leads CSV at row 2, column 'kind' (lead c1): unknown kind 'new business', expected one"
            + " of NEW_BUSINESS, EXISTING_CUSTOMER");
    repsFail(
        "id,role\nana,hunter\n",
        "reps CSV at row 2, column 'role' (rep ana): unknown role 'hunter', expected one of"
            + " HUNTER, FARMER, BOTH");
  }

  @Test
  void multiValued_emptyOrRepeatedItem_isRefused() {
    repsFail(
        "id,regions\nana,East;;West\n",
        "reps CSV at row 2, column 'regions' (rep ana): regions has an empty item in"
            + " 'East;;West' (separator ';')");
    repsFail(
        "id,regions\nana,East; East\n",
        "reps CSV at row 2, column 'regions' (rep ana): regions holds 'East' twice");
  }

  @Test
  void companySizes_maxBelowMin_pointsAtMax() {
    repsFail(
        "id,companySizeMin,companySizeMax\nana,100,10\n",
        "reps CSV at row 2, column 'companySizeMax' (rep ana): size range max must be >= min"
            + " (100), was 10");
  }

  @Test
  void share_outOfRange_pointsAtShare() {
    repsFail(
        "id,share\nana,0\n",
        "reps CSV at row 2, column 'share' (rep ana): share must be in [0.05, 1] (leave is"
            + " available = false), was 0.0");
  }

  @Test
  void duplicateId_namesBothRows() {
    leadsFail(
        "id,value\nc1,1\nc2,2\nc1,3\n",
        "leads CSV at row 4, column 'id' (lead c1): duplicate id (also at row 2)");
    repsFail(
        "id\nana\n\nana\n",
        "reps CSV at row 4, column 'id' (rep ana): duplicate id (also at row 2)");
  }

  @Test
  void missingId_isRefused() {
    leadsFail("id,value\n,5\n", "leads CSV at row 2, column 'id': missing required id");
  }

  @Test
  void unknownColumn_inReps_listsTheKnownColumns() {
    repsFail(
        "id,Teritory\nana,East\n",
        "reps CSV at row 1, column 'Teritory': unknown column 'Teritory' (reps have no"
            + " attributes); known columns: allowedTiers, available, capacity, companySizeMax,"
            + " companySizeMin, heldOutside, id, industries, newLeadCap, preferredIndustries,"
            + " regions, role, share, weight; map it to a field or ignore it in the CsvMapping");
  }

  @Test
  void unknownColumn_inLeadsWithListedAttributes_isRefused() {
    leadsFail(
        "id,source,vaule\nc1,web,5\n",
        CsvMapping.forLeads().attributes("source").build(),
        "leads CSV at row 1, column 'vaule': unknown column 'vaule'; known columns:"
            + " companySize, currentOwner, id, industry, kind, locked, region, source, tier,"
            + " value, winProbability; map it to a field or ignore it in the CsvMapping");
  }

  @Test
  void missingIdColumn_listsTheHeader() {
    leadsFail(
        "Opportunity,value\nc1,5\n",
        "leads CSV at row 1: missing required column 'id'; the header has: Opportunity, value");
  }

  @Test
  void header_repeatedOrEmpty_isRefused() {
    leadsFail(
        "id,value,value\nc1,1,2\n",
        "leads CSV at row 1, column 'value': the header names 'value' twice (columns 2 and 3)");
    leadsFail("id,,value\nc1,1,2\n", "leads CSV at row 1: column 2 has no header");
  }

  @Test
  void row_withTheWrongNumberOfCells_isRefused() {
    leadsFail(
        "id,region,value\nc1,East,1\nc2,East\n",
        "leads CSV at row 3: the row has 2 cells, the header has 3 columns");
    leadsFail(
        "id,region,value\nc1,East,1,extra\n",
        "leads CSV at row 2: the row has 4 cells, the header has 3 columns");
  }

  @Test
  void rowNumbers_countBlankRowsAndQuotedLineBreaks() {
    // row 2 spans two lines in the file, row 3 is blank: a spreadsheet shows c2 on row 4
    leadsFail(
        "id,region,value\nc1,\"East\nside\",1\n\nc2,East,-1\n",
        "leads CSV at row 4, column 'value' (lead c2): value must be in [0, 1e15], was -1.0");
  }

  @Test
  void malformed_unclosedQuote_isRefused() {
    leadsFail(
        "id,region\nc1,East\nc2,\"East\n",
        "leads CSV at row 3: malformed CSV: missing closing quote for value");
  }

  @Test
  void empty_file_hasNoHeader() {
    leadsFail("", "leads CSV at row 1: no header row (the file is empty)");
    leadsFail("\uFEFF", "leads CSV at row 1: no header row (the file is empty)");
  }

  @Test
  void mapping_ofTheOtherKind_isRefused() {
    assertThatThrownBy(() -> FairleadCsv.readLeads("id\nc1\n", CsvMapping.reps()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the mapping is for reps, not leads: use CsvMapping.forLeads()");
  }

  @Test
  void attribute_inAnAttributeColumn_namesIt() {
    leadsFail(
        "id,source\nc1,\"a\uD800b\"\n",
        "leads CSV at row 2, column 'source' (lead c1): attribute 'source' must be well-formed"
            + " text, but holds a lone surrogate (\\uD800) at index 1");
  }
}
