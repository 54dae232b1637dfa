package org.devicemanagement.adapters.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The one instant the tests live at: tokens are valid then, and the services date actions then. */
final class TestTime {

  static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestTime() {}
}
