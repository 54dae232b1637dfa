package org.devicemanagement.application.port.in;

import org.devicemanagement.application.offboarding.OffboardingReport;

/** Continues an offboarding run where it stopped; a user already ended is never sent again. */
public interface ResumeOffboardingUseCase {

  /**
   * Works on the run's pending users as {@link StartOffboardingUseCase#start} does; a user whose
   * retire-all was sent without a recorded answer (a crash) is read first, and ends done without a
   * second call when the tenant shows it took effect.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException if there is no run
   *     with the id
   */
  OffboardingReport resume(ResumeOffboardingCommand command);
}
