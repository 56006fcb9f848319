package io.fairlead.core.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rulebook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The period ledger an allocation leaves: what each rep received (the problem's ledger plus the
 * leads it received as new here), and the same ledger carried to the next problem's roster, with
 * reps that join, come back from leave or get a larger effective weight calibrated by the policy's
 * catch-up ({@code CatchUp.calibrate}, the router's calibration too).
 */
final class PeriodLedger {

  private PeriodLedger() {}

  /**
   * The ledger after the assignment (rep index per lead): received and credit grow by new leads.
   */
  static Ledger after(ProblemIndex index, int[] reps) {
    int[] fresh = new int[index.repCount()];
    for (int i = 0; i < reps.length; i++) {
      if (reps[i] >= 0 && index.isNew(i, reps[i])) {
        fresh[reps[i]]++;
      }
    }
    List<Ledger.Entry> out = new ArrayList<>();
    for (int r = 0; r < index.repCount(); r++) {
      long received = (long) index.ledgerReceived(r) + fresh[r];
      double credited = index.ledgerCredited(r) + fresh[r];
      if (received != 0 || credited != 0) {
        out.add(
            new Ledger.Entry(
                index.rep(r).id(), (int) Math.min(Integer.MAX_VALUE, received), credited));
      }
    }
    return Ledger.of(out);
  }

  /**
   * The ledger {@code after} carried from the roster {@code before} to {@code next}: entries of
   * reps no longer on the roster are dropped; a rep that takes new leads in {@code next} and is new
   * to the roster, did not take new leads in {@code before} (leave) or has a larger effective
   * weight is calibrated against the other reps that take new leads in both rosters and are not
   * calibrated themselves (so that reps returning together do not pull each other's level down).
   */
  static Ledger forRoster(Policy policy, List<Rep> before, Ledger after, Collection<Rep> next) {
    requireNonNull(next, "nextRoster");
    Rulebook rules = policy.rulebook();
    Map<RepId, Rep> previous = new HashMap<>();
    before.forEach(r -> previous.put(r.id(), r));
    Set<RepId> ids = new HashSet<>();
    List<Rep> roster = new ArrayList<>(next.size());
    for (Rep r : next) {
      checkArgument(r != null, "nextRoster: must not hold null");
      checkArgument(ids.add(r.id()), "nextRoster: rep %s: duplicate id", r.id());
      roster.add(r);
    }
    boolean[] calibrate = new boolean[roster.size()];
    double steadyCredit = 0;
    double steadyWeight = 0;
    for (int i = 0; i < roster.size(); i++) {
      Rep now = roster.get(i);
      Rep was = previous.get(now.id());
      if (!rules.takesNew(now)) {
        continue;
      }
      calibrate[i] =
          was == null
              || !rules.takesNew(was)
              || policy.effectiveWeight(now) > policy.effectiveWeight(was);
      if (!calibrate[i]) {
        steadyCredit += after.entry(now.id()).credited();
        steadyWeight += policy.effectiveWeight(now);
      }
    }
    List<Ledger.Entry> out = new ArrayList<>();
    for (int i = 0; i < roster.size(); i++) {
      Rep rep = roster.get(i);
      Ledger.Entry e = after.entry(rep.id());
      double credited =
          calibrate[i]
              ? policy
                  .catchUp()
                  .calibrate(e.credited(), policy.effectiveWeight(rep), steadyCredit, steadyWeight)
              : e.credited();
      if (e.received() != 0 || credited != 0) {
        out.add(new Ledger.Entry(rep.id(), e.received(), credited));
      }
    }
    return Ledger.of(out);
  }
}
