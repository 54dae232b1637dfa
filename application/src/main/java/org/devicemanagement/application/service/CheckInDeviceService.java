package org.devicemanagement.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.port.in.CheckInDeviceUseCase;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.domain.CheckInOutcome;

/** Checks one device in at the emulator's time now. */
public final class CheckInDeviceService implements CheckInDeviceUseCase {

  private final CheckIns checkIns;
  private final Clock clock;

  /** A service checking devices of {@code checkIns} in at {@code clock}'s time. */
  public CheckInDeviceService(CheckIns checkIns, Clock clock) {
    this.checkIns = Objects.requireNonNull(checkIns, "checkIns");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CheckInOutcome checkInDevice(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    return checkIns
        .checkIn(deviceId, clock.instant().truncatedTo(ChronoUnit.MICROS))
        .orElseThrow(() -> new ManagedDeviceNotFoundException(deviceId));
  }
}
