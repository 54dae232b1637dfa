package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.DeviceManagementException;

/**
 * The backend's (Microsoft Graph's) failures as this API answers them, never as a 500: a rejected
 * token is our 401, a refusal our 403 naming the scopes, throttling our 429 and any other
 * unavailability our 503 (or 504 when Graph did not answer in time), with {@code Retry-After} when
 * Graph gave one. Graph's code, message and {@code request-id} stay in the message; our own
 * request-id is the envelope's.
 */
final class BackendFailures {

  /** Graph's message for an invalid token, used when Graph gave none. */
  static final String TOKEN_VALIDATION_FAILURE = "Access token validation failure.";

  /** Graph's message for throttling. */
  static final String RETRY_LATER = "Please retry again later.";

  private BackendFailures() {}

  static Response toResponse(DeviceManagementException exception) {
    if (exception instanceof BackendRejectedTokenException rejected) {
      String message =
          rejected.graphMessage().isBlank() ? TOKEN_VALIDATION_FAILURE : rejected.graphMessage();
      return GraphError.of(MissingAccessTokenExceptionMapper.INVALID_AUTHENTICATION_TOKEN, message)
          .toResponse(401)
          .build();
    }
    if (exception instanceof BackendForbiddenException forbidden) {
      return GraphError.of("Forbidden", String.valueOf(forbidden.getMessage()))
          .toResponse(403)
          .build();
    }
    if (exception instanceof BackendUnavailableException unavailable) {
      return unavailable(unavailable);
    }
    return GraphError.unexpected(exception).toResponse(500).build();
  }

  private static Response unavailable(BackendUnavailableException e) {
    Response.ResponseBuilder response;
    if (e.httpStatus() == 429) {
      response =
          GraphError.of(
                  "TooManyRequests",
                  RETRY_LATER + " Microsoft Graph throttled the request" + graphSaid(e) + ids(e))
              .toResponse(429);
    } else if (timedOut(e)) {
      response =
          GraphError.of(
                  "GatewayTimeout", "Microsoft Graph did not answer in time" + graphSaid(e) + ids(e))
              .toResponse(504);
    } else {
      String answer =
          e.httpStatus() == 0
              ? " (no HTTP response)"
              : " (it answered with status %d)".formatted(e.httpStatus());
      response =
          GraphError.of(
                  "ServiceUnavailable",
                  "Microsoft Graph is unavailable" + answer + graphSaid(e) + ids(e))
              .toResponse(503);
    }
    retryAfterSeconds(e.retryAfter())
        .ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
    return response.build();
  }

  // Our reason (which may name an I/O exception) stays in the log; the caller gets Graph's words.
  private static String graphSaid(BackendUnavailableException e) {
    if (e.graphCode().isBlank() && e.graphMessage().isBlank()) {
      return "";
    }
    if (e.graphMessage().isBlank()) {
      return "; Graph said: " + e.graphCode();
    }
    return e.graphCode().isBlank()
        ? "; Graph said: " + e.graphMessage()
        : "; Graph said: %s: %s".formatted(e.graphCode(), e.graphMessage());
  }

  private static String ids(BackendUnavailableException e) {
    return " (Graph request-id: %s, client-request-id sent to Graph: %s)."
        .formatted(orNone(e.requestId()), orNone(e.clientRequestId()));
  }

  private static String orNone(String id) {
    return id.isBlank() ? "none" : id;
  }

  /** Graph's own 504, no response in time, or the call's deadline passed. */
  static boolean timedOut(BackendUnavailableException e) {
    if (e.httpStatus() == 504) {
      return true;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return e.reason().contains("deadline");
  }

  /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
  static Optional<Long> retryAfterSeconds(Optional<Duration> retryAfter) {
    return retryAfter.map(
        d -> {
          long millis = Math.max(0, d.toMillis());
          return (millis + 999) / 1000;
        });
  }
}
