package io.fairlead.core.allocation;

import com.google.common.primitives.ImmutableIntArray;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import java.time.Duration;
import java.util.Map;

/**
 * The allocators today's CRMs use, to measure fairlead against, and a way to measure any existing
 * assignment. Both baselines obey the same hard rules as the optimiser (eligibility, capacity,
 * new-lead caps, locked and kept owners) and see leads one at a time, in input order, as a CRM's
 * assignment rule does.
 *
 * <ul>
 *   <li>{@link #roundRobin()}: one rotation per queue, a queue being the set of reps eligible for a
 *       lead (a territory team): the next rep of that queue with room after the last one it served,
 *       in roster order, as in EspoCRM teams, Zoho or Salesforce round-robin apps.
 *   <li>{@link #leastBusy()}: the eligible rep with room that holds the fewest customers (ties:
 *       roster order), as in EspoCRM, Frappe or Omni-Channel.
 * </ul>
 *
 * <p>Deterministic and thread-safe.
 *
 * @since 0.1.0
 */
public final class Baselines {

  private Baselines() {}

  /** Round robin over the roster, skipping reps that are ineligible or full. */
  public static Allocator roundRobin() {
    return new Greedy("round-robin", true);
  }

  /** Each lead to the eligible rep with room that holds the fewest customers. */
  public static Allocator leastBusy() {
    return new Greedy("least-busy", false);
  }

  /**
   * Measures an assignment made elsewhere (the CRM's current book, a manual plan): outcomes,
   * metrics, score and explanations exactly as for an optimised allocation ({@link Allocation#of}).
   * Leads missing from the map are unassigned.
   *
   * @throws IllegalArgumentException if the map names a lead or rep that is not in the problem
   */
  public static Allocation measure(Problem problem, Map<LeadId, RepId> assignment, String name) {
    return Allocation.of(problem, assignment, name, Duration.ZERO);
  }

  private record Greedy(String name, boolean rotate) implements Allocator {

    @Override
    public Allocation allocate(Problem problem) {
      long start = System.nanoTime();
      ProblemIndex index =
          ProblemIndex.of(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
      Assignment book = new Assignment(index);
      for (int i = 0; i < index.leadCount(); i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE) {
          book.assign(i, index.owner(i));
        }
      }
      // One pointer per queue (distinct eligible set): a territory team rotates on its own.
      Map<ImmutableIntArray, Integer> nextByQueue = new java.util.HashMap<>();
      for (int i = 0; i < index.leadCount(); i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE) {
          continue;
        }
        int[] eligible = index.eligible(i);
        int chosen = -1;
        if (rotate) {
          // The first eligible rep with room at or after the queue's pointer, wrapping around.
          ImmutableIntArray queue = ImmutableIntArray.copyOf(eligible);
          int next = nextByQueue.getOrDefault(queue, 0);
          int best = Integer.MAX_VALUE;
          for (int r : eligible) {
            if (book.hasRoom(i, r)) {
              int distance = Math.floorMod(r - next, index.repCount());
              if (distance < best) {
                best = distance;
                chosen = r;
              }
            }
          }
          if (chosen >= 0) {
            nextByQueue.put(queue, chosen + 1);
          }
        } else {
          long fewest = Long.MAX_VALUE;
          for (int r : eligible) {
            long held = (long) index.rep(r).heldOutside() + book.loads().held(r);
            if (held < fewest && book.hasRoom(i, r)) {
              fewest = held;
              chosen = r;
            }
          }
        }
        if (chosen >= 0) {
          book.assign(i, chosen);
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return Assembler.assemble(
          problem, index, book.reps(), name, elapsed, SearchReport.onePass(elapsed));
    }
  }
}
