package io.fairlead.solver.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random {@link PairMove}s, three swaps for one shift. The first lead is any free lead with an
 * eligible rep; its partner is, three times in four, another free lead of its territory class (same
 * eligible reps, so a swap is always allowed) and otherwise any such lead (so that leads of
 * overlapping territories can trade, and an unassigned lead can take a slot from another).
 *
 * <p>Drawing partners inside the class matters on large books: OptaPlanner's generic swap selector
 * mostly pairs leads of different territories and rejects them, so its swaps run far slower than
 * change moves and lose to change moves alone at equal time, while class swaps run at the speed of
 * change moves and win (docs/performance.md). Shifts are kept for the chains through full reps that
 * swaps cannot untie.
 *
 * <p>Random selection only. Public only because OptaPlanner instantiates it reflectively.
 */
public final class PairMoveFactory implements MoveIteratorFactory<Plan, PairMove> {

  /** Used by OptaPlanner. */
  public PairMoveFactory() {}

  @Override
  public long getSize(ScoreDirector<Plan> scoreDirector) {
    long n = scoreDirector.getWorkingSolution().territoryGroups().leadCount();
    return n * (n - 1);
  }

  @Override
  public Iterator<PairMove> createOriginalMoveIterator(ScoreDirector<Plan> scoreDirector) {
    throw new UnsupportedOperationException("PairMoveFactory supports random selection only");
  }

  @Override
  public Iterator<PairMove> createRandomMoveIterator(
      ScoreDirector<Plan> scoreDirector, Random random) {
    TerritoryGroups groups = scoreDirector.getWorkingSolution().territoryGroups();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return groups.leadCount() > 1;
      }

      @Override
      public PairMove next() {
        PlanLead a = groups.lead(random.nextInt(groups.leadCount()));
        PlanLead[] group = groups.groupOf(a);
        PlanLead b =
            group.length > 1 && random.nextInt(4) != 0
                ? group[random.nextInt(group.length)]
                : groups.lead(random.nextInt(groups.leadCount()));
        if (random.nextInt(4) != 0) {
          return PairMove.swap(a, b);
        }
        List<PlanRep> range = a.eligible();
        int k = random.nextInt(range.size() + 1);
        return PairMove.shift(a, k == range.size() ? null : range.get(k), b);
      }
    };
  }
}
