package org.devicemanagement.application.port.in;

import org.devicemanagement.application.offboarding.OffboardingPreview;

/** Shows what offboarding a list of users would do, changing nothing. */
public interface PreviewOffboardingUseCase {

  /**
   * Reads each user's devices (in batches, under Intune's limits) and applies the retire-all rule
   * to them in memory.
   *
   * @throws org.devicemanagement.application.failure.DeviceManagementException if the tenant cannot
   *     be read at all (the token is rejected, it is unreachable)
   */
  OffboardingPreview preview(PreviewOffboardingCommand command);
}
