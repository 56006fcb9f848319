package io.fairlead.examples.scale;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouteDecision;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One service instance consuming one partition of the log: the partition's only writer. It reads
 * the record at its offset, applies it to its router and moves on; a snapshot is the router's JSON
 * ({@link FairleadJson#writeRouter}) with the offset of the next record to read, taken between two
 * records. An instance that dies is replaced by {@link #restore}: the snapshot, then the log from
 * the snapshot's offset on.
 *
 * <p>Besides the router, the instance keeps, per rep, the producer's sequence number of the last
 * lead the rep received ({@link #lastLeadAt()}). The router numbers the leads it receives itself,
 * so a partition's numbers order its own reps only; a {@link Repartition} that puts reps of two
 * partitions in one router orders them by these.
 */
final class PartitionInstance {

  /**
   * What an instance saves: the offset of the next record to read and the state as of just before
   * it.
   */
  record Snapshot(int partition, long offset, String router, Map<RepId, Long> lastLeadAt) {
    Snapshot {
      lastLeadAt = Map.copyOf(lastLeadAt);
    }
  }

  /** A decision, with the record it answers. */
  record Decision(int partition, long offset, long at, RouteDecision decision) {}

  private final int partition;
  private final LeadRouter router;
  private long next;
  private final Map<RepId, Long> lastLeadAt;

  PartitionInstance(int partition, LeadRouter router, long next, Map<RepId, Long> lastLeadAt) {
    this.partition = partition;
    this.router = router;
    this.next = next;
    this.lastLeadAt = new HashMap<>(lastLeadAt);
  }

  /** A new instance over a partition's initial router, reading from offset 0. */
  static PartitionInstance start(int partition, LeadRouter router) {
    return new PartitionInstance(partition, router, 0, Map.of());
  }

  /** An instance that goes on where the snapshot was taken (read the log from its offset). */
  static PartitionInstance restore(Snapshot snapshot, Policy policy) {
    return new PartitionInstance(
        snapshot.partition(),
        FairleadJson.readRouter(snapshot.router(), policy),
        snapshot.offset(),
        snapshot.lastLeadAt());
  }

  int partition() {
    return partition;
  }

  LeadRouter router() {
    return router;
  }

  /** The offset of the next record to read. */
  long next() {
    return next;
  }

  Map<RepId, Long> lastLeadAt() {
    return Map.copyOf(lastLeadAt);
  }

  boolean caughtUp(PartitionLog log) {
    return next >= log.end(partition);
  }

  /** Reads and applies the next record; returns the decision if it routed a lead. */
  Optional<Decision> step(PartitionLog log) {
    long offset = next;
    LogRecord record = log.read(partition, offset);
    next++;
    if (record instanceof LogRecord.Route r) {
      RouteDecision d = router.route(r.lead());
      if (!d.repeat() && (d.status() == Status.ASSIGNED || d.status() == Status.MOVED)) {
        lastLeadAt.put(d.rep().orElseThrow(), r.at()); // the rep received it
      }
      return Optional.of(new Decision(partition, offset, r.at(), d));
    }
    if (record instanceof LogRecord.Release r) {
      router.release(r.lead().id());
    } else if (record instanceof LogRecord.UpdateRep u) {
      router.updateRep(u.rep());
    } else if (record instanceof LogRecord.NewPeriod) {
      router.startPeriod();
    }
    return Optional.empty();
  }

  /** The snapshot as of now: between two records (the instance is one thread). */
  Snapshot snapshot() {
    return new Snapshot(partition, next, FairleadJson.writeRouter(router), lastLeadAt);
  }
}
