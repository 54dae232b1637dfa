package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.ClockMode;
import org.devicemanagement.application.port.in.ClockReading;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.domain.CheckInOutcome;
import org.junit.jupiter.api.Test;

class EmulatorClockServiceTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Records the instants check-ins were run until. */
  private static final class RecordingCheckIns implements CheckIns {
    final List<Instant> runsUntil = new ArrayList<>();

    @Override
    public void planCheckIns(Instant from) {}

    @Override
    public Optional<Instant> nextCheckIn() {
      return Optional.empty();
    }

    @Override
    public int runCheckInsDue(Instant until) {
      runsUntil.add(until);
      return 0;
    }

    @Override
    public Optional<CheckInOutcome> checkIn(String deviceId, Instant at) {
      return Optional.empty();
    }
  }

  @Test
  void givenVirtualClock_whenAdvanced_thenDueCheckInsRunUntilTheNewTime() {
    RecordingCheckIns checkIns = new RecordingCheckIns();
    EmulatorClockService service = new EmulatorClockService(new VirtualClock(START), checkIns);

    ClockReading reading = service.advanceClock(Duration.ofHours(8));

    assertThat(reading).isEqualTo(new ClockReading(START.plusSeconds(8 * 3600), ClockMode.VIRTUAL));
    assertThat(checkIns.runsUntil).containsExactly(reading.now());
    assertThat(service.readClock()).isEqualTo(reading);
  }

  @Test
  void givenSystemClock_whenAdvanced_thenInvalidRequestAndNothingRuns() {
    RecordingCheckIns checkIns = new RecordingCheckIns();
    EmulatorClockService service =
        new EmulatorClockService(Clock.fixed(START, ZoneOffset.UTC), checkIns);

    assertThatThrownBy(() -> service.advanceClock(Duration.ofHours(1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("--clock virtual");
    assertThat(service.readClock().mode()).isEqualTo(ClockMode.SYSTEM);
    assertThat(checkIns.runsUntil).isEmpty();
  }

  @Test
  void givenVirtualClock_whenAdvancedBackwardsOrTooFar_thenInvalidRequestAndClockStays() {
    EmulatorClockService service =
        new EmulatorClockService(new VirtualClock(START), new RecordingCheckIns());

    assertThatThrownBy(() -> service.advanceClock(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.advanceClock(Duration.ofDays(367)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(service.readClock().now()).isEqualTo(START);
  }
}
