package org.devicemanagement.application.offboarding;

import java.time.Duration;

/** How a run waits: for real in production, by moving a test clock in tests. */
@FunctionalInterface
public interface Pause {

  /** Waits for real. */
  Pause SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
