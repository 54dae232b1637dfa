package org.devicemanagement.adapters.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The one instant the tests live at: tokens are valid then, and the services date actions then. */
final class TestTime {

  static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestTime() {}

  /** A clock standing at {@link #NOW} until a test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now = NOW;

    void set(Instant instant) {
      now = instant;
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
}
