package io.fairlead.core.routing;

import static io.fairlead.core.routing.Scenarios.between;
import static io.fairlead.core.routing.Scenarios.chance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The candidate tree's own parts: the due band among some of a tree's reps (a class that shares its
 * territory's tree), and which classes share a tree. The choices made through shared trees are
 * checked against a brute force in {@link RouteChoiceOracleTest}.
 */
class CandidateTreeTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  /** A core whose reps have random weights, ledgers and values; some full, some with ties. */
  private record Setup(RouterCore core, int[] set, long[] members, int withheld) {}

  private static Gen<Setup> setups() {
    return in -> {
      int n = between(in, 1, 150);
      List<Rep> roster = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        roster.add(
            Rep.builder("r" + r)
                .weight(between(in, 1, 6) * 0.5)
                .capacity(chance(in, 8) ? 0 : 1_000) // some have no room
                .build());
      }
      RouterCore core = new RouterCore(Policy.defaults(), 1000, 1, roster);
      for (int r = 0; r < n; r++) {
        core.loads.setCredit(
            r, chance(in, 2) ? between(in, 0, 3) : between(in, 0, 40) / 8.0); // ties
        core.loads.add(r, 0, between(in, 0, 50_000), false); // a lead of some value
      }
      List<Integer> chosen = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        if (!chance(in, 4)) {
          chosen.add(r);
        }
      }
      int[] set = chosen.stream().mapToInt(Integer::intValue).toArray();
      long[] members = new long[(set.length + 63) >>> 6];
      for (int i = 0; i < set.length; i++) {
        if (!chance(in, 3)) {
          members[i >>> 6] |= 1L << i;
        }
      }
      int withheld = set.length > 0 && chance(in, 4) ? set[between(in, 0, set.length - 1)] : -1;
      return new Setup(core, set, members, withheld);
    };
  }

  @Test
  void standingsAmongMembers_areTheLowestTwoOfThoseReps() {
    qt().withFixedSeed(20_261_201L)
        .withExamples(400)
        .forAll(setups())
        .checkAssert(
            s -> {
              CandidateTree tree = new CandidateTree(s.core(), s.set());
              tree.sync();
              if (s.withheld() >= 0) {
                tree.withhold(s.withheld());
              }
              tree.standings(s.members());
              double low = INF;
              double second = INF;
              int arg = -1;
              for (int i = 0; i < s.set().length; i++) {
                int r = s.set()[i];
                double f = s.core().fNew[r];
                boolean member = (s.members()[i >>> 6] & (1L << i)) != 0;
                if (!member || r == s.withheld() || f == INF) {
                  continue;
                }
                if (f < low) {
                  second = low;
                  low = f;
                  arg = r;
                } else if (f < second) {
                  second = f;
                }
              }
              assertThat(tree.lowestStanding()).isEqualTo(low);
              assertThat(tree.secondStanding()).isEqualTo(second);
              if (low < second) {
                assertThat(tree.mostDue()).isEqualTo(arg);
              } else if (low != INF) {
                assertThat(s.core().fNew[tree.mostDue()]).isEqualTo(low);
              } else {
                assertThat(tree.mostDue()).isEqualTo(-1);
              }
            });
  }

  @Test
  void classesOfATerritory_shareItsTree_unlessTheyHoldLessThanAQuarterOfIt() {
    Policy policy =
        Policy.builder()
            .tierRule(
                TierRule.byValue().threshold("A", 50_000).threshold("B", 10_000).otherwise("C"))
            .build();
    List<Rep> roster = new ArrayList<>();
    for (int r = 0; r < 8; r++) {
      roster.add(Rep.builder("east" + r).regions("East").tiers("B", "C").build());
    }
    roster.add(Rep.builder("eastRetail").regions("East").industries("retail").build());
    roster.add(Rep.builder("eastTech").regions("East").industries("tech").build());
    for (int r = 0; r < 4; r++) {
      roster.add(Rep.builder("west" + r).regions("West").build());
    }
    RouterCore core = new RouterCore(policy, 1000, 1, roster);

    CandidateTree retail = core.treeFor(lead("East", "retail", 1_000));
    CandidateTree tech = core.treeFor(lead("East", "tech", 1_000));
    CandidateTree energy = core.treeFor(lead("East", "energy", 20_000));
    // 9 of the 10 East reps take retail, 9 take tech, 8 take energy: one tree, East's.
    assertThat(tech).isSameAs(retail);
    assertThat(energy).isSameAs(retail);
    assertThat(retail.reps).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    // Tier A retail: only eastRetail of the 10 (under a quarter) takes it, in a tree of its own.
    CandidateTree topRetail = core.treeFor(lead("East", "retail", 90_000));
    assertThat(topRetail).isNotSameAs(retail);
    assertThat(topRetail.reps).containsExactly(8);
    // Another territory, another tree.
    assertThat(core.treeFor(lead("West", "retail", 1_000)).reps).containsExactly(10, 11, 12, 13);
  }

  private static Lead lead(String region, String industry, double value) {
    return Lead.builder(region + "-" + industry + "-" + value)
        .region(region)
        .industry(industry)
        .value(value)
        .kind(LeadKind.NEW_BUSINESS)
        .build();
  }
}
