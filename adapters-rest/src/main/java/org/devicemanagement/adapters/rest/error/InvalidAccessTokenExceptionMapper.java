package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import org.devicemanagement.adapters.rest.auth.InvalidAccessTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refused token: 401 {@code InvalidAuthenticationToken} "Access token validation failure." with
 * the failed check (never the token).
 */
public final class InvalidAccessTokenExceptionMapper
    implements ExceptionMapper<InvalidAccessTokenException> {

  private static final Logger LOG =
      LoggerFactory.getLogger(InvalidAccessTokenExceptionMapper.class);

  @Override
  public Response toResponse(InvalidAccessTokenException exception) {
    String reason = exception.reason();
    LOG.debug("Access token refused: {}", reason);
    return JaxRsErrors.response(
        ErrorResponse.of(
                401,
                ProtocolErrors.INVALID_AUTHENTICATION_TOKEN,
                "Access token validation failure. " + sentence(reason))
            .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
  }

  private static String sentence(String reason) {
    if (reason.isEmpty()) {
      return "";
    }
    String capitalized = reason.substring(0, 1).toUpperCase(Locale.ROOT) + reason.substring(1);
    return capitalized.endsWith(".") ? capitalized : capitalized + ".";
  }
}
