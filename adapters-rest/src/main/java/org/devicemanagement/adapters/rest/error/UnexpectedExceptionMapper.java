package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Anything else: 500 {@code generalException}; the cause is logged with the request id, never sent.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable exception) {
    return JaxRsErrors.response(ErrorResponse.of(500, ApiError.unexpected(exception)));
  }
}
