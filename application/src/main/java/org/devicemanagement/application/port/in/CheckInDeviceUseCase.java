package org.devicemanagement.application.port.in;

import org.devicemanagement.domain.CheckInOutcome;

/** Makes one device check in now, outside its schedule (the control API). */
public interface CheckInDeviceUseCase {

  /**
   * Checks the device {@code deviceId} (compared ignoring case) in at the emulator's time now; a
   * device being retired completes its retire and leaves the tenant.
   *
   * @throws org.devicemanagement.application.failure.ManagedDeviceNotFoundException if there is
   *     none
   */
  CheckInOutcome checkInDevice(String deviceId);
}
