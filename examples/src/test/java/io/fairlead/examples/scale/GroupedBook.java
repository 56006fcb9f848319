package io.fairlead.examples.scale;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.examples.SyntheticProblems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A synthetic book of independent territory groups and a day of incoming records for it. Same seed,
 * same book and stream.
 *
 * <p>Group {@code g} is {@link SyntheticProblems#generate(int, int, long, Policy)}'s problem (30
 * leads per rep) with its reps, regions and leads renamed {@code g<g>-…}, so no rep of one group
 * covers another's regions. Within a group, reps that cover two regions join them, or not. The
 * roster is the groups' reps shuffled together, so that a partition's reps are scattered over the
 * roster order. The book is the owned leads among the first half of each group's leads; the stream,
 * everything else in the groups' order, the groups interleaved at random. The second group's reps
 * may receive at most {@link #NEW_LEAD_CAP} new leads a period, so that its leads find every
 * eligible rep full before each period ends. The roster and the stream also hold:
 *
 * <ul>
 *   <li>webhooks delivered twice: 3 % of the records route a lead routed before;
 *   <li>releases: 4 % release a lead routed before (won, lost);
 *   <li>leads no rep may take: 1 % in a region no rep covers, 0.5 % with no region;
 *   <li>leads locked to a rep drawn from the whole roster (most often of another group): 0.5 %;
 *   <li>two new hires in each group, alike and holding nothing, whose ties the roster order and the
 *       time since their last lead break;
 *   <li>three reps of each group (not its generalists) go on leave a third of the way in, and come
 *       back at two thirds;
 *   <li>a new period halfway.
 * </ul>
 */
final class GroupedBook {

  /** The new-lead cap of the second group's reps, which fills them before each period ends. */
  static final int NEW_LEAD_CAP = 10;

  final Policy policy;
  final List<Rep> roster;
  final List<Lead> book;
  final List<LogRecord> stream;

  private GroupedBook(Policy policy, List<Rep> roster, List<Lead> book, List<LogRecord> stream) {
    this.policy = policy;
    this.roster = List.copyOf(roster);
    this.book = List.copyOf(book);
    this.stream = List.copyOf(stream);
  }

  /** {@code groups} groups of 26 to 58 reps (two of them new hires), 30 leads per rep. */
  static GroupedBook generate(int groups, long seed, Policy policy) {
    Random rnd = new Random(seed);
    List<Rep> roster = new ArrayList<>();
    List<Lead> book = new ArrayList<>();
    List<List<Lead>> arrivals = new ArrayList<>();
    List<List<Rep>> onLeave = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int reps = 24 + 8 * ((g * 3) % 5);
      Problem p = SyntheticProblems.generate(30 * reps, reps, seed * 31 + g, policy);
      String prefix = "g" + (g + 1) + "-";
      List<Rep> mine = new ArrayList<>();
      for (Rep r : p.reps()) {
        Rep.Builder b = renamed(prefix + r.id().value(), r).regions(prefixed(prefix, r.regions()));
        if (g == 1) {
          b.newLeadCap(NEW_LEAD_CAP);
        }
        mine.add(b.build());
      }
      roster.addAll(mine);
      // The generalists are the first two reps of each region; the others may go on leave.
      int regions = (int) p.reps().stream().flatMap(r -> r.regions().stream()).distinct().count();
      List<Rep> candidates = new ArrayList<>(mine.subList(2 * regions, mine.size()));
      candidates.removeIf(r -> !r.available());
      Collections.shuffle(candidates, rnd);
      onLeave.add(List.copyOf(candidates.subList(0, 3)));
      // Two new hires alike, who hold nothing: their leads tie on score and ledger, so the roster
      // order decides the first, and the time since their last lead the next ones.
      for (String hire : List.of("new1", "new2")) {
        Rep.Builder b = Rep.builder(prefix + hire).regions(prefix + "R1");
        if (g == 1) {
          b.newLeadCap(NEW_LEAD_CAP);
        }
        roster.add(b.build());
      }
      List<Lead> stream = new ArrayList<>();
      for (int i = 0; i < p.leads().size(); i++) {
        Lead l = p.leads().get(i);
        Lead.Builder b = l.toBuilder();
        b.region(prefix + l.region().orElseThrow());
        l.currentOwner().ifPresent(o -> b.currentOwner(prefix + o.value()));
        Lead renamed = rebuild(b, prefix + l.id().value());
        if (i < p.leads().size() / 2 && renamed.currentOwner().isPresent()) {
          book.add(renamed);
        } else {
          stream.add(renamed);
        }
      }
      arrivals.add(stream);
    }
    Collections.shuffle(roster, rnd);
    List<Lead> merged = interleave(arrivals, rnd);

    List<LogRecord> out = new ArrayList<>();
    List<Lead> routed = new ArrayList<>();
    int total = merged.size();
    int extra = 0;
    for (int i = 0; i < total; i++) {
      if (i == total / 3 || i == 2 * total / 3) {
        boolean leave = i == total / 3;
        for (List<Rep> group : onLeave) {
          for (Rep r : group) {
            out.add(new LogRecord.UpdateRep(out.size(), r.toBuilder().available(!leave).build()));
          }
        }
      }
      if (i == total / 2) {
        out.add(new LogRecord.NewPeriod(out.size()));
      }
      double x = rnd.nextDouble();
      if (x < 0.03 && !routed.isEmpty()) {
        out.add(new LogRecord.Route(out.size(), routed.get(rnd.nextInt(routed.size()))));
      } else if (x < 0.07 && !routed.isEmpty()) {
        out.add(new LogRecord.Release(out.size(), routed.get(rnd.nextInt(routed.size()))));
      } else if (x < 0.085) {
        Lead.Builder b = merged.get(i).toBuilder().clearCurrentOwner().locked(false);
        if (x < 0.08) {
          b.region("Atlantis");
        } else {
          b.clearRegion();
        }
        Lead nowhere = rebuild(b, "x" + extra++);
        out.add(new LogRecord.Route(out.size(), nowhere));
        routed.add(nowhere);
      } else if (x < 0.09) {
        Rep owner = roster.get(rnd.nextInt(roster.size()));
        Lead.Builder b = merged.get(i).toBuilder().currentOwner(owner.id().value()).locked(true);
        Lead foreign = rebuild(b, "x" + extra++);
        out.add(new LogRecord.Route(out.size(), foreign));
        routed.add(foreign);
      }
      out.add(new LogRecord.Route(out.size(), merged.get(i)));
      routed.add(merged.get(i));
    }
    return new GroupedBook(policy, roster, book, out);
  }

  /** A builder of the rep's fields under another id. */
  private static Rep.Builder renamed(String id, Rep r) {
    Rep.Builder n = Rep.builder(id);
    n.industries(r.industries().toArray(String[]::new))
        .tiers(r.allowedTiers().stream().map(t -> t.name()).toArray(String[]::new))
        .role(r.role())
        .companySizes(r.companySizes())
        .capacity(r.capacity())
        .heldOutside(r.heldOutside())
        .newLeadCap(r.newLeadCap())
        .available(r.available())
        .weight(r.weight())
        .share(r.share())
        .preferredIndustries(r.preferredIndustries().toArray(String[]::new));
    return n;
  }

  private static String[] prefixed(String prefix, java.util.Set<String> values) {
    return values.stream().map(v -> prefix + v).sorted().toArray(String[]::new);
  }

  /** The builder's lead under another id. */
  private static Lead rebuild(Lead.Builder b, String id) {
    Lead l = b.build();
    Lead.Builder n = Lead.builder(id).companySize(l.companySize()).value(l.value()).kind(l.kind());
    l.region().ifPresent(n::region);
    l.industry().ifPresent(n::industry);
    l.tier().ifPresent(t -> n.tier(t.name()));
    l.winProbability().ifPresent(n::winProbability);
    l.currentOwner().ifPresent(o -> n.currentOwner(o.value()));
    n.locked(l.locked());
    l.attributes().forEach(n::attribute);
    return n.build();
  }

  /** The lists merged at random, each in its own order, a list drawn by what it has left. */
  private static List<Lead> interleave(List<List<Lead>> lists, Random rnd) {
    int[] at = new int[lists.size()];
    int left = lists.stream().mapToInt(List::size).sum();
    List<Lead> out = new ArrayList<>(left);
    while (left > 0) {
      int x = rnd.nextInt(left);
      int k = 0;
      while (x >= lists.get(k).size() - at[k]) {
        x -= lists.get(k).size() - at[k];
        k++;
      }
      out.add(lists.get(k).get(at[k]++));
      left--;
    }
    return out;
  }
}
