package org.devicemanagement.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.devicemanagement.domain.CheckInOutcome;

/**
 * The tenant's devices checking in on their schedules, each at its own check-in interval (an
 * emulator-only port: a real tenant's devices check in by themselves).
 */
public interface CheckIns {

  /**
   * Forgets every planned check-in and plans each device's next one a check-in interval after
   * {@code from}; devices that never check in get none.
   */
  void planCheckIns(Instant from);

  /** When the earliest planned check-in falls due; empty when no device will check in. */
  Optional<Instant> nextCheckIn();

  /**
   * Runs every planned check-in due at or before {@code until}, in time order, each at its own
   * planned instant, and plans each device's next one; a device whose retire completes leaves the
   * tenant and is planned no more, and the completion is recorded in the same tenant's {@link
   * AuditTrail} ({@link org.devicemanagement.application.audit.AuditEvents#retireCompleted}) in the
   * same atomic step.
   *
   * @return how many check-ins ran
   */
  int runCheckInsDue(Instant until);

  /**
   * Checks the device {@code deviceId} (compared ignoring case) in at {@code at}, outside its
   * schedule, which stays as it was; a retire it completes is recorded as {@link #runCheckInsDue}
   * records it.
   *
   * @return what the check-in did; empty when there is no such device
   */
  Optional<CheckInOutcome> checkIn(String deviceId, Instant at);
}
