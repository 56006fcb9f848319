package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.Tier;
import io.fairlead.core.problem.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The loader against figures counted in the CSV files independently (Python, by hand). */
class MavenCrmDataTest {

  private static final MavenCrmData CRM = MavenCrmData.load();
  private static final Problem PROBLEM = CRM.problem();

  private static Lead lead(String id) {
    return PROBLEM.leads().stream()
        .filter(l -> l.id().value().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lead " + id));
  }

  private static Rep rep(String id) {
    return PROBLEM.reps().stream()
        .filter(r -> r.id().value().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rep " + id));
  }

  @Test
  void load_sizes_matchTheFiles() {
    assertThat(PROBLEM.reps()).hasSize(35);
    assertThat(PROBLEM.leads()).hasSize(2089);
    assertThat(PROBLEM.leads().stream().filter(l -> l.currentOwner().isPresent())).hasSize(1589);
    assertThat(
            PROBLEM.leads().stream().filter(l -> "Prospecting".equals(l.attributes().get("stage"))))
        .hasSize(500);
    assertThat(CRM.historicalAssignment()).hasSize(2089);
  }

  @Test
  void reps_regionsAreTheRegionalOffices() {
    Map<String, Long> byRegion =
        PROBLEM.reps().stream()
            .collect(
                Collectors.groupingBy(
                    r -> String.join("+", r.regions()), TreeMap::new, Collectors.counting()));
    assertThat(byRegion)
        .containsExactly(Map.entry("Central", 11L), Map.entry("East", 12L), Map.entry("West", 12L));
    assertThat(PROBLEM.reps())
        .allMatch(r -> r.role() == Role.BOTH && r.available() && r.heldOutside() == 0);
  }

  @Test
  void reps_weightIsWinRateRelativeToTheMean_newHiresOne() {
    // Hayden Neloms: 107 won, 45 lost; mean rate of the 30 agents with closed deals 0.635141559.
    assertThat(rep("Hayden Neloms").weight())
        .isCloseTo((107.0 / 152) / 0.6351415591048758, within(1e-9));
    assertThat(rep("Mei-Mei Johns").weight()).isEqualTo(1.0); // no deals at all
    assertThat(PROBLEM.reps()).allMatch(r -> r.weight() > 0.86 && r.weight() < 1.11);
  }

  @Test
  void reps_capacityIsHeadroomPlusEngagingDeals() {
    assertThat(rep("Mei-Mei Johns").capacity()).isEqualTo(78); // ceil(1.3 * 2089 / 35)
    assertThat(rep("Vicki Laflamme").capacity()).isEqualTo(78 + 104); // works 104 Engaging deals
  }

  @Test
  void tiers_allPresent_countsByRevenueRule() {
    Map<Tier, Long> tiers =
        PROBLEM.leads().stream()
            .collect(Collectors.groupingBy(l -> PROBLEM.policy().tierOf(l), Collectors.counting()));
    assertThat(tiers)
        .containsOnly(
            Map.entry(Tier.of("A"), 367L),
            Map.entry(Tier.of("B"), 239L),
            Map.entry(Tier.of("C"), 1483L));
  }

  @Test
  void kinds_everyAccountDealIsAnExistingCustomer() {
    // Every account with an open deal has a Won deal in the file; deals without account are new.
    assertThat(PROBLEM.leads().stream().filter(l -> l.kind() == LeadKind.EXISTING_CUSTOMER))
        .hasSize(664);
    assertThat(PROBLEM.leads())
        .allMatch(
            l -> (l.kind() == LeadKind.EXISTING_CUSTOMER) == l.attributes().containsKey("account"));
  }

  @Test
  void prospectingDealWithAccount_fieldsFromAccount() {
    Lead l = lead("6CWZFOHJ"); // Anna Snelling, GTX Basic, Green-Plus (72 closed deals, all West)
    assertThat(l.region()).contains("West");
    assertThat(l.industry()).contains("services");
    assertThat(l.companySize()).isEqualTo(1922);
    assertThat(l.value()).isEqualTo(550.0);
    assertThat(l.kind()).isEqualTo(LeadKind.EXISTING_CUSTOMER);
    assertThat(l.currentOwner()).isEmpty();
    assertThat(PROBLEM.policy().tierOf(l)).isEqualTo(Tier.of("B")); // revenue 692.19
    assertThat(CRM.historicalAssignment()).containsEntry(l.id(), RepId.of("Anna Snelling"));
  }

  @Test
  void dealWithoutAccount_agentsOffice_noIndustry_tierC() {
    Lead l = lead("3LCLVRVV"); // Anna Snelling (Central), GTX Basic, no account
    assertThat(l.region()).contains("Central");
    assertThat(l.industry()).isEmpty();
    assertThat(l.companySize()).isZero();
    assertThat(l.tier()).contains(Tier.of("C"));
    assertThat(l.kind()).isEqualTo(LeadKind.NEW_BUSINESS);
  }

  @Test
  void engagingDeal_ownedByItsAgent_evenOutsideItsRegion() {
    Lead l = lead("UP409DSB"); // Maureen Marcano (West), Ganjaflex (75 closed deals, all East)
    assertThat(l.currentOwner()).contains(RepId.of("Maureen Marcano"));
    assertThat(l.region()).contains("East");
    assertThat(l.industry()).contains("retail");
    assertThat(l.value()).isEqualTo(3393.0); // MG Advanced
    assertThat(PROBLEM.policy().tierOf(l)).isEqualTo(Tier.of("A")); // revenue 5158.71
    assertThat(l.locked()).isFalse();
  }

  @Test
  void sourceQuirks_gtxProPriced_sectorTypoFixed() {
    assertThat(lead("SYP74C5W").value()).isEqualTo(4821.0); // "GTXPro" = "GTX Pro"
    assertThat(lead("125VIRMX").value()).isEqualTo(26768.0); // GTK 500
    assertThat(PROBLEM.leads()).noneMatch(l -> l.industry().equals(Optional.of("technolgy")));
    assertThat(PROBLEM.leads()).anyMatch(l -> l.industry().equals(Optional.of("technology")));
  }

  @Test
  void quirk_closedDealsFollowTheOffices_openDealsWithAnAccountMostlyDoNot() {
    // The figures of "A quirk of the data" in docs/examples.md (counted in Python as well).
    Map<String, String> officeOf = new TreeMap<>();
    MavenCrmData.readCsv("sales_teams.csv")
        .forEach(t -> officeOf.put(t.get("sales_agent"), t.get("regional_office")));
    Map<String, Map<String, Integer>> closedByOffice = new TreeMap<>();
    for (Map<String, String> deal : MavenCrmData.readCsv("sales_pipeline.csv")) {
      String stage = deal.get("deal_stage");
      if ((stage.equals("Won") || stage.equals("Lost")) && !deal.get("account").isEmpty()) {
        closedByOffice
            .computeIfAbsent(deal.get("account"), a -> new TreeMap<>())
            .merge(officeOf.get(deal.get("sales_agent")), 1, Integer::sum);
      }
    }
    double meanHomeShare =
        closedByOffice.values().stream()
            .mapToDouble(
                byOffice ->
                    byOffice.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
                        / (double) byOffice.values().stream().mapToInt(Integer::intValue).sum())
            .average()
            .orElseThrow();
    assertThat(meanHomeShare).isCloseTo(0.976, within(0.0005));

    assertThat(PROBLEM.leads().stream().filter(l -> !l.attributes().containsKey("account")))
        .hasSize(1425);
    Map<String, Long> outsideByStage = new TreeMap<>();
    long fromHome = 0;
    for (Lead l : PROBLEM.leads()) {
      if (!l.attributes().containsKey("account")) {
        continue;
      }
      String agent = CRM.historicalAssignment().get(l.id()).value();
      if (l.region().orElseThrow().equals(officeOf.get(agent))) {
        fromHome++;
      } else {
        outsideByStage.merge(l.attributes().get("stage"), 1L, Long::sum);
      }
    }
    assertThat(fromHome).isEqualTo(211); // of 664 open deals with an account
    assertThat(outsideByStage)
        .containsExactly(Map.entry("Engaging", 342L), Map.entry("Prospecting", 111L));
  }

  @Test
  void history_outOfRegionDeals_countAsTheDataShows() {
    Map<RepId, Rep> reps =
        PROBLEM.reps().stream().collect(Collectors.toMap(Rep::id, Function.identity()));
    long outOfRegion = 0;
    for (Lead l : PROBLEM.leads()) {
      RepId agent = CRM.historicalAssignment().get(l.id());
      if (!reps.get(agent).regions().contains(l.region().orElseThrow())) {
        outOfRegion++;
      }
    }
    assertThat(outOfRegion).isEqualTo(453); // 342 Engaging + 111 Prospecting, all with an account
    assertThat(CRM.historicalAssignment().get(LeadId.of("UP409DSB")))
        .isEqualTo(RepId.of("Maureen Marcano"));
  }

  @Test
  void book_ownsEveryDealByItsRecordedAgent_unevenly() {
    Problem book = CRM.book();
    assertThat(book.leads()).hasSize(2089);
    assertThat(book.leads())
        .allMatch(
            l -> l.currentOwner().equals(Optional.of(CRM.historicalAssignment().get(l.id()))));
    Map<RepId, Long> held =
        book.leads().stream()
            .collect(
                Collectors.groupingBy(l -> l.currentOwner().orElseThrow(), Collectors.counting()));
    // 27 agents work open deals, 31 to 194 of them; the 8 others (5 new hires among them) none.
    assertThat(held).hasSize(27);
    assertThat(held.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(31);
    assertThat(held.values().stream().mapToLong(Long::longValue).max().orElseThrow())
        .isEqualTo(194);
    Map<RepId, Rep> reps =
        book.reps().stream().collect(Collectors.toMap(Rep::id, Function.identity()));
    long outside =
        book.leads().stream()
            .filter(
                l ->
                    !reps.get(l.currentOwner().orElseThrow())
                        .regions()
                        .contains(l.region().orElseThrow()))
            .count();
    assertThat(outside).isEqualTo(453);
  }

  @Test
  void lastTouched_isTheEngageDate_andEmptyForProspecting() {
    assertThat(MavenCrmData.lastTouched(lead("6CWZFOHJ"))).isEmpty();
    // An Engaging deal: its engage_date in sales_pipeline.csv.
    Lead engaging =
        PROBLEM.leads().stream()
            .filter(l -> "Engaging".equals(l.attributes().get("stage")))
            .findFirst()
            .orElseThrow();
    assertThat(MavenCrmData.lastTouched(engaging))
        .hasValue(
            java.time.LocalDate.parse(engaging.attributes().get("engaged"))
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
    assertThat(PROBLEM.leads().stream().filter(l -> l.attributes().containsKey("engaged")))
        .hasSize(1589);
  }
}
