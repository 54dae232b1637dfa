package org.devicemanagement.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.devicemanagement.application.port.in.CheckInDeviceUseCase;
import org.devicemanagement.application.port.in.ClockMode;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;

/**
 * The emulator's clock as a test sees it: its time, and for a virtual clock ({@link
 * GraphEmulator#withVirtualClock}) a way to move it, running every check-in that falls due.
 */
public final class EmulatorClock {

  private final EmulatorClockUseCase clock;
  private final CheckInDeviceUseCase checkIns;

  EmulatorClock(EmulatorClockUseCase clock, CheckInDeviceUseCase checkIns) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checkIns = Objects.requireNonNull(checkIns, "checkIns");
  }

  /** The emulator's time now. */
  public Instant now() {
    return clock.readClock().now();
  }

  /** Whether the clock is virtual (moves only when advanced). */
  public boolean isVirtual() {
    return clock.readClock().mode() == ClockMode.VIRTUAL;
  }

  /**
   * Moves a virtual clock forward by {@code by}; every device check-in that falls due runs, in time
   * order, before this returns (a retired device leaves the tenant at its first check-in).
   *
   * @return the time after the move
   * @throws org.devicemanagement.application.failure.InvalidRequestException with the system clock
   */
  public Instant advance(Duration by) {
    return clock.advanceClock(by).now();
  }

  /** Checks the device {@code deviceId} in now, outside its schedule. */
  public void checkIn(String deviceId) {
    checkIns.checkInDevice(deviceId);
  }
}
