package org.devicemanagement.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.ClockMode;
import org.devicemanagement.application.port.in.ClockReading;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.application.port.out.CheckIns;

/** Reads the emulator's clock and, when it is virtual, moves it, running the check-ins due. */
public final class EmulatorClockService implements EmulatorClockUseCase {

  private final Clock clock;
  private final CheckIns checkIns;

  /**
   * A service over {@code clock} (a {@link VirtualClock} can be advanced) and the tenant's
   * check-ins.
   */
  public EmulatorClockService(Clock clock, CheckIns checkIns) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checkIns = Objects.requireNonNull(checkIns, "checkIns");
  }

  @Override
  public ClockReading readClock() {
    return new ClockReading(
        clock.instant(), clock instanceof VirtualClock ? ClockMode.VIRTUAL : ClockMode.SYSTEM);
  }

  @Override
  public ClockReading advanceClock(Duration by) {
    Objects.requireNonNull(by, "by");
    if (!(clock instanceof VirtualClock virtual)) {
      throw new InvalidRequestException(
          "The emulator runs on the system clock, which cannot be advanced;"
              + " start it with --clock virtual to move time by hand.");
    }
    if (by.isNegative()) {
      throw new InvalidRequestException(
          "The clock only moves forward; '%s' is negative.".formatted(by));
    }
    if (by.compareTo(MAX_ADVANCE) > 0) {
      throw new InvalidRequestException(
          "The clock moves at most %s at a time; '%s' is longer.".formatted(MAX_ADVANCE, by));
    }
    return new ClockReading(virtual.advance(by, checkIns::runCheckInsDue), ClockMode.VIRTUAL);
  }
}
