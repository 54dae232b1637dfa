package org.devicemanagement.adapters.rest.error;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.devicemanagement.application.failure.AuditEventNotFoundException;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.failure.RequestThrottledException;
import org.devicemanagement.application.failure.UserNotFoundException;

/**
 * The application's failures as Graph answers them: one exhaustive {@code switch} over {@link
 * FailureKind}, so a new kind of failure does not compile until it has an answer here. The
 * backend's (Microsoft Graph's) failures are never a 500: a rejected token is our 401, a refusal
 * our 403 naming the scopes, throttling our 429, a timeout our 504 and any other unavailability our
 * 503, with {@code Retry-After} when Graph gave one; Graph's code, message and {@code request-id}
 * stay in the message, our own request-id is the envelope's. A call not made because the gateway
 * already has as many calls in flight to Graph as it allows is our 503, always with {@code
 * Retry-After}. The emulator's own limits: throttling is Graph's 429 with a fractional {@code
 * Retry-After} (or none, as Intune has been seen to answer), the daily retire limit a 403 {@code
 * quotaLimitReached} naming the limit and when the count starts again.
 */
public final class FailureResponses {

  /** Graph's message for an invalid token, used when Graph gave none. */
  static final String TOKEN_VALIDATION_FAILURE = "Access token validation failure.";

  /** Graph's message for throttling. */
  static final String RETRY_LATER = "Please retry again later.";

  /** How long a caller refused for too many calls in flight waits, unless the failure says. */
  static final Duration SATURATED_RETRY_AFTER = Duration.ofSeconds(2);

  private static final int MAX_SHOWN_REFERENCE_LENGTH = 200;
  private static final String NOT_FOUND_MESSAGE =
      "Resource '%s' does not exist or one of its queried reference-property objects are not"
          + " present.";

  private FailureResponses() {}

  /** The answer to {@code failure}. */
  public static ErrorResponse of(DeviceManagementException failure) {
    String message = String.valueOf(failure.getMessage());
    return switch (failure.kind()) {
      case USER_NOT_FOUND ->
          notFound("Request_ResourceNotFound", ((UserNotFoundException) failure).reference());
      case DEVICE_NOT_FOUND ->
          notFound("ResourceNotFound", ((ManagedDeviceNotFoundException) failure).deviceId());
      case AUDIT_EVENT_NOT_FOUND ->
          notFound("ResourceNotFound", ((AuditEventNotFoundException) failure).eventId());
      case PERMISSION_TYPE_NOT_SUPPORTED, MISSING_PERMISSION ->
          ErrorResponse.of(403, "Forbidden", message);
      case DELEGATED_CALLER_REQUIRED ->
          ErrorResponse.of(
              400, "BadRequest", "/me request is only valid with delegated authentication flow.");
      case INVALID_REQUEST -> ErrorResponse.of(400, "BadRequest", message);
      case BACKEND_TOKEN_REJECTED -> tokenRejected((BackendRejectedTokenException) failure);
      case BACKEND_FORBIDDEN ->
          ErrorResponse.of(
              403, "Forbidden", String.valueOf(((BackendForbiddenException) failure).getMessage()));
      case BACKEND_THROTTLED ->
          withRetryAfter(
              ErrorResponse.of(
                  429,
                  "TooManyRequests",
                  RETRY_LATER + " Microsoft Graph throttled the request" + graphSaid(failure)),
              failure);
      case BACKEND_TIMEOUT ->
          withRetryAfter(
              ErrorResponse.of(
                  504,
                  "GatewayTimeout",
                  "Microsoft Graph did not answer in time" + graphSaid(failure)),
              failure);
      case BACKEND_UNAVAILABLE -> unavailable((BackendUnavailableException) failure);
      case BACKEND_SATURATED -> saturated((BackendUnavailableException) failure);
      case REQUEST_THROTTLED -> throttled((RequestThrottledException) failure);
      case DAILY_RETIRE_LIMIT_EXCEEDED -> ErrorResponse.of(403, "quotaLimitReached", message);
    };
  }

  private static ErrorResponse notFound(String code, String reference) {
    // An over-long reference is shortened, so a hostile id is not reflected back in full.
    String shown =
        reference.length() <= MAX_SHOWN_REFERENCE_LENGTH
            ? reference
            : reference.substring(0, MAX_SHOWN_REFERENCE_LENGTH) + "...";
    return ErrorResponse.of(404, code, NOT_FOUND_MESSAGE.formatted(shown));
  }

  private static ErrorResponse tokenRejected(BackendRejectedTokenException rejected) {
    String message =
        rejected.graphMessage().isBlank() ? TOKEN_VALIDATION_FAILURE : rejected.graphMessage();
    return ErrorResponse.of(401, ProtocolErrors.INVALID_AUTHENTICATION_TOKEN, message);
  }

  private static ErrorResponse unavailable(BackendUnavailableException e) {
    String answer =
        e.httpStatus() == 0
            ? " (no HTTP response)"
            : " (it answered with status %d)".formatted(e.httpStatus());
    return withRetryAfter(
        ErrorResponse.of(
            503, "ServiceUnavailable", "Microsoft Graph is unavailable" + answer + graphSaid(e)),
        e);
  }

  // The reason is ours and names no I/O detail, only how many calls are in flight.
  private static ErrorResponse saturated(BackendUnavailableException e) {
    long seconds =
        Math.max(
            1,
            retryAfterSeconds(Optional.of(e.retryAfter().orElse(SATURATED_RETRY_AFTER)))
                .orElseThrow());
    return ErrorResponse.of(
            503,
            "ServiceUnavailable",
            "This gateway already has %s; please retry after %d %s."
                .formatted(e.reason(), seconds, seconds == 1 ? "second" : "seconds"))
        .withHeader("Retry-After", Long.toString(seconds));
  }

  // Graph writes Retry-After in seconds with a fraction (2.128); so do we, to the millisecond.
  private static ErrorResponse throttled(RequestThrottledException e) {
    ErrorResponse response =
        ErrorResponse.of(429, "TooManyRequests", String.valueOf(e.getMessage()));
    return e.retryAfter()
        .map(wait -> response.withHeader("Retry-After", fractionalSeconds(wait)))
        .orElse(response);
  }

  /**
   * {@code wait} in seconds with at most three decimals, at least one millisecond: {@code 2.128}.
   */
  static String fractionalSeconds(Duration wait) {
    return BigDecimal.valueOf(Math.max(1, wait.toMillis()), 3).stripTrailingZeros().toPlainString();
  }

  private static ErrorResponse withRetryAfter(
      ErrorResponse response, DeviceManagementException failure) {
    Optional<Duration> retryAfter =
        failure instanceof BackendUnavailableException unavailable
            ? unavailable.retryAfter()
            : Optional.empty();
    return retryAfterSeconds(retryAfter)
        .map(seconds -> response.withHeader("Retry-After", Long.toString(seconds)))
        .orElse(response);
  }

  // Our reason (which may name an I/O exception) stays in the log; the caller gets Graph's words.
  private static String graphSaid(DeviceManagementException failure) {
    BackendUnavailableException e = (BackendUnavailableException) failure;
    String said;
    if (e.graphCode().isBlank() && e.graphMessage().isBlank()) {
      said = "";
    } else if (e.graphMessage().isBlank()) {
      said = "; Graph said: " + e.graphCode();
    } else {
      said =
          e.graphCode().isBlank()
              ? "; Graph said: " + e.graphMessage()
              : "; Graph said: %s: %s".formatted(e.graphCode(), e.graphMessage());
    }
    return said
        + " (Graph request-id: %s, client-request-id sent to Graph: %s)."
            .formatted(orNone(e.requestId()), orNone(e.clientRequestId()));
  }

  private static String orNone(String id) {
    return id.isBlank() ? "none" : id;
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
