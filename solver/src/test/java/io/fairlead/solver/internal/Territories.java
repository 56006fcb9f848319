package io.fairlead.solver.internal;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Problems made of separate territories: each region has its own reps, who cover that region only,
 * so the lead–rep graph has one component per region (more if a region's reps split by industry).
 * Leads are interleaved across regions, so a part's leads are not a contiguous range.
 */
final class Territories {

  private static final String[] INDUSTRIES = {"tech", "retail", "bank"};

  private Territories() {}

  static Problem generate(int regions, int repsPerRegion, int leadsPerRegion, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Rep> reps = new ArrayList<>();
    int capacity = (int) Math.ceil(1.5 * leadsPerRegion / repsPerRegion);
    for (int g = 0; g < regions; g++) {
      for (int k = 0; k < repsPerRegion; k++) {
        Rep.Builder b =
            Rep.builder("r" + g + "-" + k)
                .regions("region" + g)
                .capacity(capacity)
                .weight(0.7 + 0.8 * random.nextDouble());
        if (k > 0 && random.nextInt(3) == 0) {
          b.industries(INDUSTRIES[0], INDUSTRIES[1 + random.nextInt(2)]);
        }
        reps.add(b.build());
      }
    }
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < regions * leadsPerRegion; i++) {
      int g = i % regions;
      Lead.Builder b =
          Lead.builder("l" + i)
              .region("region" + g)
              .industry(INDUSTRIES[random.nextInt(INDUSTRIES.length)])
              .value(
                  Math.min(1e12, Math.round(Math.exp(9 + (g + 1) * 0.4 + random.nextGaussian()))))
              .tier(random.nextInt(10) == 0 ? "A" : random.nextInt(3) == 0 ? "B" : "C");
      if (random.nextInt(4) == 0) {
        b.currentOwner("r" + g + "-0");
      }
      leads.add(b.build());
    }
    return Problem.of(Policy.defaults(), reps, leads);
  }
}
