package org.devicemanagement.application.port.in;

import java.time.Duration;

/** Reads the emulator's clock and moves a virtual one (the control API). */
public interface EmulatorClockUseCase {

  /** The emulator's time now and its clock's mode. */
  ClockReading readClock();

  /**
   * Moves a virtual clock forward by {@code by}, running every check-in that falls due on the way,
   * in time order, before it returns.
   *
   * @return the clock after the move
   * @throws org.devicemanagement.application.failure.InvalidRequestException if the clock is the
   *     system clock, or {@code by} is negative or longer than {@link #MAX_ADVANCE}
   */
  ClockReading advanceClock(Duration by);

  /** The longest single advance: a year and a day. */
  Duration MAX_ADVANCE = Duration.ofDays(366);
}
