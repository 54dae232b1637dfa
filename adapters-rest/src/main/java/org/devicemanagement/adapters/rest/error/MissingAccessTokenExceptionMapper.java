package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.devicemanagement.adapters.rest.auth.MissingAccessTokenException;

/**
 * No bearer token: 401 {@code InvalidAuthenticationToken} "Access token is empty.", as Graph
 * answers.
 */
public final class MissingAccessTokenExceptionMapper
    implements ExceptionMapper<MissingAccessTokenException> {

  @Override
  public Response toResponse(MissingAccessTokenException exception) {
    return JaxRsErrors.response(
        ErrorResponse.of(401, ProtocolErrors.INVALID_AUTHENTICATION_TOKEN, "Access token is empty.")
            .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
  }
}
