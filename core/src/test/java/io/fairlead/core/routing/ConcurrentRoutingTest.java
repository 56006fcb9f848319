package io.fairlead.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads routing into one router: no lead is placed twice, no capacity or new-lead cap is
 * exceeded, every call gets exactly one answer. (The {@code get} timeouts only guard against a
 * hang; nothing here asserts speed.)
 */
class ConcurrentRoutingTest {

  private static final int THREADS = 4;
  private static final int LEADS_PER_THREAD = 5_000;
  private static final String[] REGIONS = {"East", "West", "North"};

  private static List<Rep> roster() {
    List<Rep> reps = new ArrayList<>();
    for (int r = 0; r < 24; r++) {
      reps.add(
          Rep.builder("r" + r)
              .regions(REGIONS[r % 3])
              .role(
                  r % 4 == 0
                      ? io.fairlead.core.model.Role.HUNTER
                      : io.fairlead.core.model.Role.BOTH)
              .capacity(150 + 10 * (r % 5))
              .heldOutside(r % 7)
              .newLeadCap(r % 6 == 0 ? 60 : Rep.UNLIMITED)
              .weight(0.5 + (r % 4) * 0.5)
              .build());
    }
    return reps;
  }

  private static Lead lead(String id, Random random) {
    return Lead.builder(id)
        .region(REGIONS[random.nextInt(3)])
        .industry(random.nextBoolean() ? "retail" : "tech")
        .value(100 + random.nextInt(50_000))
        .kind(random.nextInt(4) == 0 ? LeadKind.EXISTING_CUSTOMER : LeadKind.NEW_BUSINESS)
        .build();
  }

  @Test
  void fourThreads_5000LeadsEach_noDoubleAssignmentNoCapacityExceeded() throws Exception {
    List<Rep> reps = roster();
    LeadRouter router =
        LeadRouter.builder(Policy.defaults()).roster(reps).meanValue(25_000).build();
    Map<LeadId, RouteDecision> answers = new ConcurrentHashMap<>();
    AtomicInteger twice = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int thread = t;
        done.add(
            pool.submit(
                () -> {
                  Random random = new Random(thread);
                  start.await();
                  for (int i = 0; i < LEADS_PER_THREAD; i++) {
                    Lead lead = lead("t" + thread + "-" + i, random);
                    RouteDecision d = router.route(lead);
                    if (answers.putIfAbsent(lead.id(), d) != null) {
                      twice.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(twice).hasValue(0);
    assertThat(answers).hasSize(THREADS * LEADS_PER_THREAD);
    Map<RepId, Integer> held = new HashMap<>();
    Map<RepId, Integer> byDecision = new HashMap<>();
    int unassigned = 0;
    for (RouteDecision d : answers.values()) {
      assertThat(d.repeat()).isFalse();
      if (d.assigned()) {
        assertThat(d.status()).isEqualTo(Status.ASSIGNED);
        assertThat(router.ownerOf(d.lead())).isEqualTo(d.rep());
        byDecision.merge(d.rep().get(), 1, Integer::sum);
      } else {
        unassigned++;
        assertThat(router.ownerOf(d.lead())).isEmpty();
      }
    }
    assertThat(unassigned).as("capacities are small: some leads must be turned away").isPositive();
    assertThat(router.bookSize()).isEqualTo(THREADS * LEADS_PER_THREAD - unassigned);
    for (RepSnapshot s : router.snapshot()) {
      Rep rep = reps.stream().filter(r -> r.id().equals(s.rep())).findFirst().orElseThrow();
      held.put(s.rep(), s.leads());
      assertThat(s.held()).as("held by %s", s.rep()).isLessThanOrEqualTo(rep.capacity());
      assertThat(s.received()).as("new leads of %s", s.rep()).isLessThanOrEqualTo(rep.newLeadCap());
      assertThat(s.leads()).isEqualTo(s.received());
    }
    assertThat(held).isEqualTo(byDecision);
    // The book as a batch problem: every lead once, with its owner (Problem rejects duplicates).
    Problem problem = router.toProblem();
    assertThat(problem.leads()).hasSize(router.bookSize());
  }

  @Test
  void fourThreads_routingTheSameLeads_placeEachOnceAndAgreeOnTheOwner() throws Exception {
    LeadRouter router =
        LeadRouter.builder(Policy.defaults()).roster(roster()).meanValue(25_000).build();
    List<Lead> shared = new ArrayList<>();
    Random random = new Random(99);
    for (int i = 0; i < 1_000; i++) {
      shared.add(lead("s" + i, random));
    }
    Map<LeadId, List<RouteDecision>> answers = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < shared.size(); i++) {
                    // Each thread walks the list from a different place, so calls collide.
                    Lead lead = shared.get((i + thread * 250) % shared.size());
                    RouteDecision d = router.route(lead);
                    answers
                        .computeIfAbsent(
                            lead.id(),
                            k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(d);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).hasSize(shared.size());
    for (var e : answers.entrySet()) {
      List<RouteDecision> ds = e.getValue();
      assertThat(ds).as("answers for %s", e.getKey()).hasSize(THREADS);
      List<RouteDecision> placed = ds.stream().filter(d -> !d.repeat()).toList();
      assertThat(placed).as("first placements of %s", e.getKey()).hasSize(1);
      RouteDecision first = placed.get(0);
      assertThat(first.assigned()).as("capacity is ample here").isTrue();
      assertThat(ds).allSatisfy(d -> assertThat(d.rep()).isEqualTo(first.rep()));
      assertThat(router.ownerOf(e.getKey())).isEqualTo(first.rep());
    }
  }
}
