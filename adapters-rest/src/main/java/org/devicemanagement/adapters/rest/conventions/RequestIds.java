package org.devicemanagement.adapters.rest.conventions;

import org.devicemanagement.application.audit.AuditEvents;
import org.jspecify.annotations.Nullable;

/**
 * The ids every response carries: a fresh {@code request-id}, and the caller's {@code
 * client-request-id} when it is a safe token ({@code [A-Za-z0-9-]}, at most 100 characters), else
 * the request-id. Free of JAX-RS types: the HTTP server's own error answers use it too.
 */
public final class RequestIds {

  /** The response header naming this server's id of the request. */
  public static final String REQUEST_ID = "request-id";

  /** The request and response header naming the client's id of the request. */
  public static final String CLIENT_REQUEST_ID = "client-request-id";

  private static final int MAX_CLIENT_REQUEST_ID_LENGTH = 100;

  private RequestIds() {}

  /**
   * The {@code client-request-id} to answer with: {@code header} when it is a safe token, else
   * {@code requestId}.
   */
  public static String clientRequestId(@Nullable String header, String requestId) {
    return header != null && isSafe(header) ? header : requestId;
  }

  /**
   * A fresh random (version 4) GUID, made as audit event ids are ({@link AuditEvents#newId}): the
   * request id becomes a retire-all's audit {@code correlationId}, and both need only be unique.
   */
  public static String newRequestId() {
    return AuditEvents.newId();
  }

  private static boolean isSafe(String header) {
    int length = header.length();
    if (length == 0 || length > MAX_CLIENT_REQUEST_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = header.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!safe) {
        return false;
      }
    }
    return true;
  }
}
