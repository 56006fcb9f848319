package io.fairlead.core.rebalance;

import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.fairness.RepStats;
import io.fairlead.core.internal.Loads;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.RepLoad;
import io.fairlead.core.policy.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reasons of moves, in a manager's words and the explanations' vocabulary: what each rep held
 * next to its fair share (leads, value, leads of the customer's tier) or its capacity, as the
 * kernel's numbers stood just before the move, and what the move gains per objective. Fair shares
 * are the book's (they do not depend on who holds what).
 */
final class Wording {

  private final ProblemIndex index;
  private final Loads loads;
  private final List<RepStats> fair;
  private final Instant[] touched;
  private final double[] value;

  /**
   * @param touched when each lead was last touched ({@code null} entries: never), or {@code null}
   *     if the host does not say
   */
  Wording(ProblemIndex index, Loads loads, FairnessMetrics book, Instant[] touched) {
    this.index = index;
    this.loads = loads;
    this.fair = book.reps();
    this.touched = touched;
    this.value = new double[index.repCount()];
    for (int r = 0; r < value.length; r++) {
      value[r] = fair.get(r).value();
    }
  }

  /** Keeps the value each rep holds, in money, up to date. */
  void moved(int lead, int from, int to) {
    double v = index.policy().valueOf(index.lead(lead));
    value[from] -= v;
    value[to] += v;
  }

  /** A rep over its capacity gives up its least valuable movable customer. */
  String overCapacity(int lead, int from, int to) {
    Rep rep = index.rep(from);
    long held = (long) rep.heldOutside() + loads.held(from);
    long cap = index.capacity(from);
    StringBuilder sb = new StringBuilder();
    sb.append(name(from))
        .append(" held ")
        .append(count(held, "customer"))
        .append(rep.heldOutside() > 0 ? " (" + rep.heldOutside() + " outside this book)" : "")
        .append(", ")
        .append(held - cap)
        .append(" over a capacity of ")
        .append(cap)
        .append("; its least valuable customers that may move go first, and ")
        .append(describe(lead, null))
        .append(" is next. ")
        .append(receiver(to, lead))
        .append('.');
    return sb.toString();
  }

  /** The owner may no longer hold the customer. */
  String ruleBroken(int lead, int from, int to) {
    Verdict v = index.rules().check(index.rep(from), index.lead(lead), RepLoad.NONE);
    String why = v.first().map(e -> e.reason()).orElse("a rule of the policy says no");
    return name(from)
        + " may no longer hold "
        + id(lead)
        + " ("
        + why
        + "). "
        + receiver(to, lead)
        + '.';
  }

  /**
   * A move that makes the book fairer.
   *
   * @param movedIn the step that moved the lead to {@code from}, 0 if {@code from} owns it
   */
  String balance(int lead, int from, int to, int movedIn) {
    String again =
        movedIn > 0
            ? name(from) + " took it from " + name(index.owner(lead)) + " in step " + movedIn
            : null;
    return standing(from, lead)
        + "; "
        + standing(to, lead)
        + ". Moving "
        + describe(lead, again)
        + " to "
        + name(to)
        + (to == index.owner(lead) ? ", its owner," : "")
        + " evens them out.";
  }

  /** A chain of moves from {@code from} to {@code to} through the reps named in order. */
  String chain(int from, int to, List<String> path, long gain) {
    int hops = path.size() - 1;
    return standing(from, -1)
        + "; "
        + standing(to, -1)
        + ". No customer of "
        + name(from)
        + " that may move may go to "
        + name(to)
        + " directly, so a chain of "
        + hops
        + " moves passes one along ("
        + String.join(" -> ", path)
        + "), each rep in between giving one customer and taking one: "
        + grouped(gain)
        + " score points fairer in all.";
  }

  /**
   * What a move changes per objective, in the policy's order ({@code inChain}: one move of a chain,
   * whose own change may be nothing).
   */
  String gains(Map<String, Long> gains, boolean inChain) {
    long total = gains.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder sb = new StringBuilder(inChain ? "This move alone: " : "Score: ");
    if (total > 0) {
      sb.append(grouped(total)).append(" points fairer");
    } else if (total < 0) {
      sb.append(grouped(-total)).append(" points less even");
    } else {
      sb.append("unchanged");
    }
    String sep = " (";
    for (var e : gains.entrySet()) {
      if (e.getValue() != 0) {
        sb.append(sep).append(e.getKey()).append(' ').append(signed(e.getValue()));
        sep = ", ";
      }
    }
    if (!sep.equals(" (")) {
      sb.append(')');
    }
    return sb.append('.').toString();
  }

  /** The receiver of a repair: where it stood. */
  private String receiver(int to, int lead) {
    return name(to) + " takes it: " + standing(to, lead);
  }

  /**
   * Where a rep stands: its leads next to its fair share, its value, and, for a lead ({@code lead
   * >= 0}), its leads of the lead's tier.
   */
  private String standing(int r, int lead) {
    RepStats s = fair.get(r);
    int n = loads.held(r);
    StringBuilder sb =
        new StringBuilder(name(r))
            .append(" held ")
            .append(count(n, "lead"))
            .append(" (")
            .append(versus(n, s.fairLeads()))
            .append("), ")
            .append(grouped(Math.round(value[r])))
            .append(" in value (fair ")
            .append(grouped(Math.round(s.fairValue())))
            .append(')');
    if (lead >= 0) {
      Tier t = index.tier(lead);
      int k = loads.tierHeld(r, index.tierRank(lead));
      sb.append(" and ")
          .append(count(k, "tier-" + t + " lead"))
          .append(String.format(Locale.ROOT, " (fair %.1f)", s.fairTierLeads().get(t)));
    }
    return sb.toString();
  }

  /** "3.0 above a fair share of 58.0", "12.0 below …", "at its fair share of 58.0". */
  private static String versus(double n, double fair) {
    double d = n - fair;
    if (Math.abs(d) < 0.05) {
      return String.format(Locale.ROOT, "at its fair share of %.1f", fair);
    }
    return String.format(
        Locale.ROOT, "%.1f %s a fair share of %.1f", Math.abs(d), d > 0 ? "above" : "below", fair);
  }

  /** The lead's id, tier, value and last touch, and a note if given. */
  private String describe(int lead, String note) {
    StringBuilder sb =
        new StringBuilder(id(lead))
            .append(" (tier ")
            .append(index.tier(lead))
            .append(", ")
            .append(grouped(Math.round(index.policy().valueOf(index.lead(lead)))));
    if (touched != null) {
      Instant t = touched[lead];
      sb.append(
          t == null
              ? ", never touched"
              : ", last touched " + LocalDate.ofInstant(t, ZoneOffset.UTC));
    }
    if (note != null) {
      sb.append("; ").append(note);
    }
    return sb.append(')').toString();
  }

  private String id(int lead) {
    return index.lead(lead).id().value();
  }

  private String name(int r) {
    return index.rep(r).id().value();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String grouped(long x) {
    return String.format(Locale.ROOT, "%,d", x);
  }

  private static String signed(long x) {
    return x > 0 ? "+" + grouped(x) : "-" + grouped(-x);
  }
}
