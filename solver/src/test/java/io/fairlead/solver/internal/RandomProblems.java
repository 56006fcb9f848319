package io.fairlead.solver.internal;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of whole problems: a random policy (objective weights including 0,
 * rebalancing, soft role rule, value basis, tier rule, weight bounds), a roster with random
 * territories, tiers, roles, size bands, capacities, held-outside counts, new-lead caps,
 * availability, weights and preferences, leads with random attributes, owners and locks, and a
 * period ledger (leads received earlier, fractional credits). Public so that the facade's tests can
 * use it too.
 */
public final class RandomProblems {

  private static final List<String> REGIONS = List.of("north", "south");
  private static final List<String> INDUSTRIES = List.of("tech", "retail", "bank");
  private static final List<String> TIERS = List.of("A", "B", "C");
  private static final double[] WEIGHTS = {0.3, 0.5, 1, 1.7, 3};
  private static final double[] OBJECTIVE_WEIGHTS = {0, 0.5, 1, 2.5};

  private RandomProblems() {}

  /** Problems of 1–{@code maxReps} reps and 0–{@code maxLeads} leads, capacities limited or not. */
  public static Gen<Problem> problems(int minReps, int maxReps, int minLeads, int maxLeads) {
    return problems(minReps, maxReps, minLeads, maxLeads, true);
  }

  /**
   * Problems as above; with {@code limits == false} every capacity and new-lead cap is unlimited
   * and nobody holds customers outside the problem.
   */
  public static Gen<Problem> problems(
      int minReps, int maxReps, int minLeads, int maxLeads, boolean limits) {
    Gen<Problem> gen = in -> build(new Source(in), minReps, maxReps, minLeads, maxLeads, limits);
    return gen.describedAs(RandomProblems::describe);
  }

  /** A short, complete description for failure reports. */
  public static String describe(Problem p) {
    StringBuilder sb = new StringBuilder("Problem[policy=").append(p.policy()).append("\n");
    p.reps().forEach(r -> sb.append("  ").append(r).append('\n'));
    p.leads().forEach(l -> sb.append("  ").append(l).append('\n'));
    p.ledger().entries().forEach(e -> sb.append("  ").append(e).append('\n'));
    return sb.append(']').toString();
  }

  private static Problem build(
      Source s, int minReps, int maxReps, int minLeads, int maxLeads, boolean limits) {
    Policy.Builder pb = Policy.builder();
    boolean balances = false;
    for (Objective o : Objective.values()) {
      double w = Policy.defaults().weight(o);
      if (s.chance(60)) {
        w = OBJECTIVE_WEIGHTS[s.between(0, OBJECTIVE_WEIGHTS.length - 1)];
        if (o == Objective.COUNT && w == 0 && !balances && s.chance(50)) {
          w = 1; // a policy must balance something; keep count on in half of the other cases
        }
      }
      balances |= w > 0 && (o.isBalance() && o != Objective.TIER);
      if (o == Objective.TIER && !balances) {
        w = Math.max(w, 1); // count and value are off: the tier term is what is balanced
      }
      pb.weight(o, w);
    }
    pb.allowRebalancing(s.chance(50));
    if (s.chance(30)) {
      pb.disable(Rule.ROLE);
    }
    if (s.chance(20)) {
      pb.disable(Rule.COMPANY_SIZE);
    }
    if (s.chance(15)) {
      pb.disable(Rule.CAPACITY);
    }
    if (s.chance(15)) {
      pb.disable(Rule.NEW_LEAD_CAP);
    }
    if (s.chance(30)) {
      pb.valueBasis(ValueBasis.EXPECTED);
    }
    if (s.chance(30)) {
      pb.tierRule(TierRule.byValue().threshold("A", 50_000).threshold("B", 5_000).otherwise("C"));
    }
    if (s.chance(30)) {
      pb.weightBounds(0.25, 4);
    }
    if (s.chance(30)) {
      pb.tierWeight("A", 5);
    }
    Policy policy = pb.build();

    int repCount = s.between(minReps, maxReps);
    List<Rep> reps = new ArrayList<>();
    for (int r = 0; r < repCount; r++) {
      Rep.Builder b =
          Rep.builder("r" + r)
              .regions(s.subset(REGIONS))
              .industries(s.subset(INDUSTRIES))
              .tiers(s.chance(70) ? new String[0] : s.subset(TIERS))
              .role(Role.values()[s.between(0, 2)])
              .companySizes(
                  switch (s.between(0, 3)) {
                    case 0 -> SizeRange.of(0, 199);
                    case 1 -> SizeRange.atLeast(200);
                    default -> SizeRange.ANY;
                  })
              .available(s.chance(85))
              .weight(WEIGHTS[s.between(0, WEIGHTS.length - 1)])
              .preferredIndustries(s.chance(50) ? new String[0] : s.subset(INDUSTRIES));
      if (limits) {
        if (s.chance(60)) {
          b.capacity(s.between(0, 6));
        }
        if (s.chance(40)) {
          b.heldOutside(s.between(0, 4));
        }
        if (s.chance(40)) {
          b.newLeadCap(s.between(0, 4));
        }
      }
      reps.add(b.build());
    }

    int leadCount = s.between(minLeads, maxLeads);
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < leadCount; i++) {
      Lead.Builder b =
          Lead.builder("l" + i)
              .region(REGIONS.get(s.between(0, REGIONS.size() - 1)))
              .industry(INDUSTRIES.get(s.between(0, INDUSTRIES.size() - 1)))
              .companySize(new int[] {50, 150, 800, 5000}[s.between(0, 3)])
              .value(
                  switch (s.between(0, 4)) {
                    case 0 -> 0;
                    case 1 -> 500;
                    case 2 -> 20_000;
                    case 3 -> 100_000;
                    default -> s.between(0, 1_000_000);
                  })
              .kind(s.chance(60) ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER);
      if (s.chance(30)) {
        b.winProbability(s.between(0, 10) / 10.0);
      }
      if (s.chance(75)) {
        b.tier(TIERS.get(s.between(0, 2)));
      }
      if (s.chance(40)) {
        b.currentOwner("r" + s.between(0, repCount - 1));
        b.locked(s.chance(25));
      }
      leads.add(b.build());
    }
    List<Ledger.Entry> ledger = new ArrayList<>();
    if (s.chance(40)) {
      for (Rep r : reps) {
        if (s.chance(60)) {
          int received = s.between(0, 4);
          double extra = new double[] {0, 0, 0.5, 1.25, 3}[s.between(0, 4)];
          ledger.add(new Ledger.Entry(r.id(), received, received + extra));
        }
      }
    }
    return Problem.of(policy, reps, leads, Ledger.of(ledger));
  }

  /** Draws from QuickTheories' randomness, so that failures shrink. */
  private record Source(RandomnessSource in) {
    int between(int lo, int hi) {
      return (int) in.next(Constraint.between(lo, hi));
    }

    boolean chance(int percent) {
      return between(0, 99) < percent;
    }

    String[] subset(List<String> values) {
      List<String> out = new ArrayList<>();
      for (String v : values) {
        if (chance(50)) {
          out.add(v);
        }
      }
      return out.toArray(String[]::new);
    }
  }
}
