package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.book.Lifecycle;
import org.junit.jupiter.api.Test;

/** A book's lifecycle rules as JSON: one codec for scenario files and service configurations. */
class FairleadJsonLifecycleTest {

  private static final Lifecycle RULES =
      Lifecycle.builder()
          .claimsPerDay(3)
          .coolDownDays(30)
          .reclaim("C", Lifecycle.Reclaim.after(30, 60).warning(5))
          .reclaim("B", Lifecycle.Reclaim.after(45, 90).warning(7))
          .conflicts(Lifecycle.Conflicts.firstTouchWins(14).protect("A"))
          .departure(Lifecycle.Departure.POOL)
          .coverAfterDays(10)
          .period(Lifecycle.Period.WEEK)
          .build();

  @Test
  void written_readsBackEqual_andIsTheSameTextWhateverTheMapOrder() {
    String json = FairleadJson.writeLifecycle(RULES);

    assertThat(FairleadJson.readLifecycle(json, "config", "$.lifecycle")).isEqualTo(RULES);
    assertThat(json.replaceAll("\\s", ""))
        .contains("\"reclaim\":{\"B\":")
        .contains("\"protectedTiers\":[\"A\"]");
    assertThat(FairleadJson.writeLifecycle(FairleadJson.readLifecycle(json, "x", "$")))
        .isEqualTo(json);
  }

  @Test
  void fieldsLeftOut_keepTheirDefaults() {
    Lifecycle read = FairleadJson.readLifecycle("{\"claimsPerDay\": 9}", "config", "$.lifecycle");

    Lifecycle d = Lifecycle.defaults();
    assertThat(read.claimsPerDay()).isEqualTo(9);
    assertThat(read.coolDownDays()).isEqualTo(d.coolDownDays());
    assertThat(read.reclaim()).isEqualTo(d.reclaim());
    assertThat(read.conflicts()).isEqualTo(d.conflicts());
  }

  @Test
  void badValues_areRefusedAtTheirPath_inTheDocumentThatEmbedsThem() {
    assertThatThrownBy(
            () -> FairleadJson.readLifecycle("{\"coolDownDays\": -1}", "config", "$.lifecycle"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageStartingWith("config JSON at $.lifecycle.coolDownDays: lifecycle: coolDownDays");
    assertThatThrownBy(
            () ->
                FairleadJson.readLifecycle(
                    "{\"conflicts\": {\"rule\": \"LOUDEST_WINS\"}}", "config", "$.lifecycle"))
        .hasMessageStartingWith("config JSON at $.lifecycle.conflicts.rule: unknown rule");
    assertThatThrownBy(
            () -> FairleadJson.readLifecycle("{\"reclaims\": {}}", "scenario", "$.lifecycle"))
        .hasMessageStartingWith("scenario JSON at $.lifecycle.reclaims: unknown field");
    assertThatThrownBy(
            () ->
                FairleadJson.readLifecycle(
                    "{\"reclaim\": {\"B\": {\"noDealDays\": -3}}}", "config", "$.lifecycle"))
        .hasMessageStartingWith("config JSON at $.lifecycle.reclaim.B");
  }
}
