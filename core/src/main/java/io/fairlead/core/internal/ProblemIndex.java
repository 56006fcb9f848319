package io.fairlead.core.internal;

import io.fairlead.core.allocation.Problem;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A problem compiled to arrays: reps and leads by index, each lead's tier rank, value units and
 * eligible reps. Eligibility is computed once per class of interchangeable leads (same region,
 * industry, size band, tier and kind), so it costs {@code O(classes × reps)}, not {@code O(leads ×
 * reps)}, unless the policy has custom rules.
 *
 * <p>Not part of the API: shared by the solver, the baselines, the metrics and the explanations so
 * that all of them apply the very same rules. Immutable after construction.
 */
public final class ProblemIndex {

  /** How firmly a lead is tied to its current owner before any optimisation. */
  public enum Pin {
    /** Free to go to any eligible rep. */
    FREE,
    /** Stays with its owner because the policy does not allow rebalancing. */
    KEPT,
    /** Locked by the host. */
    LOCKED
  }

  /** Value units of a lead of average value. */
  public static final long VALUE_UNIT = 1000;

  private final Problem problem;
  private final Policy policy;
  private final Rep[] reps;
  private final Lead[] leads;
  private final Map<RepId, Integer> repIndex = new HashMap<>();
  private final Map<LeadId, Integer> leadIndex = new HashMap<>();
  private final int[] tierRank;
  private final long[] valueUnits;
  private final double meanValue;
  private final double[] weight;
  private final int[] owner;
  private final Pin[] pin;
  private final int[][] eligible;
  private final int[] sizeBand;
  private final int[] sizeCuts;

  public ProblemIndex(Problem problem) {
    this.problem = problem;
    this.policy = problem.policy();
    this.reps = problem.reps().toArray(Rep[]::new);
    this.leads = problem.leads().toArray(Lead[]::new);
    for (int r = 0; r < reps.length; r++) {
      repIndex.put(reps[r].id(), r);
    }
    for (int i = 0; i < leads.length; i++) {
      leadIndex.put(leads[i].id(), i);
    }
    weight = new double[reps.length];
    for (int r = 0; r < reps.length; r++) {
      weight[r] = policy.effectiveWeight(reps[r].weight());
    }
    tierRank = new int[leads.length];
    owner = new int[leads.length];
    double total = 0;
    for (int i = 0; i < leads.length; i++) {
      tierRank[i] = policy.tiers().rank(policy.tierOf(leads[i]));
      owner[i] = leads[i].currentOwner().map(repIndex::get).orElse(-1);
      total += policy.valueOf(leads[i]);
    }
    meanValue = leads.length == 0 ? 0 : total / leads.length;
    valueUnits = new long[leads.length];
    for (int i = 0; i < leads.length; i++) {
      valueUnits[i] =
          meanValue == 0 ? 0 : Math.round(VALUE_UNIT * policy.valueOf(leads[i]) / meanValue);
    }
    // Size bands: leads in one band pass the same reps' size rule.
    sizeCuts = Rules.sizeCuts(problem.reps());
    sizeBand = new int[leads.length];
    for (int i = 0; i < leads.length; i++) {
      sizeBand[i] = Rules.sizeBand(sizeCuts, leads[i].companySize());
    }
    eligible = new int[leads.length][];
    pin = new Pin[leads.length];
    Map<ClassKey, int[]> byClass = new HashMap<>();
    boolean custom = !policy.customRules().isEmpty();
    for (int i = 0; i < leads.length; i++) {
      int[] e;
      if (custom) {
        e = computeEligible(i);
      } else {
        Lead l = leads[i];
        ClassKey key = new ClassKey(l.region(), l.industry(), sizeBand[i], tierRank[i], l.kind());
        final int lead = i;
        e = byClass.computeIfAbsent(key, k -> computeEligible(lead));
      }
      int o = owner[i];
      boolean ownerMayHold = o >= 0 && firstFailure(i, o) == null;
      if (ownerMayHold && Arrays.binarySearch(e, o) < 0) {
        // Availability only stops new leads: an owner on leave may keep its own.
        e = insertSorted(e, o);
      }
      eligible[i] = e;
      if (leads[i].locked()) {
        pin[i] = Pin.LOCKED;
      } else if (ownerMayHold && !policy.allowRebalancing()) {
        pin[i] = Pin.KEPT;
      } else {
        pin[i] = Pin.FREE;
      }
    }
  }

  /** Leads with equal keys pass exactly the same reps (when there are no custom rules). */
  private record ClassKey(
      String region,
      String industry,
      int sizeBand,
      int tierRank,
      io.fairlead.core.model.LeadKind kind) {}

  private int[] computeEligible(int lead) {
    int[] out = new int[reps.length];
    int n = 0;
    for (int r = 0; r < reps.length; r++) {
      if (failure(lead, r, true) == null) {
        out[n++] = r;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int[] insertSorted(int[] a, int x) {
    int[] out = new int[a.length + 1];
    int pos = -Arrays.binarySearch(a, x) - 1;
    System.arraycopy(a, 0, out, 0, pos);
    out[pos] = x;
    System.arraycopy(a, pos, out, pos + 1, a.length - pos);
    return out;
  }

  /**
   * The id of the first pairwise hard rule that forbids giving the lead to the rep, or {@code null}
   * if none does. Custom rules answer {@code "custom:<name>"}. Availability applies only to leads
   * the rep does not already own.
   */
  public String firstFailure(int lead, int rep) {
    return failure(lead, rep, owner[lead] != rep);
  }

  private String failure(int lead, int rep, boolean asNew) {
    return Rules.firstFailure(policy, reps[rep], leads[lead], tier(lead), asNew);
  }

  /** The ids of the pairwise rules enabled by the policy, in check order. */
  public List<String> enabledPairwiseRules() {
    List<String> out = new ArrayList<>();
    for (Rule r : Rule.values()) {
      if (r.isPairwise()
          && policy.enforces(r)
          && (r != Rule.CUSTOM || !policy.customRules().isEmpty())) {
        out.add(r.id());
      }
    }
    return out;
  }

  /** Soft mismatches of a pair: industry outside the rep's preferences, role misfit when soft. */
  public int preferenceMismatches(int lead, int rep) {
    return Rules.preferenceMismatches(policy, reps[rep], leads[lead]);
  }

  public Problem problem() {
    return problem;
  }

  public Policy policy() {
    return policy;
  }

  public int leadCount() {
    return leads.length;
  }

  public int repCount() {
    return reps.length;
  }

  public Rep rep(int r) {
    return reps[r];
  }

  public Lead lead(int i) {
    return leads[i];
  }

  /** The index of a rep id, or -1. */
  public int repIndex(RepId id) {
    return repIndex.getOrDefault(Objects.requireNonNull(id), -1);
  }

  /** The index of a lead id, or -1. */
  public int leadIndex(LeadId id) {
    return leadIndex.getOrDefault(Objects.requireNonNull(id), -1);
  }

  public int tierRank(int lead) {
    return tierRank[lead];
  }

  public Tier tier(int lead) {
    return policy.tiers().tiers().get(tierRank[lead]);
  }

  public int tierCount() {
    return policy.tiers().size();
  }

  /** The lead's value in units where a lead of mean value is {@link #VALUE_UNIT}. */
  public long valueUnits(int lead) {
    return valueUnits[lead];
  }

  /** The mean lead value (policy basis) of the problem. */
  public double meanValue() {
    return meanValue;
  }

  /** The rep's weight bounded by the policy. */
  public double weight(int rep) {
    return weight[rep];
  }

  /** The rep's capacity, or {@link Rep#UNLIMITED} when the policy does not enforce capacity. */
  public int capacity(int rep) {
    return policy.enforces(Rule.CAPACITY) ? reps[rep].capacity() : Rep.UNLIMITED;
  }

  /** The rep's new-lead cap, or {@link Rep#UNLIMITED} when the policy does not enforce caps. */
  public int newLeadCap(int rep) {
    return policy.enforces(Rule.NEW_LEAD_CAP) ? reps[rep].newLeadCap() : Rep.UNLIMITED;
  }

  /** The current owner's index, or -1. */
  public int owner(int lead) {
    return owner[lead];
  }

  public Pin pin(int lead) {
    return pin[lead];
  }

  /**
   * The reps the lead may go to, ascending; arrays are shared between leads of one class and must
   * not be modified.
   */
  public int[] eligible(int lead) {
    return eligible[lead];
  }

  /** Returns whether giving the lead to the rep counts as a new lead for that rep. */
  public boolean isNew(int lead, int rep) {
    return owner[lead] != rep;
  }
}
