package io.fairlead.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Places leads one at a time, the moment they arrive (a CRM webhook), under the same policy as the
 * batch allocation, in microseconds.
 *
 * <pre>{@code
 * LeadRouter router = LeadRouter.builder(policy)
 *     .roster(reps)
 *     .book(ownedLeads)                 // leads already owned, with currentOwner set
 *     .build();
 * RouteDecision d = router.route(incomingLead);
 * d.rep().ifPresentOrElse(rep -> crm.assign(d.lead(), rep), () -> crm.queue(d.lead(), d.explanation()));
 * }</pre>
 *
 * <p><b>How a lead is placed.</b> The hard rules are the batch's, from the policy's one {@link
 * io.fairlead.core.policy.Rulebook}: the pairwise rules (availability, region, industry, company
 * size, tier, role, custom rules, in that order), capacity (counting customers held outside the
 * book) and the new-lead cap (counted per period, see {@link #startPeriod()}), each only as far as
 * the policy enforces it. A lead with a current owner is locked there, or kept there when the batch
 * would keep it and the owner has room for it; a rep already over a cap never receives a new lead.
 * Among the eligible reps with room, the router keeps a <em>ledger</em> of the leads each rep
 * received in the current period; a rep's standing is {@code (credited + ½) / weight}, its ledger
 * per unit of weight half a lead on: the marginal cost of one more lead in the batch's receipts
 * objective, so that the most due rep is the one a nightly batch balancing receipts would choose (a
 * Sainte-Laguë order). The reps whose standing is within {@code ledgerTolerance} of the lowest are
 * <em>due</em>; among them the lead goes to the one for which the book's soft score grows least,
 * computed from per-rep aggregates (count, value units, tier counts) with the batch's own penalty
 * formulas ({@link RouteDecision#scoreDelta()} equals the batch's {@code
 * Assignment.softDeltaAssign}, both the kernel's one delta). Ties go to the lower standing, then to
 * the rep that has waited longest since its last lead, then to roster order. So there is no order
 * bias and no randomness: two equal reps given one lead a day end a 30-day month 15/15; weights are
 * honoured over time (a rep of weight 2 gets two leads for every one of a rep of weight 1); and
 * within each period a rep's {@code credited / weight} never runs more than {@code ledgerTolerance
 * + ½/w + ½/w'} ahead of another rep of weight {@code w'} that is eligible for the same leads and
 * has room, while the score steers value and tiers within that band. Reps added mid-period or back
 * from leave are calibrated by the policy's {@link CatchUp} (as are reps whose effective weight
 * rises).
 *
 * <p><b>Value scale.</b> Values enter the score as units where a lead of the mean value is 1000.
 * The mean is fixed once: {@link Builder#meanValue(double)}, or else the mean of the initial book,
 * or else (an empty book) the value of the first lead with a positive value. It is kept for the
 * router's life (and in its state), so every aggregate stays exact when leads come and go; the
 * batch recomputes its own mean when it rebalances. A lead worth more than a million times the mean
 * is refused with an {@link IllegalArgumentException}: at that scale its value units could push the
 * score out of its range.
 *
 * <p><b>Thread safety.</b> All methods may be called from any thread. Each call runs under one
 * lock, so decisions are serialised: a lead id is never placed twice, and a capacity is never
 * exceeded by a routing choice. Routing a lead id that is already in the book is not an error: it
 * returns a {@link RouteDecision#repeat() repeat} decision naming the current owner, and changes
 * nothing (webhooks are often delivered more than once). Custom rules are evaluated under the lock
 * and must not call the router.
 *
 * <p><b>Persistence.</b> {@link #state()} and {@link #restore(RouterState, Policy)} save and
 * restore everything a decision depends on: a restored router makes exactly the same next
 * decisions. {@code FairleadJson.writeRouter} and {@code readRouter} store a state as JSON.
 *
 * <p><b>Re-optimisation.</b> {@link #toProblem()} hands the current book to the batch allocator;
 * {@link #rebase(Allocation)} adopts its result and keeps the ledger.
 *
 * @since 0.1.0
 */
public final class LeadRouter {

  private final Object lock = new Object();
  private final RouterCore core;

  LeadRouter(RouterCore core) {
    this.core = core;
  }

  /**
   * An {@link io.fairlead.core.allocation.Allocator} that places a problem's leads as a router
   * would, one at a time: the owned leads first (kept, locked or moved by the policy), then the
   * others, in the problem's order. What a book uses, by default, to place customers that change
   * hands; quick, and fair by the same ledger and score as the router.
   */
  public static io.fairlead.core.allocation.Allocator allocator() {
    return RouterAllocator.INSTANCE;
  }

  /**
   * {@link #allocator()} with another {@link Builder#ledgerTolerance ledger tolerance}: {@code 0}
   * is the strict ledger, {@code Double.POSITIVE_INFINITY} no ledger at all (every eligible rep
   * with room competes on the score alone), to see what the ledger costs on a book.
   *
   * @throws IllegalArgumentException if the tolerance is negative or NaN
   */
  public static io.fairlead.core.allocation.Allocator allocator(double ledgerTolerance) {
    checkArgument(
        !Double.isNaN(ledgerTolerance) && ledgerTolerance >= 0,
        "ledgerTolerance must be >= 0 (or +Infinity), was %s",
        ledgerTolerance);
    return new RouterAllocator(ledgerTolerance);
  }

  /** Returns a builder for a router under the given policy. */
  public static Builder builder(Policy policy) {
    return new Builder(requireNonNull(policy, "policy"));
  }

  /**
   * Places one incoming lead. Never throws for a lead that cannot be placed: it comes back
   * unassigned with a reason.
   *
   * @throws IllegalArgumentException if the lead is malformed for this router: a tier the policy
   *     does not know, or a current owner that is not on the roster
   * @throws IllegalStateException if the router has numbered 2^53 leads received, its last sequence
   *     number, or the rep chosen has received 2^31 - 1 leads this period (only a state restored at
   *     such numbers gets there)
   */
  public RouteDecision route(Lead lead) {
    requireNonNull(lead, "lead");
    int tier = core.tierRank(lead);
    RouterCore.Pending pending;
    synchronized (lock) {
      pending = core.route(lead, tier);
    }
    return pending.decision(); // the explanation is worded outside the lock
  }

  /**
   * Takes a lead out of the book (won, lost, deleted, handed over outside the router): its rep's
   * aggregates shrink. The period's ledger is not changed: the rep did receive it.
   *
   * @return the rep that held it, or empty if it was not in the book
   */
  public Optional<RepId> release(LeadId lead) {
    requireNonNull(lead, "lead");
    synchronized (lock) {
      return core.release(lead);
    }
  }

  /**
   * Adds a rep to the end of the roster. If it is available, its ledger starts as the policy's
   * {@link CatchUp} says; the other reps' ledgers are not touched.
   *
   * @throws IllegalArgumentException if a rep with that id is already on the roster, or it names a
   *     tier the policy does not know
   */
  public void addRep(Rep rep) {
    requireNonNull(rep, "rep");
    synchronized (lock) {
      core.addRep(rep);
    }
  }

  /**
   * Replaces a rep's definition (territory, capacity, weight, availability…), keeping its place in
   * the roster, its book and its ledger. A rep coming back from leave ({@code available} turning
   * {@code true}), or whose effective weight rises (a larger weight or share), is calibrated by the
   * policy's {@link CatchUp}; a weight change applies to the standing at once.
   *
   * @throws IllegalArgumentException if no rep with that id is on the roster
   */
  public void updateRep(Rep rep) {
    requireNonNull(rep, "rep");
    synchronized (lock) {
      core.updateRep(rep);
    }
  }

  /**
   * Starts a new ledger period (a day, a week, a month: the host decides): every rep's ledger and
   * new-lead count go back to zero. The book, and each rep's time since its last lead, are kept.
   */
  public void startPeriod() {
    synchronized (lock) {
      core.startPeriod();
    }
  }

  /** The number of the current ledger period, from 1. */
  public int period() {
    synchronized (lock) {
      return core.period;
    }
  }

  /** The rep that holds a lead, or empty if the lead is not in the book. */
  public Optional<RepId> ownerOf(LeadId lead) {
    requireNonNull(lead, "lead");
    synchronized (lock) {
      return core.ownerOf(lead);
    }
  }

  /** The number of leads in the book. */
  public int bookSize() {
    synchronized (lock) {
      return core.book.size();
    }
  }

  /**
   * The mean lead value that value units are scaled by (a lead of this value is 1000 units), or
   * empty while the router has not seen a positive value (see the builder's {@link
   * Builder#meanValue}).
   */
  public OptionalDouble meanValue() {
    synchronized (lock) {
      return Double.isNaN(core.meanValue)
          ? OptionalDouble.empty()
          : OptionalDouble.of(core.meanValue);
    }
  }

  /** The policy. */
  public Policy policy() {
    return core.policy;
  }

  /** Every rep's aggregates and ledger, consistent with each other, in roster order. */
  public List<RepSnapshot> snapshot() {
    synchronized (lock) {
      return core.snapshot();
    }
  }

  /**
   * The current book as a batch {@link Problem}: the roster, every lead in the book with its holder
   * as {@code currentOwner}, in the order they entered the book, and the period ledger (what each
   * rep received this period, and its credit), so that the batch counts this period's receipts
   * against the new-lead caps and in the receipts objective. Give it to an allocator with a policy
   * that allows rebalancing (e.g. {@code new Problem(rebalancing, p.reps(), p.leads())}) and adopt
   * the result with {@link #rebase(Allocation)}.
   */
  public Problem toProblem() {
    synchronized (lock) {
      return core.toProblem();
    }
  }

  /**
   * Adopts the result of a batch allocation of (an earlier) {@link #toProblem()}: each lead still
   * in the book moves to the owner the allocation gives it, or leaves the book if the allocation
   * left it unassigned. Leads routed since the problem was taken stay where they are, and leads
   * released since are not brought back. The ledger is kept: moves made by the batch are not leads
   * received.
   *
   * @return the number of leads whose owner changed (or that left the book)
   * @throws IllegalArgumentException if the allocation names a rep that is not on the roster
   */
  public int rebase(Allocation allocation) {
    requireNonNull(allocation, "allocation");
    synchronized (lock) {
      return core.rebase(allocation);
    }
  }

  /**
   * The router's whole state, consistent as of one moment: the settings, the roster with each rep's
   * ledger, and the book. The policy is not included: give it to {@link #restore}. To store it as
   * JSON, use {@code FairleadJson.writeRouter(router)}.
   *
   * <p>Routing goes on while a state is taken: the lock is held only to copy the ledger ({@code
   * O(reps)}) and to note where the book stands; the book's leads are read afterwards.
   */
  public RouterState state() {
    RouterCore.Capture capture;
    synchronized (lock) {
      capture = core.capture();
    }
    return capture.state();
  }

  /**
   * Builds a router from a state taken by {@link #state()}. Under the policy it was taken with, the
   * restored router makes exactly the decisions the original would have made.
   *
   * @throws IllegalArgumentException if the state does not fit the policy or is inconsistent (a
   *     book entry held by a rep not on the roster, a lead id twice, a tier the policy does not
   *     know, a last lead past the sequence), naming the rep or lead
   */
  public static LeadRouter restore(RouterState state, Policy policy) {
    requireNonNull(state, "state");
    requireNonNull(policy, "policy");
    return new LeadRouter(RouterCore.restore(state, policy));
  }

  /**
   * The score delta of giving the lead to the rep, as the batch's {@code
   * Assignment.softDeltaAssign} (for tests).
   */
  long scoreDelta(Lead lead, RepId rep) {
    synchronized (lock) {
      Integer r = core.repIndex.get(rep);
      checkArgument(r != null, "rep %s is not on the roster", rep);
      return core.scoreDelta(lead, r);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "LeadRouter["
          + core.n()
          + " reps, "
          + core.book.size()
          + " leads in the book, period "
          + core.period
          + ", catch-up "
          + core.policy.catchUp()
          + "]";
    }
  }

  /**
   * Builds a {@link LeadRouter}. The roster is required; everything else has a default. Setting one
   * option twice is an error; {@link #build()} validates and leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Policy policy;
    private final Set<String> set = new HashSet<>();
    private List<Rep> roster;
    private List<Lead> book = List.of();
    private double meanValue = Double.NaN;
    private double ledgerTolerance = 1.0;
    private io.fairlead.core.model.Ledger ledger = io.fairlead.core.model.Ledger.empty();

    private Builder(Policy policy) {
      this.policy = policy;
    }

    private void once(String option) {
      checkState(set.add(option), "router option '%s' is set twice", option);
    }

    /** The reps, in roster order (the last tie-break). Required, non-empty, unique ids. */
    public Builder roster(Collection<Rep> reps) {
      once("roster");
      requireNonNull(reps, "roster");
      checkArgument(!reps.isEmpty(), "roster: the roster is empty, at least one rep is needed");
      this.roster = List.copyOf(reps);
      return this;
    }

    /**
     * The leads already owned, each with its {@code currentOwner} on the roster. They count for
     * capacity and the score, not for the ledger. Default: an empty book.
     */
    public Builder book(Collection<Lead> ownedLeads) {
      once("book");
      requireNonNull(ownedLeads, "book");
      List<Lead> leads = List.copyOf(ownedLeads);
      for (Lead l : leads) {
        checkArgument(
            l.currentOwner().isPresent(),
            "book: lead %s has no currentOwner; the book holds owned leads only",
            l.id());
      }
      this.book = leads;
      return this;
    }

    /** The book as a batch allocation left it: every assigned lead with its owner. */
    public Builder book(Allocation allocation) {
      once("book");
      requireNonNull(allocation, "book");
      List<Lead> leads = new ArrayList<>();
      var byId = new java.util.HashMap<LeadId, Lead>();
      allocation.problem().leads().forEach(l -> byId.put(l.id(), l));
      for (LeadOutcome o : allocation.outcomes()) {
        if (o.status() == Status.UNASSIGNED) {
          continue;
        }
        Lead l = byId.get(o.lead());
        RepId owner = o.rep().orElseThrow();
        leads.add(
            l.currentOwner().equals(Optional.of(owner))
                ? l
                : l.toBuilder().currentOwner(owner.value()).build());
      }
      this.book = List.copyOf(leads);
      return this;
    }

    /**
     * The mean lead value (policy value basis) that scales values to units: a lead of this value is
     * 1000 units, and the value balance weighs against the count balance at that scale. Default:
     * the mean of the initial book; if the book is empty (or worth nothing), the value of the first
     * lead with a positive value the router sees. That choice never changes a decision already
     * made: until then every lead in the book is worth 0 at any scale. A representative mean given
     * here is better than one lead's value.
     */
    public Builder meanValue(double meanValue) {
      once("meanValue");
      checkArgument(
          meanValue > 0 && meanValue <= Lead.MAX_VALUE,
          "meanValue must be in (0, 1e15], was %s",
          meanValue);
      this.meanValue = meanValue;
      return this;
    }

    /**
     * How far ahead of the most due rep (in leads at weight 1) a rep may stand and still compete on
     * score. {@code 0}: strict weighted rotation, the score only breaks exact ties; larger values
     * let value and tier balance weigh more at the cost of looser count fairness within a period;
     * {@link Double#POSITIVE_INFINITY}: no ledger, pure greedy on the batch score. Default 1.
     */
    public Builder ledgerTolerance(double leads) {
      once("ledgerTolerance");
      checkArgument(
          !Double.isNaN(leads) && leads >= 0,
          "ledgerTolerance must be >= 0 (or +Infinity), was %s",
          leads);
      this.ledgerTolerance = leads;
      return this;
    }

    /**
     * What each rep received and is credited so far in the period (a book's ledger, or a batch's
     * {@code Allocation.ledger()}): the router goes on from there, as the batch would. Default: the
     * start of a period. Each entry's rep must be on the roster.
     */
    public Builder ledger(io.fairlead.core.model.Ledger ledger) {
      once("ledger");
      this.ledger = requireNonNull(ledger, "ledger");
      return this;
    }

    /**
     * Builds the router.
     *
     * @throws IllegalStateException if the roster is not set
     * @throws IllegalArgumentException if the roster or book is malformed (duplicate ids, an owner
     *     not on the roster, a tier the policy does not know), naming the record and field
     */
    public LeadRouter build() {
      checkState(roster != null, "roster: not set; a router needs at least one rep");
      Problem.of(policy, roster, book, ledger); // validates ids, owners, tiers and the ledger
      double mean = meanValue;
      if (Double.isNaN(mean)) {
        double total = 0;
        for (Lead l : book) {
          total += policy.valueOf(l);
        }
        mean = total > 0 ? total / book.size() : Double.NaN;
      }
      RouterCore core = new RouterCore(policy, mean, ledgerTolerance, roster);
      for (Lead l : book) {
        int owner = core.repIndex.get(l.currentOwner().orElseThrow());
        core.hold(l, owner, l.locked() ? Status.LOCKED : Status.KEPT);
      }
      for (io.fairlead.core.model.Ledger.Entry e : ledger.entries()) {
        core.loads.setLedger(core.repIndex.get(e.rep()), e.received(), e.credited());
      }
      return new LeadRouter(core);
    }
  }
}
