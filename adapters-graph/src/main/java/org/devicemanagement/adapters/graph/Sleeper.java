package org.devicemanagement.adapters.graph;

import java.time.Duration;

/** Waits between two attempts; tests replace it so that they never wait. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> {
        if (duration.isNegative() || duration.isZero()) {
          return;
        }
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      };

  /** Waits for {@code duration}; a zero duration returns at once. */
  void sleep(Duration duration) throws InterruptedException;
}
