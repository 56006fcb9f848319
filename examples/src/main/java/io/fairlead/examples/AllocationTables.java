package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One allocation as a person reads it: who got which lead (and why a lead got no one), how each
 * rep's load compares with its fair share, and a one-line summary. Shared by the demo, {@link
 * JsonCli} and the service's command line ({@code fairlead allocate --table}).
 *
 * <pre>
 * lead  rep         status    tier   value  reason
 * ------------------------------------------------
 * c01   ana         assigned  A    150,000
 * c12   unassigned            C     20,000  no eligible rep among 5: region excluded 5
 * </pre>
 */
public final class AllocationTables {

  private AllocationTables() {}

  /**
   * Prints one line per lead of the problem, in its order: the lead, its rep (or {@code
   * unassigned}), what happened to it, its tier, its value and, for an unassigned lead, the reason.
   */
  public static void leads(PrintStream out, Allocation a) {
    Policy policy = a.problem().policy();
    Map<LeadId, Lead> leads = new HashMap<>();
    for (Lead l : a.problem().leads()) {
      leads.put(l.id(), l);
    }
    TextTable t =
        new TextTable("lead", "rep", "status", "tier", "value", "reason").left(1, 2, 3, 5);
    for (LeadOutcome o : a.outcomes()) {
      Lead lead = leads.get(o.lead());
      t.row(
          o.lead().value(),
          o.rep().map(r -> r.value()).orElse("unassigned"),
          o.status().name().toLowerCase(Locale.ROOT),
          policy.tierOf(lead).name(),
          TextTable.money(lead.value()),
          o.reason().map(UnassignedReason::message).orElse(""));
    }
    t.print(out);
  }

  /**
   * Prints one line per rep: its region, weight, the leads it kept and received, its leads and
   * value against its fair share of each, and its top-tier leads against their fair share.
   *
   * @param regionOf a rep's region as the table shows it, by rep id
   */
  public static void reps(PrintStream out, Allocation a, Function<String, String> regionOf) {
    Tier top = a.problem().policy().tiers().top();
    TextTable t =
        new TextTable(
                "rep",
                "region",
                "weight",
                "kept",
                "new",
                "leads",
                "fair",
                "value",
                "fair value",
                top + "-tier",
                "fair " + top)
            .left(1);
    for (RepStats r : a.reps()) {
      t.row(
          r.rep().value(),
          regionOf.apply(r.rep().value()),
          String.format(Locale.ROOT, "%.2f", r.weight()),
          r.leads() - r.newLeads(),
          r.newLeads(),
          r.leads(),
          TextTable.one(r.fairLeads()),
          TextTable.money(r.value()),
          TextTable.money(r.fairValue()),
          r.tierLeads().getOrDefault(top, 0),
          TextTable.one(r.fairTierLeads().getOrDefault(top, 0.0)));
    }
    t.print(out);
  }

  /**
   * {@link #reps(PrintStream, Allocation, Function)} with each rep's regions in alphabetical order,
   * joined by "+" ({@code Rep.regions()} is a set whose order may differ from run to run).
   */
  public static void reps(PrintStream out, Allocation a) {
    Map<String, String> regions = new HashMap<>();
    for (Rep r : a.problem().reps()) {
      regions.put(r.id().value(), String.join("+", new TreeSet<>(r.regions())));
    }
    reps(out, a, id -> regions.getOrDefault(id, ""));
  }

  /**
   * One line: {@code "12 leads, 5 reps: 11 assigned, 1 unassigned, 0 hard violations, score ...;
   * the search ended on its move budget (reproducible)"}.
   */
  public static String summary(Allocation a) {
    return a.problem().leads().size()
        + " leads, "
        + a.problem().reps().size()
        + " reps: "
        + a.metrics().assigned()
        + " assigned, "
        + a.metrics().unassigned()
        + " unassigned, "
        + a.metrics().violations().size()
        + " hard violations, score "
        + a.score()
        + "; "
        + ending(a.search());
  }

  /** How the search ended, in words; says when the answer depends on the machine's speed. */
  static String ending(SearchReport s) {
    return switch (s.ending()) {
      case MOVE_BUDGET -> "the search ended on its move budget (reproducible)";
      case NOTHING_TO_DO, ONE_PASS, NOT_REPORTED -> "nothing to search";
      case TIME_LIMIT, UNIMPROVED_TIME_LIMIT ->
          "the search was cut by the time limit (not reproducible: try a larger --time-limit)";
    };
  }
}
