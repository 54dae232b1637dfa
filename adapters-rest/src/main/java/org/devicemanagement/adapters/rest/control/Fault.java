package org.devicemanagement.adapters.rest.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.devicemanagement.adapters.rest.error.ApiError;
import org.devicemanagement.adapters.rest.error.ErrorResponse;

/**
 * One fault set through the control API: which requests it matches, the error it answers them with
 * (after an optional delay), and how often: a number of times, with a probability, or every time
 * until removed.
 */
final class Fault {

  private final String id;
  private final Optional<String> method;
  private final PathGlob path;
  private final ErrorResponse answer;
  private final Optional<BigDecimal> retryAfter;
  private final long delayMillis;
  private final OptionalInt times;
  private final OptionalDouble probability;
  private final AtomicInteger remaining;
  private final AtomicLong answered = new AtomicLong();

  Fault(
      String id,
      Optional<String> method,
      PathGlob path,
      int status,
      String code,
      String message,
      Optional<BigDecimal> retryAfter,
      long delayMillis,
      OptionalInt times,
      OptionalDouble probability) {
    this.id = Objects.requireNonNull(id, "id");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.delayMillis = delayMillis;
    this.times = Objects.requireNonNull(times, "times");
    this.probability = Objects.requireNonNull(probability, "probability");
    ErrorResponse response = ErrorResponse.of(status, ApiError.of(code, message));
    this.answer =
        retryAfter
            .map(seconds -> response.withHeader("Retry-After", seconds.toPlainString()))
            .orElse(response);
    this.remaining = new AtomicInteger(times.orElse(-1));
  }

  String id() {
    return id;
  }

  Optional<String> method() {
    return method;
  }

  PathGlob path() {
    return path;
  }

  ErrorResponse answer() {
    return answer;
  }

  Optional<BigDecimal> retryAfter() {
    return retryAfter;
  }

  long delayMillis() {
    return delayMillis;
  }

  OptionalDouble probability() {
    return probability;
  }

  /** How many more requests it answers, when it was set for a number of times. */
  OptionalInt remaining() {
    return times.isPresent() ? OptionalInt.of(Math.max(0, remaining.get())) : OptionalInt.empty();
  }

  /** How many requests it has answered. */
  long answered() {
    return answered.get();
  }

  /** Whether it matches a request with {@code requestMethod} to the decoded {@code segments}. */
  boolean matches(String requestMethod, List<String> segments) {
    return (method.isEmpty() || method.get().equalsIgnoreCase(requestMethod))
        && path.matches(segments);
  }

  /**
   * Decides whether it answers a request it matches, taking one of its times when it has a number
   * of them (never more than that many, however many requests race).
   */
  boolean fire() {
    if (probability.isPresent()
        && ThreadLocalRandom.current().nextDouble() >= probability.getAsDouble()) {
      return false;
    }
    if (times.isPresent()) {
      int left;
      do {
        left = remaining.get();
        if (left <= 0) {
          return false;
        }
      } while (!remaining.compareAndSet(left, left - 1));
    }
    answered.incrementAndGet();
    return true;
  }

  /** Whether it has used up its times. */
  boolean exhausted() {
    return times.isPresent() && remaining.get() <= 0;
  }
}
