package io.fairlead.core.book;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Rep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A rep in a {@link Book}: its definition, when it joined (and left), and its calendar. Immutable.
 *
 * @param rep its definition
 * @param joined when it (last) joined
 * @param left when it left, if it has
 * @param calendar its availability spans, in the order they were set (a later span wins on the days
 *     it covers)
 * @since 0.1.0
 */
public record RosterEntry(
    Rep rep, Instant joined, Optional<Instant> left, List<Change.Availability> calendar) {

  public RosterEntry {
    requireNonNull(rep, "rep");
    requireNonNull(joined, "joined");
    requireNonNull(left, "left");
    calendar = List.copyOf(calendar);
  }

  /** Whether it is on the roster (joined and not left). */
  public boolean active() {
    return left.isEmpty();
  }

  /**
   * Its calendar's share of a full day on a day: 0 on leave, between 0 and 1 part time or ramping
   * up, 1 when the calendar says nothing; 0 after it left. The rep's own {@link Rep#share()}
   * multiplies it (see {@link #repOn(LocalDate)}).
   */
  public double share(LocalDate day) {
    if (!active()) {
      return 0;
    }
    double share = 1;
    for (Change.Availability a : calendar) {
      if (!day.isBefore(a.from()) && !day.isAfter(a.to())) {
        share = a.share();
      }
    }
    return share;
  }

  /**
   * The rep as a problem of that day takes it: unavailable on a day its calendar gives 0, else its
   * share of full time times the calendar's (at least {@link Rep#MIN_SHARE}).
   */
  public Rep repOn(LocalDate day) {
    double s = share(day);
    if (s == 0) {
      return rep.available() ? rep.toBuilder().available(false).build() : rep;
    }
    if (s == 1) {
      return rep;
    }
    return rep.toBuilder().share(Math.max(Rep.MIN_SHARE, rep.share() * s)).build();
  }
}
