package io.fairlead.core.bound;

import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random whole problems for the property tests, and an exhaustive solver that knows nothing of
 * flows: it enumerates every assignment and checks the hard rules itself.
 */
final class SmallProblems {

  private SmallProblems() {}

  private static final double[] WEIGHTS = {0.5, 0.8, 1.0, 1.5, 2.0};

  /**
   * Problems with 1 to {@code maxReps} reps and 0 to {@code maxLeads} leads: random regions and
   * industries (eligibility), tiers, roles, availability, capacities, outside holdings, new-lead
   * caps, weights, values, owners, locks, the rebalancing switch and, in a third of them, a period
   * ledger (leads received earlier, credits in halves).
   *
   * @param caps whether capacities and new-lead caps may be finite
   */
  static Gen<Problem> problems(int maxLeads, int maxReps, boolean caps) {
    Gen<Problem> gen =
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
            switch (pick(in, 0, 3)) {
              case 1 -> b.industries("x");
              case 2 -> b.industries("y");
              default -> {}
            }
            switch (pick(in, 0, 5)) {
              case 1 -> b.tiers("A", "B");
              case 2 -> b.tiers("A");
              default -> {}
            }
            switch (pick(in, 0, 7)) {
              case 1 -> b.role(Role.HUNTER);
              case 2 -> b.role(Role.FARMER);
              default -> {}
            }
            if (pick(in, 0, 7) == 0) {
              b.available(false);
            }
            if (caps) {
              int capacity = pick(in, 0, 6);
              if (capacity < 6) {
                b.capacity(capacity).heldOutside(pick(in, 0, 2));
              }
              int newCap = pick(in, 0, 4);
              if (newCap < 4) {
                b.newLeadCap(newCap);
              }
            }
            b.weight(WEIGHTS[pick(in, 0, WEIGHTS.length - 1)]);
            roster.add(b.build());
          }
          int leads = pick(in, 0, maxLeads);
          List<Lead> book = new ArrayList<>();
          for (int i = 0; i < leads; i++) {
            Lead.Builder b =
                Lead.builder("c" + i)
                    .region(pick(in, 0, 1) == 0 ? "N" : "S")
                    .industry(pick(in, 0, 1) == 0 ? "x" : "y")
                    .value(25 * pick(in, 0, 4))
                    .tier(new String[] {"A", "B", "C"}[pick(in, 0, 2)])
                    .kind(pick(in, 0, 1) == 0 ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER);
            int owner = pick(in, -reps, reps - 1);
            if (owner >= 0) {
              b.currentOwner("r" + owner);
              if (pick(in, 0, 4) == 0) {
                b.locked(true);
              }
            }
            book.add(b.build());
          }
          Policy policy = Policy.builder().allowRebalancing(pick(in, 0, 1) == 0).build();
          List<Ledger.Entry> ledger = new ArrayList<>();
          if (pick(in, 0, 2) == 0) {
            for (Rep r : roster) {
              int received = pick(in, 0, 2);
              double credited = received + 0.5 * pick(in, 0, 3);
              ledger.add(new Ledger.Entry(r.id(), received, credited));
            }
          }
          return Problem.of(policy, roster, book, Ledger.of(ledger));
        };
    return gen.describedAs(SmallProblems::describe);
  }

  static int pick(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  static String describe(Problem p) {
    StringBuilder s = new StringBuilder("rebalancing=" + p.policy().allowRebalancing());
    p.ledger().entries().forEach(e -> s.append("\n  ledger ").append(e));
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
          .append(" held=")
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
          .append(l.region())
          .append('/')
          .append(l.industry())
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

  /** The exhaustive optimum of every quantity the bounds speak about. */
  static final class BruteForce {
    final ProblemIndex index;

    /** The most leads a feasible assignment places. */
    int maxPlaced = -1;

    /** Minima over feasible assignments placing {@link #maxPlaced} leads. */
    double countOptimum = Double.POSITIVE_INFINITY;

    double valueMax = Double.POSITIVE_INFINITY;
    double valueTerm = Double.POSITIVE_INFINITY;
    double topTier = Double.POSITIVE_INFINITY;
    double receipts = Double.POSITIVE_INFINITY;

    /** Every feasible assignment (copies), when asked for. */
    final List<int[]> feasible = new ArrayList<>();

    private final boolean keep;
    private final int[] a;
    private final int[] pinned;
    private final int[] free;
    private final int[] fresh;

    private BruteForce(ProblemIndex index, boolean keep) {
      this.index = index;
      this.keep = keep;
      this.a = new int[index.leadCount()];
      this.pinned = new int[index.repCount()];
      this.free = new int[index.repCount()];
      this.fresh = new int[index.repCount()];
      for (int i = 0; i < index.leadCount(); i++) {
        if (index.pin(i) != ProblemIndex.Pin.FREE) {
          pinned[index.owner(i)]++;
        }
      }
    }

    static BruteForce of(ProblemIndex index) {
      return of(index, false);
    }

    static BruteForce of(ProblemIndex index, boolean keepAssignments) {
      BruteForce b = new BruteForce(index, keepAssignments);
      b.enumerate(0);
      return b;
    }

    private void enumerate(int i) {
      if (i == a.length) {
        record(a);
        return;
      }
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        a[i] = index.owner(i);
        enumerate(i + 1);
        return;
      }
      a[i] = -1;
      enumerate(i + 1);
      for (int r = 0; r < index.repCount(); r++) {
        if (!eligible(i, r)) {
          continue;
        }
        boolean isNew = index.owner(i) != r;
        Rep rep = index.rep(r);
        long room =
            index.capacity(r) == Rep.UNLIMITED
                ? Long.MAX_VALUE
                : Math.max(0, (long) index.capacity(r) - rep.heldOutside() - pinned[r]);
        if (free[r] + 1 > room
            || (isNew && index.ledgerReceived(r) + fresh[r] + 1 > index.newLeadCap(r))) {
          continue;
        }
        a[i] = r;
        free[r]++;
        if (isNew) {
          fresh[r]++;
        }
        enumerate(i + 1);
        free[r]--;
        if (isNew) {
          fresh[r]--;
        }
      }
      a[i] = -1;
    }

    /** Eligibility from the rules, not from the index's arrays. */
    private boolean eligible(int i, int r) {
      return index.firstExclusion(i, r) == null;
    }

    private void record(int[] assignment) {
      if (keep) {
        feasible.add(assignment.clone());
      }
      Figures f = Figures.of(index, assignment);
      if (f.placed > maxPlaced) {
        maxPlaced = f.placed;
        countOptimum = Double.POSITIVE_INFINITY;
        valueMax = Double.POSITIVE_INFINITY;
        valueTerm = Double.POSITIVE_INFINITY;
        topTier = Double.POSITIVE_INFINITY;
        receipts = Double.POSITIVE_INFINITY;
      }
      if (f.placed == maxPlaced) {
        countOptimum = Math.min(countOptimum, f.countTerm);
        valueMax = Math.min(valueMax, f.valueMax);
        valueTerm = Math.min(valueTerm, f.valueTerm);
        topTier = Math.min(topTier, f.topTier);
        receipts = Math.min(receipts, f.receipts);
      }
    }
  }

  /** The figures of one assignment, computed directly. */
  record Figures(
      int placed,
      double countTerm,
      double valueMax,
      double valueTerm,
      double topTier,
      double receipts) {
    static Figures of(ProblemIndex index, int[] assignment) {
      int reps = index.repCount();
      double[] n = new double[reps];
      double[] v = new double[reps];
      double[] t = new double[reps];
      double[] m = new double[reps];
      int placed = 0;
      for (int i = 0; i < assignment.length; i++) {
        int r = assignment[i];
        if (r >= 0) {
          placed++;
          n[r]++;
          if (index.owner(i) != r) {
            m[r]++;
          }
          v[r] += index.valueUnits(i) / 1000.0;
          if (index.tierRank(i) == 0) {
            t[r]++;
          }
        }
      }
      double count = 0;
      double max = 0;
      double term = 0;
      double top = 0;
      double receipts = 0;
      for (int r = 0; r < reps; r++) {
        double w = index.weight(r);
        count += n[r] * n[r] / w;
        max = Math.max(max, v[r] / w);
        term += v[r] * v[r] / w;
        top += t[r] * t[r] / w;
        double c = index.ledgerCredited(r);
        receipts += ((c + m[r]) * (c + m[r]) - c * c) / w;
      }
      return new Figures(placed, count, max, term, top, receipts);
    }
  }

  /** Whether the assignment keeps every hard rule, checked from the rules. */
  static boolean feasible(ProblemIndex index, int[] assignment) {
    return check(index, assignment, false);
  }

  /**
   * Whether the assignment keeps every rule an allocation could keep: as {@link #feasible}, but a
   * capacity that customers held outside and pinned leads exceed already only stops free leads.
   */
  static boolean keepsAvoidableRules(ProblemIndex index, int[] assignment) {
    return check(index, assignment, true);
  }

  private static boolean check(ProblemIndex index, int[] assignment, boolean avoidableOnly) {
    int reps = index.repCount();
    int[] pinned = new int[reps];
    int[] free = new int[reps];
    int[] fresh = new int[reps];
    for (int i = 0; i < assignment.length; i++) {
      int r = assignment[i];
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        if (r != index.owner(i)) {
          return false;
        }
        pinned[r]++;
      } else if (r >= 0) {
        if (index.firstExclusion(i, r) != null) {
          return false;
        }
        free[r]++;
        if (index.owner(i) != r) {
          fresh[r]++;
        }
      }
    }
    for (int r = 0; r < reps; r++) {
      Rep rep = index.rep(r);
      // One definition of feasible: every customer held counts, pinned ones and outside ones too.
      long room = (long) index.capacity(r) - rep.heldOutside() - pinned[r];
      if (avoidableOnly ? free[r] > Math.max(0, room) : free[r] > room) {
        return false;
      }
      if (avoidableOnly
          ? fresh[r] > Math.max(0, (long) index.newLeadCap(r) - index.ledgerReceived(r))
          : fresh[r] + index.ledgerReceived(r) > index.newLeadCap(r)) {
        return false;
      }
    }
    return true;
  }

  static int[] loads(ProblemIndex index, int[] assignment) {
    int[] n = new int[index.repCount()];
    Arrays.stream(assignment).filter(r -> r >= 0).forEach(r -> n[r]++);
    return n;
  }
}
