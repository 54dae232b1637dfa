package org.devicemanagement.application.port.in;

import org.devicemanagement.domain.RetireAllOutcome;

/**
 * Retires all of a user's devices from management (Graph's {@code removeAllDevicesFromManagement}).
 */
public interface RemoveAllDevicesFromManagementUseCase {

  /**
   * Checks the caller's permission, finds the user and applies the retire-all rule to every device
   * of the user, atomically.
   *
   * @return each device of the user before and after
   */
  RetireAllOutcome removeAllDevicesFromManagement(RemoveAllDevicesFromManagementCommand command);
}
