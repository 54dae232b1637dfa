package org.devicemanagement.adapters.graph;

import java.util.Objects;

/**
 * What became of one user's retire-all in a {@link GraphBatchRetirement}: the outcome, and Graph's
 * answer to the last attempt.
 *
 * @param user the user as the caller named them (object id or sign-in name)
 * @param outcome what became of the request
 * @param httpStatus the status Graph answered the user's last attempt with (0 when none came)
 * @param graphCode Graph's error code ("" when none)
 * @param message Graph's error message, or why no answer came ("" on success)
 * @param requestId Graph's {@code request-id} of the answer ("" when unknown)
 * @param clientRequestId the {@code client-request-id} of the batch request that carried the last
 *     attempt ("" when none was sent)
 * @param attempts how many times the request was sent to Graph (0 when never)
 */
public record UserRetireResult(
    String user,
    Outcome outcome,
    int httpStatus,
    String graphCode,
    String message,
    String requestId,
    String clientRequestId,
    int attempts) {

  /** What became of one user's retire-all. */
  public enum Outcome {
    /** Graph accepted the action (2xx, normally 204); it retires the devices asynchronously. */
    RETIRED,
    /** Graph does not know the user (404). */
    NOT_FOUND,
    /** Graph refused the action (403): the token lacks the privileged scope or the role. */
    REFUSED,
    /** Graph still answered 429, 503 or 504 after the last retry. */
    THROTTLED_GAVE_UP,
    /**
     * Anything else: another status, a step missing from Graph's answer, or the batch request
     * itself failed (then Graph may or may not have acted).
     */
    FAILED,
    /** Never sent: an earlier batch request failed as a whole, so the run stopped. */
    NOT_SENT
  }

  /** Checks that every field is present and the counts are not negative. */
  public UserRetireResult {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(graphCode, "graphCode");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(clientRequestId, "clientRequestId");
    if (httpStatus < 0 || attempts < 0) {
      throw new IllegalArgumentException(
          "httpStatus %d and attempts %d must not be negative".formatted(httpStatus, attempts));
    }
  }
}
