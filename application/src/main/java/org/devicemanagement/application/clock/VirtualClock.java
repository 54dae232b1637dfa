package org.devicemanagement.application.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A UTC clock that moves only when told ({@link #advance}); thread-safe. Moves and resets are
 * serialized by the clock's lock, and the work given to them runs under it, so check-ins that fall
 * due during a move run before anyone else moves the clock.
 */
public final class VirtualClock extends Clock {

  private final Instant start;
  private final Consumer<Instant> moved;
  private final Object lock = new Object();
  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public VirtualClock(Instant start) {
    this(start, start, instant -> {});
  }

  /**
   * A clock started at {@code start} (where {@link #reset} takes it back) and standing at {@code
   * now}, such as one resumed from where a previous run left it, which tells {@code moved} every
   * instant it moves to, under its lock, before it stands there (to keep that instant).
   */
  public VirtualClock(Instant start, Instant now, Consumer<Instant> moved) {
    this.start = Objects.requireNonNull(start, "start");
    this.now = Objects.requireNonNull(now, "now");
    this.moved = Objects.requireNonNull(moved, "moved");
  }

  /** Where the clock started, and where {@link #reset} takes it back to. */
  public Instant start() {
    return start;
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
    Objects.requireNonNull(zone, "zone");
    VirtualClock self = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return self.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }
    };
  }

  /**
   * Moves the clock forward by {@code by}: under the clock's lock, first gives {@code dueUntil} the
   * instant the clock is moving to (to run what falls due until then), then stands there.
   *
   * @return the new time
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public Instant advance(Duration by, Consumer<Instant> dueUntil) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(dueUntil, "dueUntil");
    if (by.isNegative()) {
      throw new IllegalArgumentException("a virtual clock only moves forward, not by " + by);
    }
    synchronized (lock) {
      Instant target = now.plus(by);
      dueUntil.accept(target);
      moved.accept(target);
      now = target;
      return target;
    }
  }

  /**
   * Takes the clock back to its start and, under the clock's lock, gives {@code atStart} that
   * instant (to reset what depends on the clock).
   */
  public void reset(Consumer<Instant> atStart) {
    Objects.requireNonNull(atStart, "atStart");
    synchronized (lock) {
      moved.accept(start);
      now = start;
      atStart.accept(start);
    }
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now + "]";
  }
}
