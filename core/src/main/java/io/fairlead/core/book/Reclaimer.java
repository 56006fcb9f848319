package io.fairlead.core.book;

import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Policy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Which idle customers go back to the pool today, and which owners are warned: a pure function of
 * the customers (with their activity), the lifecycle's {@link Lifecycle.Reclaim rules} and the day.
 * Recording its steps makes a second plan for the same day empty, so reclaiming is idempotent.
 *
 * <p>A customer of a tier with a rule is <em>due</em> on the earliest day a clause gives: {@code
 * noFollowUpDays} after its last activity (or the day it got its owner, if later), {@code
 * noDealDays} after its last deal (or the day it got its owner). It is reclaimed on or after that
 * day, and warned {@code warnDays} before (once per due day). Never reclaimed: customers in the
 * pool, locked or pinned ones, those held by a cover, and those whose owner is on leave today
 * (their clock waits for the owner).
 */
final class Reclaimer {

  /** One step of the plan: an event to record. */
  record Step(BookEvent.Kind kind, Change change, String reason, String rule) {}

  private Reclaimer() {}

  static List<Step> plan(
      List<Customer> customers,
      BiFunction<RepId, LocalDate, Optional<Rep>> repOn,
      Policy policy,
      Lifecycle lifecycle,
      LocalDate today,
      ZoneId zone) {
    List<Step> out = new ArrayList<>();
    for (Customer c : customers) {
      if (c.pooled() || c.lead().locked() || c.coveredFor().isPresent()) {
        continue;
      }
      Tier tier = policy.tierOf(c.lead());
      Lifecycle.Reclaim rule = lifecycle.reclaim().get(tier);
      if (rule == null) {
        continue;
      }
      RepId owner = c.owner().orElseThrow();
      Optional<Rep> rep = repOn.apply(owner, today);
      if (rep.isEmpty() || !rep.get().available()) {
        continue;
      }
      Due due = due(c, rule, zone);
      if (!today.isBefore(due.day)) {
        out.add(
            new Step(
                BookEvent.Kind.RECLAIMED,
                new Change.Pooled(c.id(), today.plusDays(lifecycle.coolDownDays())),
                owner + " " + due.why + " (tier " + tier + " rule: " + due.clause + ")",
                due.rule));
      } else if (rule.warnDays() > 0
          && !today.isBefore(due.day.minusDays(rule.warnDays()))
          && !c.warnedFor().equals(Optional.of(due.day))) {
        out.add(
            new Step(
                BookEvent.Kind.WARNED,
                new Change.Warned(c.id(), due.day),
                "goes back to the pool on "
                    + due.day
                    + " unless "
                    + owner
                    + " works it: "
                    + owner
                    + " "
                    + due.why,
                due.rule));
      }
    }
    return out;
  }

  /** The day a customer is due, and why. */
  private record Due(LocalDate day, String why, String clause, String rule) {}

  private static Due due(Customer c, Lifecycle.Reclaim rule, ZoneId zone) {
    LocalDate since = day(c.since(), zone);
    Due best = null;
    if (rule.noFollowUpDays() > 0) {
      LocalDate last = c.lastTouched().map(t -> day(t, zone)).filter(since::isBefore).orElse(since);
      best =
          new Due(
              last.plusDays(rule.noFollowUpDays()),
              (c.lastTouched().isPresent() && !last.equals(since)
                  ? "has not followed it up since " + last
                  : "has not followed it up since getting it on " + since),
              "no follow-up in " + rule.noFollowUpDays() + " days",
              "reclaim:no-follow-up");
    }
    if (rule.noDealDays() > 0) {
      LocalDate last = c.lastDeal().map(t -> day(t, zone)).filter(since::isBefore).orElse(since);
      Due deal =
          new Due(
              last.plusDays(rule.noDealDays()),
              (c.lastDeal().isPresent() && !last.equals(since)
                  ? "has made no deal with it since " + last
                  : "has made no deal with it since getting it on " + since),
              "no deal in " + rule.noDealDays() + " days",
              "reclaim:no-deal");
      if (best == null || deal.day.isBefore(best.day)) {
        best = deal;
      }
    }
    return best;
  }

  private static LocalDate day(java.time.Instant at, ZoneId zone) {
    return LocalDate.ofInstant(at, zone);
  }
}
