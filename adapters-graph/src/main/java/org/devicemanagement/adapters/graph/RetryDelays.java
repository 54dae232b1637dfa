package org.devicemanagement.adapters.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * How long to wait before the next attempt: Graph's {@code Retry-After}, else backoff with full
 * jitter.
 */
final class RetryDelays {

  private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");
  // Anything longer is capped anyway; clamping first keeps the nanosecond count within a long.
  private static final BigDecimal LONGEST_SECONDS = BigDecimal.valueOf(1_000_000_000L);
  private static final int MAX_DOUBLINGS = 30;

  private final Duration initialBackoff;
  private final Duration maxDelay;
  private final RandomGenerator random;

  RetryDelays(Duration initialBackoff, Duration maxDelay, RandomGenerator random) {
    this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Reads a {@code Retry-After} value: delay-seconds (Graph may send a fraction, "1.5") or an HTTP
   * date (RFC 1123), relative to {@code now}; a date in the past is zero. Anything else is empty.
   */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String text = value.strip();
    if (SECONDS.matcher(text).matches()) {
      BigDecimal seconds = new BigDecimal(text).min(LONGEST_SECONDS);
      return Optional.of(
          Duration.ofNanos(
              seconds.movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact()));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The wait before retry number {@code retry} (1 for the first): Graph's {@code retryAfter} when
   * it gave one, else a random fraction of {@code initialBackoff * 2^(retry-1)}; capped at the max
   * delay.
   */
  Duration before(int retry, Optional<Duration> retryAfter) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, was %d".formatted(retry));
    }
    Duration wait = retryAfter.orElseGet(() -> jittered(retry));
    return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
  }

  private Duration jittered(int retry) {
    Duration step = initialBackoff;
    for (int i = 1; i < retry && i < MAX_DOUBLINGS && step.compareTo(maxDelay) < 0; i++) {
      step = step.multipliedBy(2);
    }
    long ceiling = Math.min(step.toNanos(), maxDelay.toNanos());
    // Full jitter (AWS architecture blog): uniform in [0, ceiling), spreading clients apart.
    return Duration.ofNanos((long) (random.nextDouble() * ceiling));
  }
}
