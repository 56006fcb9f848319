package io.fairlead.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves; it starts at 09:00 UTC of a day. */
public final class TestClock extends Clock {

  private volatile Instant now;

  public TestClock(LocalDate day) {
    this.now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
