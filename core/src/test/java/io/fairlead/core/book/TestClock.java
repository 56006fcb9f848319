package io.fairlead.core.book;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: the book's only source of time. */
final class TestClock extends Clock {

  private final ZoneId zone;
  private Instant now;

  TestClock(LocalDate day) {
    this(day.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private TestClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves to 09:00 of a day (forward or back). */
  TestClock day(LocalDate day) {
    now = day.atTime(9, 0).atZone(zone).toInstant();
    return this;
  }

  /** Moves forward. */
  TestClock plus(Duration d) {
    now = now.plus(d);
    return this;
  }

  /** Moves forward a number of days. */
  TestClock plusDays(long days) {
    return plus(Duration.ofDays(days));
  }

  LocalDate today() {
    return LocalDate.ofInstant(now, zone);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
