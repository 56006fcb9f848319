package io.fairlead.core.book;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import java.time.LocalDate;

/**
 * What one {@link BookEvent} changed. Each kind is a small record; a book's state is the result of
 * applying its events' changes in order, so replaying the log rebuilds it exactly.
 *
 * @since 0.1.0
 */
public sealed interface Change {

  /** A short stable name of the kind, as the JSON and the audit summary use it. */
  String kind();

  /**
   * A rep joins the roster (or rejoins it after leaving).
   *
   * @param rep its definition
   */
  record RepJoined(Rep rep) implements Change {
    public RepJoined {
      requireNonNull(rep, "rep");
    }

    @Override
    public String kind() {
      return "rep-joined";
    }
  }

  /**
   * A rep's definition changes (territory, capacity, weight...).
   *
   * @param rep its new definition
   */
  record RepChanged(Rep rep) implements Change {
    public RepChanged {
      requireNonNull(rep, "rep");
    }

    @Override
    public String kind() {
      return "rep-changed";
    }
  }

  /**
   * A rep leaves the roster. Its customers must have left it first (moved or pooled).
   *
   * @param rep the rep
   */
  record RepLeft(RepId rep) implements Change {
    public RepLeft {
      requireNonNull(rep, "rep");
    }

    @Override
    public String kind() {
      return "rep-left";
    }
  }

  /**
   * A rep's capacity over a span of days: leave (0), part time, ramping up (0.5), full (1).
   *
   * @param rep the rep
   * @param from the first day
   * @param to the last day (inclusive)
   * @param share the share of its full capacity and of its share of new leads, in [0, 1]
   */
  record Availability(RepId rep, LocalDate from, LocalDate to, double share) implements Change {
    public Availability {
      requireNonNull(rep, "rep");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "rep " + rep + ": availability ends (" + to + ") before it starts (" + from + ")");
      }
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "rep " + rep + ": availability share must be in [0, 1], was " + share);
      }
    }

    @Override
    public String kind() {
      return "availability";
    }
  }

  /**
   * A customer or lead enters the book, without an owner (in the pool) unless an event that follows
   * gives it one.
   *
   * @param lead its record (its {@code currentOwner} is ignored: ownership is the book's)
   */
  record LeadAdded(Lead lead) implements Change {
    public LeadAdded {
      requireNonNull(lead, "lead");
    }

    @Override
    public String kind() {
      return "lead-added";
    }
  }

  /**
   * A customer's record changes (its value, tier, attributes...), not its owner.
   *
   * @param lead its new record
   */
  record LeadUpdated(Lead lead) implements Change {
    public LeadUpdated {
      requireNonNull(lead, "lead");
    }

    @Override
    public String kind() {
      return "lead-updated";
    }
  }

  /**
   * A customer gets an owner, or a new one. What brought it about is the event's {@link
   * BookEvent#how()}: assigned by an allocator or the router, kept, moved, claimed by the rep,
   * overridden by a manager, covered or handed back.
   *
   * @param lead the customer
   * @param to its owner from now on
   */
  record Owned(LeadId lead, RepId to) implements Change {
    public Owned {
      requireNonNull(lead, "lead");
      requireNonNull(to, "to");
    }

    @Override
    public String kind() {
      return "owned";
    }
  }

  /**
   * A customer loses its owner and goes to the pool: released by the rep, reclaimed by a rule,
   * pooled when its owner left. The previous owner may not claim it again before {@code
   * coolDownUntil}.
   *
   * @param lead the customer
   * @param coolDownUntil the first day its previous owner may claim it again (the day itself when
   *     there is no cool-down)
   */
  record Pooled(LeadId lead, LocalDate coolDownUntil) implements Change {
    public Pooled {
      requireNonNull(lead, "lead");
      requireNonNull(coolDownUntil, "coolDownUntil");
    }

    @Override
    public String kind() {
      return "pooled";
    }
  }

  /**
   * A customer is worked: a follow-up or a deal. Activity protects a customer from being reclaimed.
   *
   * @param lead the customer
   * @param activity what happened
   */
  record Touched(LeadId lead, Activity activity) implements Change {
    public Touched {
      requireNonNull(lead, "lead");
      requireNonNull(activity, "activity");
    }

    @Override
    public String kind() {
      return "touched";
    }
  }

  /**
   * A duplicate of a customer (the same company, by its entity keys) is folded into it: it is not
   * lost, it is recorded here and answers to the customer it joined.
   *
   * @param duplicate the lead that was a duplicate
   * @param into the customer it joins
   */
  record Merged(Lead duplicate, LeadId into) implements Change {
    public Merged {
      requireNonNull(duplicate, "duplicate");
      requireNonNull(into, "into");
    }

    @Override
    public String kind() {
      return "merged";
    }
  }

  /**
   * A manager's pin on a customer is lifted: rules may move it again.
   *
   * @param lead the customer
   */
  record Unpinned(LeadId lead) implements Change {
    public Unpinned {
      requireNonNull(lead, "lead");
    }

    @Override
    public String kind() {
      return "unpinned";
    }
  }

  /**
   * A rep's ledger credit in the current period is set by the policy's catch-up: when it joins,
   * comes back from leave or works more of full time (see {@code CatchUp}).
   *
   * @param rep the rep
   * @param credited what the ledger counts for it from now on in this period, finite and {@code >=
   *     0}
   */
  record Calibrated(RepId rep, double credited) implements Change {
    public Calibrated {
      requireNonNull(rep, "rep");
      if (!(credited >= 0 && credited <= io.fairlead.core.model.Ledger.MAX_CREDITED)) {
        throw new IllegalArgumentException(
            "rep " + rep + ": credited must be finite and in [0, 2^53], was " + credited);
      }
    }

    @Override
    public String kind() {
      return "calibrated";
    }
  }

  /**
   * The book's day begins: the lifecycle's rules run once for it.
   *
   * @param day the day
   */
  record DayStarted(LocalDate day) implements Change {
    public DayStarted {
      requireNonNull(day, "day");
    }

    @Override
    public String kind() {
      return "day-started";
    }
  }

  /**
   * A customer leaves the book (deleted, or no longer a customer).
   *
   * @param lead the customer
   */
  record Removed(LeadId lead) implements Change {
    public Removed {
      requireNonNull(lead, "lead");
    }

    @Override
    public String kind() {
      return "removed";
    }
  }

  /**
   * A warning that a customer will be reclaimed on a day unless it is worked before.
   *
   * @param lead the customer
   * @param on the day it will be reclaimed
   */
  record Warned(LeadId lead, LocalDate on) implements Change {
    public Warned {
      requireNonNull(lead, "lead");
      requireNonNull(on, "on");
    }

    @Override
    public String kind() {
      return "warned";
    }
  }
}
