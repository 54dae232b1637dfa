package org.devicemanagement.bootstrap.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.port.out.CheckIns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tenant's check-ins as they fall due on a system clock: one daemon thread that sleeps
 * until the next planned check-in (at most {@link #MAX_SLEEP}, so that plans made meanwhile are
 * seen soon) and runs what is due. Started and stopped by the server, never by a Guice module; a
 * virtual clock needs none, as advancing it runs the check-ins.
 */
final class CheckInScheduler {

  /** The longest the thread sleeps before looking at the plans again. */
  static final Duration MAX_SLEEP = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(CheckInScheduler.class);

  private final CheckIns checkIns;
  private final Clock clock;
  private final Runnable afterCheckIns;
  private final Thread thread;
  private volatile boolean running = true;

  private CheckInScheduler(CheckIns checkIns, Clock clock, Runnable afterCheckIns) {
    this.checkIns = checkIns;
    this.clock = clock;
    this.afterCheckIns = afterCheckIns;
    this.thread = new Thread(this::run, "device-management-check-ins");
    thread.setDaemon(true);
  }

  /**
   * Starts running {@code checkIns} as they fall due on {@code clock}, calling {@code
   * afterCheckIns} after each run that checked a device in.
   */
  static CheckInScheduler start(CheckIns checkIns, Clock clock, Runnable afterCheckIns) {
    CheckInScheduler scheduler =
        new CheckInScheduler(
            Objects.requireNonNull(checkIns, "checkIns"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(afterCheckIns, "afterCheckIns"));
    scheduler.thread.start();
    return scheduler;
  }

  /** Stops the thread and waits for a run in progress to finish. */
  void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      try {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (checkIns.runCheckInsDue(now) > 0) {
          afterCheckIns.run();
        }
        Optional<Instant> next = checkIns.nextCheckIn();
        Duration sleep =
            next.map(at -> Duration.between(clock.instant(), at))
                .filter(wait -> wait.compareTo(MAX_SLEEP) < 0)
                .orElse(MAX_SLEEP);
        if (!sleep.isNegative() && !sleep.isZero()) {
          Thread.sleep(Math.max(1, sleep.toMillis()));
        }
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (RuntimeException e) {
        if (!running) {
          // Stopping interrupts a run waiting for the store: not a failure.
          return;
        }
        // A failing run must not end the lifecycle; the next one tries again.
        LOG.warn("Running the due check-ins failed: {}", e.toString());
        sleepAfterFailure();
      }
    }
  }

  private void sleepAfterFailure() {
    try {
      Thread.sleep(MAX_SLEEP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
