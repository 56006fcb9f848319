package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rulebook;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The per-rep state of a book and the one function for the soft cost of giving a lead to a rep
 * ({@link #softDelta}): what every allocator, the router, the explanations and the baselines ask.
 *
 * <p>For each rep, in arrays by rep index: the leads it holds, the new leads it received in the
 * current period (the period ledger's count plus this batch run's, or a routing period's), its
 * period credit (the receipts term's starting point) and the leads it receives as new on top of it,
 * the value units it holds and its leads per tier; and, refreshed whenever they change, the terms
 * of the score delta that depend only on those: {@link #stock} (count, tier and receipts balance of
 * one more lead of each tier) and the value term. A delta is then an array read, a value term and a
 * few additions; the penalties are {@link Scoring}'s, so the numbers are bit for bit those of the
 * full score.
 *
 * <p><b>Receipts.</b> A batch's kernel counts the leads a rep receives as new against the credit
 * its period ledger started with ({@code credited}, fixed; {@code receipts}, counted). A router's
 * kernel is <em>rolling</em>: each lead received adds 1 to the credit at once, so its receipts term
 * is always the marginal of the credit as it stands, which is the batch's for the router's book
 * handed to the batch ({@code toProblem}).
 *
 * <p>The caps come from the policy's {@link Rulebook}. The roster may grow ({@link #grow}) and a
 * rep may be replaced ({@link #setRep}), for the router. Not thread-safe.
 */
public final class Loads {

  private final Policy policy;
  private final Rulebook rules;

  /** The number of tiers. */
  public final int tiers;

  private final double kCount;
  private final double kReceipts;
  private final double[] kTier;
  private final boolean rolling;

  /** {@code SCALE · k_value}: the value term of a rep is {@code valueCoef · (V/1000)² / w}. */
  public final double valueCoef;

  private final long continuity;
  private final long[] unassignedTier;
  private final long[] preference;

  private int size;
  private Rep[] reps;
  private double[] weight;
  private int[] held;
  private int[] received;
  private double[] credited;
  private int[] receipts;
  private long[] units;
  private int[] tierHeld; // [rep * tiers + tier]

  /** Count and tier balance delta of one more lead, by {@code rep * tiers + tier}. */
  public long[] stock;

  private long[] valueTerm;

  /** Value units held over weight, by rep (for the router's search bounds). */
  public double[] valuePerWeight;

  /** One over weight, by rep. */
  public double[] inverseWeight;

  private long maxUnits;
  private IntConsumer onChange = r -> {};

  /**
   * An empty book of the given reps and effective weights (both kept, not copied), with an empty
   * period ledger; {@code rolling}: a router's kernel (see the class comment).
   */
  public Loads(Policy policy, Rep[] reps, double[] weight, boolean rolling) {
    this.policy = policy;
    this.rules = policy.rulebook();
    this.tiers = policy.tiers().size();
    this.rolling = rolling;
    this.kCount = policy.weight(Objective.COUNT);
    this.kReceipts = policy.weight(Objective.RECEIPTS);
    this.valueCoef = Scoring.SCALE * policy.weight(Objective.VALUE);
    this.kTier = new double[tiers];
    this.unassignedTier = new long[tiers];
    for (int t = 0; t < tiers; t++) {
      kTier[t] = Scoring.tierFactor(policy, t);
      unassignedTier[t] = Scoring.unassignedTierPenalty(policy, t);
    }
    this.continuity = Scoring.continuityPenalty(policy);
    this.preference = new long[3]; // at most two mismatches: industry and role
    for (int m = 0; m < preference.length; m++) {
      preference[m] = Scoring.preferencePenalty(policy, m);
    }
    this.size = reps.length;
    this.reps = reps;
    this.weight = weight;
    held = new int[size];
    received = new int[size];
    credited = new double[size];
    receipts = new int[size];
    units = new long[size];
    tierHeld = new int[size * tiers];
    stock = new long[size * tiers];
    valueTerm = new long[size];
    valuePerWeight = new double[size];
    inverseWeight = new double[size];
    for (int r = 0; r < size; r++) {
      refresh(r);
    }
  }

  /** Called with a rep's index after each change of its numbers (the router's search trees). */
  public void onChange(IntConsumer listener) {
    this.onChange = listener;
  }

  public Policy policy() {
    return policy;
  }

  public Rulebook rules() {
    return rules;
  }

  /** The number of reps. */
  public int size() {
    return size;
  }

  public Rep rep(int r) {
    return reps[r];
  }

  /** The rep's effective weight. */
  public double weight(int r) {
    return weight[r];
  }

  public int held(int r) {
    return held[r];
  }

  /** New leads received in the current period (the ledger's earlier ones included). */
  public int received(int r) {
    return received[r];
  }

  /**
   * The rep's credit in the period ledger as it stands: the credit it started with plus the leads
   * it received as new since (a router's kernel adds them to the credit at once).
   */
  public double credit(int r) {
    return credited[r] + receipts[r];
  }

  /** The leads the rep received as new on top of its starting credit (0 in a router's kernel). */
  public int receipts(int r) {
    return receipts[r];
  }

  public long units(int r) {
    return units[r];
  }

  public int tierHeld(int r, int tier) {
    return tierHeld[r * tiers + tier];
  }

  /** An upper bound of every rep's value units so far. */
  public long maxUnits() {
    return maxUnits;
  }

  // ---------------------------------------------------------------- changes

  /**
   * The rep takes a lead of the tier worth {@code u} units; {@code asNew}: it is new to the rep.
   */
  public void add(int r, int tier, long u, boolean asNew) {
    held[r]++;
    if (asNew) {
      received[r]++;
      if (rolling) {
        credited[r] += 1;
      } else {
        receipts[r]++;
      }
    }
    units[r] += u;
    maxUnits = Math.max(maxUnits, units[r]);
    tierHeld[r * tiers + tier]++;
    refresh(r);
  }

  /**
   * The rep gives up a lead; {@code unreceive}: it no longer counts as received this period (a
   * batch takes back what it gave; the router's ledger keeps what a rep received).
   */
  public void remove(int r, int tier, long u, boolean unreceive) {
    held[r]--;
    if (unreceive) {
      received[r]--;
      if (rolling) {
        credited[r] -= 1;
      } else {
        receipts[r]--;
      }
    }
    units[r] -= u;
    tierHeld[r * tiers + tier]--;
    refresh(r);
  }

  /**
   * Sets a rep's period ledger (a problem's ledger, a restored router): the new leads it received
   * earlier in the period and its credit; the leads it receives as new start from 0.
   */
  public void setLedger(int r, int n, double credit) {
    received[r] = n;
    credited[r] = credit;
    receipts[r] = 0;
    refresh(r);
  }

  /** Sets a rep's credit, keeping its received count (a router's catch-up). */
  public void setCredit(int r, double credit) {
    credited[r] = credit - receipts[r];
    refresh(r);
  }

  /** Every rep's received count and credit back to zero: a new period. */
  public void newPeriod() {
    Arrays.fill(received, 0, size, 0);
    Arrays.fill(credited, 0, size, 0);
    Arrays.fill(receipts, 0, size, 0);
    for (int r = 0; r < size; r++) {
      refresh(r);
    }
  }

  /** Replaces a rep's definition and effective weight, keeping what it holds. */
  public void setRep(int r, Rep rep, double w) {
    reps[r] = rep;
    weight[r] = w;
    refresh(r);
  }

  /** Appends a rep that holds nothing; returns its index. */
  public int grow(Rep rep, double w) {
    int r = size++;
    reps = Arrays.copyOf(reps, size);
    weight = Arrays.copyOf(weight, size);
    held = Arrays.copyOf(held, size);
    received = Arrays.copyOf(received, size);
    credited = Arrays.copyOf(credited, size);
    receipts = Arrays.copyOf(receipts, size);
    units = Arrays.copyOf(units, size);
    tierHeld = Arrays.copyOf(tierHeld, size * tiers);
    stock = Arrays.copyOf(stock, size * tiers);
    valueTerm = Arrays.copyOf(valueTerm, size);
    valuePerWeight = Arrays.copyOf(valuePerWeight, size);
    inverseWeight = Arrays.copyOf(inverseWeight, size);
    reps[r] = rep;
    weight[r] = w;
    refresh(r);
    return r;
  }

  /** Recomputes the cached terms of one rep from its numbers. */
  public void refresh(int r) {
    double w = weight[r];
    long n = held[r];
    long countDelta =
        Scoring.squarePenalty(kCount, n + 1, w)
            - Scoring.squarePenalty(kCount, n, w)
            + receiptsDelta(r);
    valueTerm[r] = Scoring.valuePenalty(valueCoef, units[r], w);
    int base = r * tiers;
    for (int t = 0; t < tiers; t++) {
      long k = tierHeld[base + t];
      stock[base + t] =
          countDelta
              + Scoring.squarePenalty(kTier[t], k + 1, w)
              - Scoring.squarePenalty(kTier[t], k, w);
    }
    valuePerWeight[r] = units[r] / w;
    inverseWeight[r] = 1 / w;
    onChange.accept(r);
  }

  /**
   * The change of the rep's receipts term if it received one more lead as new. Part of {@link
   * #stock}: the stock is the delta of a new lead; a lead its owner keeps is not received, and
   * {@link #softDelta} takes the difference off for it.
   */
  private long receiptsDelta(int r) {
    if (kReceipts == 0) {
      return 0;
    }
    return Scoring.receiptsPenalty(kReceipts, credited[r], receipts[r] + 1L, weight[r])
        - Scoring.receiptsPenalty(kReceipts, credited[r], receipts[r], weight[r]);
  }

  // ---------------------------------------------------------------- the soft delta

  /**
   * The change of the soft score if rep {@code r} took an unassigned lead: its count, value, tier
   * and (for a lead new to it) receipts terms, the lead's own costs (preference, continuity if it
   * moves away from an owner), less the unassigned-tier cost the lead no longer incurs. Rooms and
   * rules are not looked at.
   *
   * @param tier the lead's tier rank
   * @param u the lead's value units
   * @param preferenceCost the lead's {@link #preferenceCost preference cost} with this rep
   * @param moved whether the lead has an owner other than this rep
   * @param asNew whether the lead is new to this rep (this rep is not its owner; {@code moved}
   *     implies it): only then is it received
   */
  public long softDelta(
      int r, int tier, long u, long preferenceCost, boolean moved, boolean asNew) {
    return stock[r * tiers + tier]
        - (asNew ? 0 : receiptsDelta(r))
        + valueDelta(r, u)
        + preferenceCost
        + (moved ? continuity : 0)
        - unassignedTier[tier];
  }

  /** The change of rep {@code r}'s value term if it took {@code u} more units; never negative. */
  public long valueDelta(int r, long u) {
    if (valueCoef == 0) {
      return 0;
    }
    return Scoring.valuePenalty(valueCoef, units[r] + u, weight[r]) - valueTerm[r];
  }

  /** The cost of a number of preference mismatches (0 to 2). */
  public long preferenceCost(int mismatches) {
    return preference[mismatches];
  }

  /** The cost of moving one lead away from its owner. */
  public long continuity() {
    return continuity;
  }

  /** The soft cost of one unassigned lead of the tier. */
  public long unassignedTier(int tier) {
    return unassignedTier[tier];
  }

  // ---------------------------------------------------------------- caps

  /** Whether the rep has room for one more lead ({@code asNew}: one new to it). */
  public boolean hasRoom(int r, boolean asNew) {
    return rules.hasRoom(reps[r], held[r], received[r], asNew);
  }

  /** The cap that stops the rep from taking one more lead, or null ({@link Rulebook#fullBy}). */
  public String fullBy(int r, boolean asNew) {
    return rules.fullBy(reps[r], held[r], received[r], asNew);
  }

  // ---------------------------------------------------------------- full terms

  /** The capacity overflow of one rep (customers over its cap, policy-aware). */
  public long capacityOverflow(int r) {
    return Scoring.capacityOverflow(reps[r].heldOutside(), held[r], rules.holdingCap(reps[r]));
  }

  /** The new-lead overflow of one rep (received over its period cap, policy-aware). */
  public long newLeadOverflow(int r) {
    return Scoring.newLeadOverflow(received[r], rules.periodCap(reps[r]));
  }

  /**
   * A balance objective's term of one rep: its part of the score. (A new balance objective adds its
   * case here, its aggregate to {@link #add}/{@link #remove} and its delta to {@link #refresh}'s
   * {@link #stock}, so that every consumer of the kernel sees it.)
   */
  public long term(Objective o, int r) {
    return switch (o) {
      case COUNT -> countTerm(r);
      case VALUE -> valueTerm[r];
      case TIER -> tierTerm(r);
      case RECEIPTS -> receiptsTerm(r);
      default -> throw new IllegalArgumentException(o.id() + " is not a balance objective");
    };
  }

  /** The receipts term of one rep: its new leads on top of its starting credit (0 if rolling). */
  public long receiptsTerm(int r) {
    return Scoring.receiptsPenalty(kReceipts, credited[r], receipts[r], weight[r]);
  }

  /** The count term of one rep. */
  public long countTerm(int r) {
    return Scoring.squarePenalty(kCount, held[r], weight[r]);
  }

  /** The value term of one rep. */
  public long valueTerm(int r) {
    return valueTerm[r];
  }

  /** The tier terms of one rep, summed. */
  public long tierTerm(int r) {
    long s = 0;
    for (int t = 0; t < tiers; t++) {
      s += Scoring.squarePenalty(kTier[t], tierHeld[r * tiers + t], weight[r]);
    }
    return s;
  }
}
