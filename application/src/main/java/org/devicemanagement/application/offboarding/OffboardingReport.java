package org.devicemanagement.application.offboarding;

import java.util.List;
import java.util.Objects;

/**
 * Where a run stands after working on it: the run (status, why it stopped, counts) and every user.
 */
public record OffboardingReport(OffboardingRun run, List<UserProgress> users) {

  /** Checks that the run is present and copies the users. */
  public OffboardingReport {
    Objects.requireNonNull(run, "run");
    users = List.copyOf(users);
  }
}
