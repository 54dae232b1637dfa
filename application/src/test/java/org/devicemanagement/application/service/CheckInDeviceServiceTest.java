package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.domain.CheckInOutcome;
import org.devicemanagement.domain.CheckInRule;
import org.devicemanagement.domain.ManagedDevice;
import org.junit.jupiter.api.Test;

class CheckInDeviceServiceTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.1234567Z");

  /** Holds one device, checked in by the domain's rule. */
  private static final class OneDevice implements CheckIns {
    final ManagedDevice device = ManagedDevice.builder("dev-1", "").build();

    @Override
    public void planCheckIns(Instant from) {}

    @Override
    public Optional<Instant> nextCheckIn() {
      return Optional.empty();
    }

    @Override
    public int runCheckInsDue(Instant until) {
      return 0;
    }

    @Override
    public Optional<CheckInOutcome> checkIn(String deviceId, Instant at) {
      return deviceId.equalsIgnoreCase(device.id())
          ? Optional.of(CheckInRule.applyTo(device, at))
          : Optional.empty();
    }
  }

  @Test
  void givenDevice_whenCheckedIn_thenAtTheClocksTimeToTheMicrosecond() {
    CheckInDeviceService service =
        new CheckInDeviceService(new OneDevice(), Clock.fixed(NOW, ZoneOffset.UTC));

    CheckInOutcome outcome = service.checkInDevice("DEV-1");

    assertThat(outcome.after().lastSyncDateTime())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    assertThat(outcome.leftIntune()).isFalse();
  }

  @Test
  void givenUnknownDevice_whenCheckedIn_thenDeviceNotFound() {
    CheckInDeviceService service =
        new CheckInDeviceService(new OneDevice(), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> service.checkInDevice("nope"))
        .isInstanceOf(ManagedDeviceNotFoundException.class);
  }
}
