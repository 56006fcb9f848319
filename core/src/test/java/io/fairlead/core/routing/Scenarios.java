package io.fairlead.core.routing;

import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random small routing scenarios for property tests: a policy, a roster with every kind of hard
 * rule and cap, a book of owned leads, and a stream of incoming leads without owners.
 */
final class Scenarios {

  private Scenarios() {}

  /**
   * One scenario.
   *
   * @param policy the policy
   * @param reps the roster
   * @param book leads owned before routing starts
   * @param incoming leads to route, in order, none owned
   */
  record Scenario(Policy policy, List<Rep> reps, List<Lead> book, List<Lead> incoming) {

    /** The batch problem holding the book and every incoming lead, in that order. */
    Problem problem() {
      List<Lead> all = new ArrayList<>(book);
      all.addAll(incoming);
      return Problem.of(policy, reps, all);
    }
  }

  private static final String[][] REGIONS = {{}, {"East"}, {"West"}, {"East", "West"}};
  private static final String[][] INDUSTRIES = {{}, {"retail"}, {"tech", "retail"}};
  private static final String[][] TIERS = {{}, {"A"}, {"B", "C"}, {"A", "B"}};
  private static final SizeRange[] SIZES = {
    SizeRange.ANY, SizeRange.of(0, 99), SizeRange.atLeast(100), SizeRange.of(50, 500)
  };
  private static final double[] WEIGHTS = {0.25, 0.5, 1, 1.5, 2, 3};
  private static final int[] CAPS = {Rep.UNLIMITED, Rep.UNLIMITED, 0, 1, 2, 5, 8};

  static Gen<Scenario> scenarios() {
    return in -> {
      Policy.Builder pb = Policy.builder();
      if (chance(in, 3)) {
        pb.valueBasis(ValueBasis.EXPECTED);
      }
      if (chance(in, 3)) {
        pb.disable(Rule.values()[between(in, 0, 6)]); // a pairwise rule
      }
      if (chance(in, 3)) {
        pb.tierRule(TierRule.byValue().threshold("A", 4000).threshold("B", 2000).otherwise("C"));
      }
      if (chance(in, 3)) {
        pb.weight(Objective.VALUE, pick(in, new Double[] {0.0, 0.5, 3.0}));
      }
      if (chance(in, 4)) {
        pb.weight(Objective.PREFERENCE, 2.0);
      }
      if (chance(in, 3)) {
        pb.weight(Objective.RECEIPTS, pick(in, new Double[] {0.5, 2.0}));
      }
      if (chance(in, 4)) {
        pb.customRule(
            CustomRule.of(
                "no-tech-for-hunters",
                (rep, lead) ->
                    rep.role() != Role.HUNTER || !lead.industry().equals(Optional.of("tech"))));
      }
      Policy policy = pb.build();
      int repCount = between(in, 1, 6);
      List<Rep> reps = new ArrayList<>();
      for (int r = 0; r < repCount; r++) {
        reps.add(
            Rep.builder("r" + r)
                .regions(pick(in, REGIONS))
                .industries(pick(in, INDUSTRIES))
                .tiers(pick(in, TIERS))
                .role(pick(in, Role.values()))
                .companySizes(pick(in, SIZES))
                .weight(WEIGHTS[between(in, 0, WEIGHTS.length - 1)])
                .available(!chance(in, 5))
                .capacity(CAPS[between(in, 0, CAPS.length - 1)])
                .heldOutside(between(in, 0, 2))
                .newLeadCap(CAPS[between(in, 0, CAPS.length - 1)])
                .preferredIndustries(chance(in, 3) ? new String[] {"tech"} : new String[0])
                .build());
      }
      List<Lead> book = new ArrayList<>();
      int owned = between(in, 0, 6);
      for (int i = 0; i < owned; i++) {
        book.add(lead(in, "b" + i).currentOwner("r" + between(in, 0, repCount - 1)).build());
      }
      List<Lead> incoming = new ArrayList<>();
      int count = between(in, 0, 30);
      for (int i = 0; i < count; i++) {
        incoming.add(lead(in, "c" + i).build());
      }
      return new Scenario(policy, reps, book, incoming);
    };
  }

  private static Lead.Builder lead(RandomnessSource in, String id) {
    Lead.Builder b =
        Lead.builder(id)
            .region(pick(in, new String[] {"East", "West", "North"}))
            .industry(pick(in, new String[] {"retail", "tech"}))
            .companySize(pick(in, new Integer[] {10, 49, 50, 99, 100, 500, 501, 5000}))
            .value(1000.0 * between(in, 1, 6))
            .kind(pick(in, LeadKind.values()));
    if (chance(in, 2)) {
      b.tier(pick(in, new String[] {"A", "B", "C"}));
    }
    if (chance(in, 3)) {
      b.winProbability(between(in, 1, 10) / 10.0);
    }
    return b;
  }

  static int between(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  static boolean chance(RandomnessSource in, int oneIn) {
    return between(in, 1, oneIn) == 1;
  }

  static <T> T pick(RandomnessSource in, T[] values) {
    return values[between(in, 0, values.length - 1)];
  }
}
