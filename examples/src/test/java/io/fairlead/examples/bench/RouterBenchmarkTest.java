package io.fairlead.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.routing.RouteDecision;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the router benchmark's operations directly (not under JMH, and timing nothing): every case
 * sets up, and each operation routes a lead to a rep and keeps the book at a steady size.
 */
class RouterBenchmarkTest {

  @Test
  void everyOperation_routesItsLead_andTheBookStaysSteady() {
    for (String territory : new String[] {"regional", "global"}) {
      RouterBenchmark bench = new RouterBenchmark();
      bench.reps = 200;
      bench.territory = territory;
      bench.setUp();
      RouterBenchmark.OwnRouter own = new RouterBenchmark.OwnRouter();
      own.reps = 200;
      own.territory = territory;
      own.setUp();
      RouterBenchmark.Feed shared = new RouterBenchmark.Feed();
      shared.setUp();
      RouterBenchmark.Feed alone = new RouterBenchmark.Feed();
      alone.setUp();
      Set<String> reps = new HashSet<>();
      for (int i = 0; i < 6_000; i++) { // past the lag of 4,096, so releases happen
        RouteDecision d =
            i % 2 == 0 ? bench.latency1Thread(shared) : bench.afterRosterChange(shared);
        assertThat(d.status()).as("%s op %d", territory, i).isEqualTo(Status.ASSIGNED);
        reps.add(d.rep().orElseThrow().value());
        RouteDecision o = bench.latency2Routers(own, alone);
        assertThat(o.status()).as("%s own op %d", territory, i).isEqualTo(Status.ASSIGNED);
      }
      assertThat(reps).as(territory).hasSizeGreaterThan(100);
      // 200 reps x 20 leads held before, plus the feed's last 4,096 leads.
      assertThat(bench.router.bookSize()).as(territory).isEqualTo(200 * 20 + 4_096);
      assertThat(own.router.bookSize()).as(territory).isEqualTo(200 * 20 + 4_096);
    }
  }
}
