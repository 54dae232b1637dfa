package org.devicemanagement.application.offboarding;

import java.time.Instant;
import java.util.Objects;

/**
 * One offboarding run as its store keeps it: what it works on, where it stands, and its counts.
 *
 * @param id the run's id, given to {@code --resume}
 * @param createdAt when the run was created
 * @param updatedAt when the run last changed
 * @param target where the run sends its calls (Graph's base URL)
 * @param source where its users came from (the users file), for the operator
 * @param status where the run stands
 * @param detail why it stopped, in words ("" while running or completed)
 * @param counts how many users ended how, and the devices retired
 */
public record OffboardingRun(
    String id,
    Instant createdAt,
    Instant updatedAt,
    String target,
    String source,
    RunStatus status,
    String detail,
    OutcomeCounts counts) {

  /** Checks that every field is present. */
  public OffboardingRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(counts, "counts");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a run's id must not be blank");
    }
  }

  /** This run with {@code newStatus} and {@code why}, changed at {@code at}. */
  public OffboardingRun withStatus(RunStatus newStatus, String why, Instant at) {
    return new OffboardingRun(id, createdAt, at, target, source, newStatus, why, counts);
  }

  /** This run with {@code newCounts}. */
  public OffboardingRun withCounts(OutcomeCounts newCounts) {
    return new OffboardingRun(id, createdAt, updatedAt, target, source, status, detail, newCounts);
  }
}
