package io.fairlead.core.internal;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rulebook;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem compiled to arrays: reps and leads by index, each lead's tier rank, value units and
 * eligible reps, and how firmly it is tied to its owner. Eligibility comes from the policy's {@link
 * Rulebook}, once per class of interchangeable leads (same region, industry, size band, tier and
 * kind), so it costs {@code O(classes × reps)}, not {@code O(leads × reps)}, unless the policy has
 * custom rules.
 *
 * <p><b>Kept leads and capacity.</b> A lead the policy keeps with its owner ({@link
 * Rulebook#keepsWithOwner}) is pinned there, but an owner keeps no more than its capacity allows:
 * when an owner's kept leads (with its locked leads and customers held outside) exceed its
 * capacity, it keeps the most valuable ones and the rest are free to move, least valuable first.
 * Locked leads always stay, even over capacity (a host's decision, reported as a breach).
 *
 * <p><b>The period ledger.</b> Each rep's entry of the problem's {@link Ledger} (the new leads it
 * received earlier in the period, and its credit) is compiled into arrays by rep; every kernel
 * ({@link #newLoads}) starts from it, so the new-lead caps and the receipts term count it.
 *
 * <p>Shared by the solver, the baselines, the metrics, the bounds and the explanations, so that all
 * of them apply the very same rules; {@link #of} compiles a problem once and hands the same index
 * to everyone who asks while it is in use. Immutable after construction, but for the fair shares,
 * computed once on first use ({@link #shares}).
 */
public final class ProblemIndex {

  /** How firmly a lead is tied to its current owner before any optimisation. */
  public enum Pin {
    /** Free to go to any eligible rep. */
    FREE,
    /** Stays with its owner because the policy keeps owners. */
    KEPT,
    /** Locked by the host. */
    LOCKED
  }

  private final Policy policy;
  private final Rulebook rules;
  private final List<Rep> repList;
  private final List<Lead> leadList;
  private final Ledger ledger;
  private final int[] ledgerReceived;
  private final double[] ledgerCredited;
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
  private final boolean[] excess;
  private final int[][] eligible;
  private volatile ShareFlow.Shares shares;

  /** The last few indexes built by {@link #of}, weakly held. */
  private static final List<WeakReference<ProblemIndex>> RECENT = new ArrayList<>();

  private static final int RECENT_SIZE = 4;

  /**
   * The index of a problem's parts with an empty period ledger ({@link #of(Policy, List, List,
   * Ledger)}).
   */
  public static ProblemIndex of(Policy policy, List<Rep> reps, List<Lead> leads) {
    return of(policy, reps, leads, Ledger.empty());
  }

  /**
   * The index of a problem's parts: one built earlier for the very same objects (identity) if it is
   * still in use, else a new one.
   */
  public static ProblemIndex of(Policy policy, List<Rep> reps, List<Lead> leads, Ledger ledger) {
    synchronized (RECENT) {
      for (WeakReference<ProblemIndex> ref : RECENT) {
        ProblemIndex i = ref.get();
        if (i != null
            && i.policy == policy
            && i.repList == reps
            && i.leadList == leads
            && i.ledger == ledger) {
          return i;
        }
      }
    }
    ProblemIndex built = new ProblemIndex(policy, reps, leads, ledger);
    synchronized (RECENT) {
      RECENT.removeIf(r -> r.get() == null);
      if (RECENT.size() >= RECENT_SIZE) {
        RECENT.remove(0);
      }
      RECENT.add(new WeakReference<>(built));
    }
    return built;
  }

  /** Compiles a problem with an empty period ledger. */
  public ProblemIndex(Policy policy, List<Rep> repList, List<Lead> leadList) {
    this(policy, repList, leadList, Ledger.empty());
  }

  /**
   * Compiles a problem. The lists and the ledger must have passed the problem's validation (unique
   * ids, owners and ledger entries on the roster, tiers the policy knows).
   */
  public ProblemIndex(Policy policy, List<Rep> repList, List<Lead> leadList, Ledger ledger) {
    this.policy = policy;
    this.rules = policy.rulebook();
    this.repList = repList;
    this.leadList = leadList;
    this.ledger = ledger;
    this.reps = repList.toArray(Rep[]::new);
    this.leads = leadList.toArray(Lead[]::new);
    for (int r = 0; r < reps.length; r++) {
      repIndex.put(reps[r].id(), r);
    }
    ledgerReceived = new int[reps.length];
    ledgerCredited = new double[reps.length];
    for (Ledger.Entry e : ledger.entries()) {
      Integer r = repIndex.get(e.rep());
      if (r == null) {
        throw new IllegalArgumentException("ledger: rep '" + e.rep() + "' is not on the roster");
      }
      ledgerReceived[r] = e.received();
      ledgerCredited[r] = e.credited();
    }
    for (int i = 0; i < leads.length; i++) {
      leadIndex.put(leads[i].id(), i);
    }
    weight = new double[reps.length];
    for (int r = 0; r < reps.length; r++) {
      weight[r] = policy.effectiveWeight(reps[r]);
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
          meanValue == 0
              ? 0
              : Math.round(Scoring.VALUE_UNIT * policy.valueOf(leads[i]) / meanValue);
    }
    int[] sizeCuts = SizeBands.cuts(repList);
    eligible = new int[leads.length][];
    pin = new Pin[leads.length];
    excess = new boolean[leads.length];
    Map<ClassKey, int[]> byClass = new HashMap<>();
    boolean custom = !policy.customRules().isEmpty();
    for (int i = 0; i < leads.length; i++) {
      int[] e;
      if (custom) {
        e = computeEligible(i);
      } else {
        Lead l = leads[i];
        ClassKey key =
            new ClassKey(
                l.region(),
                l.industry(),
                SizeBands.band(sizeCuts, l.companySize()),
                tierRank[i],
                l.kind());
        final int lead = i;
        e = byClass.computeIfAbsent(key, k -> computeEligible(lead));
      }
      int o = owner[i];
      boolean ownerMayHold = o >= 0 && firstExclusion(i, o) == null;
      if (ownerMayHold && Arrays.binarySearch(e, o) < 0) {
        // Availability only stops new leads: an owner on leave may keep its own.
        e = insertSorted(e, o);
      }
      eligible[i] = e;
      if (leads[i].locked()) {
        pin[i] = Pin.LOCKED;
      } else if (o >= 0 && rules.keepsWithOwner(reps[o], leads[i], tier(i))) {
        pin[i] = Pin.KEPT;
      } else {
        pin[i] = Pin.FREE;
      }
    }
    keepWithinCapacity();
  }

  /**
   * Frees the kept leads an owner cannot hold: past its capacity (after customers held outside and
   * locked leads), its least valuable kept leads (the latest in input order on a tie), in the order
   * of {@link #compareLeaving}.
   */
  private void keepWithinCapacity() {
    long[] pinned = new long[reps.length];
    int[] kept = new int[reps.length];
    for (int i = 0; i < leads.length; i++) {
      if (pin[i] == Pin.LOCKED) {
        pinned[owner[i]]++;
      } else if (pin[i] == Pin.KEPT) {
        kept[owner[i]]++;
      }
    }
    long[] room = new long[reps.length];
    boolean anyOver = false;
    for (int r = 0; r < reps.length; r++) {
      int cap = rules.holdingCap(reps[r]);
      room[r] =
          cap == Rep.UNLIMITED
              ? Long.MAX_VALUE
              : Math.max(0, (long) cap - reps[r].heldOutside() - pinned[r]);
      anyOver |= kept[r] > room[r];
    }
    if (!anyOver) {
      return;
    }
    Map<Integer, List<Integer>> byOwner = new HashMap<>();
    for (int i = 0; i < leads.length; i++) {
      if (pin[i] == Pin.KEPT && kept[owner[i]] > room[owner[i]]) {
        byOwner.computeIfAbsent(owner[i], k -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<Integer, List<Integer>> e : byOwner.entrySet()) {
      List<Integer> own = e.getValue();
      own.sort((a, b) -> compareLeaving(b, a, null));
      long keep = room[e.getKey()];
      for (int k = 0; k < own.size(); k++) {
        if (k >= keep) {
          int i = own.get(k);
          pin[i] = Pin.FREE;
          excess[i] = true;
        }
      }
    }
  }

  /**
   * The order in which an owner over its capacity gives up leads: the least valuable first (on the
   * policy's value basis), then, if {@code touched} is given, the least recently touched (a time
   * per lead, {@code null} for never, which comes first), then the latest in input order. Negative
   * if lead {@code a} leaves before lead {@code b}.
   */
  public int compareLeaving(int a, int b, Instant[] touched) {
    int c = Double.compare(policy.valueOf(leads[a]), policy.valueOf(leads[b]));
    if (c != 0) {
      return c;
    }
    if (touched != null && touched[a] != touched[b]) {
      if (touched[a] == null || touched[b] == null) {
        return touched[a] == null ? -1 : 1;
      }
      c = touched[a].compareTo(touched[b]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(b, a);
  }

  /** Leads with equal keys pass exactly the same reps (when there are no custom rules). */
  private record ClassKey(
      Optional<String> region,
      Optional<String> industry,
      int sizeBand,
      int tierRank,
      LeadKind kind) {}

  private int[] computeEligible(int lead) {
    int[] out = new int[reps.length];
    int n = 0;
    Tier t = tier(lead);
    for (int r = 0; r < reps.length; r++) {
      if (rules.firstExclusion(reps[r], leads[lead], t, true) == null) {
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
   * The id of the first pairwise rule that stops the rep from holding the lead ({@link
   * Rulebook#firstExclusion}), or {@code null}; availability applies only if the rep is not the
   * lead's owner.
   */
  public String firstExclusion(int lead, int rep) {
    return rules.firstExclusion(reps[rep], leads[lead], tier(lead), owner[lead] != rep);
  }

  /**
   * Whether the lead may be held by the rep without breaking a pairwise rule, a lock or a kept
   * owner: a pinned lead only by its owner, a free one by its eligible reps.
   */
  public boolean allows(int lead, int rep) {
    return pin[lead] != Pin.FREE
        ? rep == owner[lead]
        : Arrays.binarySearch(eligible[lead], rep) >= 0;
  }

  public Policy policy() {
    return policy;
  }

  public Rulebook rules() {
    return rules;
  }

  /** The roster, as given. */
  public List<Rep> repList() {
    return repList;
  }

  /** The leads, as given. */
  public List<Lead> leadList() {
    return leadList;
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

  /** The lead's value in units where a lead of mean value is {@link Scoring#VALUE_UNIT}. */
  public long valueUnits(int lead) {
    return valueUnits[lead];
  }

  /** The mean lead value (policy basis) of the problem: the money worth of 1000 value units. */
  public double meanValue() {
    return meanValue;
  }

  /** The rep's weight bounded by the policy. */
  public double weight(int rep) {
    return weight[rep];
  }

  /** The effective weights, by rep (a fresh copy). */
  public double[] weights() {
    return weight.clone();
  }

  /** The most customers the rep may hold under the policy ({@link Rulebook#holdingCap}). */
  public int capacity(int rep) {
    return rules.holdingCap(reps[rep]);
  }

  /**
   * The most new leads the rep may receive in the period under the policy ({@link
   * Rulebook#periodCap}), the ledger's earlier ones included.
   */
  public int newLeadCap(int rep) {
    return rules.periodCap(reps[rep]);
  }

  /** The new leads the rep received earlier in the period (its ledger entry). */
  public int ledgerReceived(int rep) {
    return ledgerReceived[rep];
  }

  /** The rep's credit in the period ledger before this problem. */
  public double ledgerCredited(int rep) {
    return ledgerCredited[rep];
  }

  /** The problem's period ledger, as given. */
  public Ledger ledger() {
    return ledger;
  }

  /** The current owner's index, or -1. */
  public int owner(int lead) {
    return owner[lead];
  }

  public Pin pin(int lead) {
    return pin[lead];
  }

  /** Whether the lead would be kept, but its owner holds more than its capacity allows. */
  public boolean excess(int lead) {
    return excess[lead];
  }

  /**
   * The reps the lead may go to, ascending; arrays are shared between leads of one class and must
   * not be modified.
   */
  public int[] eligible(int lead) {
    return eligible[lead];
  }

  /**
   * Every rep's fair shares ({@link ShareFlow}), computed on first use and kept: they depend on the
   * problem alone, and every allocation of it is measured against them.
   */
  public ShareFlow.Shares shares() {
    ShareFlow.Shares s = shares;
    if (s == null) {
      s = ShareFlow.of(this);
      shares = s; // a race computes the same figures twice, never different ones
    }
    return s;
  }

  /** Returns whether giving the lead to the rep counts as a new lead for that rep. */
  public boolean isNew(int lead, int rep) {
    return owner[lead] != rep;
  }

  /** The preference cost of the pair, in score units. */
  public int preferenceMismatches(int lead, int rep) {
    return rules.preferenceMismatches(reps[rep], leads[lead]);
  }

  /** A fresh kernel over this problem's reps, holding nothing, from the period ledger. */
  public Loads newLoads() {
    Loads loads = new Loads(policy, reps.clone(), weight.clone(), false);
    for (int r = 0; r < reps.length; r++) {
      if (ledgerReceived[r] != 0 || ledgerCredited[r] != 0) {
        loads.setLedger(r, ledgerReceived[r], ledgerCredited[r]);
      }
    }
    return loads;
  }
}
