package org.devicemanagement.adapters.rest.control;

import java.util.Objects;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * One answered request as the journal keeps it: only values the request already had, so that
 * recording costs one object; the control API formats them when asked.
 *
 * @param sequence the journal's number of the entry, counting from 0 since the start
 * @param startedAtMillis when the request arrived, in milliseconds since the epoch
 * @param method the HTTP method
 * @param rawPath the request's path as the client sent it (still percent-encoded)
 * @param rawQuery the request's query as the client sent it, or null when it had none
 * @param status the HTTP status answered
 * @param requestId this server's id of the request
 * @param clientRequestId the client's id of the request, or the request id
 * @param durationNanos from arrival until the answer was ready to write
 * @param caller who the bearer token named, or null when no token was accepted
 */
public record JournalEntry(
    long sequence,
    long startedAtMillis,
    String method,
    String rawPath,
    @Nullable String rawQuery,
    int status,
    String requestId,
    String clientRequestId,
    long durationNanos,
    @Nullable Caller caller) {

  /** Checks that every part but the caller is present. */
  public JournalEntry {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(clientRequestId, "clientRequestId");
  }
}
