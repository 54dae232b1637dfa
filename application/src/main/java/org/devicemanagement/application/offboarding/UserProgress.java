package org.devicemanagement.application.offboarding;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one user of an offboarding run stands: as the users file named them, and what became of
 * them so far.
 *
 * @param position the user's place in the run, from 0, in the order of the file
 * @param line the line of the users file that named the user (1 for the first)
 * @param user the user as named: an object id or a sign-in name
 * @param outcome how the user ended, or {@link UserOutcome#PENDING}
 * @param plannedDevices how many devices the retire-all was expected to change when it was last
 *     sent (0 before)
 * @param sentAt when a retire-all for the user was last sent; present on a pending user means an
 *     answer may have been lost (a crash), which a resume checks before sending again
 * @param devicesRetired how many devices the user's retire-all changed (done users)
 * @param devicesLeftAlone how many of the user's devices retire-all leaves as they are (already
 *     retiring, or under a wipe or delete)
 * @param httpStatus the status of Graph's last answer about the user (0 when none)
 * @param graphCode Graph's error code ("" when none)
 * @param message why the user ended so, in words ("" for done)
 * @param requestId Graph's {@code request-id} of its last answer ("" when none)
 * @param attempts how many times a retire-all for the user was sent
 * @param finishedAt when the user ended (empty while pending)
 */
public record UserProgress(
    int position,
    int line,
    String user,
    UserOutcome outcome,
    int plannedDevices,
    Optional<Instant> sentAt,
    int devicesRetired,
    int devicesLeftAlone,
    int httpStatus,
    String graphCode,
    String message,
    String requestId,
    int attempts,
    Optional<Instant> finishedAt) {

  /** Checks that every field is present and no count is negative. */
  public UserProgress {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(graphCode, "graphCode");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (position < 0
        || line < 1
        || plannedDevices < 0
        || devicesRetired < 0
        || devicesLeftAlone < 0
        || httpStatus < 0
        || attempts < 0) {
      throw new IllegalArgumentException(
          "user %s at position %d, line %d has a negative count".formatted(user, position, line));
    }
    if (outcome.ended() != finishedAt.isPresent()) {
      throw new IllegalArgumentException(
          "user %s is %s but finishedAt is %s"
              .formatted(
                  user, outcome.wireName(), finishedAt.map(Instant::toString).orElse("empty")));
    }
  }

  /** A user of a new run: pending, never sent. */
  public static UserProgress pending(int position, OffboardingUser user) {
    return new UserProgress(
        position,
        user.line(),
        user.user(),
        UserOutcome.PENDING,
        0,
        Optional.empty(),
        0,
        0,
        0,
        "",
        "",
        "",
        0,
        Optional.empty());
  }

  /** This user, marked as sent at {@code at} expecting {@code planned} devices to change. */
  public UserProgress sending(int planned, int leftAlone, Instant at) {
    return new UserProgress(
        position,
        line,
        user,
        UserOutcome.PENDING,
        planned,
        Optional.of(at),
        0,
        leftAlone,
        httpStatus,
        graphCode,
        message,
        requestId,
        attempts + 1,
        Optional.empty());
  }

  /** This user, ended as {@code ended} at {@code at} with Graph's answer. */
  public UserProgress ended(
      UserOutcome ended,
      int retired,
      int leftAlone,
      int status,
      String code,
      String why,
      String graphRequestId,
      Instant at) {
    if (!ended.ended()) {
      throw new IllegalArgumentException("a user cannot end as pending");
    }
    return new UserProgress(
        position,
        line,
        user,
        ended,
        plannedDevices,
        sentAt,
        retired,
        leftAlone,
        status,
        code,
        why,
        graphRequestId,
        attempts,
        Optional.of(at));
  }

  /** This user, still pending after an answer that asks to try again (kept for the report). */
  public UserProgress stillPending(int status, String code, String why, String graphRequestId) {
    return new UserProgress(
        position,
        line,
        user,
        UserOutcome.PENDING,
        plannedDevices,
        sentAt,
        devicesRetired,
        devicesLeftAlone,
        status,
        code,
        why,
        graphRequestId,
        attempts,
        Optional.empty());
  }
}
