package org.devicemanagement.application.port.in;

import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.domain.RetireAllOutcome;

/**
 * Retires all of a user's devices from management (Graph's {@code removeAllDevicesFromManagement}),
 * recording every call of an authenticated caller, answered or refused, in the audit trail.
 */
public interface RemoveAllDevicesFromManagementUseCase {

  /**
   * Checks the caller's permission, finds the user and applies the retire-all rule to every device
   * of the user, atomically, recording the call's audit event with it; a refusal is recorded too,
   * then thrown.
   *
   * @return each device of the user before and after, and the call's audit
   */
  RetireAllResult retireAll(RemoveAllDevicesFromManagementCommand command);

  /**
   * {@link #retireAll} for callers that need only the devices.
   *
   * @return each device of the user before and after
   */
  default RetireAllOutcome removeAllDevicesFromManagement(
      RemoveAllDevicesFromManagementCommand command) {
    return retireAll(command).outcome();
  }

  /**
   * Records that {@code command} was refused with {@code failure} before it reached this use case
   * (such as by the emulator's throttling), and gives the failure back for the caller to throw.
   */
  DeviceManagementException refused(
      RemoveAllDevicesFromManagementCommand command, DeviceManagementException failure);
}
