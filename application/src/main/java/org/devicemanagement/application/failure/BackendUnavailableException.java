package org.devicemanagement.application.failure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The backend (Microsoft Graph) could not serve the call, of one of four kinds: throttling that
 * outlasted the retries ({@link FailureKind#BACKEND_THROTTLED}), no answer in time ({@link
 * FailureKind#BACKEND_TIMEOUT}), anything else, such as an unexpected status, an I/O error or a
 * malformed response ({@link FailureKind#BACKEND_UNAVAILABLE}), or no call made at all because as
 * many calls as allowed were already in flight ({@link FailureKind#BACKEND_SATURATED}).
 */
public final class BackendUnavailableException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int httpStatus;
  private final String graphCode;
  private final String graphMessage;
  private final String requestId;
  private final String clientRequestId;
  // A Duration in millis, -1 when absent: keeps the exception serializable without Optional fields.
  private final long retryAfterMillis;

  /**
   * The call failed as {@code kind} (one of the four backend-unavailability kinds) for {@code
   * reason}; Graph answered {@code httpStatus} (0 when no response came) with {@code graphCode} and
   * {@code graphMessage} ("" when absent) to the request Graph knows as {@code requestId} and we
   * sent as {@code clientRequestId}, asking to wait {@code retryAfter}.
   */
  public BackendUnavailableException(
      FailureKind kind,
      String reason,
      int httpStatus,
      String graphCode,
      String graphMessage,
      String requestId,
      String clientRequestId,
      Optional<Duration> retryAfter) {
    super(
        requireBackendUnavailability(kind),
        message(kind, reason, httpStatus, graphCode, graphMessage, requestId, clientRequestId));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.httpStatus = httpStatus;
    this.graphCode = Objects.requireNonNull(graphCode, "graphCode");
    this.graphMessage = Objects.requireNonNull(graphMessage, "graphMessage");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.clientRequestId = Objects.requireNonNull(clientRequestId, "clientRequestId");
    this.retryAfterMillis = retryAfter.map(Duration::toMillis).orElse(-1L);
  }

  /** Like the other constructor, caused by {@code cause} (an I/O error, a parse error, ...). */
  public BackendUnavailableException(
      FailureKind kind,
      String reason,
      int httpStatus,
      String graphCode,
      String graphMessage,
      String requestId,
      String clientRequestId,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(
        requireBackendUnavailability(kind),
        message(kind, reason, httpStatus, graphCode, graphMessage, requestId, clientRequestId),
        cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.httpStatus = httpStatus;
    this.graphCode = Objects.requireNonNull(graphCode, "graphCode");
    this.graphMessage = Objects.requireNonNull(graphMessage, "graphMessage");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.clientRequestId = Objects.requireNonNull(clientRequestId, "clientRequestId");
    this.retryAfterMillis = retryAfter.map(Duration::toMillis).orElse(-1L);
  }

  /** Why the call failed, in our words. */
  public String reason() {
    return reason;
  }

  /** The HTTP status of Graph's last answer; 0 when no answer came (I/O error, timeout). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Graph's error code; "" when absent. */
  public String graphCode() {
    return graphCode;
  }

  /** Graph's error message; "" when absent. */
  public String graphMessage() {
    return graphMessage;
  }

  /** Graph's {@code request-id} of the last request; "" when Graph sent none. */
  public String requestId() {
    return requestId;
  }

  /** The {@code client-request-id} we sent with the last request. */
  public String clientRequestId() {
    return clientRequestId;
  }

  /** How long Graph asked callers to wait ({@code Retry-After}), when it did. */
  public Optional<Duration> retryAfter() {
    return retryAfterMillis < 0
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(retryAfterMillis));
  }

  private static FailureKind requireBackendUnavailability(FailureKind kind) {
    return switch (kind) {
      case BACKEND_THROTTLED, BACKEND_TIMEOUT, BACKEND_UNAVAILABLE, BACKEND_SATURATED -> kind;
      default ->
          throw new IllegalArgumentException(
              "%s is not a kind of backend unavailability".formatted(kind));
    };
  }

  private static String message(
      FailureKind kind,
      String reason,
      int status,
      String code,
      String text,
      String requestId,
      String clientRequestId) {
    if (kind == FailureKind.BACKEND_SATURATED) {
      return "Microsoft Graph was not called: already %s.".formatted(reason);
    }
    String graph = describe(code, text);
    return "Microsoft Graph is unavailable: %s (%s%s; request-id: %s, client-request-id: %s)."
        .formatted(
            reason,
            status == 0 ? "no HTTP response" : "HTTP status " + status,
            graph.isEmpty() ? "" : ", Graph said" + graph,
            orNone(requestId),
            orNone(clientRequestId));
  }

  /** Graph's code and message as a phrase starting with ": ", or "" when both are absent. */
  static String describe(String code, String text) {
    if (code.isEmpty() && text.isEmpty()) {
      return "";
    }
    if (text.isEmpty()) {
      return ": " + code;
    }
    return code.isEmpty() ? ": " + text : ": %s: %s".formatted(code, text);
  }

  static String orNone(String id) {
    return id.isEmpty() ? "none" : id;
  }
}
