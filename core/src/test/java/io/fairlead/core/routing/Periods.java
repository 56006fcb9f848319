package io.fairlead.core.routing;

import static org.quicktheories.generators.SourceDSL.integers;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of whole periods for {@link NightlyStream}: a roster of 2 to 7 reps
 * (equal weights, or drawn from 0.5 to 2), 8 to 25 days of 1 to 12 leads (values long-tailed), and
 * the team's life: a rep on leave for part of the period, a rep joining mid-period, a part-timer
 * going full time; under a policy that balances receipts only, with a random catch-up.
 */
final class Periods {

  private Periods() {}

  private static final double[] WEIGHTS = {0.5, 0.75, 1, 1.5, 2};

  /** The policy that balances receipts only, with the given catch-up. */
  static Policy receiptsOnly(CatchUp catchUp) {
    return Policy.builder()
        .weight(Objective.COUNT, 0)
        .weight(Objective.VALUE, 0)
        .weight(Objective.TIER, 0)
        .weight(Objective.RECEIPTS, 1)
        .catchUp(catchUp)
        .build();
  }

  /**
   * Periods as described above.
   *
   * @param equal whether every rep has weight 1 and works full time
   * @param catchUps the catch-ups to draw from
   */
  static Gen<NightlyStream.Period> periods(boolean equal, List<CatchUp> catchUps) {
    return periods(equal, catchUps, true, receiptsOnly(CatchUp.NONE));
  }

  /**
   * Periods as described above, with or without the team's life ({@code events}), under the given
   * policy's weights (its catch-up replaced by one of {@code catchUps}).
   */
  static Gen<NightlyStream.Period> periods(
      boolean equal, List<CatchUp> catchUps, boolean events, Policy weights) {
    Gen<NightlyStream.Period> gen =
        in -> {
          CatchUp catchUp = catchUps.get(pick(in, 0, catchUps.size() - 1));
          int reps = pick(in, 2, 7);
          int days = pick(in, 8, 25);
          int perDay = pick(in, 1, 12);
          double[] weight = new double[reps];
          for (int r = 0; r < reps; r++) {
            weight[r] = equal ? 1 : WEIGHTS[pick(in, 0, WEIGHTS.length - 1)];
          }
          // One rep on leave from day a to b (exclusive), one joining on day j, one at half time
          // until day h; -1 when the event does not happen.
          int leaveRep = events && pick(in, 0, 1) == 0 ? pick(in, 0, reps - 1) : -1;
          int leaveFrom = pick(in, 0, days - 1);
          int leaveTo = pick(in, leaveFrom + 1, days);
          int joinRep = events && pick(in, 0, 2) == 0 ? pick(in, 0, reps - 1) : -1;
          int joinDay = pick(in, 1, days - 1);
          int halfRep = events && !equal && pick(in, 0, 2) == 0 ? pick(in, 0, reps - 1) : -1;
          int halfUntil = pick(in, 1, days - 1);
          List<List<Rep>> rosters = new ArrayList<>();
          List<List<Lead>> leads = new ArrayList<>();
          int n = 0;
          for (int d = 0; d < days; d++) {
            List<Rep> roster = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
              if (r == joinRep && d < joinDay && r != 0) {
                continue; // rep 0 is always there: the router needs a roster on day 0
              }
              Rep.Builder b = Rep.builder("r" + r).weight(weight[r]);
              if (r == leaveRep && d >= leaveFrom && d < leaveTo) {
                b.available(false);
              }
              if (r == halfRep && d < halfUntil) {
                b.share(0.5);
              }
              roster.add(b.build());
            }
            rosters.add(roster);
            List<Lead> today = new ArrayList<>();
            for (int i = 0; i < perDay; i++) {
              today.add(
                  Lead.builder("l" + n++)
                      .region("East")
                      .industry("retail")
                      .value(100 * (1 + pick(in, 0, 9)) * (pick(in, 0, 9) == 0 ? 20 : 1))
                      .build());
            }
            leads.add(today);
          }
          return new NightlyStream.Period(withCatchUp(weights, catchUp), rosters, leads);
        };
    return gen.describedAs(Periods::describe);
  }

  /** The policy's objective weights with the given catch-up. */
  static Policy withCatchUp(Policy weights, CatchUp catchUp) {
    Policy.Builder b = Policy.builder().catchUp(catchUp);
    for (Objective o : Objective.values()) {
      b.weight(o, weights.weight(o));
    }
    return b.build();
  }

  /** Receipts and value balance, nothing else: the value objective balances the book. */
  static final Policy RECEIPTS_AND_VALUE =
      Policy.builder()
          .weight(Objective.COUNT, 0)
          .weight(Objective.TIER, 0)
          .weight(Objective.VALUE, 1)
          .weight(Objective.RECEIPTS, 1)
          .build();

  /** Whether the roster changes during the period (leave, a rep joining, a share change). */
  static boolean hasEvents(NightlyStream.Period p) {
    for (int d = 1; d < p.days(); d++) {
      if (!p.rosters().get(d).equals(p.rosters().get(d - 1))) {
        return true;
      }
    }
    return p.rosters().get(0).stream().anyMatch(r -> !r.available());
  }

  static String describe(NightlyStream.Period p) {
    StringBuilder sb = new StringBuilder("catch-up " + p.policy().catchUp());
    for (int d = 0; d < p.days(); d++) {
      sb.append("\n  day ")
          .append(d)
          .append(": ")
          .append(p.leads().get(d).size())
          .append(" leads;");
      for (Rep r : p.rosters().get(d)) {
        sb.append(' ')
            .append(r.id())
            .append(" w")
            .append(r.weight())
            .append(r.share() < 1 ? " half" : "")
            .append(r.available() ? "" : " (leave)");
      }
    }
    return sb.toString();
  }

  static int pick(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }
}
