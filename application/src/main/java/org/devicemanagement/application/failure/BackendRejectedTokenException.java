package org.devicemanagement.application.failure;

import java.util.Objects;

/**
 * The backend (Microsoft Graph) refused the access token the call was made with (its 401); the
 * token itself is never part of this failure.
 */
public final class BackendRejectedTokenException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final String graphCode;
  private final String graphMessage;
  private final String requestId;
  private final String clientRequestId;

  /**
   * Graph answered 401 with {@code graphCode} and {@code graphMessage} ("" when absent) to the
   * request Graph knows as {@code requestId} and we sent as {@code clientRequestId}.
   */
  public BackendRejectedTokenException(
      String graphCode, String graphMessage, String requestId, String clientRequestId) {
    super(
        FailureKind.BACKEND_TOKEN_REJECTED,
        "Microsoft Graph rejected the access token%s (request-id: %s, client-request-id: %s)."
            .formatted(
                BackendUnavailableException.describe(graphCode, graphMessage),
                BackendUnavailableException.orNone(requestId),
                BackendUnavailableException.orNone(clientRequestId)));
    this.graphCode = Objects.requireNonNull(graphCode, "graphCode");
    this.graphMessage = Objects.requireNonNull(graphMessage, "graphMessage");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.clientRequestId = Objects.requireNonNull(clientRequestId, "clientRequestId");
  }

  /** Graph's error code, for example {@code InvalidAuthenticationToken}; "" when absent. */
  public String graphCode() {
    return graphCode;
  }

  /** Graph's error message; "" when absent. */
  public String graphMessage() {
    return graphMessage;
  }

  /** Graph's {@code request-id} of the refused request; "" when Graph sent none. */
  public String requestId() {
    return requestId;
  }

  /** The {@code client-request-id} we sent with the refused request. */
  public String clientRequestId() {
    return clientRequestId;
  }
}
