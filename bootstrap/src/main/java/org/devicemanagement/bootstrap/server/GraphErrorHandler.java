package org.devicemanagement.bootstrap.server;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.regex.Pattern;
import org.devicemanagement.adapters.rest.error.ErrorEnvelope;
import org.devicemanagement.adapters.rest.error.GraphError;
import org.devicemanagement.adapters.rest.http.RequestIds;
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
 * as an encoded slash or {@code %2e%2e}, over-long URIs and headers, bad header bytes): Graph's JSON
 * error envelope with {@code request-id}, never Jetty's HTML page, message or stack.
 */
final class GraphErrorHandler extends ErrorHandler {

  // Jetty's reasons are fixed phrases ("Ambiguous URI path separator"); anything else is dropped
  // rather than echoed, since it could carry the caller's input.
  private static final Pattern SAFE_REASON = Pattern.compile("[A-Za-z][A-Za-z0-9 ]{0,79}");

  private final Clock clock;

  GraphErrorHandler(Clock clock) {
    this.clock = clock;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = statusOf(request, response);
    String requestId = RequestIds.newRequestId();
    String clientRequestId =
        RequestIds.clientRequestId(
            request.getHeaders().get(RequestIds.CLIENT_REQUEST_ID), requestId);
    byte[] body = envelope(status, reasonOf(request), requestId, clientRequestId);
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    headers.put(RequestIds.REQUEST_ID, requestId);
    headers.put(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  // Deprecated in Jetty 12 but still Jetty's hook for some early refusals; kept so none is HTML.
  @Override
  @SuppressWarnings("removal")
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String requestId = RequestIds.newRequestId();
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(new HttpField(RequestIds.REQUEST_ID, requestId));
    fields.put(new HttpField(RequestIds.CLIENT_REQUEST_ID, requestId));
    return ByteBuffer.wrap(envelope(status, reason, requestId, requestId));
  }

  private byte[] envelope(
      int status, @Nullable String reason, String requestId, String clientRequestId) {
    return ErrorEnvelope.of(error(status, reason), clock.instant(), requestId, clientRequestId)
        .toJson();
  }

  static GraphError error(int status, @Nullable String reason) {
    return switch (status) {
      case HttpStatus.PAYLOAD_TOO_LARGE_413 ->
          GraphError.of(
              "RequestEntityTooLarge",
              "The request body is too large: this API accepts at most 64 KiB.");
      case HttpStatus.URI_TOO_LONG_414 ->
          GraphError.of("RequestUriTooLong", "The request URI is too long.");
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
          GraphError.of(
              "RequestHeaderFieldsTooLarge", "The request headers are too large.");
      case HttpStatus.METHOD_NOT_ALLOWED_405 ->
          GraphError.of(
              "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
      case HttpStatus.NOT_IMPLEMENTED_501 ->
          GraphError.of("NotImplemented", "The request method is not supported.");
      case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ->
          GraphError.of("HttpVersionNotSupported", "The HTTP version is not supported.");
      case HttpStatus.SERVICE_UNAVAILABLE_503 ->
          GraphError.of("serviceNotAvailable", "The service is not available; retry later.");
      default -> {
        if (status >= 400 && status < 500) {
          yield GraphError.of("BadRequest", badRequestMessage(reason));
        }
        yield GraphError.unexpected(new IllegalStateException("the container answered " + status));
      }
    };
  }

  private static String badRequestMessage(@Nullable String reason) {
    if (reason != null && SAFE_REASON.matcher(reason).matches()) {
      return "The request is malformed: %s.".formatted(reason);
    }
    return "The request is malformed.";
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
