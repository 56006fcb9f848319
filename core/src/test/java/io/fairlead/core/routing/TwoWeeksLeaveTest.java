package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #8's case, by hand: ana, bob and cat (equal weights, every lead eligible to all) share six
 * new leads a day in a 21-day period; cat is on leave for the first 14 days and back on day 15.
 * Days 1-14 give ana and bob 42 leads each, cat none. What cat gets on each of days 15-21:
 *
 * <ul>
 *   <li>a batch that balances holdings (the default policy, no receipts): every lead, 6 a day for
 *       the whole week, until its book is level (42);
 *   <li>receipts balance with {@code CatchUp.NONE}: cat is calibrated to the others' mean, 42, and
 *       gets its share, 2 a day (14 in the week);
 *   <li>{@code capped(3)}: calibrated to 39; day 15's six leads fill cat up to 42 (3) and then go
 *       one each (4 to cat), then 2 a day: 16 in the week, 3 more than each of the others;
 *   <li>{@code FULL}: cat keeps its credit of 0 and gets everything, 6 a day, until it has caught
 *       up its 42 (as documented: it floods a rep back from a long leave).
 * </ul>
 *
 * The router (strict ledger) gives the same day by day.
 */
class TwoWeeksLeaveTest {

  private static final RepId CAT = RepId.of("cat");

  private static NightlyStream.Period period(Policy policy) {
    List<List<Rep>> rosters = new ArrayList<>();
    List<List<Lead>> leads = new ArrayList<>();
    int n = 0;
    for (int day = 1; day <= 21; day++) {
      rosters.add(
          List.of(
              Rep.builder("ana").build(),
              Rep.builder("bob").build(),
              Rep.builder("cat").available(day > 14).build()));
      List<Lead> today = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        today.add(Lead.builder("l" + n++).region("East").industry("retail").value(1000).build());
      }
      leads.add(today);
    }
    return new NightlyStream.Period(policy, rosters, leads);
  }

  /** What cat received on each of days 15-21. */
  private static List<Integer> catsWeek(NightlyStream.Run run) {
    List<Integer> out = new ArrayList<>();
    for (int day = 15; day <= 21; day++) {
      out.add(
          run.days().get(day - 1).get(CAT).received()
              - run.days().get(day - 2).get(CAT).received());
    }
    return out;
  }

  private static List<NightlyStream.Run> runs(Policy policy, boolean exact) {
    NightlyStream.Period p = period(policy);
    List<NightlyStream.Run> runs = new ArrayList<>();
    runs.add(NightlyStream.batch(p, NightlyStream.GREEDY));
    if (exact) {
      runs.add(NightlyStream.batch(p, NightlyStream.EXACT));
    }
    runs.add(NightlyStream.router(p, 0));
    return runs;
  }

  @Test
  void holdingsBatch_floodsTheReturningRep_allSixLeadsADayForAWeek() {
    NightlyStream.Run batch = NightlyStream.batch(period(Policy.defaults()), NightlyStream.GREEDY);

    assertThat(batch.days().get(13).get(CAT).received()).isZero();
    assertThat(catsWeek(batch)).containsExactly(6, 6, 6, 6, 6, 6, 6);
  }

  @Test
  void receiptsBalance_catchUpNone_theReturningRepGetsItsShare() {
    for (NightlyStream.Run run : runs(Periods.receiptsOnly(CatchUp.NONE), true)) {
      assertThat(run.days().get(14).get(CAT).credited()).isEqualTo(44.0); // 42 + 2
      assertThat(catsWeek(run)).containsExactly(2, 2, 2, 2, 2, 2, 2);
    }
  }

  @Test
  void receiptsBalance_cappedThree_catchesUpThreeLeadsOnTheFirstDay() {
    for (NightlyStream.Run run : runs(Periods.receiptsOnly(CatchUp.capped(3)), true)) {
      assertThat(catsWeek(run)).containsExactly(4, 2, 2, 2, 2, 2, 2);
      assertThat(run.days().get(20).get(RepId.of("ana")).received()).isEqualTo(42 + 13);
    }
  }

  @Test
  void receiptsBalance_full_getsEverythingItMissedFirst() {
    for (NightlyStream.Run run : runs(Periods.receiptsOnly(CatchUp.FULL), true)) {
      assertThat(catsWeek(run)).containsExactly(6, 6, 6, 6, 6, 6, 6);
      assertThat(run.days().get(20).get(CAT).credited()).isEqualTo(42.0);
    }
  }
}
