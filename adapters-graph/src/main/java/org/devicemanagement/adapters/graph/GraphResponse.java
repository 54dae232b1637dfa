package org.devicemanagement.adapters.graph;

import java.util.Objects;

/**
 * One final answer from Graph that the caller must interpret (2xx or 404).
 *
 * @param method the HTTP method sent
 * @param path the raw path requested, for messages
 * @param status the HTTP status
 * @param body the body, "" when empty
 * @param requestId Graph's {@code request-id} ("" when absent)
 * @param clientRequestId the {@code client-request-id} we sent
 */
record GraphResponse(
    String method, String path, int status, String body, String requestId, String clientRequestId) {

  GraphResponse {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(clientRequestId, "clientRequestId");
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  boolean isNotFound() {
    return status == 404;
  }
}
