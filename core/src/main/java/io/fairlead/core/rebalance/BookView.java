package io.fairlead.core.rebalance;

import static com.google.common.base.Preconditions.checkArgument;

import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A book as the rebalancer sees it: a problem of the book's owned customers in which those that
 * must not move are locked to their owners, owners may change, and moving costs nothing in the
 * score (the move budget takes the place of the continuity cost). Its allocations, metrics and
 * bounds are then exactly about what a rebalance may do: the bounds speak about every book the
 * allowed moves can reach.
 */
final class BookView {

  /** The book as given. */
  final Problem book;

  /** The rebalancing view: owned leads, immovable ones locked, rebalancing on, continuity 0. */
  final Problem problem;

  final ProblemIndex index;

  /**
   * When each lead of the view was last touched ({@code null} for never or unknown), or {@code
   * null} if the host does not say.
   */
  final Instant[] touched;

  /** Owned customers that may move. */
  final int movable;

  /** Why the others stay, with how many: locked, held back by the host, top tier. */
  final Map<String, Integer> heldBack;

  /** The book's leads without an owner, left alone, in input order. */
  final List<LeadId> unowned;

  private BookView(
      Problem book,
      Problem problem,
      Instant[] touched,
      int movable,
      Map<String, Integer> heldBack,
      List<LeadId> unowned) {
    this.book = book;
    this.problem = problem;
    this.index = ProblemIndex.of(problem.policy(), problem.reps(), problem.leads());
    this.touched = touched;
    this.movable = movable;
    this.heldBack = heldBack;
    this.unowned = List.copyOf(unowned);
  }

  static BookView of(
      Problem book,
      Predicate<? super Lead> mustNotMove,
      Function<? super Lead, Optional<Instant>> lastTouched,
      boolean moveTopTier) {
    // lastTouched: null when the host gives none.
    Policy policy = book.policy();
    Tier top = policy.tiers().top();
    List<Lead> leads = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    List<LeadId> unowned = new ArrayList<>();
    Map<String, Integer> heldBack = new LinkedHashMap<>();
    heldBack.put(LOCKED, 0);
    heldBack.put(MUST_NOT_MOVE, 0);
    heldBack.put(TOP_TIER, 0);
    int movable = 0;
    for (Lead lead : book.leads()) {
      if (lead.currentOwner().isEmpty()) {
        unowned.add(lead.id());
        continue;
      }
      if (lastTouched != null) {
        Optional<Instant> t = lastTouched.apply(lead);
        checkArgument(
            t != null,
            "lead %s: lastTouched returned null; return Optional.empty() for never or unknown",
            lead.id());
        times.add(t.orElse(null));
      }
      String stays = null;
      if (lead.locked()) {
        stays = LOCKED;
      } else if (mustNotMove.test(lead)) {
        stays = MUST_NOT_MOVE;
      } else if (!moveTopTier && policy.tierOf(lead).equals(top) && policy.tiers().size() > 1) {
        stays = TOP_TIER;
      }
      if (stays == null) {
        movable++;
        leads.add(lead);
      } else {
        heldBack.merge(stays, 1, Integer::sum);
        leads.add(lead.locked() ? lead : lead.toBuilder().locked(true).build());
      }
    }
    Problem view = Problem.of(rebalancing(policy), book.reps(), leads, book.ledger());
    Instant[] touched = lastTouched == null ? null : times.toArray(Instant[]::new);
    return new BookView(book, view, touched, movable, heldBack, unowned);
  }

  /** Locked by the host. */
  static final String LOCKED = "locked";

  /** Held back by the host's predicate. */
  static final String MUST_NOT_MOVE = "must not move";

  /** In the policy's top tier, which stays unless allowed to move. */
  static final String TOP_TIER = "top tier";

  /** The policy with owners movable and no cost per move (the budget is the cost). */
  static Policy rebalancing(Policy p) {
    Map<Objective, Double> weights = new EnumMap<>(p.weights());
    weights.put(Objective.CONTINUITY, 0.0);
    return withWeights(p, weights);
  }

  /** The policy balancing counts alone: the objective of the exact count optimum. */
  static Policy countsOnly(Policy p) {
    Map<Objective, Double> weights = new EnumMap<>(Objective.class);
    for (Objective o : Objective.values()) {
      weights.put(o, o == Objective.COUNT ? 1.0 : 0.0);
    }
    return withWeights(p, weights);
  }

  private static Policy withWeights(Policy p, Map<Objective, Double> weights) {
    return new Policy(
        p.tiers(),
        p.tierRule(),
        p.hardRules(),
        weights,
        p.tierWeights(),
        true,
        p.valueBasis(),
        p.minWeight(),
        p.maxWeight(),
        p.catchUp(),
        p.customRules());
  }

  /** The same view under another policy (same leads and reps, same locks). */
  BookView withPolicy(Policy policy) {
    return new BookView(
        book,
        Problem.of(policy, problem.reps(), problem.leads(), problem.ledger()),
        touched,
        movable,
        heldBack,
        unowned);
  }

  /** The current owner of every lead of the view. */
  Map<LeadId, RepId> owners() {
    Map<LeadId, RepId> out = new LinkedHashMap<>();
    for (Lead l : problem.leads()) {
      out.put(l.id(), l.currentOwner().orElseThrow());
    }
    return out;
  }
}
