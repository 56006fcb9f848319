package io.fairlead.examples.scale;

import static com.google.common.base.Preconditions.checkState;

import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouterState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Partitioning the book again, stop-the-world: every instance has read its whole log; their
 * routers' states are cut along a new {@link PartitionMap} and joined into one router per new
 * partition, which reads on from the end of its partition's log.
 *
 * <p>What a rep's router carries follows the rep: its ledger (received, value units, credit), and
 * the leads it holds. Two things do not follow by themselves. The order of the roster is the whole
 * roster's, in every partition. And the ledger's "longest since its last lead" tie-break compares
 * sequence numbers that each router counts for itself, so numbers from two routers cannot be
 * compared: each rep's last lead is numbered again by the producer's sequence number of its record
 * ({@link PartitionInstance#lastLeadAt()}), which orders the reps of the new partition as one
 * instance would.
 */
final class Repartition {

  private Repartition() {}

  /**
   * The new instances, one per partition of {@code to} and its no-territory partition.
   *
   * @param old the instances of the old map, its no-territory partition last, each caught up
   * @param to the new map (over the same reps, in the same roster order)
   */
  static List<PartitionInstance> apply(
      List<PartitionInstance> old, PartitionMap to, PartitionLog log, Policy policy) {
    Map<RepId, RouterState.RepLedger> ledgers = new HashMap<>();
    Map<RepId, Long> lastLeadAt = new HashMap<>();
    List<RouterState.BookEntry> book = new ArrayList<>();
    RouterState noTerritory = null;
    RouterState any = null;
    for (int p = 0; p < old.size(); p++) {
      PartitionInstance i = old.get(p);
      checkState(i.caughtUp(log), "partition %s: its instance has not read its whole log", p);
      RouterState s = i.router().state();
      if (p == old.size() - 1) {
        noTerritory = s;
        continue;
      }
      checkState(
          any == null
              || (s.period() == any.period()
                  && s.meanValue().equals(any.meanValue())
                  && s.ledgerTolerance() == any.ledgerTolerance()),
          "partition %s: another period, value scale or tolerance",
          p);
      any = s;
      s.reps().forEach(l -> ledgers.put(l.rep().id(), l));
      book.addAll(s.book());
      lastLeadAt.putAll(i.lastLeadAt());
    }
    checkState(any != null && noTerritory != null, "no partition to cut");
    List<PartitionInstance> out = new ArrayList<>();
    for (int q = 0; q < to.partitions(); q++) {
      List<RouterState.RepLedger> reps = new ArrayList<>();
      Map<RepId, Long> mine = new HashMap<>();
      for (Rep r : to.roster(q)) {
        RouterState.RepLedger l = ledgers.get(r.id());
        checkState(l != null, "rep %s is in no partition", r.id());
        checkState(
            (l.lastLead() >= 0) == lastLeadAt.containsKey(r.id()),
            "rep %s: the router's last lead and the instance's do not agree",
            r.id());
        reps.add(l);
        if (lastLeadAt.containsKey(r.id())) {
          mine.put(r.id(), lastLeadAt.get(r.id()));
        }
      }
      // Number the last leads again, in the producer's order.
      List<RepId> byLastLead = new ArrayList<>(mine.keySet());
      byLastLead.sort(Comparator.comparing(mine::get));
      Map<RepId, Long> renumbered = new HashMap<>();
      for (int k = 0; k < byLastLead.size(); k++) {
        renumbered.put(byLastLead.get(k), k + 1L);
      }
      List<RouterState.RepLedger> numbered = new ArrayList<>();
      for (RouterState.RepLedger l : reps) {
        numbered.add(
            new RouterState.RepLedger(
                l.rep(),
                l.received(),
                l.receivedValueUnits(),
                l.credited(),
                renumbered.getOrDefault(l.rep().id(), -1L)));
      }
      final int partition = q;
      List<RouterState.BookEntry> held =
          book.stream().filter(e -> to.partitionOf(e.rep()) == partition).toList();
      RouterState state =
          new RouterState(
              any.period(),
              byLastLead.size(),
              any.meanValue(),
              any.ledgerTolerance(),
              numbered,
              held);
      out.add(new PartitionInstance(q, LeadRouter.restore(state, policy), log.end(q), mine));
    }
    // The no-territory router holds the whole roster and nothing else: it goes on as it was.
    out.add(
        new PartitionInstance(
            to.noTerritory(),
            LeadRouter.restore(noTerritory, policy),
            log.end(to.noTerritory()),
            Map.of()));
    return out;
  }
}
