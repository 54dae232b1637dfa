package org.devicemanagement.adapters.memory;

import org.devicemanagement.application.port.out.OffboardingRuns;
import org.devicemanagement.application.port.out.OffboardingRunsContract;

/** Runs the offboarding runs' contract against the in-memory runs. */
class InMemoryOffboardingRunsContractTest implements OffboardingRunsContract {

  @Override
  public OffboardingRuns emptyRuns() {
    return new InMemoryOffboardingRuns();
  }
}
