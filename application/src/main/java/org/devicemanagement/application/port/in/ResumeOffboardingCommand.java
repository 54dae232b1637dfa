package org.devicemanagement.application.port.in;

import java.util.Objects;
import org.devicemanagement.application.offboarding.OffboardingListener;

/**
 * The run to resume and who hears the progress.
 *
 * @param runId the run's id
 * @param listener hears the progress and may ask the run to stop
 */
public record ResumeOffboardingCommand(String runId, OffboardingListener listener) {

  /** Checks that every field is present. */
  public ResumeOffboardingCommand {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(listener, "listener");
  }
}
