package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.TierScheme;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouteDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Saving a router as JSON and restoring it: same next decisions; bad JSON named by its path, with
 * the same strictness as every other document.
 */
class FairleadJsonRouterTest {

  private static final String[] REGIONS = {"East", "West"};
  private static final Policy POLICY = policy(CatchUp.NONE);

  private static Policy policy(CatchUp catchUp) {
    return Policy.builder()
        .tierRule(TierRule.byValue().threshold("A", 30_000).threshold("B", 8_000).otherwise("C"))
        .allowRebalancing(true)
        .customRule(
            CustomRule.of(
                "french-speakers",
                (rep, lead) ->
                    !"fr".equals(lead.attributes().get("lang")) || rep.id().value().endsWith("0")))
        .catchUp(catchUp)
        .build();
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<Rep> roster() {
    List<Rep> reps = new ArrayList<>();
    for (int r = 0; r < 12; r++) {
      reps.add(
          Rep.builder("r" + r)
              .regions(REGIONS[r % 2])
              .role(r % 3 == 0 ? Role.HUNTER : Role.BOTH)
              .tiers(r % 4 == 1 ? new String[] {"B", "C"} : new String[0])
              .companySizes(r % 5 == 0 ? SizeRange.of(0, 500) : SizeRange.ANY)
              .capacity(60 + r)
              .heldOutside(r % 3)
              .newLeadCap(r % 6 == 5 ? 25 : Rep.UNLIMITED)
              .weight(0.5 + (r % 3) * 0.5)
              .preferredIndustries(r % 2 == 0 ? new String[] {"tech"} : new String[0])
              .build());
    }
    return reps;
  }

  private static LeadRouter newRouter(CatchUp catchUp, double tolerance) {
    List<Lead> book = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      book.add(
          Lead.builder("old" + i)
              .region(REGIONS[i % 2])
              .industry(i % 3 == 0 ? "tech" : "retail")
              .value(1000 + 997 * i)
              .currentOwner("r" + (i % 12))
              .locked(i % 10 == 0)
              .build());
    }
    return LeadRouter.builder(policy(catchUp))
        .roster(roster())
        .book(book)
        .ledgerTolerance(tolerance)
        .build();
  }

  /**
   * Plays a random, reproducible mix of operations: mostly new leads (some owned, some repeats),
   * with releases, leave and return, new reps and new periods. Returns everything the router said.
   */
  private static List<Object> play(LeadRouter router, long seed, int leads, String prefix) {
    Random random = new Random(seed);
    List<Object> said = new ArrayList<>();
    List<LeadId> routed = new ArrayList<>();
    int routedCount = 0;
    int step = 0;
    while (routedCount < leads) {
      step++;
      int op = random.nextInt(100);
      if (op < 6 && !routed.isEmpty()) {
        said.add(router.release(routed.remove(random.nextInt(routed.size()))));
      } else if (op == 6) {
        router.startPeriod();
        said.add("period " + router.period());
      } else if (op == 7) {
        List<Rep> reps = router.toProblem().reps();
        Rep rep = reps.get(random.nextInt(reps.size()));
        router.updateRep(rep.toBuilder().available(!rep.available()).build());
      } else if (op == 8) {
        router.addRep(
            Rep.builder(prefix + "-new" + step).regions(REGIONS[random.nextInt(2)]).build());
      } else if (op == 9 && !routed.isEmpty()) {
        LeadId again = routed.get(random.nextInt(routed.size()));
        said.add(
            router.route(Lead.builder(again.value()).region("East").industry("retail").build()));
      } else {
        Lead.Builder b =
            Lead.builder(prefix + step)
                .region(REGIONS[random.nextInt(2)])
                .industry(random.nextInt(3) == 0 ? "tech" : "retail")
                .companySize(random.nextInt(2000))
                .value(500 + random.nextInt(60_000))
                .kind(random.nextInt(4) == 0 ? LeadKind.EXISTING_CUSTOMER : LeadKind.NEW_BUSINESS);
        if (random.nextInt(8) == 0) {
          b.currentOwner("r" + random.nextInt(12));
        }
        if (random.nextInt(10) == 0) {
          b.attribute("lang", "fr");
        }
        if (random.nextInt(5) == 0) {
          b.winProbability(random.nextInt(11) / 10.0);
        }
        RouteDecision d = router.route(b.build());
        said.add(d);
        if (d.assigned()) {
          routed.add(d.lead());
        }
        routedCount++;
      }
    }
    said.add(router.snapshot());
    return said;
  }

  @Test
  void restoredRouter_makesTheSameNext1000Decisions() {
    LeadRouter original = newRouter(CatchUp.capped(3), 1.0);
    play(original, 1, 1_000, "a");
    String json = FairleadJson.writeRouter(original);

    LeadRouter restored = FairleadJson.readRouter(json, original.policy());

    assertThat(FairleadJson.writeRouter(restored)).isEqualTo(json);
    assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    List<Object> fromOriginal = play(original, 2, 1_000, "b");
    List<Object> fromRestored = play(restored, 2, 1_000, "b");
    assertThat(fromRestored).isEqualTo(fromOriginal);
    assertThat(fromOriginal.stream().filter(RouteDecision.class::isInstance))
        .hasSizeGreaterThan(1_000);
    assertThat(FairleadJson.writeRouter(restored)).isEqualTo(FairleadJson.writeRouter(original));
  }

  @Test
  void restore_keepsSettingsPeriodAndMeanValue() {
    LeadRouter original = newRouter(CatchUp.FULL, Double.POSITIVE_INFINITY);
    play(original, 5, 200, "a");
    original.startPeriod();

    LeadRouter restored =
        FairleadJson.readRouter(FairleadJson.writeRouter(original), original.policy());

    assertThat(restored.period()).isEqualTo(original.period());
    assertThat(restored.meanValue()).isEqualTo(original.meanValue());
    assertThat(restored.bookSize()).isEqualTo(original.bookSize());
    assertThat(restored.toString()).isEqualTo(original.toString());
    assertThat(FairleadJson.writeRouter(original))
        .contains("\"ledgerTolerance\": \"Infinity\"")
        .contains("\"FULL\"");
    assertThat(play(restored, 6, 200, "b")).isEqualTo(play(original, 6, 200, "b"));
  }

  // ---------------------------------------------------------------- bad JSON

  private static String edited(Consumer<ObjectNode> edit) throws Exception {
    LeadRouter router = newRouter(CatchUp.NONE, 1.0);
    play(router, 3, 30, "a");
    ObjectNode root = (ObjectNode) MAPPER.readTree(FairleadJson.writeRouter(router));
    edit.accept(root);
    return MAPPER.writeValueAsString(root);
  }

  private static ObjectNode rep(ObjectNode root, int i) {
    return (ObjectNode) root.get("reps").get(i);
  }

  private static void assertRejected(String json, String... parts) {
    assertThatThrownBy(() -> FairleadJson.readRouter(json, POLICY))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains(parts);
  }

  @Test
  void notJson_isRejectedWithItsPosition() {
    assertRejected("{\"format\": ", "router JSON at line 1", "malformed JSON");
  }

  @Test
  void otherFormat_isRejected() throws Exception {
    assertRejected(edited(r -> r.put("format", "something")), "$.format", "fairlead-router");
    assertRejected(edited(r -> r.put("version", 99)), "$.version", "unsupported version 99");
  }

  @Test
  void missingField_namesItsPath() throws Exception {
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 1).get("ledger")).remove("credited")),
        "router JSON at $.reps[1].ledger.credited: rep r1: missing required field 'credited'");
    assertRejected(edited(r -> r.remove("book")), "router JSON at $.book: missing");
  }

  @Test
  void unknownOrRepeatedField_isRejected_asInEveryDocument() throws Exception {
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 1).get("rep")).put("capcity", 5)),
        "router JSON at $.reps[1].rep",
        "unknown field 'capcity'");
    String json = edited(r -> {});
    assertRejected(
        json.replaceFirst("\"period\": ?(\\d+)", "\"period\": $1, \"period\": 7"),
        "router JSON",
        "Duplicate field 'period'");
  }

  @Test
  void wrongType_namesItsPath() throws Exception {
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 0).get("ledger")).put("received", "x")),
        "router JSON at $.reps[0].ledger.received",
        "expected a whole number");
    assertRejected(edited(r -> r.put("period", 1.5)), "$.period", "expected a whole number");
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 2).get("rep")).put("available", "yes")),
        "$.reps[2].rep.available",
        "expected true or false");
  }

  @Test
  void catchUp_isThePolicys_aStateSavedUnderAnotherIsRefused() throws Exception {
    String saved = edited(r -> {}); // saved under catch-up NONE

    assertThatThrownBy(() -> FairleadJson.readRouter(saved, policy(CatchUp.capped(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "router JSON at $.catchUp: the state was saved under catch-up NONE, but the policy's"
                + " is CAPPED(3)");
  }

  @Test
  void catchUp_leftOut_isReadUnderThePolicysCatchUp() throws Exception {
    String saved = edited(r -> {});
    String without = edited(r -> r.remove("catchUp"));

    LeadRouter restored = FairleadJson.readRouter(without, POLICY);

    assertThat(without).doesNotContain("catchUp");
    assertThat(MAPPER.readTree(FairleadJson.writeRouter(restored)))
        .isEqualTo(MAPPER.readTree(saved));
  }

  @Test
  void invalidValue_namesItsPathAndTheRule() throws Exception {
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 0).get("rep")).put("capacity", -1)),
        "$.reps[0].rep.capacity",
        "rep r0: capacity must be >= 0, was -1");
    assertRejected(edited(r -> r.put("catchUp", "SOMETIMES")), "$.catchUp", "'SOMETIMES'");
    assertRejected(edited(r -> r.put("ledgerTolerance", -2)), "$.ledgerTolerance", ">= 0");
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 3).get("rep")).put("role", "BOSS")),
        "$.reps[3].rep.role",
        "BOSS");
    assertRejected(
        edited(r -> ((ObjectNode) r.get("book").get(0).get("lead")).put("value", -5)),
        "$.book[0].lead.value",
        "value must be in [0, 1e15], was -5.0");
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 0).get("rep")).put("id", " ")),
        "$.reps[0].rep.id",
        "rep id must not be blank");
  }

  @Test
  void numbersOutsideTheirDomain_areRejected() throws Exception {
    assertRejected(
        edited(r -> r.put("sequence", Long.MAX_VALUE)), "$.sequence", "must be in [0, 2^53]");
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 0).get("ledger")).put("credited", "Infinity")),
        "$.reps[0].ledger",
        "credited must be finite");
    assertRejected(edited(r -> r.put("meanValue", 0)), "$.meanValue", "(0, 1e15]");
  }

  @Test
  void inconsistentState_isRejected() throws Exception {
    assertRejected(
        edited(r -> ((ObjectNode) r.get("book").get(0)).put("rep", "nobody")),
        "router JSON at $.book[0].rep: lead old0: rep 'nobody' is not on the roster");
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 0).get("holds")).put("leads", 99)),
        "router JSON at $.reps[0].holds.leads: rep r0: was 99, but the book gives");
    assertRejected(
        edited(r -> ((ArrayNode) r.get("book")).add(r.get("book").get(0).deepCopy())),
        "$.book[",
        "duplicate id");
    assertRejected(
        edited(r -> ((ArrayNode) r.get("reps")).add(rep(r, 0).deepCopy())),
        "$.reps[12].rep.id",
        "duplicate id");
    assertRejected(
        edited(r -> ((ObjectNode) rep(r, 0).get("ledger")).put("lastLead", 1_000_000)),
        "$.reps[0].ledger.lastLead",
        "must be in [-1, sequence");
  }

  @Test
  void restoreUnderAnotherTierScheme_isRejected() throws Exception {
    String json = edited(r -> {});
    Policy other = Policy.builder().tiers(TierScheme.of("A", "B", "C", "D")).build();

    assertThatThrownBy(() -> FairleadJson.readRouter(json, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.reps[0].holds.tierLeads");
  }
}
