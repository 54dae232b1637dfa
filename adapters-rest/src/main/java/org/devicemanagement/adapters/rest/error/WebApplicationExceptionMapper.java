package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own HTTP failures (no route, wrong method, unacceptable media type, bad parameters) as
 * Graph errors ({@link ProtocolErrors}), so Jersey's plain-text pages and messages never reach the
 * caller.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response response = exception.getResponse();
    int status = response.getStatus();
    if (status < 400) {
      // A redirect or success thrown as an exception keeps its response as it is.
      return response;
    }
    if (status == 405) {
      return JaxRsErrors.response(
          ProtocolErrors.methodNotAllowed(response.getHeaderString(HttpHeaders.ALLOW)));
    }
    ErrorResponse answer = ProtocolErrors.forStatus(status, null);
    if (answer.error().unexpected() != null) {
      // The cause logged with the request id is Jersey's own exception.
      answer = ErrorResponse.of(answer.status(), ApiError.unexpected(exception));
    }
    return JaxRsErrors.response(answer);
  }
}
