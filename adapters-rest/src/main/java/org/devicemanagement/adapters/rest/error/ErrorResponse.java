package org.devicemanagement.adapters.rest.error;

import java.util.Map;
import java.util.Objects;

/**
 * An error answer as both the Jersey application and the bare HTTP server send it: the status, the
 * error, and headers of its own (such as {@code Retry-After}, {@code Allow}, {@code
 * WWW-Authenticate}). Free of JAX-RS and Jetty types, so that both render the same answer.
 *
 * @param status the HTTP status
 * @param error the error the envelope carries
 * @param headers headers of this answer besides the ids every answer carries
 */
public record ErrorResponse(int status, ApiError error, Map<String, String> headers) {

  /** Checks the status is an error status and copies the headers. */
  public ErrorResponse {
    Objects.requireNonNull(error, "error");
    headers = Map.copyOf(headers);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("%d is not an error status".formatted(status));
    }
  }

  /** {@code error} answered with {@code status} and no headers of its own. */
  public static ErrorResponse of(int status, ApiError error) {
    return new ErrorResponse(status, error, Map.of());
  }

  /** {@code error} with code {@code code} and {@code message}, answered with {@code status}. */
  public static ErrorResponse of(int status, String code, String message) {
    return of(status, ApiError.of(code, message));
  }

  /** This answer with the header {@code name: value} too. */
  public ErrorResponse withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new ErrorResponse(status, error, more);
  }
}
