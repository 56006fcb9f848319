package io.fairlead.lab.report;

import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.fairness.Violation;
import io.fairlead.lab.LabResult;
import io.fairlead.lab.PolicyRun;
import io.fairlead.lab.Scenario;
import io.fairlead.lab.WeekFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The verdict in plain sentences: per run, who is furthest above and below fair share and by how
 * much (as {@link PolicyRun#verdict()} finds them), how many reps are more than 10 % off, which
 * measures the run wins or loses against the other runs (its trade-off), what it cost in moves, and
 * what was left in the pool. Plain text; the page escapes it.
 */
final class Verdicts {

  /** A run's verdict: its sentences, in reading order. */
  record Verdict(String policy, List<String> sentences) {}

  /** A measure on which runs are compared at the end; lower is better for every one. */
  private record Measure(
      String better, String worse, String unit, String format, ToDoubleFunction<WeekFigures> f) {}

  private static final List<Measure> MEASURES =
      List.of(
          new Measure(
              "the most even customer counts",
              "the least even customer counts",
              "Gini",
              "%.3f",
              WeekFigures::countGini),
          new Measure(
              "the most even value",
              "the least even value",
              "Gini",
              "%.3f",
              WeekFigures::valueGini),
          new Measure(
              "the most even top-tier customers",
              "the least even top-tier customers",
              "Gini",
              "%.3f",
              WeekFigures::topTierGini),
          new Measure(
              "the smallest receipts lag",
              "the largest receipts lag",
              "leads",
              "%.1f",
              WeekFigures::lag));

  private Verdicts() {}

  /** One sentence or two on all runs together: the stream they shared, the most and least even. */
  static List<String> summary(LabResult result) {
    List<String> out = new ArrayList<>();
    PolicyRun first = result.runs().get(0);
    out.add(
        String.format(
            Locale.ROOT,
            "Every run below saw the same %,d leads, from %s to %s, and started from the same book.",
            first.leads(),
            result.start(),
            result.start().plusDays(result.days() - 1L)));
    if (result.runs().size() > 1) {
      PolicyRun best = first;
      PolicyRun worst = first;
      for (PolicyRun r : result.runs()) {
        if (last(r).countGini() < last(best).countGini()) {
          best = r;
        }
        if (last(r).countGini() > last(worst).countGini()) {
          worst = r;
        }
      }
      if (best != worst) {
        out.add(
            String.format(
                Locale.ROOT,
                "At the end, %s leaves customers most evenly spread (Gini %.3f, where 0 is"
                    + " perfectly even) and %s least evenly (Gini %.3f).",
                label(best),
                last(best).countGini(),
                label(worst),
                last(worst).countGini()));
      }
    }
    return out;
  }

  static List<Verdict> of(LabResult result) {
    List<Verdict> out = new ArrayList<>();
    for (PolicyRun run : result.runs()) {
      out.add(new Verdict(run.policy(), sentences(result, run)));
    }
    return out;
  }

  static boolean isHistory(PolicyRun run) {
    return run.policy().equals(Scenario.HISTORY);
  }

  private static String label(PolicyRun run) {
    return isHistory(run) ? "the recorded history" : "'" + run.policy() + "'";
  }

  static WeekFigures last(PolicyRun run) {
    return run.weeks().get(run.weeks().size() - 1);
  }

  private static List<String> sentences(LabResult result, PolicyRun run) {
    List<String> out = new ArrayList<>();
    if (isHistory(run)) {
      out.add("What the team really did: each lead with the rep the history records.");
    }
    List<RepStats> reps = run.finalReps();
    if (reps.isEmpty()) {
      out.add("Nobody was on the team at the end.");
      return out;
    }
    // the trade-off first: what a reader compares the runs by
    if (result.runs().size() > 1 && !run.weeks().isEmpty()) {
      tradeOff(result, run, out);
    }
    loads(reps, out);
    cost(run, out);
    rules(run, out);
    pool(run, out);
    return out;
  }

  /** The hard rules the book breaks at the end, counted by rule, with the first as an example. */
  private static void rules(PolicyRun run, List<String> out) {
    if (run.weeks().isEmpty()) {
      return;
    }
    List<Violation> broken = last(run).metrics().violations();
    if (broken.isEmpty()) {
      return;
    }
    Map<String, Integer> byRule = new TreeMap<>();
    broken.forEach(v -> byRule.merge(v.rule(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    byRule.forEach((rule, n) -> parts.add(rule + ": " + n));
    out.add(
        String.format(
            Locale.ROOT,
            "At the end the book breaks a hard rule %d time%s (%s), for example: %s.",
            broken.size(),
            broken.size() == 1 ? "" : "s",
            String.join(", ", parts),
            broken.get(0).message()));
  }

  private static void loads(List<RepStats> reps, List<String> out) {
    RepStats hi = reps.get(0);
    RepStats lo = hi;
    RepStats hiV = hi;
    RepStats loV = hi;
    int above = 0;
    int below = 0;
    for (RepStats r : reps) {
      if (r.leads() - r.fairLeads() > hi.leads() - hi.fairLeads()) {
        hi = r;
      }
      if (r.leads() - r.fairLeads() < lo.leads() - lo.fairLeads()) {
        lo = r;
      }
      if (r.value() - r.fairValue() > hiV.value() - hiV.fairValue()) {
        hiV = r;
      }
      if (r.value() - r.fairValue() < loV.value() - loV.fairValue()) {
        loV = r;
      }
      if (r.leads() > 1.1 * r.fairLeads() + 0.5) {
        above++;
      } else if (r.leads() < 0.9 * r.fairLeads() - 0.5) {
        below++;
      }
    }
    double up = hi.leads() - hi.fairLeads();
    double down = lo.fairLeads() - lo.leads();
    if (up < 0.5 && down < 0.5) {
      out.add("Every rep holds its fair share of customers, to within half a customer.");
    } else {
      out.add(
          String.format(
              Locale.ROOT,
              "%s holds the most above fair share: %d customers where %.1f would be fair"
                  + " (%.1f more, %+.0f%%). %s holds the most below: %d where %.1f would be fair"
                  + " (%.1f fewer, %+.0f%%).",
              hi.rep().value(),
              hi.leads(),
              hi.fairLeads(),
              up,
              percent(hi.leads(), hi.fairLeads()),
              lo.rep().value(),
              lo.leads(),
              lo.fairLeads(),
              down,
              percent(lo.leads(), lo.fairLeads())));
    }
    if (above + below == 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "All %d reps are within 10%% of their fair share of customers.",
              reps.size()));
    } else {
      out.add(
          String.format(
              Locale.ROOT,
              "%d of %d reps are more than 10%% off their fair share of customers (%d above, %d"
                  + " below).",
              above + below,
              reps.size(),
              above,
              below));
    }
    if (hiV.value() - hiV.fairValue() > 0 || loV.value() - loV.fairValue() < 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "By value, %s is furthest above fair (%+.0f%%) and %s furthest below (%+.0f%%).",
              hiV.rep().value(),
              percent(hiV.value(), hiV.fairValue()),
              loV.rep().value(),
              percent(loV.value(), loV.fairValue())));
    }
  }

  /** Which measures this run wins and loses against the others, with the others' range. */
  private static void tradeOff(LabResult result, PolicyRun run, List<String> out) {
    List<String> wins = new ArrayList<>();
    List<String> losses = new ArrayList<>();
    for (Measure m : MEASURES) {
      double mine = m.f().applyAsDouble(last(run));
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (PolicyRun other : result.runs()) {
        if (other != run && !other.weeks().isEmpty()) {
          double x = m.f().applyAsDouble(last(other));
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      if (!Double.isFinite(mine) || !Double.isFinite(min)) {
        continue;
      }
      // a clear win or loss: beyond every other run by 1 % of the figure and a visible amount
      boolean gini = m.unit().equals("Gini");
      double tolerance =
          Math.max(0.01 * Math.max(Math.abs(mine), Math.abs(min)), gini ? 0.002 : 0.2);
      String range =
          min == max
              ? String.format(Locale.ROOT, m.format(), min)
              : String.format(Locale.ROOT, m.format() + " to " + m.format(), min, max);
      String mineText = String.format(Locale.ROOT, m.format(), mine);
      String figure =
          (gini ? "Gini " + mineText : mineText + " leads")
              + (result.runs().size() > 2 ? "; the others " : "; the other ")
              + range;
      if (mine < min - tolerance) {
        wins.add(m.better() + " (" + figure + ")");
      } else if (mine > max + tolerance) {
        losses.add(m.worse() + " (" + figure + ")");
      }
    }
    if (wins.isEmpty() && losses.isEmpty()) {
      out.add(
          "Against the other runs it is neither clearly best nor clearly worst on any measure.");
    } else if (losses.isEmpty()) {
      out.add("Against the other runs it has " + join(wins) + ".");
    } else if (wins.isEmpty()) {
      out.add("Against the other runs it has " + join(losses) + ".");
    } else {
      out.add(
          "Its trade-off, against the other runs: " + join(wins) + ", but " + join(losses) + ".");
    }
  }

  private static void cost(PolicyRun run, List<String> out) {
    int rebalance = run.rebalanceMoves();
    int other = run.reassigned();
    if (rebalance == 0 && other == 0) {
      out.add("It moved no customer from one rep to another.");
    } else {
      out.add(
          String.format(
              Locale.ROOT,
              "It moved %d customer%s from one rep to another: %d by rebalancing, %d for"
                  + " departures, conflicts and covers.",
              rebalance + other,
              rebalance + other == 1 ? "" : "s",
              rebalance,
              other));
    }
    if (run.conflicts() > 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "%d lead%s came in through a rep other than the account's owner (a conflict the"
                  + " book's rule decided).",
              run.conflicts(),
              run.conflicts() == 1 ? "" : "s"));
    }
  }

  private static void pool(PolicyRun run, List<String> out) {
    if (run.weeks().isEmpty()) {
      return;
    }
    int pool = last(run).pool();
    Map<String, Integer> reasons = new TreeMap<>();
    for (WeekFigures w : run.weeks()) {
      w.unassignedByReason().forEach((k, v) -> reasons.merge(k, v, Integer::sum));
    }
    if (pool == 0) {
      out.add(
          reasons.isEmpty()
              ? "No lead was left unassigned."
              : "Some leads waited in the pool at a week's end, but none was left at the end.");
      return;
    }
    String top =
        reasons.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(e -> ", mostly because " + reason(e.getKey()) + " (" + e.getValue() + ")")
            .orElse("");
    out.add(
        String.format(
            Locale.ROOT,
            "%d customer%s waited unassigned in the pool at the end%s.",
            pool,
            pool == 1 ? "" : "s",
            top));
  }

  /** A reason code of {@link WeekFigures#unassignedByReason()} in words. */
  static String reason(String code) {
    int colon = code.indexOf(':');
    String kind = colon < 0 ? code : code.substring(0, colon);
    String what = colon < 0 ? "" : code.substring(colon + 1);
    switch (kind) {
      case "no-eligible-rep":
        return "no rep may take them (rule " + what + ")";
      case "all-eligible-full":
        return "every rep who may take them is full (" + what + ")";
      case "not-placed":
        return "they were not placed yet";
      default:
        return code;
    }
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static double percent(double x, double fair) {
    return fair == 0 ? 0 : 100 * (x - fair) / fair;
  }
}
