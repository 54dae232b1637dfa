package org.devicemanagement.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error this API answers, before it is sent: the code and message the caller sees and, for
 * unexpected failures, the cause to log. {@link ErrorEnvelope} completes it into Graph's JSON
 * envelope, adding the date, request-id and client-request-id.
 */
public record ApiError(String code, String message, @JsonIgnore @Nullable Throwable unexpected) {

  /** Graph's code for an unexpected failure. */
  public static final String GENERAL_EXCEPTION = "generalException";

  /** Checks that the code and message are present. */
  public ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** An expected error the caller can act on. */
  public static ApiError of(String code, String message) {
    return new ApiError(code, message, null);
  }

  /** An unexpected failure: the caller sees a generic message, the log gets {@code cause}. */
  public static ApiError unexpected(Throwable cause) {
    return new ApiError(GENERAL_EXCEPTION, "An unexpected error occurred.", cause);
  }

  /** The message the caller sees, naming the request id when the failure was unexpected. */
  public String messageFor(String requestId) {
    return unexpected == null ? message : "An unexpected error occurred. Request id: " + requestId;
  }
}
