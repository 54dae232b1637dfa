package org.devicemanagement.adapters.rest.error;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The answers to requests refused for their form rather than their meaning (no such route, a wrong
 * method, a body too large, an unreadable request line), whoever refuses them: Jersey's routing or
 * the HTTP server before Jersey sees the request. One text per status, as Graph words it where
 * known.
 */
public final class ProtocolErrors {

  /** Graph's code for every authentication failure. */
  public static final String INVALID_AUTHENTICATION_TOKEN = "InvalidAuthenticationToken";

  /** The message of a 405, as Graph words it. */
  public static final String METHOD_NOT_ALLOWED_MESSAGE =
      "Specified HTTP method is not allowed for the request target.";

  /** The message of a 406. */
  public static final String NOT_ACCEPTABLE_MESSAGE =
      "The Accept header excludes application/json, the only format this API returns.";

  /** The message of a 413 (the limit is {@code ContentLength.MAX_BODY_BYTES}). */
  public static final String TOO_LARGE_MESSAGE =
      "The request body is too large: this API accepts at most 64 KiB.";

  // The HTTP server's reasons are fixed phrases ("Ambiguous URI path separator"); anything else is
  // dropped rather than echoed, since it could carry the caller's input.
  private static final Pattern SAFE_REASON = Pattern.compile("[A-Za-z][A-Za-z0-9 ]{0,79}");

  private ProtocolErrors() {}

  /** A path that names nothing this API serves: 400 with Graph's words for it. */
  public static ErrorResponse noRoute(String message) {
    return ErrorResponse.of(400, "BadRequest", message);
  }

  /** A method the route does not serve: 405 naming the methods it does. */
  public static ErrorResponse methodNotAllowed(@Nullable String allow) {
    ErrorResponse response =
        ErrorResponse.of(405, "Request_BadRequest", METHOD_NOT_ALLOWED_MESSAGE);
    return allow == null ? response : response.withHeader("Allow", allow);
  }

  /** An {@code Accept} header that excludes JSON. */
  public static ErrorResponse notAcceptable() {
    return ErrorResponse.of(406, "NotAcceptable", NOT_ACCEPTABLE_MESSAGE);
  }

  /** A body over the limit, refused unread. */
  public static ErrorResponse tooLarge() {
    return ErrorResponse.of(413, "RequestEntityTooLarge", TOO_LARGE_MESSAGE);
  }

  /**
   * The answer to a request refused with {@code status} for {@code reason} (a fixed phrase of the
   * refusing component, shown only when it is one), for statuses without a specific answer above.
   */
  public static ErrorResponse forStatus(int status, @Nullable String reason) {
    return switch (status) {
      // Jersey's own "no resource" is a path the route table let through; Graph answers 400.
      case 404 -> noRoute("Resource not found for the request URI.");
      case 405 -> methodNotAllowed(null);
      case 406 -> notAcceptable();
      case 413 -> tooLarge();
      case 414 -> ErrorResponse.of(414, "RequestUriTooLong", "The request URI is too long.");
      case 415 ->
          ErrorResponse.of(
              415, "UnsupportedMediaType", "The request's Content-Type is not supported.");
      case 431 ->
          ErrorResponse.of(
              431, "RequestHeaderFieldsTooLarge", "The request headers are too large.");
      case 501 -> ErrorResponse.of(501, "NotImplemented", "The request method is not supported.");
      case 503 ->
          ErrorResponse.of(
              503, "serviceNotAvailable", "The service is not available; retry later.");
      case 505 ->
          ErrorResponse.of(505, "HttpVersionNotSupported", "The HTTP version is not supported.");
      default -> byFamily(status, reason);
    };
  }

  private static ErrorResponse byFamily(int status, @Nullable String reason) {
    if (status >= 400 && status < 500) {
      return ErrorResponse.of(status, codeOf(status), badRequestMessage(reason));
    }
    return ErrorResponse.of(
        500, ApiError.unexpected(new IllegalStateException("the server answered " + status)));
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 401 -> INVALID_AUTHENTICATION_TOKEN;
      case 403 -> "Forbidden";
      case 409 -> "Conflict";
      case 429 -> "TooManyRequests";
      default -> "BadRequest";
    };
  }

  private static String badRequestMessage(@Nullable String reason) {
    if (reason != null && SAFE_REASON.matcher(reason).matches()) {
      return "The request is malformed: %s.".formatted(reason);
    }
    return "The request is not valid.";
  }
}
