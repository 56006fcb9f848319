package io.fairlead.examples.scale;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.Rulebook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which partition owns which reps, and which partition a record goes to.
 *
 * <p><b>Territory groups.</b> Two reps are joined when some lead could be eligible for both: their
 * regions meet (a rep of no region covers every region) and their industries meet (likewise), for
 * the rules the policy enforces. Company size, tier, role and custom rules are left out, which can
 * only join more: a lead's eligible reps, whatever its other fields, are always in one group. The
 * groups are the connected components of that relation: the router's counterpart of the solver's
 * {@code Decomposition}, which joins the reps of the leads it is given, while a router must also
 * answer for leads it has not seen yet.
 *
 * <p><b>Partitions.</b> {@code n} partitions hold the groups, the largest group first to the
 * partition with the fewest reps; and one more, the <em>no-territory</em> partition {@code n},
 * takes the leads no rep may take. Its router holds the whole roster and an empty book; it never
 * places a lead, so its answer (unassigned, no eligible rep, each rule with the reps it excluded)
 * is the one instance's word for word.
 *
 * <p><b>Keys.</b> A lead goes to the partition of the reps that may take it, availability aside (a
 * rep on leave stays in its group), or of its owner when it is locked; see {@link #address}.
 */
final class PartitionMap {

  /** A record and the partition it is written to. */
  record Addressed(int partition, LogRecord record) {}

  private final Policy policy;
  private final Rulebook rules;
  private final List<Rep> roster;
  private final int partitions;
  private final int groups;
  private final int[] partitionOfRep;
  private final Map<RepId, Integer> index = new HashMap<>();

  private PartitionMap(
      Policy policy, List<Rep> roster, int partitions, int groups, int[] partitionOfRep) {
    this.policy = policy;
    this.groups = groups;
    this.rules = policy.rulebook();
    this.roster = List.copyOf(roster);
    this.partitions = partitions;
    this.partitionOfRep = partitionOfRep;
    for (int r = 0; r < roster.size(); r++) {
      index.put(roster.get(r).id(), r);
    }
  }

  /** The groups of the roster, packed into {@code partitions} partitions (plus no-territory). */
  static PartitionMap of(Policy policy, List<Rep> roster, int partitions) {
    checkArgument(partitions >= 1, "partitions must be >= 1, was %s", partitions);
    int n = roster.size();
    int[] parent = new int[n];
    Arrays.setAll(parent, r -> r);
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (mayShare(policy, roster.get(a), roster.get(b))) {
          union(parent, a, b);
        }
      }
    }
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    List<List<Integer>> groups = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<Integer> g =
          byRoot.computeIfAbsent(
              find(parent, r),
              k -> {
                List<Integer> fresh = new ArrayList<>();
                groups.add(fresh); // in order of each group's first rep
                return fresh;
              });
      g.add(r);
    }
    checkArgument(
        groups.size() >= partitions,
        "%s territory groups cannot fill %s partitions: use fewer partitions",
        groups.size(),
        partitions);
    List<List<Integer>> bySize = new ArrayList<>(groups);
    bySize.sort(Comparator.comparingInt((List<Integer> g) -> -g.size()));
    int[] reps = new int[partitions];
    int[] partitionOfRep = new int[n];
    for (List<Integer> g : bySize) {
      int p = 0;
      for (int q = 1; q < partitions; q++) {
        if (reps[q] < reps[p]) {
          p = q;
        }
      }
      reps[p] += g.size();
      for (int r : g) {
        partitionOfRep[r] = p;
      }
    }
    return new PartitionMap(policy, roster, partitions, groups.size(), partitionOfRep);
  }

  /** Whether some lead could be eligible for both reps (see the class comment). */
  static boolean mayShare(Policy policy, Rep a, Rep b) {
    boolean regions =
        !policy.enforces(Rule.REGION) || meet(a.regions(), b.regions()); // empty: every region
    boolean industries = !policy.enforces(Rule.INDUSTRY) || meet(a.industries(), b.industries());
    return regions && industries;
  }

  private static boolean meet(Set<String> a, Set<String> b) {
    return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
  }

  /** The number of territory groups. */
  int groups() {
    return groups;
  }

  /** The number of partitions that hold reps (the no-territory partition not counted). */
  int partitions() {
    return partitions;
  }

  /** The no-territory partition's number: {@link #partitions()}. */
  int noTerritory() {
    return partitions;
  }

  int partitionOf(RepId rep) {
    Integer r = index.get(rep);
    checkArgument(r != null, "rep %s is not on the roster", rep);
    return partitionOfRep[r];
  }

  /**
   * A partition's roster, in the order of the whole roster (the router's last tie-break is roster
   * order, so every partition keeps the whole roster's); the no-territory partition's is the whole
   * roster.
   */
  List<Rep> roster(int partition) {
    if (partition == noTerritory()) {
      return roster;
    }
    List<Rep> out = new ArrayList<>();
    for (int r = 0; r < roster.size(); r++) {
      if (partitionOfRep[r] == partition) {
        out.add(roster.get(r));
      }
    }
    return List.copyOf(out);
  }

  /** Owned leads of the book, each in its owner's partition. */
  List<Lead> book(int partition, List<Lead> book) {
    if (partition == noTerritory()) {
      return List.of();
    }
    return book.stream()
        .filter(l -> partitionOf(l.currentOwner().orElseThrow()) == partition)
        .toList();
  }

  /**
   * Where a record goes, and as what.
   *
   * <ul>
   *   <li>A lead to route or release: locked, to its owner's partition; else to the partition of
   *       the reps that may take it, availability aside. One that no rep may take goes to the
   *       no-territory partition (whose roster has its owner, if any). One owned by a rep of
   *       another partition than its takers (who may not keep it, not being one of them) goes there
   *       without its owner: a partition's router knows no rep of another, so it places the lead
   *       where one instance would move it, and reports it {@code ASSIGNED}, not {@code MOVED}.
   *   <li>A new period: to every partition.
   *   <li>A rep's new definition: to its partition and the no-territory partition.
   * </ul>
   *
   * @throws IllegalStateException if a rep's new definition would join two partitions' groups: the
   *     book must be partitioned again first (see {@code Repartition})
   */
  List<Addressed> address(LogRecord record) {
    if (record instanceof LogRecord.Route r) {
      Target t = target(r.lead());
      return List.of(new Addressed(t.partition, new LogRecord.Route(r.at(), t.lead)));
    }
    if (record instanceof LogRecord.Release r) {
      Target t = target(r.lead());
      return List.of(new Addressed(t.partition, new LogRecord.Release(r.at(), t.lead)));
    }
    if (record instanceof LogRecord.UpdateRep u) {
      checkState(
          fits(u.rep()),
          "rep %s: its new definition shares leads with reps of another partition; partition"
              + " the book again before it takes effect",
          u.rep().id());
      return List.of(new Addressed(partitionOf(u.rep().id()), u), new Addressed(noTerritory(), u));
    }
    List<Addressed> all = new ArrayList<>(); // a new period
    for (int q = 0; q <= noTerritory(); q++) {
      all.add(new Addressed(q, record));
    }
    return List.copyOf(all);
  }

  /** Whether a rep's new definition keeps it apart from every other partition's reps. */
  boolean fits(Rep updated) {
    int home = partitionOf(updated.id());
    for (int s = 0; s < roster.size(); s++) {
      if (partitionOfRep[s] != home && mayShare(policy, updated, roster.get(s))) {
        return false;
      }
    }
    return true;
  }

  private record Target(int partition, Lead lead) {}

  private Target target(Lead lead) {
    Optional<RepId> owner = lead.currentOwner();
    if (lead.locked()) {
      return new Target(partitionOf(owner.orElseThrow()), lead);
    }
    Tier tier = policy.tierOf(lead);
    Set<Integer> takers = new LinkedHashSet<>();
    for (int r = 0; r < roster.size(); r++) {
      if (rules.firstExclusion(roster.get(r), lead, tier, false) == null) { // availability aside
        takers.add(partitionOfRep[r]);
      }
    }
    checkState(takers.size() <= 1, "lead %s: its takers are in partitions %s", lead.id(), takers);
    if (takers.isEmpty()) {
      return new Target(noTerritory(), lead); // its router has the whole roster, owner included
    }
    int p = takers.iterator().next();
    if (owner.isPresent() && partitionOf(owner.get()) != p) {
      return new Target(p, lead.toBuilder().clearCurrentOwner().build());
    }
    return new Target(p, lead);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
