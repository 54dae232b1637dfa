package org.devicemanagement.adapters.rest.auth;

import org.devicemanagement.application.permission.Caller;

/** Turns a bearer access token into the caller it stands for, or refuses it. */
public interface AccessTokenVerifier {

  /**
   * Verifies {@code bearerToken} (the text after {@code Bearer }) and classifies its caller.
   *
   * @throws InvalidAccessTokenException if the token is not to be trusted, with a reason safe to
   *     show
   */
  Caller verify(String bearerToken);
}
