package org.devicemanagement.adapters.graph;

import java.util.Objects;

/** One access token given up front (a script, a test, a token from the {@code token} CLI). */
public final class FixedGraphCredentials implements GraphCredentials {

  private final String token;

  /** Credentials that always answer {@code token}, which must be a well-formed bearer token. */
  public FixedGraphCredentials(String token) {
    this.token = OutgoingBearerTokens.check(Objects.requireNonNull(token, "token"));
  }

  @Override
  public String bearerToken() {
    return token;
  }

  @Override
  public String toString() {
    return "FixedGraphCredentials[token=***]";
  }
}
