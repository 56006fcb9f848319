package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A state taken while another thread routes is the state at one moment between two operations: its
 * book and its ledger agree with each other and with the operations done up to that moment. (Taking
 * a state holds the router's lock only to copy the ledger; the book is read afterwards.)
 */
class RouterStateConcurrencyTest {

  private static final int LEADS = 6_000;

  private static Lead lead(int i) {
    return Lead.builder("l" + i).region("East").industry("retail").value(1 + i % 97).build();
  }

  /**
   * The leads in the book after the first {@code k} routes: every lead routed, less those released
   * so far. After route {@code i} with {@code i % 3 == 2}, lead {@code i - 1} is released; {@code
   * releasedLast} says whether the release after the last route has happened.
   */
  private static Set<LeadId> expected(int k, boolean releasedLast) {
    Set<LeadId> book = new HashSet<>();
    for (int i = 0; i < k; i++) {
      book.add(LeadId.of("l" + i));
      boolean releaseAfter = i % 3 == 2 && (i < k - 1 || releasedLast);
      if (releaseAfter) {
        book.remove(LeadId.of("l" + (i - 1)));
      }
    }
    return book;
  }

  @Test
  void state_takenWhileRouting_isTheStateOfOneMoment() throws Exception {
    List<Rep> reps = new ArrayList<>();
    for (int r = 0; r < 20; r++) {
      reps.add(Rep.builder("r" + r).regions("East").build());
    }
    Policy policy = Policy.defaults();
    LeadRouter router = LeadRouter.builder(policy).roster(reps).meanValue(50).build();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger states = new AtomicInteger();
    Thread routing =
        new Thread(
            () -> {
              for (int i = 0; i < LEADS; i++) {
                router.route(lead(i));
                if (i % 3 == 2) {
                  router.release(LeadId.of("l" + (i - 1)));
                }
                if (i % 500 == 499) {
                  // However the threads are scheduled, states are taken while routing is under
                  // way: wait here until the other thread has taken one more.
                  int seen = states.get();
                  while (states.get() <= seen) {
                    Thread.onSpinWait();
                  }
                }
              }
              done.set(true);
            });
    routing.setDaemon(true); // a failed check in this thread must not leave it waiting forever
    routing.start();
    int midway = 0;
    while (!done.get() || states.get() == 0) {
      RouterState s = router.state();
      states.incrementAndGet();
      int k = (int) s.sequence(); // every lead is new, so each route received one lead
      Set<LeadId> book = new HashSet<>();
      s.book().forEach(e -> book.add(e.lead().id()));
      assertThat(book).hasSize(s.book().size()); // no lead twice
      assertThat(book).isIn(expected(k, false), expected(k, true));
      assertThat(s.reps().stream().mapToInt(RouterState.RepLedger::received).sum()).isEqualTo(k);
      assertThat(s.reps().stream().mapToLong(RouterState.RepLedger::lastLead).max().orElse(-1))
          .isEqualTo(k == 0 ? -1 : k);
      LeadRouter restored = LeadRouter.restore(s, policy);
      assertThat(restored.bookSize()).isEqualTo(book.size());
      if (k > 0 && k < LEADS) {
        midway++;
      }
    }
    routing.join();
    // The check saw states taken while routing went on, not only the state at the end.
    assertThat(midway).isGreaterThanOrEqualTo(LEADS / 500 - 1);
    assertThat(router.state().book()).hasSize(LEADS - LEADS / 3);
  }
}
