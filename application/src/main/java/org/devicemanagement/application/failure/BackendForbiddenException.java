package org.devicemanagement.application.failure;

import java.util.List;
import java.util.Objects;

/**
 * The backend (Microsoft Graph) accepted the token but refused the operation (its 403), naming the
 * scopes that would have been accepted when it said so.
 */
public final class BackendForbiddenException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final List<String> requiredScopes;
  private final String graphCode;
  private final String graphMessage;
  private final String requestId;
  private final String clientRequestId;

  /**
   * Graph answered 403 with {@code graphCode} and {@code graphMessage} ("" when absent), saying one
   * of {@code requiredScopes} is needed (empty when it did not say), to the request Graph knows as
   * {@code requestId} and we sent as {@code clientRequestId}.
   */
  public BackendForbiddenException(
      List<String> requiredScopes,
      String graphCode,
      String graphMessage,
      String requestId,
      String clientRequestId) {
    super(
        FailureKind.BACKEND_FORBIDDEN,
        message(requiredScopes, graphCode, graphMessage, requestId, clientRequestId));
    this.requiredScopes = List.copyOf(requiredScopes);
    this.graphCode = Objects.requireNonNull(graphCode, "graphCode");
    this.graphMessage = Objects.requireNonNull(graphMessage, "graphMessage");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.clientRequestId = Objects.requireNonNull(clientRequestId, "clientRequestId");
  }

  /** The scopes any one of which Graph would have accepted; empty when Graph did not name them. */
  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /** Graph's error code, usually {@code Forbidden}; "" when absent. */
  public String graphCode() {
    return graphCode;
  }

  /** Graph's error message, unwrapped from Intune's JSON-in-message bodies; "" when absent. */
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

  private static String message(
      List<String> scopes, String code, String text, String requestId, String clientRequestId) {
    String needs =
        scopes.isEmpty()
            ? BackendUnavailableException.describe(code, text)
            : ": the token needs one of the scopes " + String.join(", ", scopes);
    return "Microsoft Graph refused the operation%s (request-id: %s, client-request-id: %s)."
        .formatted(
            needs,
            BackendUnavailableException.orNone(requestId),
            BackendUnavailableException.orNone(clientRequestId));
  }
}
