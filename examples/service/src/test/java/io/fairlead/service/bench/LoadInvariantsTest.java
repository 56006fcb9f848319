package io.fairlead.service.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.service.Databases;
import io.fairlead.service.FairleadService;
import io.fairlead.service.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded concurrent load over HTTP against the service on H2 in a file: 8 client threads × 300
 * requests of routes, claims and releases against a roster of 200 reps whose capacities make the
 * caps bind. Afterwards no lead is lost or held twice, no cap is exceeded, the audit log accounts
 * for every event and the logs verify ({@link Invariants}). The figures are printed, not asserted;
 * {@link LoadBenchmark} runs the full load with its baselines.
 */
class LoadInvariantsTest {

  @TempDir Path dir;

  @Test
  void aConcurrentLoadOnH2_losesNoLead_holdsNoneTwice_andExceedsNoCap() {
    Workload w = new Workload(200, 8, 300, 11);
    ServiceConfig config = ServiceConfig.read(w.configJson(Databases.h2(dir).url(), "sa", ""));
    try (FairleadService s = FairleadService.start(config)) {
      HttpTarget t = new HttpTarget(s.port());
      w.addTeam(t);

      Workload.Result r = w.run(t);
      List<Invariants.Check> checks = Invariants.check(r, t.observe(), config);

      System.out.printf(
          "load on H2: %d requests answered in %.1f s (%d acknowledged, %d refused by a rule)%n",
          r.answered(), r.nanos() / 1e9, r.acks().size(), r.refused());
      checks.forEach(System.out::println);
      assertThat(r.failed()).as(r.firstFailure()).isZero();
      assertThat(r.answered()).isEqualTo(8 * 300);
      assertThat(checks).as("%s", checks).hasSize(8).allMatch(Invariants.Check::holds);
      assertThat(r.acks())
          .extracting(Workload.Ack::op)
          .contains(Workload.Op.CLAIM, Workload.Op.RELEASE);
      assertThat(r.refused()).as("claims refused by a rule or taken by another rep").isPositive();
      assertThat(r.acks())
          .as("leads routed to the pool because no rep of their region had room")
          .anyMatch(a -> a.op() == Workload.Op.ROUTE && a.answer().owner() == null);
    }
  }
}
