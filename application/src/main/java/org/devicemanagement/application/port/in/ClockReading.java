package org.devicemanagement.application.port.in;

import java.time.Instant;
import java.util.Objects;

/** The emulator's time and the kind of clock that tells it. */
public record ClockReading(Instant now, ClockMode mode) {

  /** Checks that both parts are present. */
  public ClockReading {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(mode, "mode");
  }
}
