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

  /** Graph's code for every authentication failure. */
  static final String INVALID_AUTHENTICATION_TOKEN = "InvalidAuthenticationToken";

  @Override
  public Response toResponse(MissingAccessTokenException exception) {
    return GraphError.of(INVALID_AUTHENTICATION_TOKEN, "Access token is empty.")
        .toResponse(Response.Status.UNAUTHORIZED.getStatusCode())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }
}
