package io.fairlead.examples.scale;

import static com.google.common.base.Preconditions.checkState;

import io.fairlead.core.model.Lead;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouteDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * The partitioned deployment: a producer that keys records by a {@link PartitionMap} into a {@link
 * PartitionLog}, and one {@link PartitionInstance} per partition (the no-territory one included),
 * stepped in whatever order the test picks. It keeps each instance's last snapshot, can kill an
 * instance and restore it from that snapshot, and gathers the decisions by the producer's sequence
 * number, checking that a decision emitted again after a restore is the one emitted before.
 */
final class Cluster {

  final Policy policy;
  final PartitionLog log;
  private PartitionMap map;
  private final PartitionInstance[] instances;
  private final PartitionInstance.Snapshot[] latest;
  private final Map<Long, RouteDecision> decisions = new HashMap<>();
  private int emittedAgain;

  /**
   * Starts an instance per partition over its part of the book, each with its initial snapshot.
   *
   * @param meanValue the value scale of every router; empty: each router's default (its own book's
   *     mean)
   */
  Cluster(Policy policy, PartitionMap map, List<Lead> book, OptionalDouble meanValue) {
    this(policy, map, book, meanValue, new PartitionLog(map.partitions() + 1));
  }

  /** As above, over a log the producer has written already (keyed by the same map). */
  Cluster(
      Policy policy,
      PartitionMap map,
      List<Lead> book,
      OptionalDouble meanValue,
      PartitionLog log) {
    this.policy = policy;
    this.map = map;
    int all = map.partitions() + 1;
    checkState(log.partitions() == all, "the log has %s partitions, not %s", log.partitions(), all);
    this.log = log;
    this.instances = new PartitionInstance[all];
    this.latest = new PartitionInstance.Snapshot[all];
    for (int p = 0; p < all; p++) {
      LeadRouter.Builder b =
          LeadRouter.builder(policy).roster(map.roster(p)).book(map.book(p, book));
      meanValue.ifPresent(b::meanValue);
      instances[p] = PartitionInstance.start(p, b.build());
      latest[p] = instances[p].snapshot();
    }
  }

  /** Keys the records and appends them to the log, in order. */
  void produce(List<LogRecord> records) {
    for (LogRecord r : records) {
      for (PartitionMap.Addressed a : map.address(r)) {
        log.append(a.partition(), a.record());
      }
    }
  }

  PartitionInstance instance(int partition) {
    return instances[partition];
  }

  /** The partitions whose instance has records left to read. */
  List<Integer> behind() {
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p < instances.length; p++) {
      if (!instances[p].caughtUp(log)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Steps the partitions in a random order until every instance has read its whole log. */
  void drain(Random order) {
    for (List<Integer> behind = behind(); !behind.isEmpty(); behind = behind()) {
      step(behind.get(order.nextInt(behind.size())));
    }
  }

  /** The instance of the partition reads one record. */
  void step(int partition) {
    instances[partition]
        .step(log)
        .ifPresent(
            d -> {
              RouteDecision before = decisions.putIfAbsent(d.at(), d.decision());
              if (before != null) {
                checkState(
                    before.equals(d.decision()),
                    "record %s: replayed as %s, was %s",
                    d.at(),
                    d.decision(),
                    before);
                emittedAgain++;
              }
            });
  }

  void snapshot(int partition) {
    latest[partition] = instances[partition].snapshot();
  }

  PartitionInstance.Snapshot latest(int partition) {
    return latest[partition];
  }

  /** The instance dies; a new one starts from its last snapshot and reads on from its offset. */
  void kill(int partition) {
    instances[partition] = PartitionInstance.restore(latest[partition], policy);
  }

  PartitionMap map() {
    return map;
  }

  /**
   * Partitions the book again along a new map of as many partitions (see {@link Repartition}):
   * every instance must have read its whole log. From now on the producer keys by the new map.
   */
  void repartition(PartitionMap to) {
    checkState(
        to.partitions() == map.partitions(),
        "the log has %s partitions, the new map %s",
        map.partitions(),
        to.partitions());
    List<PartitionInstance> fresh = Repartition.apply(List.of(instances), to, log, policy);
    for (int p = 0; p < instances.length; p++) {
      instances[p] = fresh.get(p);
      latest[p] = instances[p].snapshot();
    }
    map = to;
  }

  /** Every decision, by the producer's sequence number of the record it answers. */
  Map<Long, RouteDecision> decisions() {
    return Map.copyOf(decisions);
  }

  /** How many decisions were emitted a second time (replayed after a restore), all identical. */
  int emittedAgain() {
    return emittedAgain;
  }
}
