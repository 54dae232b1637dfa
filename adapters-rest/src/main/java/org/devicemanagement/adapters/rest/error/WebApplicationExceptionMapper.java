package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own HTTP failures (no route, wrong method, unacceptable media type, bad parameters) as
 * Graph errors, so Jersey's plain-text pages and messages never reach the caller.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  /** The message of a 405, as Graph words it. */
  static final String METHOD_NOT_ALLOWED_MESSAGE =
      "Specified HTTP method is not allowed for the request target.";

  /** The message of a 406. */
  public static final String NOT_ACCEPTABLE_MESSAGE =
      "The Accept header excludes application/json, the only format this API returns.";

  /** The message of a 413 (the limit is {@code GraphRequestFilter.MAX_BODY_BYTES}). */
  public static final String TOO_LARGE_MESSAGE =
      "The request body is too large: this API accepts at most 64 KiB.";

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    return switch (status) {
      // The pre-matching filter answers unknown segments itself; this is the safety net.
      case 404 ->
          GraphError.of("BadRequest", "Resource not found for the request URI.")
              .toResponse(400)
              .build();
      case 405 ->
          GraphError.of("Request_BadRequest", METHOD_NOT_ALLOWED_MESSAGE)
              .toResponse(405)
              .header(HttpHeaders.ALLOW, exception.getResponse().getHeaderString(HttpHeaders.ALLOW))
              .build();
      case 406 -> GraphError.of("NotAcceptable", NOT_ACCEPTABLE_MESSAGE).toResponse(406).build();
      case 413 ->
          GraphError.of("RequestEntityTooLarge", TOO_LARGE_MESSAGE)
              .toResponse(413)
              .build();
      case 415 ->
          GraphError.of("UnsupportedMediaType", "The request's Content-Type is not supported.")
              .toResponse(415)
              .build();
      default -> byFamily(exception, status);
    };
  }

  private static Response byFamily(WebApplicationException exception, int status) {
    if (status >= 400 && status < 500) {
      // Jersey's messages name its internals; the caller gets a fixed text instead.
      return GraphError.of(codeOf(status), "The request is not valid.").toResponse(status).build();
    }
    if (status >= 500) {
      return GraphError.unexpected(exception).toResponse(500).build();
    }
    // A redirect or success thrown as an exception keeps its response as it is.
    return exception.getResponse();
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 401 -> MissingAccessTokenExceptionMapper.INVALID_AUTHENTICATION_TOKEN;
      case 403 -> "Forbidden";
      case 409 -> "Conflict";
      case 429 -> "TooManyRequests";
      default -> "BadRequest";
    };
  }
}
