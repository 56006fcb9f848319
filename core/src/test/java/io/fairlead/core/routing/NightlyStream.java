package io.fairlead.core.routing;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.internal.Assignment;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One stream of leads fed to the router lead by lead and to a nightly batch night by night: a
 * period of days, each with its roster (reps go on leave, come back, join, change their share) and
 * its new leads. The router gets each day's roster changes in the morning ({@code addRep}, {@code
 * updateRep}) and routes the leads as they come; the batch allocates each night's leads, with the
 * book of the earlier nights kept with its owners and the ledger the last night left, carried to
 * the night's roster ({@code Allocation.ledgerFor}, the one calibration). Both record each rep's
 * ledger at the end of every day; the router also after every lead.
 */
final class NightlyStream {

  private NightlyStream() {}

  /** A period: the policy, and per day the roster and the day's new leads (unowned, unique ids). */
  record Period(Policy policy, List<List<Rep>> rosters, List<List<Lead>> leads) {
    int days() {
      return rosters.size();
    }

    /** Every rep of the period, in the order they first appear. */
    List<RepId> reps() {
      List<RepId> out = new ArrayList<>();
      for (List<Rep> roster : rosters) {
        for (Rep r : roster) {
          if (!out.contains(r.id())) {
            out.add(r.id());
          }
        }
      }
      return out;
    }
  }

  /**
   * A rep's ledger: {@code credited} (what the ledger counts) and {@code received} (real leads and
   * their value), and whether it takes new leads.
   */
  record Entry(double credited, int received, double value, boolean active, double weight) {}

  /** The ledgers of a run: one map per day end, and (for the router) one per lead. */
  record Run(List<Map<RepId, Entry>> days, List<Map<RepId, Entry>> leads) {}

  /** A nightly batch: gives a night's problem an assignment. */
  interface Batch extends Function<Problem, Map<LeadId, RepId>> {}

  /** The receipts optimum of the night (every lead new to whoever takes it): the exact batch. */
  static final Batch EXACT =
      problem -> {
        ProblemIndex index = index(problem);
        return map(index, CountFlow.receipts(index, i -> true, true).assignment());
      };

  /**
   * The kernel's greedy: each lead in input order to the eligible rep with room whose score grows
   * least ({@code Assignment.softDeltaAssign}), ties to roster order. What the solver's greedy
   * construction does (its order aside), with no local search after it.
   */
  static final Batch GREEDY =
      problem -> {
        ProblemIndex index = index(problem);
        Assignment book = new Assignment(index);
        for (int i = 0; i < index.leadCount(); i++) {
          if (index.pin(i) != ProblemIndex.Pin.FREE) {
            book.assign(i, index.owner(i));
          }
        }
        for (int i = 0; i < index.leadCount(); i++) {
          if (index.pin(i) != ProblemIndex.Pin.FREE) {
            continue;
          }
          int best = -1;
          long bestDelta = Long.MAX_VALUE;
          for (int r : index.eligible(i)) {
            if (book.hasRoom(i, r)) {
              long d = book.softDeltaAssign(i, r);
              if (d < bestDelta) {
                bestDelta = d;
                best = r;
              }
            }
          }
          if (best >= 0) {
            book.assign(i, best);
          }
        }
        return map(index, book.reps());
      };

  private static ProblemIndex index(Problem p) {
    return ProblemIndex.of(p.policy(), p.reps(), p.leads(), p.ledger());
  }

  private static Map<LeadId, RepId> map(ProblemIndex index, int[] reps) {
    Map<LeadId, RepId> out = new LinkedHashMap<>();
    for (int i = 0; i < reps.length; i++) {
      if (reps[i] >= 0) {
        out.put(index.lead(i).id(), index.rep(reps[i]).id());
      }
    }
    return out;
  }

  /** Feeds the period to a router with the given ledger tolerance. */
  static Run router(Period period, double tolerance) {
    LeadRouter router =
        LeadRouter.builder(period.policy())
            .roster(period.rosters().get(0))
            .meanValue(1000)
            .ledgerTolerance(tolerance)
            .build();
    Map<RepId, Double> value = new HashMap<>();
    List<Map<RepId, Entry>> days = new ArrayList<>();
    List<Map<RepId, Entry>> leads = new ArrayList<>();
    Map<RepId, Rep> current = new HashMap<>();
    period.rosters().get(0).forEach(r -> current.put(r.id(), r));
    for (int d = 0; d < period.days(); d++) {
      for (Rep r : period.rosters().get(d)) {
        Rep was = current.put(r.id(), r);
        if (was == null) {
          router.addRep(r);
        } else if (!was.equals(r)) {
          router.updateRep(r);
        }
      }
      for (Lead l : period.leads().get(d)) {
        RouteDecision decision = router.route(l);
        decision.rep().ifPresent(r -> value.merge(r, l.value(), Double::sum));
        leads.add(snapshot(router, value));
      }
      days.add(snapshot(router, value));
    }
    return new Run(days, leads);
  }

  private static Map<RepId, Entry> snapshot(LeadRouter router, Map<RepId, Double> value) {
    Map<RepId, Entry> out = new LinkedHashMap<>();
    for (RepSnapshot s : router.snapshot()) {
      out.put(
          s.rep(),
          new Entry(
              s.credited(),
              s.received(),
              value.getOrDefault(s.rep(), 0.0),
              s.available(),
              s.weight()));
    }
    return out;
  }

  /** Allocates the period night by night with the batch. */
  static Run batch(Period period, Batch batch) {
    Policy policy = period.policy();
    List<Lead> book = new ArrayList<>();
    Map<RepId, Double> value = new HashMap<>();
    Allocation last = null;
    List<Map<RepId, Entry>> days = new ArrayList<>();
    for (int d = 0; d < period.days(); d++) {
      List<Rep> roster = period.rosters().get(d);
      Ledger ledger = last == null ? Ledger.empty() : last.ledgerFor(roster);
      List<Lead> leads = new ArrayList<>(book);
      leads.addAll(period.leads().get(d));
      Problem night = Problem.of(policy, roster, leads, ledger);
      Map<LeadId, RepId> assignment = batch.apply(night);
      last = Baselines.measure(night, assignment, "nightly");
      for (Lead l : period.leads().get(d)) {
        RepId r = assignment.get(l.id());
        if (r != null) {
          book.add(l.toBuilder().currentOwner(r.value()).build());
          value.merge(r, l.value(), Double::sum);
        }
      }
      Map<RepId, Entry> day = new LinkedHashMap<>();
      Ledger after = last.ledger();
      for (Rep r : roster) {
        Ledger.Entry e = after.entry(r.id());
        day.put(
            r.id(),
            new Entry(
                e.credited(),
                e.received(),
                value.getOrDefault(r.id(), 0.0),
                policy.rulebook().takesNew(r),
                policy.effectiveWeight(r)));
      }
      days.add(day);
    }
    return new Run(days, List.of());
  }

  /** The largest {@code |credited|} difference between two runs at any day end, over every rep. */
  static double creditGap(Run a, Run b) {
    double worst = 0;
    for (int d = 0; d < a.days().size(); d++) {
      for (Map.Entry<RepId, Entry> e : a.days().get(d).entrySet()) {
        Entry other = b.days().get(d).get(e.getKey());
        if (other != null) {
          worst = Math.max(worst, Math.abs(e.getValue().credited() - other.credited()));
        }
      }
    }
    return worst;
  }

  /** The largest {@code |received|} difference between two runs at any day end, over every rep. */
  static double receivedGap(Run a, Run b) {
    double worst = 0;
    for (int d = 0; d < a.days().size(); d++) {
      for (Map.Entry<RepId, Entry> e : a.days().get(d).entrySet()) {
        Entry other = b.days().get(d).get(e.getKey());
        if (other != null) {
          worst = Math.max(worst, Math.abs(e.getValue().received() - other.received()));
        }
      }
    }
    return worst;
  }

  /**
   * The largest count lag in a ledger: for each rep that takes new leads, its entitlement (its
   * weight's share of the active reps' credits) minus its credit. Positive: it is behind.
   */
  static double countLag(Map<RepId, Entry> ledger) {
    double credits = 0;
    double weights = 0;
    for (Entry e : ledger.values()) {
      if (e.active()) {
        credits += e.credited();
        weights += e.weight();
      }
    }
    double worst = Double.NEGATIVE_INFINITY;
    for (Entry e : ledger.values()) {
      if (e.active()) {
        worst = Math.max(worst, credits * e.weight() / weights - e.credited());
      }
    }
    return worst;
  }

  /** The largest lead over the share: a rep's credit minus its entitlement (the other side). */
  static double countAhead(Map<RepId, Entry> ledger) {
    double credits = 0;
    double weights = 0;
    for (Entry e : ledger.values()) {
      if (e.active()) {
        credits += e.credited();
        weights += e.weight();
      }
    }
    double worst = Double.NEGATIVE_INFINITY;
    for (Entry e : ledger.values()) {
      if (e.active()) {
        worst = Math.max(worst, e.credited() - credits * e.weight() / weights);
      }
    }
    return worst;
  }

  /**
   * The largest value lag: for each rep that takes new leads, its weight's share of the value the
   * active reps received this period, minus the value it received.
   */
  static double valueLag(Map<RepId, Entry> ledger) {
    double total = 0;
    double weights = 0;
    for (Entry e : ledger.values()) {
      if (e.active()) {
        total += e.value();
        weights += e.weight();
      }
    }
    double worst = Double.NEGATIVE_INFINITY;
    for (Entry e : ledger.values()) {
      if (e.active()) {
        worst = Math.max(worst, total * e.weight() / weights - e.value());
      }
    }
    return worst;
  }
}
