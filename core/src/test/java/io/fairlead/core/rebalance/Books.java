package io.fairlead.core.rebalance;

import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random books and rebalancer settings for the property tests: reps with random territories,
 * industries, tiers, roles, leave, capacities (some already exceeded), new-lead caps and weights;
 * leads with random attributes, most with an owner (some the owner may no longer hold, some
 * locked), some without; policies that balance counts alone or counts, value and tiers; and a
 * host's "must not move" set, last-touched days, budgets and the top-tier switch.
 */
final class Books {

  private Books() {}

  private static final double[] WEIGHTS = {0.5, 0.8, 1.0, 1.5, 2.0};

  /** A book and the settings to rebalance it with. */
  record Case(
      Problem book,
      Set<String> mustNotMove,
      int[] touchedDay,
      int maxMoves,
      int maxMovesPerRep,
      boolean moveTopTier) {

    Rebalancer rebalancer() {
      return rebalancer(maxMoves);
    }

    Rebalancer rebalancer(int moves) {
      return Rebalancer.builder()
          .maxMoves(moves)
          .maxMovesPerRep(maxMovesPerRep)
          .moveTopTier(moveTopTier)
          .mustNotMove(l -> mustNotMove.contains(l.id().value()))
          .lastTouched(this::touched)
          .build();
    }

    Optional<Instant> touched(Lead l) {
      int i = Integer.parseInt(l.id().value().substring(1));
      int d = touchedDay[i];
      return d < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(86_400L * d));
    }

    @Override
    public String toString() {
      return describe(book)
          + "\n  mustNotMove="
          + mustNotMove
          + " maxMoves="
          + maxMoves
          + " perRep="
          + maxMovesPerRep
          + " moveTopTier="
          + moveTopTier;
    }
  }

  /**
   * Books of 1 to {@code maxReps} reps and 0 to {@code maxLeads} leads.
   *
   * @param countsOnly whether the policy balances counts alone
   */
  static Gen<Case> cases(int maxLeads, int maxReps, boolean countsOnly) {
    Gen<Case> gen =
        in -> {
          int reps = pick(in, 1, maxReps);
          List<Rep> roster = new ArrayList<>();
          for (int r = 0; r < reps; r++) {
            Rep.Builder b = Rep.builder("r" + r);
            switch (pick(in, 0, 3)) {
              case 1 -> b.regions("N");
              case 2 -> b.regions("S");
              default -> {}
            }
            if (pick(in, 0, 3) == 1) {
              b.industries("x");
            }
            if (pick(in, 0, 5) == 1) {
              b.tiers("B", "C");
            }
            switch (pick(in, 0, 7)) {
              case 1 -> b.role(Role.HUNTER);
              case 2 -> b.role(Role.FARMER);
              default -> {}
            }
            if (pick(in, 0, 9) == 0) {
              b.available(false);
            }
            if (pick(in, 0, 2) == 0) {
              b.capacity(pick(in, 0, 8)).heldOutside(pick(in, 0, 2));
            }
            if (pick(in, 0, 3) == 0) {
              b.newLeadCap(pick(in, 0, 4));
            }
            if (pick(in, 0, 3) == 0) {
              b.preferredIndustries("y");
            }
            b.weight(WEIGHTS[pick(in, 0, WEIGHTS.length - 1)]);
            roster.add(b.build());
          }
          int leads = pick(in, 0, maxLeads);
          List<Lead> book = new ArrayList<>();
          Set<String> mustNotMove = new TreeSet<>();
          int[] touched = new int[leads];
          // Owners are skewed: low-numbered reps hold more.
          for (int i = 0; i < leads; i++) {
            String id = "c" + i;
            Lead.Builder b =
                Lead.builder(id)
                    .region(pick(in, 0, 1) == 0 ? "N" : "S")
                    .industry(pick(in, 0, 1) == 0 ? "x" : "y")
                    .value(10 * pick(in, 0, 30))
                    .tier(new String[] {"A", "B", "C"}[pick(in, 0, 2)])
                    .kind(pick(in, 0, 1) == 0 ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER);
            if (pick(in, 0, 9) > 0) {
              int owner = Math.min(pick(in, 0, reps - 1), pick(in, 0, reps - 1));
              b.currentOwner("r" + owner);
              if (pick(in, 0, 9) == 0) {
                b.locked(true);
              }
              if (pick(in, 0, 7) == 0) {
                mustNotMove.add(id);
              }
            }
            touched[i] = pick(in, -1, 5);
            book.add(b.build());
          }
          Policy.Builder policy = Policy.builder();
          if (countsOnly) {
            for (Objective o : Objective.values()) {
              policy.weight(o, o == Objective.COUNT ? 1.0 : 0.0);
            }
          } else if (pick(in, 0, 2) == 0) {
            policy.weight(Objective.VALUE, 2.0);
          }
          int maxMoves = pick(in, 0, 3) == 0 ? Rebalancer.UNLIMITED : pick(in, 0, 12);
          int perRep = pick(in, 0, 2) == 0 ? Rebalancer.UNLIMITED : pick(in, 0, 4);
          return new Case(
              Problem.of(policy.build(), roster, book),
              mustNotMove,
              touched,
              maxMoves,
              perRep,
              pick(in, 0, 3) == 0);
        };
    return gen.describedAs(Case::toString);
  }

  static int pick(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  static String describe(Problem p) {
    StringBuilder s = new StringBuilder("policy weights " + p.policy().weights());
    for (Rep r : p.reps()) {
      s.append("\n  ")
          .append(r.id())
          .append(" regions=")
          .append(r.regions())
          .append(" industries=")
          .append(r.industries())
          .append(" tiers=")
          .append(r.allowedTiers())
          .append(" role=")
          .append(r.role())
          .append(" available=")
          .append(r.available())
          .append(" capacity=")
          .append(r.capacity())
          .append(" outside=")
          .append(r.heldOutside())
          .append(" newCap=")
          .append(r.newLeadCap())
          .append(" weight=")
          .append(r.weight());
    }
    for (Lead l : p.leads()) {
      s.append("\n  ")
          .append(l.id())
          .append(' ')
          .append(l.region().orElse("-"))
          .append('/')
          .append(l.industry().orElse("-"))
          .append(" value=")
          .append(l.value())
          .append(" tier=")
          .append(l.tier().orElseThrow())
          .append(' ')
          .append(l.kind())
          .append(" owner=")
          .append(l.currentOwner().map(Object::toString).orElse("-"))
          .append(l.locked() ? " locked" : "");
    }
    return s.toString();
  }
}
