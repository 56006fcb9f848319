package io.fairlead.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RepSnapshot;
import io.fairlead.core.routing.RouteDecision;
import io.fairlead.core.routing.RouterState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plan of docs/scaling.md, simulated: a synthetic book of independent territory groups, its
 * reps split into partitions (one router instance each, the partition's only writer) and a stream
 * of records keyed into an append-only log by partition. The instances decide every lead as one
 * router over the whole book decides it, lead by lead, with an instance killed midway and restored
 * from its last snapshot and the log after it; and end with the same per-rep state.
 *
 * <p>The conditions, which the guide states: every router is built with the same {@code meanValue};
 * each partition's roster keeps the whole roster's order; a new period is a record in every
 * partition; no calibration of the catch-up depends on reps of other partitions (here {@code
 * CatchUp.FULL}); no roster change joins two partitions' groups until the book is partitioned
 * again. The last tests show what each breaks, or how the partitions answer otherwise.
 */
class PartitionedRoutingSimulationTest {

  /** Full catch-up: a rep back from leave keeps its own credit, whatever the others' are. */
  static final Policy POLICY = Policy.builder().catchUp(CatchUp.FULL).build();

  static final GroupedBook BOOK = GroupedBook.generate(5, 11, POLICY);

  static final int PARTITIONS = 3;

  /** The one instance's default value scale (its book's mean), given to every router. */
  static final OptionalDouble MEAN =
      OptionalDouble.of(BOOK.book.stream().mapToDouble(POLICY::valueOf).average().orElseThrow());

  /** The reference: one router over the whole book and the whole stream (read only after this). */
  static final OneInstance ONE_INSTANCE =
      new OneInstance(POLICY, BOOK.roster, BOOK.book, MEAN).read(BOOK.stream);

  static final Map<Long, RouteDecision> ONE = ONE_INSTANCE.decisions();

  static final PartitionMap MAP = PartitionMap.of(POLICY, BOOK.roster, PARTITIONS);

  /** The stream as the producer keys it into the log, once: the log is only read after. */
  static final PartitionLog LOG = produced();

  private static PartitionLog produced() {
    Cluster c = new Cluster(POLICY, MAP, BOOK.book, MEAN);
    c.produce(BOOK.stream);
    return c.log;
  }

  /** A fresh instance per partition over the book, each reading the produced log from 0. */
  static Cluster cluster() {
    return new Cluster(POLICY, MAP, BOOK.book, MEAN, LOG);
  }

  @Test
  void theBookHasMoreGroupsThanPartitions_andTheStreamEveryKindOfDecision() {
    assertThat(MAP.groups()).isGreaterThan(PARTITIONS);
    Map<String, Long> kinds =
        ONE.values().stream()
            .collect(
                Collectors.groupingBy(
                    PartitionedRoutingSimulationTest::kind, Collectors.counting()));
    assertThat(kinds)
        .containsKeys(
            "ASSIGNED",
            "KEPT",
            "LOCKED",
            "MOVED",
            "NO_ELIGIBLE_REP",
            "ALL_ELIGIBLE_FULL",
            "repeat");
    Cluster c = cluster();
    for (int p = 0; p <= PARTITIONS; p++) {
      assertThat(c.log.end(p)).as("records of partition %s", p).isGreaterThan(50);
    }
  }

  private static String kind(RouteDecision d) {
    return d.repeat() ? "repeat" : d.reason().map(r -> r.kind().name()).orElse(d.status().name());
  }

  @Test
  void partitionsWithAnInstanceKilledAndRestored_decideEveryLeadAsOneInstance() {
    Cluster c = cluster();
    int victim = 1;
    long killAt = c.log.end(victim) / 2;
    Random order = new Random(3);
    boolean killed = false;
    for (List<Integer> behind = c.behind(); !behind.isEmpty(); behind = c.behind()) {
      int p = behind.get(order.nextInt(behind.size()));
      if (p == victim && !killed && c.instance(p).next() == killAt) {
        String dying = c.instance(p).snapshot().router();
        c.kill(p);
        killed = true;
        while (c.instance(p).next() < killAt) {
          c.step(p); // the replay
        }
        // The restored instance is where the dead one was, to the character of its JSON.
        assertThat(c.instance(p).snapshot().router()).isEqualTo(dying);
      }
      c.step(p);
      if (c.instance(p).next() % 300 == 0) {
        c.snapshot(p); // every 300 records, between two records
      }
    }
    assertThat(killed).isTrue();
    // The snapshot was taken at the last multiple of 300 before the kill: the instance read the
    // records after it twice, and routed their leads twice, alike.
    long snapshotAt = killAt / 300 * 300;
    assertThat(c.emittedAgain()).isEqualTo(routes(c.log, victim, snapshotAt, killAt)).isPositive();
    assertSameDecisions(c.decisions());
    assertSameFinalState(c, true);
  }

  @Test
  void anInstanceKilledAnywhere_andRestoredFromASnapshotTakenAnywhereBefore_decidesAlike() {
    qt().withFixedSeed(20261202L)
        .withExamples(20)
        .forAll(
            integers().between(0, PARTITIONS),
            integers().between(0, 1000),
            integers().between(0, 1000),
            longs().between(0, 1_000_000))
        .checkAssert(
            (victim, killPermille, snapshotPermille, orderSeed) -> {
              Cluster c = cluster();
              long killAt = c.log.end(victim) * killPermille / 1000;
              long snapshotAt = killAt * snapshotPermille / 1000;
              Random order = new Random(orderSeed);
              boolean snapshotTaken = false;
              boolean killed = false;
              while (true) {
                PartitionInstance v = c.instance(victim);
                if (!snapshotTaken && v.next() == snapshotAt) {
                  c.snapshot(victim);
                  snapshotTaken = true;
                }
                if (!killed && v.next() == killAt) {
                  c.kill(victim);
                  killed = true;
                }
                List<Integer> behind = c.behind();
                if (behind.isEmpty()) {
                  break;
                }
                c.step(behind.get(order.nextInt(behind.size())));
              }
              String seen =
                  "victim " + victim + ", snapshot at " + snapshotAt + ", killed at " + killAt;
              assertThat(killed).as(seen).isTrue();
              assertThat(c.latest(victim).offset()).as(seen).isEqualTo(snapshotAt);
              assertThat(c.emittedAgain())
                  .as(seen)
                  .isEqualTo(routes(c.log, victim, snapshotAt, killAt));
              assertSameDecisions(c.decisions());
              assertSameFinalState(c, true);
            });
  }

  /**
   * A rep of one partition's group (one that does not go on leave) takes a region of another's at a
   * period boundary: the groups join, so every instance stops when it has read its log, the
   * routers' states are cut and joined along the new map, and the instances go on: every lead is
   * decided as one instance decides it.
   */
  @Test
  void aRosterChangeThatJoinsTwoPartitions_repartitionedAtAPeriodBoundary_decidesAlike() {
    PartitionMap before = PartitionMap.of(POLICY, BOOK.roster, PARTITIONS);
    Rep bridge = null;
    String region = null;
    for (Rep r : BOOK.roster) {
      for (Rep s : BOOK.roster) {
        if (bridge == null
            && r.available()
            && !r.regions().isEmpty()
            && !changedInTheStream(r)
            && before.partitionOf(r.id()) == 0
            && before.partitionOf(s.id()) == 1) {
          bridge = r;
          region = s.regions().iterator().next();
        }
      }
    }
    assertThat(bridge).isNotNull();
    Set<String> regions = new TreeSet<>(bridge.regions());
    regions.add(region);
    Rep joined = bridge.toBuilder().regions(regions.toArray(String[]::new)).build();
    assertThat(before.fits(joined)).isFalse();

    int cut = 0;
    while (!(BOOK.stream.get(cut) instanceof LogRecord.NewPeriod)) {
      cut++;
    }
    List<LogRecord> first = BOOK.stream.subList(0, cut + 1);
    List<LogRecord> rest = new ArrayList<>();
    rest.add(new LogRecord.UpdateRep(cut + 1, joined));
    for (LogRecord r : BOOK.stream.subList(cut + 1, BOOK.stream.size())) {
      rest.add(shifted(r, 1));
    }
    List<LogRecord> all = new ArrayList<>(first);
    all.addAll(rest);
    OneInstance one = new OneInstance(POLICY, BOOK.roster, BOOK.book, MEAN).read(all);

    Cluster c = new Cluster(POLICY, before, BOOK.book, MEAN);
    c.produce(first);
    c.drain(new Random(5));
    List<Rep> roster =
        BOOK.roster.stream().map(r -> r.id().equals(joined.id()) ? joined : r).toList();
    PartitionMap after = PartitionMap.of(POLICY, roster, PARTITIONS);
    assertThat(after.groups()).isEqualTo(before.groups() - 1);
    c.repartition(after);
    c.produce(rest);
    c.drain(new Random(6));

    assertThat(c.decisions()).isEqualTo(one.decisions());
    assertSameFinalState(c, one.router, false);
  }

  /**
   * After a repartition, the reps of the two partitions joined are ordered by when their last leads
   * came in the stream, not by each old router's own numbers: e2 got its last lead before w1 did,
   * so e2 has waited longer, though it was its router's second lead and w1's its router's first.
   */
  @Test
  void aRepartition_ordersTheLastLeadsOfTheJoinedRepsAsTheStreamDid() {
    Rep e2 = Rep.builder("e2").regions("East").build();
    List<Rep> roster =
        List.of(
            Rep.builder("e1").regions("East").build(),
            e2,
            Rep.builder("w1").regions("West").build(),
            Rep.builder("n1").regions("North").build());
    Rep bridge = e2.toBuilder().regions("East", "West").build();
    List<LogRecord> first =
        List.of(
            new LogRecord.Route(0, Lead.builder("c1").region("East").value(1000).build()),
            new LogRecord.Route(1, Lead.builder("c2").region("East").value(1000).build()),
            new LogRecord.Route(2, Lead.builder("c3").region("West").value(1000).build()),
            new LogRecord.NewPeriod(3));
    List<LogRecord> rest =
        List.of(
            new LogRecord.UpdateRep(4, bridge),
            new LogRecord.Route(5, Lead.builder("c4").region("West").value(1000).build()));
    List<LogRecord> all = new ArrayList<>(first);
    all.addAll(rest);
    OptionalDouble mean = OptionalDouble.of(1000);
    OneInstance one = new OneInstance(POLICY, roster, List.of(), mean).read(all);

    Cluster c = new Cluster(POLICY, PartitionMap.of(POLICY, roster, 2), List.of(), mean);
    c.produce(first);
    c.drain(new Random(9));
    assertThat(c.map().partitionOf(RepId.of("e2")))
        .isNotEqualTo(c.map().partitionOf(RepId.of("w1")));
    List<Rep> joined = List.of(roster.get(0), bridge, roster.get(2), roster.get(3));
    c.repartition(PartitionMap.of(POLICY, joined, 2));
    c.produce(rest);
    c.drain(new Random(10));

    assertThat(one.decisions().get(5L).rep()).contains(RepId.of("e2"));
    assertThat(c.decisions()).isEqualTo(one.decisions());
  }

  /**
   * Without a common {@code meanValue}, each router scales value by its own book's mean: a lead's
   * value units, and so some choices, differ from one instance's.
   */
  @Test
  void withoutACommonMeanValue_eachPartitionScalesValueByItsOwnBook_andSomeDecisionsDiffer() {
    OptionalDouble none = OptionalDouble.empty();
    OneInstance one = new OneInstance(POLICY, BOOK.roster, BOOK.book, none).read(BOOK.stream);
    Cluster c =
        new Cluster(POLICY, PartitionMap.of(POLICY, BOOK.roster, PARTITIONS), BOOK.book, none);
    c.produce(BOOK.stream);
    c.drain(new Random(7));
    assertThat(one.router.meanValue()).isEqualTo(MEAN);
    for (int p = 0; p < PARTITIONS; p++) {
      assertThat(c.instance(p).router().meanValue()).isPresent().isNotEqualTo(MEAN);
    }
    assertThat(c.decisions().keySet()).isEqualTo(one.decisions().keySet());
    assertThat(c.decisions()).isNotEqualTo(one.decisions());
  }

  /**
   * Under {@code CatchUp.NONE} (the default) a rep back from leave is raised to the weighted mean
   * credit of the other active reps on its router's roster: in a partition, its partition's reps;
   * in one instance, every rep. The partition's is the mean of the reps it competes with.
   */
  @Test
  void catchUpCalibratesAgainstThePartitionsReps_notTheWholeRoster() {
    Policy none = Policy.defaults();
    GroupedBook g = GroupedBook.generate(5, 11, none);
    int back = 0; // the first return from leave
    while (!(g.stream.get(back) instanceof LogRecord.UpdateRep u && u.rep().available())) {
      back++;
    }
    Rep rep = ((LogRecord.UpdateRep) g.stream.get(back)).rep();
    OneInstance one = new OneInstance(none, g.roster, g.book, MEAN).read(g.stream.subList(0, back));
    Cluster c = new Cluster(none, PartitionMap.of(none, g.roster, PARTITIONS), g.book, MEAN);
    c.produce(g.stream.subList(0, back));
    c.drain(new Random(8));
    assertThat(c.decisions()).isEqualTo(one.decisions());
    LeadRouter partition = c.instance(c.map().partitionOf(rep.id())).router();
    double wholeLevel = level(one.router, rep.id());
    double partitionLevel = level(partition, rep.id());
    assertThat(partitionLevel).isNotEqualTo(wholeLevel);

    one.router.updateRep(rep);
    partition.updateRep(rep);
    assertThat(credit(one.router, rep.id())).isEqualTo(wholeLevel);
    assertThat(credit(partition, rep.id())).isEqualTo(partitionLevel);
  }

  /** {@code CatchUp.NONE.calibrate} for the rep against the other active reps of the router. */
  private static double level(LeadRouter router, RepId rep) {
    double credits = 0;
    double weights = 0;
    RepSnapshot self = null;
    for (RepSnapshot s : router.snapshot()) {
      if (s.rep().equals(rep)) {
        self = s;
      } else if (s.available()) {
        credits += s.credited();
        weights += s.weight();
      }
    }
    return CatchUp.NONE.calibrate(self.credited(), self.weight(), credits, weights);
  }

  private static double credit(LeadRouter router, RepId rep) {
    return router.snapshot().stream()
        .filter(s -> s.rep().equals(rep))
        .findFirst()
        .orElseThrow()
        .credited();
  }

  /**
   * A lead whose every taker is on leave is unassigned for want of an eligible rep, in a partition
   * as in one instance; the reason counts the reps of the router that answers: the partition's.
   */
  @Test
  void noEligibleRepBecauseOfLeave_theReasonCountsThePartitionsReps() {
    List<Rep> roster =
        List.of(
            Rep.builder("ana").regions("East").available(false).build(),
            Rep.builder("ben").regions("West").build(),
            Rep.builder("cem").regions("East").available(false).build(),
            Rep.builder("dan").regions("West").build(),
            Rep.builder("eve").regions("West").build());
    PartitionMap map = PartitionMap.of(POLICY, roster, 2);
    Lead lead = Lead.builder("c1").region("East").value(1000).build();
    RouteDecision whole =
        LeadRouter.builder(POLICY).roster(roster).meanValue(1000).build().route(lead);
    PartitionMap.Addressed to = map.address(new LogRecord.Route(0, lead)).get(0);
    RouteDecision part =
        LeadRouter.builder(POLICY)
            .roster(map.roster(to.partition()))
            .meanValue(1000)
            .build()
            .route(lead);
    assertThat(map.roster(to.partition()))
        .extracting(Rep::id)
        .map(RepId::value)
        .containsExactly("ana", "cem");
    assertThat(whole.reason().orElseThrow().message())
        .isEqualTo("no eligible rep among 5: availability excluded 2, region excluded 3");
    assertThat(part.reason().orElseThrow().message())
        .isEqualTo("no eligible rep among 2: availability excluded 2");
  }

  /**
   * A lead owned by a rep of another partition, whom the policy does not let keep it: one instance
   * moves it to a rep of its takers' group; the producer sends it to the takers' partition without
   * its owner (that router does not know the owner), which picks the same rep and the same
   * runner-up, and reports it assigned, not moved, its score delta without the cost of a move.
   */
  @Test
  void aLeadOwnedInAnotherPartition_goesToItsTakersWithoutItsOwner_toTheSameRep() {
    List<Rep> roster =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("ben").regions("West").weight(2).build(),
            Rep.builder("cem").regions("West").build());
    PartitionMap map = PartitionMap.of(POLICY, roster, 2);
    Lead lead = Lead.builder("c1").region("West").value(1000).currentOwner("ana").build();
    RouteDecision whole =
        LeadRouter.builder(POLICY).roster(roster).meanValue(1000).build().route(lead);
    PartitionMap.Addressed to = map.address(new LogRecord.Route(0, lead)).get(0);
    Lead sent = ((LogRecord.Route) to.record()).lead();
    assertThat(to.partition()).isEqualTo(map.partitionOf(RepId.of("ben")));
    assertThat(sent.currentOwner()).isEmpty();
    RouteDecision part =
        LeadRouter.builder(POLICY)
            .roster(map.roster(to.partition()))
            .meanValue(1000)
            .build()
            .route(sent);
    assertThat(whole.status()).isEqualTo(Status.MOVED);
    assertThat(part.status()).isEqualTo(Status.ASSIGNED);
    assertThat(part.rep()).isEqualTo(whole.rep()).contains(RepId.of("ben"));
    assertThat(part.runnerUp().orElseThrow().rep()).isEqualTo(whole.runnerUp().orElseThrow().rep());
    assertThat(whole.scoreDelta()).isGreaterThan(part.scoreDelta());
  }

  // ------------------------------------------------------------------ helpers

  /** Whether the stream holds a new definition of the rep (its leave and return). */
  private static boolean changedInTheStream(Rep rep) {
    return BOOK.stream.stream()
        .anyMatch(r -> r instanceof LogRecord.UpdateRep u && u.rep().id().equals(rep.id()));
  }

  private static LogRecord shifted(LogRecord r, long by) {
    long at = r.at() + by;
    if (r instanceof LogRecord.Route x) {
      return new LogRecord.Route(at, x.lead());
    }
    if (r instanceof LogRecord.Release x) {
      return new LogRecord.Release(at, x.lead());
    }
    if (r instanceof LogRecord.UpdateRep x) {
      return new LogRecord.UpdateRep(at, x.rep());
    }
    return new LogRecord.NewPeriod(at);
  }

  /** The leads routed by the records of a partition in {@code [from, to)}. */
  private static long routes(PartitionLog log, int partition, long from, long to) {
    long n = 0;
    for (long o = from; o < to; o++) {
      if (log.read(partition, o) instanceof LogRecord.Route) {
        n++;
      }
    }
    return n;
  }

  /** Every lead came back exactly once, each decision the one instance's. */
  private static void assertSameDecisions(Map<Long, RouteDecision> decisions) {
    assertThat(decisions.keySet()).isEqualTo(ONE.keySet());
    ONE.keySet().stream()
        .filter(at -> !ONE.get(at).equals(decisions.get(at)))
        .min(Long::compare)
        .ifPresent(
            at ->
                assertThat(decisions.get(at))
                    .as("record %s, the first decided otherwise", at)
                    .isEqualTo(ONE.get(at)));
  }

  private static void assertSameFinalState(Cluster c, boolean sameBookOrder) {
    assertSameFinalState(c, ONE_INSTANCE.router, sameBookOrder);
  }

  /**
   * Every rep's aggregates and ledger are the one instance's, but for the router's own numbering of
   * last leads, which orders the partition's reps alike; every partition holds the one instance's
   * book entries of its reps (in the same order, if asked); the no-territory router holds nothing.
   */
  private static void assertSameFinalState(Cluster c, LeadRouter one, boolean sameBookOrder) {
    Map<RepId, RepSnapshot> whole =
        one.snapshot().stream().collect(Collectors.toMap(RepSnapshot::rep, Function.identity()));
    List<RouterState.BookEntry> wholeBook = one.state().book();
    int held = 0;
    for (int p = 0; p < c.map().partitions(); p++) {
      LeadRouter r = c.instance(p).router();
      assertThat(r.period()).isEqualTo(one.period());
      List<RepSnapshot> mine = r.snapshot();
      for (RepSnapshot s : mine) {
        assertThat(withoutLastLead(s)).isEqualTo(withoutLastLead(whole.get(s.rep())));
      }
      assertThat(byLastLead(mine, s -> s.lastLead()))
          .as("partition %s: its reps by their last lead", p)
          .isEqualTo(byLastLead(mine, s -> whole.get(s.rep()).lastLead()));
      final int partition = p;
      List<RouterState.BookEntry> expected =
          wholeBook.stream().filter(e -> c.map().partitionOf(e.rep()) == partition).toList();
      if (sameBookOrder) {
        assertThat(r.state().book()).isEqualTo(expected);
      } else {
        assertThat(r.state().book()).containsExactlyInAnyOrderElementsOf(expected);
      }
      held += r.bookSize();
    }
    assertThat(held).isEqualTo(one.bookSize());
    assertThat(c.instance(c.map().noTerritory()).router().bookSize()).isZero();
  }

  private static RepSnapshot withoutLastLead(RepSnapshot s) {
    return new RepSnapshot(
        s.rep(),
        s.available(),
        s.weight(),
        s.leads(),
        s.valueUnits(),
        s.tierLeads(),
        s.held(),
        s.capacity(),
        s.received(),
        s.receivedValueUnits(),
        s.credited(),
        0);
  }

  /** The reps in order of their last lead, by the given numbering (roster order for none). */
  private static List<RepId> byLastLead(
      List<RepSnapshot> reps, java.util.function.ToLongFunction<RepSnapshot> lastLead) {
    List<RepSnapshot> sorted = new ArrayList<>(reps);
    sorted.sort(Comparator.comparingLong(lastLead)); // stable: roster order among equals
    return sorted.stream().map(RepSnapshot::rep).toList();
  }
}
