package org.devicemanagement.bootstrap.config;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.devicemanagement.application.clock.VirtualClock;

/**
 * The emulator's clock ({@code serve --clock}): the system's, or a virtual one that moves only when
 * advanced. Tokens are checked against real time either way.
 */
public sealed interface ClockSetting permits ClockSetting.SystemTime, ClockSetting.Virtual {

  /** The system's UTC clock, the default. */
  static ClockSetting system() {
    return new SystemTime();
  }

  /** A virtual clock standing at {@code start} until advanced. */
  static ClockSetting virtual(Instant start) {
    return new Virtual(start, false);
  }

  /**
   * A virtual clock resuming where a durable store's clock was left, or standing at {@code
   * otherwise} when the store has none (or the tenant is in memory).
   */
  static ClockSetting virtualResuming(Instant otherwise) {
    return new Virtual(otherwise, true);
  }

  /**
   * Parses {@code --clock}'s value: {@code system}, {@code virtual} (resuming from a durable
   * store's saved instant, else standing at the real time of the start, to the second) or {@code
   * virtual=INSTANT} (ISO-8601, such as {@code 2026-01-01T00:00:00Z}).
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  static ClockSetting parse(String value, Clock realTime) {
    Objects.requireNonNull(value, "value");
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("system")) {
      return system();
    }
    if (lower.equals("virtual")) {
      return virtualResuming(realTime.instant().truncatedTo(ChronoUnit.SECONDS));
    }
    if (lower.startsWith("virtual=")) {
      String start = value.substring("virtual=".length());
      try {
        return virtual(Instant.parse(start));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'%s' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z".formatted(start), e);
      }
    }
    throw new IllegalArgumentException(
        "'%s' (expected system, virtual or virtual=2026-01-01T00:00:00Z)".formatted(value));
  }

  /** A new clock as this setting says. */
  Clock create();

  /** How the clock is described to a person. */
  String description();

  /** The system's clock. */
  record SystemTime() implements ClockSetting {
    @Override
    public Clock create() {
      return Clock.systemUTC();
    }

    @Override
    public String description() {
      return "system (devices check in as their intervals fall due)";
    }
  }

  /**
   * A virtual clock starting at {@code start}, truncated to the microsecond as Graph's dates are;
   * when {@code resumes}, a durable store's saved clock wins over {@code start}.
   */
  record Virtual(Instant start, boolean resumes) implements ClockSetting {
    /** Checks the start is present and truncates it. */
    public Virtual {
      start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Clock create() {
      return new VirtualClock(start);
    }

    @Override
    public String description() {
      return "virtual, standing at %s until advanced (POST /_emulator/clock/advance)"
          .formatted(start);
    }
  }
}
