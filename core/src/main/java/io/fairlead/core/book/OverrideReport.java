package io.fairlead.core.book;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every manual override in a book's log, by actor, and what the overrides still in effect do to
 * each rep's share of the book: favouritism made visible. A rep's share with and without them is
 * set against its fair share (the fractional optimum of the balance objective, as {@link RepStats}
 * has it).
 *
 * @param overrides every override, oldest first
 * @param actors per actor: its overrides, and those still in effect, in order of first override
 * @param reps per rep on the team: its share of customers and of value now, and what it would be if
 *     every override still in effect were undone (the customer back with its previous owner, or in
 *     the pool), in roster order
 * @since 0.1.0
 */
public record OverrideReport(List<Override> overrides, List<ByActor> actors, List<RepEffect> reps) {

  /**
   * One override.
   *
   * @param seq its event number
   * @param at when
   * @param actor who
   * @param lead the customer
   * @param from its owner before, empty if it was in the pool
   * @param to the rep it was given to
   * @param value the customer's value (the policy's value basis), as of now
   * @param reason the reason given (with the rules it overruled)
   * @param inEffect whether the customer is still with {@code to} by this override (no later change
   *     of owner)
   * @since 0.1.0
   */
  public record Override(
      long seq,
      Instant at,
      String actor,
      LeadId lead,
      Optional<RepId> from,
      RepId to,
      double value,
      String reason,
      boolean inEffect) {
    public Override {
      requireNonNull(at, "at");
      requireNonNull(actor, "actor");
      requireNonNull(lead, "lead");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * One actor's overrides.
   *
   * @param actor who
   * @param count how many overrides it made
   * @param inEffect how many are still in effect
   * @param valueInEffect the value of the customers still with the rep it gave them to
   * @param byRep how many customers still in effect it gave each rep, by rep
   * @since 0.1.0
   */
  public record ByActor(
      String actor, int count, int inEffect, double valueInEffect, Map<RepId, Integer> byRep) {
    public ByActor {
      requireNonNull(actor, "actor");
      byRep = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRep));
    }
  }

  /**
   * The overrides' effect on one rep.
   *
   * @param rep the rep
   * @param fairShare its fair share of the customers ({@link RepStats#fairLeads()}), as a share of
   *     the fair shares of the whole team
   * @param fairValueShare its fair share of the customers' value ({@link RepStats#fairValue()}),
   *     the same way
   * @param customers the customers it owns
   * @param gained customers an override in effect gave it (a pin in place gives nothing)
   * @param lost customers an override in effect took from it
   * @param countShare its share of the owned customers
   * @param countShareWithout that share with every override in effect undone
   * @param valueShare its share of the owned customers' value
   * @param valueShareWithout that share with every override in effect undone
   * @since 0.1.0
   */
  public record RepEffect(
      RepId rep,
      double fairShare,
      double fairValueShare,
      int customers,
      int gained,
      int lost,
      double countShare,
      double countShareWithout,
      double valueShare,
      double valueShareWithout) {}

  public OverrideReport {
    overrides = List.copyOf(overrides);
    actors = List.copyOf(actors);
    reps = List.copyOf(reps);
  }

  static OverrideReport of(
      List<BookEvent> log, List<Customer> customers, Policy policy, FairnessMetrics metrics) {
    Map<LeadId, Customer> byId = new HashMap<>();
    customers.forEach(c -> byId.put(c.id(), c));
    Map<LeadId, RepId> owner = new HashMap<>();
    Map<LeadId, Integer> lastOverride = new HashMap<>(); // index in the list, while in effect
    List<Override> all = new ArrayList<>();
    for (BookEvent e : log) {
      if (e.change() instanceof Change.Owned o) {
        RepId before = owner.get(o.lead());
        if (e.kind() == BookEvent.Kind.OVERRIDDEN) {
          Customer c = byId.get(o.lead());
          double value = c == null ? 0 : policy.valueOf(c.lead());
          all.add(
              new Override(
                  e.seq(),
                  e.at(),
                  e.actor(),
                  o.lead(),
                  Optional.ofNullable(before),
                  o.to(),
                  value,
                  e.reason(),
                  false));
          lastOverride.put(o.lead(), all.size() - 1);
        } else if (!o.to().equals(before)) {
          lastOverride.remove(o.lead());
        }
        owner.put(o.lead(), o.to());
      } else if (e.change() instanceof Change.Pooled p) {
        owner.remove(p.lead());
        lastOverride.remove(p.lead());
      } else if (e.change() instanceof Change.Removed r) {
        owner.remove(r.lead());
        lastOverride.remove(r.lead());
      }
    }
    for (int i : lastOverride.values()) {
      Override o = all.get(i);
      all.set(
          i,
          new Override(
              o.seq(), o.at(), o.actor(), o.lead(), o.from(), o.to(), o.value(), o.reason(), true));
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> values = new HashMap<>();
    Map<String, Map<RepId, Integer>> byRep = new HashMap<>();
    for (Override o : all) {
      int[] c = counts.computeIfAbsent(o.actor(), k -> new int[2]);
      c[0]++;
      if (o.inEffect()) {
        c[1]++;
        values.merge(o.actor(), o.value(), Double::sum);
        byRep.computeIfAbsent(o.actor(), k -> new LinkedHashMap<>()).merge(o.to(), 1, Integer::sum);
      }
    }
    List<ByActor> actors = new ArrayList<>();
    counts.forEach(
        (a, c) ->
            actors.add(
                new ByActor(
                    a, c[0], c[1], values.getOrDefault(a, 0.0), byRep.getOrDefault(a, Map.of()))));

    // Shares now and with the overrides in effect undone; fair shares from the metrics.
    Map<RepId, double[]> now = new LinkedHashMap<>(); // count, value
    Map<RepId, double[]> without = new LinkedHashMap<>();
    Map<RepId, int[]> moved = new HashMap<>(); // gained, lost
    double fairLeads = 0;
    double fairValue = 0;
    for (RepStats s : metrics.reps()) {
      now.put(s.rep(), new double[2]);
      without.put(s.rep(), new double[2]);
      fairLeads += s.fairLeads();
      fairValue += s.fairValue();
    }
    double count = 0;
    double value = 0;
    for (Customer c : customers) {
      if (c.owner().isEmpty()) {
        continue;
      }
      double v = policy.valueOf(c.lead());
      count++;
      value += v;
      add(now, c.owner().get(), v);
      Integer i = lastOverride.get(c.id());
      Optional<RepId> back = i == null ? c.owner() : all.get(i).from();
      back.filter(without::containsKey).ifPresent(r -> add(without, r, v));
      if (i != null && !all.get(i).from().equals(c.owner())) { // a pin in place moves nothing
        moved.computeIfAbsent(c.owner().get(), k -> new int[2])[0]++;
        all.get(i).from().ifPresent(f -> moved.computeIfAbsent(f, k -> new int[2])[1]++);
      }
    }
    double countWithout = without.values().stream().mapToDouble(x -> x[0]).sum();
    double valueWithout = without.values().stream().mapToDouble(x -> x[1]).sum();
    List<RepEffect> reps = new ArrayList<>();
    for (RepStats s : metrics.reps()) {
      RepId r = s.rep();
      double[] n = now.get(r);
      double[] w = without.get(r);
      int[] g = moved.getOrDefault(r, new int[2]);
      reps.add(
          new RepEffect(
              r,
              share(s.fairLeads(), fairLeads),
              share(s.fairValue(), fairValue),
              (int) n[0],
              g[0],
              g[1],
              share(n[0], count),
              share(w[0], countWithout),
              share(n[1], value),
              share(w[1], valueWithout)));
    }
    return new OverrideReport(all, actors, reps);
  }

  private static void add(Map<RepId, double[]> m, RepId r, double v) {
    double[] x = m.get(r);
    if (x != null) {
      x[0]++;
      x[1] += v;
    }
  }

  private static double share(double x, double total) {
    return total == 0 ? 0 : x / total;
  }

  /** A text table for a person: per actor, then per rep with its shares. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Overrides by actor\n");
    if (actors.isEmpty()) {
      sb.append("  none\n");
    }
    for (ByActor a : actors) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-16s %3d overrides, %3d in effect, worth %,.0f%s%n",
              a.actor(),
              a.count(),
              a.inEffect(),
              a.valueInEffect(),
              a.byRep().isEmpty() ? "" : "; to " + a.byRep()));
    }
    sb.append(
        "Effect on the shares of the reps it touched (now / without the overrides in effect / fair)\n");
    int width = 4;
    for (RepEffect r : reps) {
      width = Math.max(width, r.rep().value().length());
    }
    boolean any = false;
    for (RepEffect r : reps) {
      if (r.gained() == 0 && r.lost() == 0) {
        continue;
      }
      any = true;
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-"
                  + width
                  + "s customers %5.1f%% / %5.1f%% / %5.1f%%, value %5.1f%% / %5.1f%% /"
                  + " %5.1f%%  (+%d by override, -%d)%n",
              r.rep().value(),
              100 * r.countShare(),
              100 * r.countShareWithout(),
              100 * r.fairShare(),
              100 * r.valueShare(),
              100 * r.valueShareWithout(),
              100 * r.fairValueShare(),
              r.gained(),
              r.lost()));
    }
    if (!any) {
      sb.append("  none\n");
    }
    return sb.toString();
  }
}
