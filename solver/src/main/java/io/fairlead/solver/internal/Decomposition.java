package io.fairlead.solver.internal;

import io.fairlead.core.internal.ProblemIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a problem into independent parts: unions of connected components of the graph whose nodes
 * are reps and whose edges join two reps that some free lead may both go to (a pinned lead joins
 * only its owner). No lead of a part may go to a rep of another, and every lead of a part's reps is
 * in the part, so every score term (per rep or per lead) belongs to exactly one part: the parts'
 * scores add up to the whole score, and the parts can be solved apart.
 *
 * <p>Parts are made of the components that hold a free lead with an eligible rep, in order of their
 * smallest lead index; consecutive small components are merged so that there are at most about
 * {@link #MAX_PARTS} parts (one OptaPlanner solver each). Components with nothing to optimise (reps
 * without leads, leads without eligible reps, pinned leads only) join the last part, so that the
 * parts cover the whole problem. Deterministic: a function of the index alone.
 *
 * <p>Linear in the problem: each distinct eligible array (shared by a class of leads) is joined
 * once.
 */
final class Decomposition {

  /** Merge components until there are at most about this many parts. */
  static final int MAX_PARTS = 64;

  /**
   * A part.
   *
   * @param leads its leads' problem indices, ascending
   * @param reps its reps' problem indices, ascending
   * @param free its free leads that have an eligible rep
   * @param firstFreeLead the smallest index of such a lead (it names the part in seeds)
   */
  record Part(int[] leads, int[] reps, int free, int firstFreeLead) {}

  private final List<Part> parts;
  private final int components;

  private Decomposition(List<Part> parts, int components) {
    this.parts = parts;
    this.components = components;
  }

  /** The parts, in order of their first free lead. */
  List<Part> parts() {
    return parts;
  }

  /** How many components hold a free lead (before merging small ones into parts). */
  int components() {
    return components;
  }

  static Decomposition of(ProblemIndex index) {
    int reps = index.repCount();
    int leads = index.leadCount();
    int[] parent = new int[reps];
    Arrays.setAll(parent, r -> r);
    Map<int[], Boolean> joined = new IdentityHashMap<>();
    for (int i = 0; i < leads; i++) {
      if (index.pin(i) == ProblemIndex.Pin.FREE) {
        int[] e = index.eligible(i);
        if (e.length > 1 && joined.put(e, Boolean.TRUE) == null) {
          for (int k = 1; k < e.length; k++) {
            union(parent, e[0], e[k]);
          }
        }
      }
    }
    // The component (root rep) of each lead, -1 when it has none.
    int[] rootOfLead = new int[leads];
    for (int i = 0; i < leads; i++) {
      int r;
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        r = index.owner(i);
      } else {
        int[] e = index.eligible(i);
        r = e.length == 0 ? -1 : e[0];
      }
      rootOfLead[i] = r < 0 ? -1 : find(parent, r);
    }
    // Components with a free lead, numbered in order of their first free lead.
    int[] componentOfRoot = new int[reps];
    Arrays.fill(componentOfRoot, -1);
    List<int[]> freeAndFirst = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      int root = rootOfLead[i];
      if (root >= 0 && index.pin(i) == ProblemIndex.Pin.FREE) {
        if (componentOfRoot[root] < 0) {
          componentOfRoot[root] = freeAndFirst.size();
          freeAndFirst.add(new int[] {0, i});
        }
        freeAndFirst.get(componentOfRoot[root])[0]++;
      }
    }
    int components = freeAndFirst.size();
    long totalFree = 0;
    for (int[] c : freeAndFirst) {
      totalFree += c[0];
    }
    // Consecutive components form a part until it holds its share of the free leads.
    long target = Math.max(1, (totalFree + MAX_PARTS - 1) / MAX_PARTS);
    int[] partOfComponent = new int[components];
    List<int[]> partFreeAndFirst = new ArrayList<>();
    for (int c = 0; c < components; c++) {
      int[] last =
          partFreeAndFirst.isEmpty() ? null : partFreeAndFirst.get(partFreeAndFirst.size() - 1);
      if (last == null || last[0] >= target) {
        last = new int[] {0, freeAndFirst.get(c)[1]};
        partFreeAndFirst.add(last);
      }
      last[0] += freeAndFirst.get(c)[0];
      partOfComponent[c] = partFreeAndFirst.size() - 1;
    }
    int partCount = Math.max(1, partFreeAndFirst.size());
    int lastPart = partCount - 1;
    int[] partOfRep = new int[reps];
    int[] repCounts = new int[partCount];
    for (int r = 0; r < reps; r++) {
      int c = componentOfRoot[find(parent, r)];
      partOfRep[r] = c < 0 ? lastPart : partOfComponent[c];
      repCounts[partOfRep[r]]++;
    }
    int[] partOfLead = new int[leads];
    int[] leadCounts = new int[partCount];
    for (int i = 0; i < leads; i++) {
      int root = rootOfLead[i];
      partOfLead[i] = root < 0 ? lastPart : partOfRep[root];
      leadCounts[partOfLead[i]]++;
    }
    int[][] partLeads = new int[partCount][];
    int[][] partReps = new int[partCount][];
    for (int p = 0; p < partCount; p++) {
      partLeads[p] = new int[leadCounts[p]];
      partReps[p] = new int[repCounts[p]];
    }
    int[] fill = new int[partCount];
    for (int i = 0; i < leads; i++) {
      partLeads[partOfLead[i]][fill[partOfLead[i]]++] = i;
    }
    Arrays.fill(fill, 0);
    for (int r = 0; r < reps; r++) {
      partReps[partOfRep[r]][fill[partOfRep[r]]++] = r;
    }
    List<Part> parts = new ArrayList<>(partCount);
    for (int p = 0; p < partCount; p++) {
      int free = partFreeAndFirst.isEmpty() ? 0 : partFreeAndFirst.get(p)[0];
      int first = partFreeAndFirst.isEmpty() ? -1 : partFreeAndFirst.get(p)[1];
      parts.add(new Part(partLeads[p], partReps[p], free, first));
    }
    return new Decomposition(List.copyOf(parts), components);
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
      // The smaller index becomes the root: the result does not depend on the join order.
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }
}
