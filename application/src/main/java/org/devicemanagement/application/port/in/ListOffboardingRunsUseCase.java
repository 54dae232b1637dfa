package org.devicemanagement.application.port.in;

import java.util.List;
import org.devicemanagement.application.offboarding.OffboardingRun;

/** Lists the offboarding runs kept in the store. */
public interface ListOffboardingRunsUseCase {

  /** Every run, newest first, with where it stands. */
  List<OffboardingRun> listRuns();
}
