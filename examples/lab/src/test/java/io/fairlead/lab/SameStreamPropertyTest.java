package io.fairlead.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every policy of a run, and the history, consumes the identical stream. */
class SameStreamPropertyTest {

  static final long SEED = 20240101L;

  @Test
  void everyPolicySawTheIdenticalStream() {
    qt().withFixedSeed(SEED)
        .withExamples(25)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 3), integers().between(1, 20))
        .checkAssert(
            (seed, shape, days) -> {
              LocalDate start = LocalDate.of(2024, 3, 1);
              List<DatedLead> leads =
                  switch (shape) {
                    case 0 -> LeadStreams.uniform(seed, start, days, 4, LabTest.team());
                    case 1 -> LeadStreams.skewedRegions(seed, start, days, 4, LabTest.team(), 1.5);
                    case 2 -> LeadStreams.seasonal(seed, start, days, 4, LabTest.team(), 7, 3);
                    default -> LeadStreams.duplicates(seed, start, days, 4, LabTest.team(), 0.4);
                  };
              Map<io.fairlead.core.model.LeadId, io.fairlead.core.model.RepId> history =
                  new LinkedHashMap<>();
              leads.stream()
                  .limit(5)
                  .forEach(d -> history.put(d.lead().id(), io.fairlead.core.model.RepId.of("ben")));
              Scenario s =
                  Scenario.builder("prop-" + seed)
                      .start(start)
                      .days(days)
                      .seed(seed)
                      .roster(LabTest.team())
                      .leads(leads)
                      .history(history)
                      .policy("default", Policy.defaults())
                      .policy(
                          "receipts",
                          Policy.builder()
                              .weight(Objective.RECEIPTS, 1)
                              .allowRebalancing(true)
                              .build())
                      .schedule(
                          shape % 2 == 0
                              ? Schedule.route()
                              : Schedule.nightly().rebalanceEvery(3, 0.2))
                      .allocator(LeadRouter.allocator())
                      .build();
              Map<String, List<DatedLead>> seen = new LinkedHashMap<>();
              LabResult r =
                  Lab.run(
                      s,
                      new LabListener() {
                        @Override
                        public void consumed(String policy, DatedLead lead) {
                          seen.computeIfAbsent(policy, k -> new ArrayList<>()).add(lead);
                        }
                      });
              assertThat(r.runs()).hasSize(3);
              for (PolicyRun run : r.runs()) {
                assertThat(seen.getOrDefault(run.policy(), List.of()))
                    .as("seed %d shape %d days %d: %s", seed, shape, days, run.policy())
                    .isEqualTo(leads);
                assertThat(run.leads()).isEqualTo(leads.size());
              }
            });
  }
}
