package org.devicemanagement.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Graph error before it is sent: the code and message the caller sees and, for unexpected
 * failures, the cause to log. The response filter completes it into Graph's envelope, adding the
 * date, request-id and client-request-id.
 */
public record GraphError(String code, String message, @JsonIgnore @Nullable Throwable unexpected) {

  /** Graph's code for an unexpected failure. */
  public static final String GENERAL_EXCEPTION = "generalException";

  /** Checks that the code and message are present. */
  public GraphError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** An expected error the caller can act on. */
  public static GraphError of(String code, String message) {
    return new GraphError(code, message, null);
  }

  /** An unexpected failure: the caller sees a generic message, the log gets {@code cause}. */
  public static GraphError unexpected(Throwable cause) {
    return new GraphError(GENERAL_EXCEPTION, "An unexpected error occurred.", cause);
  }

  /** The message the caller sees, naming the request id when the failure was unexpected. */
  public String messageFor(String requestId) {
    return unexpected == null ? message : "An unexpected error occurred. Request id: " + requestId;
  }

  /** A response builder with {@code status} and this error as its JSON entity. */
  public Response.ResponseBuilder toResponse(int status) {
    return Response.status(status).entity(this).type(MediaType.APPLICATION_JSON_TYPE);
  }
}
