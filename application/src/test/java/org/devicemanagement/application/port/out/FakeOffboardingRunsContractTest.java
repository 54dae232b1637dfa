package org.devicemanagement.application.port.out;

import org.devicemanagement.application.fake.FakeOffboardingRuns;

/** The offboarding tests' fake store of runs keeps the contract the real stores keep. */
class FakeOffboardingRunsContractTest implements OffboardingRunsContract {

  @Override
  public OffboardingRuns emptyRuns() {
    return new FakeOffboardingRuns();
  }
}
