package org.devicemanagement.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.domain.ManagedDevice;

/**
 * The tenant reached in batches, as an offboarding run needs it: many users' devices read at once,
 * and many users' devices retired at once, with an answer per user.
 */
public interface BulkRetirement {

  /** The most users one call may name (Graph's JSON batching takes 20 requests). */
  int MAX_USERS = 20;

  /** Where the calls go, as a run records it (such as Graph's base URL). */
  String target();

  /**
   * Reads each user's managed devices; one answer per user, in order, with the devices when {@link
   * Answer#kind()} is {@link AnswerKind#OK}.
   *
   * @throws org.devicemanagement.application.failure.DeviceManagementException if the call failed
   *     as a whole (no user's answer is known)
   * @throws IllegalArgumentException if {@code users} is empty or names more than {@link
   *     #MAX_USERS}
   */
  List<Answer> devicesOf(List<String> users);

  /**
   * Asks the tenant to retire all devices of each user; one answer per user, in order.
   *
   * @throws org.devicemanagement.application.failure.DeviceManagementException if the call failed
   *     as a whole: whether the tenant acted on any user is then unknown
   * @throws IllegalArgumentException if {@code users} is empty or names more than {@link
   *     #MAX_USERS}
   */
  List<Answer> retireAll(List<String> users);

  /** What an answer about one user means to a run. */
  enum AnswerKind {
    /** Done (a read answered, a retire-all accepted). */
    OK,
    /** The tenant has no such user. */
    NOT_FOUND,
    /** The token lacks a permission for the call. */
    FORBIDDEN,
    /** The tenant's daily retire limit would be passed; nothing was done. */
    DAILY_LIMIT_REACHED,
    /** Throttled or briefly unavailable (429, 503, 504): try again later; nothing was done. */
    TRY_AGAIN,
    /**
     * The token was rejected (expired, wrong audience): no user can be served until it is fixed.
     */
    TOKEN_REJECTED,
    /** Anything else. */
    FAILED
  }

  /**
   * The tenant's answer about one user.
   *
   * @param user the user as named in the call
   * @param kind what the answer means
   * @param status the HTTP status the tenant answered with, for the report
   * @param code the tenant's error code ("" when none)
   * @param message the tenant's error message ("" when none)
   * @param requestId the tenant's request id of the answer ("" when unknown)
   * @param retryAfter how long the tenant asked to wait, when it said
   * @param devices the user's devices (a read answered {@link AnswerKind#OK}; empty otherwise)
   */
  record Answer(
      String user,
      AnswerKind kind,
      int status,
      String code,
      String message,
      String requestId,
      Optional<Duration> retryAfter,
      List<ManagedDevice> devices) {

    /** Checks that every field is present and copies the devices. */
    public Answer {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(retryAfter, "retryAfter");
      devices = List.copyOf(devices);
    }
  }
}
