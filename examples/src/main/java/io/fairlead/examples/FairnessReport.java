package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.Spread;
import io.fairlead.core.fairness.Violation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Prints allocations of one problem side by side, one column per allocation, from their {@link
 * FairnessMetrics} (the same calculator for every column, whoever made the allocation). Shared by
 * the demo, the scenario lab and the benchmark.
 *
 * <p>Spreads are over weighted loads (a rep's load divided by its weight), as {@link Spread}
 * defines them: "max−min" is the gap between the most and the least loaded rep in weighted leads
 * (or money); "max dev" the largest gap between a rep's load and its fair share.
 */
final class FairnessReport {

  private FairnessReport() {}

  /**
   * Prints the side-by-side fairness table of the given allocations, titled by column; with {@link
   * Timings#SHOW}, a last row has each allocation's elapsed time.
   */
  static void print(
      PrintStream out, List<String> titles, List<Allocation> allocations, Timings timings) {
    if (titles.size() != allocations.size()) {
      throw new IllegalArgumentException(
          titles.size() + " titles for " + allocations.size() + " allocations");
    }
    List<String> header = new ArrayList<>();
    header.add("metric");
    header.addAll(titles);
    TextTable t = new TextTable(header.toArray(String[]::new));
    row(t, allocations, "leads", a -> TextTable.count(a.outcomes().size()));
    row(t, allocations, "assigned", a -> TextTable.count(a.metrics().assigned()));
    row(t, allocations, "unassigned", a -> TextTable.count(a.metrics().unassigned()));
    row(
        t,
        allocations,
        "kept with owner",
        a -> TextTable.count(statusCount(a, Status.KEPT) + statusCount(a, Status.LOCKED)));
    row(t, allocations, "moved from owner", a -> TextTable.count(statusCount(a, Status.MOVED)));
    row(t, allocations, "hard violations", a -> TextTable.count(a.metrics().violations().size()));
    row(t, allocations, "  by rule", FairnessReport::violationsByRule);
    row(t, allocations, "count gini", a -> TextTable.ratio(a.metrics().count().gini()));
    row(t, allocations, "count max-min (weighted)", a -> TextTable.one(gap(a.metrics().count())));
    row(t, allocations, "count cv", a -> TextTable.ratio(a.metrics().count().cv()));
    row(
        t,
        allocations,
        "count max dev (leads)",
        a -> TextTable.one(a.metrics().count().maxDeviation()));
    row(t, allocations, "value gini", a -> TextTable.ratio(a.metrics().value().gini()));
    row(t, allocations, "value max-min (weighted)", a -> TextTable.money(gap(a.metrics().value())));
    row(t, allocations, "value max/min", a -> TextTable.ratio(a.metrics().value().maxMinRatio()));
    String top = allocations.isEmpty() ? "top" : topTierName(allocations.get(0));
    row(
        t,
        allocations,
        "tier " + top + " gini",
        a -> TextTable.ratio(a.metrics().topTier().gini()));
    row(
        t,
        allocations,
        "tier " + top + " max-min (weighted)",
        a -> TextTable.one(gap(a.metrics().topTier())));
    // Distance to the proven bounds (core's FairnessBounds): 0 % = provably optimal.
    row(t, allocations, "count gap to optimum", a -> gapCell(a, a.gaps().countGap()));
    row(t, allocations, "value max gap to bound", a -> gapCell(a, a.gaps().valueMaxGap()));
    row(t, allocations, "tier " + top + " gap to optimum", a -> gapCell(a, a.gaps().topTierGap()));
    row(
        t,
        allocations,
        "improving count path",
        a -> a.gaps().feasible() ? (a.gaps().improvingPath() ? "yes" : "none") : "n/a");
    // The same against the problem with every lead free (locked ones excepted): what keeping
    // owners costs.
    row(t, allocations, "count gap, all leads free", a -> gapCell(a, a.freeGaps().countGap()));
    row(
        t,
        allocations,
        "value max gap, all leads free",
        a -> freeGapCell(a, a.freeGaps().valueMaxGap()));
    row(
        t,
        allocations,
        "tier " + top + " gap, all leads free",
        a -> freeGapCell(a, a.freeGaps().topTierGap()));
    row(t, allocations, "search ended by", a -> ending(a.search()));
    row(t, allocations, "soft score", a -> TextTable.count(a.score().soft()));
    if (timings == Timings.SHOW) {
      row(t, allocations, "elapsed (ms)", a -> TextTable.count(a.elapsed().toMillis()));
    }
    t.print(out);
  }

  static double gap(Spread s) {
    return s.max() - s.min();
  }

  static long statusCount(Allocation a, Status status) {
    long n = 0;
    for (LeadOutcome o : a.outcomes()) {
      if (o.status() == status) {
        n++;
      }
    }
    return n;
  }

  private static String topTierName(Allocation a) {
    return a.problem().policy().tiers().top().name();
  }

  private static String violationsByRule(Allocation a) {
    Map<String, Integer> by = new TreeMap<>();
    for (Violation v : a.metrics().violations()) {
      by.merge(v.rule(), 1, Integer::sum);
    }
    if (by.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    by.forEach(
        (rule, n) -> sb.append(sb.length() == 0 ? "" : " ").append(rule).append(' ').append(n));
    return sb.toString();
  }

  private static String ending(SearchReport s) {
    return switch (s.ending()) {
      case ONE_PASS -> "one pass";
      case NOTHING_TO_DO -> "nothing to do";
      case MOVE_BUDGET -> "move budget";
      case TIME_LIMIT -> "time cap (not reproducible)";
      case UNIMPROVED_TIME_LIMIT -> "no-progress cap (not reproducible)";
      case NOT_REPORTED -> "not reported";
    };
  }

  /**
   * A gap against the problem with every lead free: only a proof when that problem places no more
   * leads than this allocation does (freeing owners can make room for more).
   */
  private static String freeGapCell(Allocation a, double gap) {
    if (a.gaps().feasible() && a.freeGaps().placed() < a.freeGaps().maxPlaceable()) {
      return "n/a (more placeable)";
    }
    return gapCell(a, gap);
  }

  private static String gapCell(Allocation a, double gap) {
    if (!a.gaps().feasible()) {
      return "n/a (breaks rules)";
    }
    return String.format(java.util.Locale.ROOT, "%.2f %%", 100 * gap);
  }

  private static void row(
      TextTable t, List<Allocation> allocations, String name, Function<Allocation, String> cell) {
    Object[] cells = new Object[allocations.size() + 1];
    cells[0] = name;
    for (int i = 0; i < allocations.size(); i++) {
      cells[i + 1] = cell.apply(allocations.get(i));
    }
    t.row(cells);
  }
}
