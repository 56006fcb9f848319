package io.fairlead.solver;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic team for measurements: 5 regions × 6 industries, each rep covering one region and
 * three industries, tiers A 10 % / B 30 % / C 60 %, lognormal values, capacities about 1.4 × the
 * average load, 30 % of leads owned by a rep of their territory.
 */
final class SyntheticBook {

  static final String[] REGIONS = {"north", "south", "east", "west", "central"};
  static final String[] INDUSTRIES = {"tech", "retail", "bank", "health", "energy", "media"};

  private SyntheticBook() {}

  static Problem generate(int leadCount, int repCount, Policy policy, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Rep> reps = new ArrayList<>(repCount);
    int capacity = (int) Math.ceil(1.4 * leadCount / repCount);
    String[][] industriesOf = new String[repCount][];
    for (int r = 0; r < repCount; r++) {
      String region = REGIONS[r % REGIONS.length];
      // Three consecutive industries, rotating so that every territory cell is covered.
      int first = (r / REGIONS.length) % INDUSTRIES.length;
      industriesOf[r] =
          new String[] {
            INDUSTRIES[first],
            INDUSTRIES[(first + 2) % INDUSTRIES.length],
            INDUSTRIES[(first + 4) % INDUSTRIES.length]
          };
      double u = random.nextDouble();
      Role role = u < 0.6 ? Role.BOTH : u < 0.8 ? Role.HUNTER : Role.FARMER;
      Rep.Builder b =
          Rep.builder("rep" + r)
              .regions(region)
              .industries(industriesOf[r])
              .role(role)
              .capacity(capacity)
              .weight(0.7 + 0.8 * random.nextDouble());
      if (random.nextDouble() < 0.2) {
        b.tiers("B", "C"); // juniors
      }
      reps.add(b.build());
    }
    List<Lead> leads = new ArrayList<>(leadCount);
    for (int i = 0; i < leadCount; i++) {
      int region = random.nextInt(REGIONS.length);
      String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
      double t = random.nextDouble();
      String tier = t < 0.1 ? "A" : t < 0.4 ? "B" : "C";
      double value = Math.exp(10 + random.nextGaussian());
      LeadKind kind =
          random.nextDouble() < 0.7 ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER;
      Lead.Builder b =
          Lead.builder("lead" + i)
              .region(REGIONS[region])
              .industry(industry)
              .companySize(10 + random.nextInt(5000))
              .value(Math.round(value))
              .tier(tier)
              .kind(kind);
      if (random.nextDouble() < 0.3) {
        // An owner from the lead's region who covers its industry.
        List<Integer> candidates = new ArrayList<>();
        for (int r = region; r < repCount; r += REGIONS.length) {
          if (List.of(industriesOf[r]).contains(industry)) {
            candidates.add(r);
          }
        }
        if (!candidates.isEmpty()) {
          b.currentOwner("rep" + candidates.get(random.nextInt(candidates.size())));
        }
      }
      leads.add(b.build());
    }
    return Problem.of(policy, reps, leads);
  }
}
