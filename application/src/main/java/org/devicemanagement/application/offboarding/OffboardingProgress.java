package org.devicemanagement.application.offboarding;

import java.time.Duration;
import java.util.Objects;

/**
 * A run's progress as it works, for a progress bar or log lines.
 *
 * @param runId the run's id
 * @param counts how its users stand
 * @param endedThisSession users ended since this start or resume
 * @param retireAllsSent retire-alls sent since this start or resume (retries included)
 * @param throttled answers asking to wait (429, 503, 504) seen since this start or resume
 * @param elapsed time since this start or resume
 * @param waiting how long the run now waits before its next call (zero when it does not)
 */
public record OffboardingProgress(
    String runId,
    OutcomeCounts counts,
    int endedThisSession,
    long retireAllsSent,
    long throttled,
    Duration elapsed,
    Duration waiting) {

  /** Checks that every field is present. */
  public OffboardingProgress {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(waiting, "waiting");
  }
}
