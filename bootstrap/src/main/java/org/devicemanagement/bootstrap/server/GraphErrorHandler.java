package org.devicemanagement.bootstrap.server;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import org.devicemanagement.adapters.rest.conventions.RequestIds;
import org.devicemanagement.adapters.rest.error.ErrorEnvelope;
import org.devicemanagement.adapters.rest.error.ErrorResponse;
import org.devicemanagement.adapters.rest.error.ProtocolErrors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's answer to requests it refuses before Jersey sees them (malformed or ambiguous URIs such
 * as an encoded slash or {@code %2e%2e}, over-long URIs and headers, bad header bytes): the same
 * answer the API gives for that status ({@link ProtocolErrors}), in Graph's JSON envelope with
 * {@code request-id}, never Jetty's HTML page, message or stack.
 */
final class GraphErrorHandler extends ErrorHandler {

  private final Clock clock;

  GraphErrorHandler(Clock clock) {
    this.clock = clock;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ErrorResponse error = ProtocolErrors.forStatus(statusOf(request, response), reasonOf(request));
    String requestId = RequestIds.newRequestId();
    String clientRequestId =
        RequestIds.clientRequestId(
            request.getHeaders().get(RequestIds.CLIENT_REQUEST_ID), requestId);
    byte[] body =
        ErrorEnvelope.render(
            error.error(),
            request.getMethod(),
            request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath(),
            clock.instant(),
            requestId,
            clientRequestId);
    response.setStatus(error.status());
    HttpFields.Mutable headers = response.getHeaders();
    putHeaders(headers, error, requestId, clientRequestId);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  // Deprecated in Jetty 12 but still Jetty's hook for some early refusals; kept so none is HTML.
  @Override
  @SuppressWarnings("removal")
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    ErrorResponse error = ProtocolErrors.forStatus(status, reason);
    String requestId = RequestIds.newRequestId();
    putHeaders(fields, error, requestId, requestId);
    return ByteBuffer.wrap(
        ErrorEnvelope.of(error.error(), clock.instant(), requestId, requestId).toJson());
  }

  private static void putHeaders(
      HttpFields.Mutable headers, ErrorResponse error, String requestId, String clientRequestId) {
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    headers.put(new HttpField(RequestIds.REQUEST_ID, requestId));
    headers.put(new HttpField(RequestIds.CLIENT_REQUEST_ID, clientRequestId));
    for (Map.Entry<String, String> header : error.headers().entrySet()) {
      headers.put(header.getKey(), header.getValue());
    }
  }

  private static int statusOf(Request request, Response response) {
    Object status = request.getAttribute(ERROR_STATUS);
    int code = status instanceof Integer value ? value : response.getStatus();
    return code < 400 ? HttpStatus.INTERNAL_SERVER_ERROR_500 : code;
  }

  private static @Nullable String reasonOf(Request request) {
    Object message = request.getAttribute(ERROR_MESSAGE);
    return message instanceof String text ? text : null;
  }
}
