package org.devicemanagement.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.domain.CheckInOutcome;
import org.junit.jupiter.api.Test;

class CheckInSchedulerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Counts the runs it is asked for; the first {@code failures} of them throw. */
  private static final class CountingCheckIns implements CheckIns {
    final List<Instant> runsUntil = new CopyOnWriteArrayList<>();
    final CountDownLatch runs;
    private int failures;
    volatile int checkedInPerRun;

    CountingCheckIns(int expectedRuns, int failures) {
      this.runs = new CountDownLatch(expectedRuns);
      this.failures = failures;
    }

    @Override
    public void planCheckIns(Instant from) {}

    @Override
    public Optional<Instant> nextCheckIn() {
      return Optional.empty();
    }

    @Override
    public synchronized int runCheckInsDue(Instant until) {
      runsUntil.add(until);
      runs.countDown();
      if (failures > 0) {
        failures--;
        throw new IllegalStateException("broken run");
      }
      return checkedInPerRun;
    }

    @Override
    public Optional<CheckInOutcome> checkIn(String deviceId, Instant at) {
      return Optional.empty();
    }
  }

  @Test
  void givenSystemClock_whenSchedulerStarted_thenItRunsTheDueCheckInsAtTheClocksTime()
      throws InterruptedException {
    CountingCheckIns checkIns = new CountingCheckIns(1, 0);

    CheckInScheduler scheduler =
        CheckInScheduler.start(checkIns, Clock.fixed(NOW, ZoneOffset.UTC), () -> {});
    try {
      assertThat(checkIns.runs.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      scheduler.stop();
    }

    assertThat(checkIns.runsUntil).isNotEmpty().allSatisfy(at -> assertThat(at).isEqualTo(NOW));
  }

  @Test
  void givenRunThatFails_whenSchedulerRuns_thenItKeepsRunning() throws InterruptedException {
    CountingCheckIns checkIns = new CountingCheckIns(2, 1);

    CheckInScheduler scheduler =
        CheckInScheduler.start(checkIns, Clock.fixed(NOW, ZoneOffset.UTC), () -> {});
    try {
      assertThat(checkIns.runs.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      scheduler.stop();
    }
  }

  @Test
  void givenRunThatChecksDevicesIn_whenSchedulerRuns_thenItSaysSoAfterTheRun()
      throws InterruptedException {
    CountingCheckIns checkIns = new CountingCheckIns(1, 0);
    checkIns.checkedInPerRun = 2;
    CountDownLatch told = new CountDownLatch(1);

    CheckInScheduler scheduler =
        CheckInScheduler.start(checkIns, Clock.fixed(NOW, ZoneOffset.UTC), told::countDown);
    try {
      assertThat(told.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      scheduler.stop();
    }
  }
}
