package org.devicemanagement.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A UTC clock standing still until a test moves it, forwards or back (tests of every module). */
public final class MovableClock extends Clock {

  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public MovableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  /** Moves the clock by {@code by} (negative goes back). */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a movable test clock stays in UTC");
  }
}
