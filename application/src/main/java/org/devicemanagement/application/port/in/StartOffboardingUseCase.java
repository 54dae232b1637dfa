package org.devicemanagement.application.port.in;

import org.devicemanagement.application.offboarding.OffboardingReport;

/** Offboards a list of users: retires all devices of each, recording a resumable run. */
public interface StartOffboardingUseCase {

  /**
   * Creates a run for the users and works on it until every user ended, the tenant's daily retire
   * limit stops it, a failure no retry cures stops it, or the listener asks it to stop; every step
   * is recorded before the next, so a resume continues where it stopped.
   */
  OffboardingReport start(StartOffboardingCommand command);
}
