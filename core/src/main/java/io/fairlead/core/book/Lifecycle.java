package io.fairlead.core.book;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Tier;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a book over time: the public pool (claims and their cool-down), reclaiming idle
 * customers, ownership conflicts (撞单), departures and long leave. The {@link
 * io.fairlead.core.policy.Policy} says who may own what and what is fair; the lifecycle says when
 * ownership ends and how it passes on.
 *
 * <pre>{@code
 * Lifecycle lifecycle = Lifecycle.builder()
 *     .claimsPerDay(3)
 *     .coolDownDays(30)
 *     .reclaim("A", Lifecycle.Reclaim.after(30, 120).warning(5))
 *     .reclaim("B", Lifecycle.Reclaim.after(14, 60).warning(3))
 *     .conflicts(Lifecycle.Conflicts.firstTouchWins(14).protect("A"))
 *     .departure(Lifecycle.Departure.REDISTRIBUTE)
 *     .coverAfterDays(10)
 *     .build();
 * }</pre>
 *
 * <p>{@link #defaults()}: 5 claims a rep per day, a 30-day cool-down, no reclaiming (a team turns
 * it on per tier), the owner keeps a duplicate, a leaving rep's customers are redistributed by the
 * policy, a leave of 14 days or more hands the rep's customers to covers until it returns, and the
 * ledger counts per calendar month.
 *
 * <p>Immutable and thread-safe.
 *
 * @param claimsPerDay the most customers a rep may claim from the pool on one day, {@code >= 0}
 * @param coolDownDays the days a rep may not own a customer again after giving it back or losing it
 *     to the pool, {@code >= 0}
 * @param reclaim when an idle customer of each tier goes back to the pool; a tier without an entry
 *     is never reclaimed
 * @param conflicts what happens when a new lead is a customer already in the book
 * @param departure what happens to the customers of a rep who leaves the team
 * @param coverAfterDays a leave of at least this many days hands the rep's customers to covers
 *     until it returns; {@code 0}: customers wait for their owner, however long the leave
 * @param period the ledger's period
 * @since 0.1.0
 */
public record Lifecycle(
    int claimsPerDay,
    int coolDownDays,
    Map<Tier, Reclaim> reclaim,
    Conflicts conflicts,
    Departure departure,
    int coverAfterDays,
    Period period) {

  /**
   * The span of a ledger period: what each rep received is counted per period, for the new-lead
   * caps and the fair share of new leads, and starts again at zero in the next.
   *
   * @since 0.1.0
   */
  public enum Period {
    /** Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter. */
    QUARTER;

    /** The first day of the period that holds the day. */
    public java.time.LocalDate start(java.time.LocalDate day) {
      return switch (this) {
        case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
        case MONTH -> day.withDayOfMonth(1);
        case QUARTER -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
      };
    }
  }

  /** The most days any lifecycle rule counts: ten years. */
  public static final int MAX_DAYS = 3650;

  private static final Lifecycle DEFAULTS = builder().build();

  public Lifecycle {
    checkArgument(
        claimsPerDay >= 0 && claimsPerDay <= 10_000,
        "lifecycle: claimsPerDay must be in [0, 10000], was %s",
        claimsPerDay);
    checkDays("coolDownDays", coolDownDays);
    requireNonNull(reclaim, "lifecycle: reclaim");
    reclaim = Collections.unmodifiableMap(new LinkedHashMap<>(reclaim));
    requireNonNull(conflicts, "lifecycle: conflicts");
    requireNonNull(departure, "lifecycle: departure");
    checkDays("coverAfterDays", coverAfterDays);
    requireNonNull(period, "lifecycle: period");
  }

  private static void checkDays(String field, int days) {
    checkArgument(
        days >= 0 && days <= MAX_DAYS, "lifecycle: %s must be in [0, 3650], was %s", field, days);
  }

  /** The defaults (see the class comment). */
  public static Lifecycle defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * When an owned customer that nobody works goes back to the pool. The customer is due on the
   * earliest day a clause gives: {@code noFollowUpDays} after it was last worked (or got its
   * owner), or {@code noDealDays} after its last deal (or got its owner). So follow-ups extend the
   * owner's protection, up to the hard maximum of {@code noDealDays} without a deal. Locked and
   * pinned customers are never reclaimed.
   *
   * @param noFollowUpDays days without any activity; {@code 0} turns the clause off
   * @param noDealDays days without a deal; {@code 0} turns the clause off
   * @param warnDays the owner is warned this many days before the customer is due; {@code 0}: no
   *     warning
   * @since 0.1.0
   */
  public record Reclaim(int noFollowUpDays, int noDealDays, int warnDays) {

    public Reclaim {
      checkDays("reclaim noFollowUpDays", noFollowUpDays);
      checkDays("reclaim noDealDays", noDealDays);
      checkArgument(
          noFollowUpDays > 0 || noDealDays > 0,
          "lifecycle: a reclaim rule needs noFollowUpDays or noDealDays above 0");
      int shortest =
          noFollowUpDays == 0
              ? noDealDays
              : noDealDays == 0 ? noFollowUpDays : Math.min(noFollowUpDays, noDealDays);
      checkArgument(
          warnDays >= 0 && warnDays < shortest,
          "lifecycle: reclaim warnDays must be in [0, %s) (shorter than the rule), was %s",
          shortest,
          warnDays);
    }

    /** Reclaims after so many days without a follow-up, or without a deal ({@code 0}: off). */
    public static Reclaim after(int noFollowUpDays, int noDealDays) {
      return new Reclaim(noFollowUpDays, noDealDays, 0);
    }

    /** The same rule with a warning so many days before. */
    public Reclaim warning(int days) {
      return new Reclaim(noFollowUpDays, noDealDays, days);
    }
  }

  /**
   * The rule for a new lead that is a customer already in the book (the same company by its entity
   * keys).
   *
   * @since 0.1.0
   */
  public enum ConflictRule {
    /** The existing owner keeps the customer (continuity); the lead is merged into it. */
    OWNER_KEEPS,
    /**
     * The owner keeps the customer only if it worked it within the window; otherwise the rep who
     * brought the lead (its {@code currentOwner}) takes it, if the rulebook lets it.
     */
    FIRST_TOUCH_WINS
  }

  /**
   * How ownership conflicts are decided.
   *
   * @param rule the rule
   * @param touchWindowDays for {@link ConflictRule#FIRST_TOUCH_WINS}: the days within which the
   *     owner's last activity still counts
   * @param protectedTiers customers of these tiers are never taken by a conflict, whatever the
   *     rule; nor are locked or pinned customers
   * @since 0.1.0
   */
  public record Conflicts(ConflictRule rule, int touchWindowDays, Set<Tier> protectedTiers) {

    public Conflicts {
      requireNonNull(rule, "lifecycle: conflicts rule");
      checkDays("conflicts touchWindowDays", touchWindowDays);
      checkArgument(
          rule == ConflictRule.FIRST_TOUCH_WINS || touchWindowDays == 0,
          "lifecycle: conflicts touchWindowDays is for FIRST_TOUCH_WINS only, was %s",
          touchWindowDays);
      protectedTiers = Set.copyOf(protectedTiers);
    }

    /** The owner keeps its customer. */
    public static Conflicts ownerKeeps() {
      return new Conflicts(ConflictRule.OWNER_KEEPS, 0, Set.of());
    }

    /** The owner keeps it only if it worked it within {@code days}. */
    public static Conflicts firstTouchWins(int days) {
      checkArgument(days > 0, "lifecycle: conflicts touchWindowDays must be > 0, was %s", days);
      return new Conflicts(ConflictRule.FIRST_TOUCH_WINS, days, Set.of());
    }

    /** The same rule, with customers of these tiers never taken. */
    public Conflicts protect(String... tiers) {
      Set<Tier> s = new HashSet<>(protectedTiers);
      for (String t : tiers) {
        s.add(Tier.of(t));
      }
      return new Conflicts(rule, touchWindowDays, s);
    }
  }

  /**
   * What happens to the customers of a rep who leaves.
   *
   * @since 0.1.0
   */
  public enum Departure {
    /** They are distributed among the team by the policy, as new leads are. */
    REDISTRIBUTE,
    /** They go to the pool, for reps to claim. */
    POOL
  }

  /**
   * Builds a {@link Lifecycle} from the defaults. Setting an option twice is an error; {@link
   * #build()} leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Set<String> set = new HashSet<>();
    private int claimsPerDay = 5;
    private int coolDownDays = 30;
    private final Map<Tier, Reclaim> reclaim = new LinkedHashMap<>();
    private Conflicts conflicts = Conflicts.ownerKeeps();
    private Departure departure = Departure.REDISTRIBUTE;
    private int coverAfterDays = 14;
    private Period period = Period.MONTH;

    private Builder() {}

    private void once(String option) {
      checkState(set.add(option), "lifecycle option '%s' is set twice", option);
    }

    /** The most claims a rep may make on one day. Default 5. */
    public Builder claimsPerDay(int claims) {
      once("claimsPerDay");
      this.claimsPerDay = claims;
      return this;
    }

    /** The days before a rep may own a customer again after it left it. Default 30. */
    public Builder coolDownDays(int days) {
      once("coolDownDays");
      this.coolDownDays = days;
      return this;
    }

    /** Reclaims idle customers of a tier. Default: none. */
    public Builder reclaim(String tier, Reclaim rule) {
      once("reclaim " + tier);
      reclaim.put(Tier.of(tier), requireNonNull(rule, "reclaim rule"));
      return this;
    }

    /** How conflicts are decided. Default: the owner keeps. */
    public Builder conflicts(Conflicts conflicts) {
      once("conflicts");
      this.conflicts = requireNonNull(conflicts, "conflicts");
      return this;
    }

    /** What happens to a leaving rep's customers. Default: redistributed. */
    public Builder departure(Departure departure) {
      once("departure");
      this.departure = requireNonNull(departure, "departure");
      return this;
    }

    /** Covers for a leave of at least so many days ({@code 0}: never). Default 14. */
    public Builder coverAfterDays(int days) {
      once("coverAfterDays");
      this.coverAfterDays = days;
      return this;
    }

    /** The ledger's period. Default a calendar month. */
    public Builder period(Period period) {
      once("period");
      this.period = requireNonNull(period, "period");
      return this;
    }

    public Lifecycle build() {
      return new Lifecycle(
          claimsPerDay, coolDownDays, reclaim, conflicts, departure, coverAfterDays, period);
    }
  }
}
