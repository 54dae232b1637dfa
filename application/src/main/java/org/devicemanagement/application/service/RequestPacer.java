package org.devicemanagement.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.devicemanagement.application.offboarding.IntuneLimits;
import org.devicemanagement.application.offboarding.Pause;

/**
 * Keeps an offboarding run's calls under Intune's limits before the tenant has to refuse them: a
 * sliding log of what was sent in the last window (plus a margin), and a time before which nothing
 * is sent (a {@code Retry-After} or a backoff).
 *
 * <p>A sliding window is stricter than the fixed windows Intune and the emulator count in: no
 * interval of the window's length ever holds more than the limit, whatever the server's window
 * boundaries.
 */
final class RequestPacer {

  /** The longest single sleep, so that a stop request is heard within it. */
  private static final Duration SLICE = Duration.ofMillis(200);

  private final IntuneLimits limits;
  private final Clock clock;
  private final Pause pause;
  private final Deque<Sent> log = new ArrayDeque<>();
  private int writesInLog;
  private int requestsInLog;
  private Instant notBefore = Instant.MIN;

  RequestPacer(IntuneLimits limits, Clock clock, Pause pause) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /**
   * Counts calls sent before this pacer existed (by an earlier process of the same run), so that a
   * resumed run does not burst into a window the tenant still counts as full; {@code sent} holds
   * the instants of single writes, in any order.
   */
  void alreadySent(List<Instant> sent) {
    Instant horizon = clock.instant().minus(limits.window()).minus(limits.margin());
    List<Instant> recent = sent.stream().filter(at -> at.isAfter(horizon)).sorted().toList();
    for (Instant at : recent) {
      log.addLast(new Sent(at, 1, 1));
      writesInLog++;
      requestsInLog++;
    }
  }

  /** Sends nothing before {@code instant} (kept if a later time is already set). */
  void holdUntil(Instant instant) {
    if (instant.isAfter(notBefore)) {
      notBefore = instant;
    }
  }

  /** How long until a call of {@code writes} writes and {@code requests} requests may go. */
  Duration waitFor(int writes, int requests) {
    Instant now = clock.instant();
    forgetBefore(now.minus(limits.window()).minus(limits.margin()));
    Instant ready = notBefore.isAfter(now) ? notBefore : now;
    int w = writesInLog;
    int r = requestsInLog;
    for (Sent sent : log) {
      if (w + writes <= limits.writesPerWindow() && r + requests <= limits.requestsPerWindow()) {
        break;
      }
      w -= sent.writes();
      r -= sent.requests();
      Instant free = sent.at().plus(limits.window()).plus(limits.margin());
      if (free.isAfter(ready)) {
        ready = free;
      }
    }
    return Duration.between(now, ready);
  }

  /**
   * Waits until a call of {@code writes} writes among {@code requests} requests may go, and counts
   * it as sent then.
   *
   * @return false if {@code stop} asked to stop while waiting (nothing counted)
   */
  boolean acquire(int writes, int requests, BooleanSupplier stop) throws InterruptedException {
    if (writes > limits.writesPerWindow() || requests > limits.requestsPerWindow()) {
      throw new IllegalArgumentException(
          "a call of %d writes and %d requests can never go under %s"
              .formatted(writes, requests, limits));
    }
    for (Duration wait = waitFor(writes, requests);
        !wait.isZero() && !wait.isNegative();
        wait = waitFor(writes, requests)) {
      if (stop.getAsBoolean()) {
        return false;
      }
      pause.sleep(wait.compareTo(SLICE) > 0 ? SLICE : wait);
    }
    if (stop.getAsBoolean()) {
      return false;
    }
    Sent sent = new Sent(clock.instant(), writes, requests);
    log.addLast(sent);
    writesInLog += writes;
    requestsInLog += requests;
    return true;
  }

  private void forgetBefore(Instant horizon) {
    while (!log.isEmpty() && !log.peekFirst().at().isAfter(horizon)) {
      Sent gone = log.removeFirst();
      writesInLog -= gone.writes();
      requestsInLog -= gone.requests();
    }
  }

  /** One call as counted: when it went, its writes and its requests. */
  private record Sent(Instant at, int writes, int requests) {}
}
