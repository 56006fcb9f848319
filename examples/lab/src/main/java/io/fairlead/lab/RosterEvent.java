package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A change of the team on a day of a scenario, mapped onto what a {@code Book} offers: a hire
 * ({@code addRep}), leave or part time ({@code setAvailability}), a departure ({@code removeRep},
 * its customers redistributed by the lifecycle's departure rule), a capacity or weight change
 * ({@code changeRep}).
 *
 * <pre>{@code
 * RosterEvent.hire(day(10), Rep.builder("nova").regions("East").build());
 * RosterEvent.leave(RepId.of("ana"), day(21), day(34));
 * RosterEvent.departure(day(60), RepId.of("moses"));
 * }</pre>
 *
 * @param day the day it takes effect (the first day of leave or part time)
 * @param kind what changes
 * @param rep the rep it is about
 * @param hire the rep who joins, for {@link Kind#HIRE} only
 * @param until the last day of leave or part time, for {@link Kind#LEAVE} and {@link
 *     Kind#AVAILABILITY} only
 * @param amount the share of full time ({@link Kind#AVAILABILITY}, in {@code (0, 1]}), the new
 *     capacity ({@link Kind#CAPACITY}, a whole number {@code >= 0}) or weight ({@link Kind#WEIGHT},
 *     finite and {@code > 0}); 0 otherwise
 * @since 0.1.0
 */
public record RosterEvent(
    LocalDate day,
    Kind kind,
    RepId rep,
    Optional<Rep> hire,
    Optional<LocalDate> until,
    double amount) {

  /**
   * What changes.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** A rep joins the team. */
    HIRE,
    /** A rep is on leave from {@code day} to {@code until}: it takes nothing new. */
    LEAVE,
    /** A rep works a share of full time from {@code day} to {@code until} (ramping up...). */
    AVAILABILITY,
    /** A rep leaves the team; its customers are redistributed or pooled. */
    DEPARTURE,
    /** A rep's capacity changes. */
    CAPACITY,
    /** A rep's weight changes. */
    WEIGHT
  }

  public RosterEvent {
    requireNonNull(day, "roster event: day");
    requireNonNull(kind, "roster event: kind");
    requireNonNull(rep, "roster event: rep");
    requireNonNull(hire, "roster event: hire");
    requireNonNull(until, "roster event: until");
    String what = "roster event " + kind.name().toLowerCase(java.util.Locale.ROOT) + " of " + rep;
    check(hire.isPresent() == (kind == Kind.HIRE), what + ": a hire, and only a hire, names a Rep");
    hire.ifPresent(r -> check(r.id().equals(rep), what + ": the hired rep's id is " + r.id()));
    boolean span = kind == Kind.LEAVE || kind == Kind.AVAILABILITY;
    check(
        until.isPresent() == span, what + ": leave and availability, and only they, end on a day");
    until.ifPresent(u -> check(!u.isBefore(day), what + ": ends on " + u + ", before " + day));
    switch (kind) {
      case AVAILABILITY ->
          check(amount > 0 && amount <= 1, what + ": share must be in (0, 1], was " + amount);
      case CAPACITY ->
          check(
              amount >= 0 && amount == Math.rint(amount) && amount <= Integer.MAX_VALUE,
              what + ": capacity must be a whole number >= 0, was " + amount);
      case WEIGHT ->
          check(
              Double.isFinite(amount) && amount > 0,
              what + ": weight must be finite and > 0, was " + amount);
      default -> check(amount == 0, what + ": takes no amount, was " + amount);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A rep joins the team on a day. */
  public static RosterEvent hire(LocalDate day, Rep rep) {
    requireNonNull(rep, "roster event: hire");
    return new RosterEvent(day, Kind.HIRE, rep.id(), Optional.of(rep), Optional.empty(), 0);
  }

  /** A rep is on leave from {@code from} to {@code to}, both included. */
  public static RosterEvent leave(RepId rep, LocalDate from, LocalDate to) {
    return new RosterEvent(from, Kind.LEAVE, rep, Optional.empty(), Optional.of(to), 0);
  }

  /** A rep works {@code share} of full time from {@code from} to {@code to} (a ramp-up). */
  public static RosterEvent availability(RepId rep, LocalDate from, LocalDate to, double share) {
    return new RosterEvent(from, Kind.AVAILABILITY, rep, Optional.empty(), Optional.of(to), share);
  }

  /** A rep leaves the team on a day. */
  public static RosterEvent departure(LocalDate day, RepId rep) {
    return new RosterEvent(day, Kind.DEPARTURE, rep, Optional.empty(), Optional.empty(), 0);
  }

  /** A rep's capacity becomes {@code capacity} on a day. */
  public static RosterEvent capacity(LocalDate day, RepId rep, int capacity) {
    return new RosterEvent(day, Kind.CAPACITY, rep, Optional.empty(), Optional.empty(), capacity);
  }

  /** A rep's weight becomes {@code weight} on a day. */
  public static RosterEvent weight(LocalDate day, RepId rep, double weight) {
    return new RosterEvent(day, Kind.WEIGHT, rep, Optional.empty(), Optional.empty(), weight);
  }
}
