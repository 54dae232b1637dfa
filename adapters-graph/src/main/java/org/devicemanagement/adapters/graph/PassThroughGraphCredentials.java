package org.devicemanagement.adapters.graph;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The inbound caller's own token, passed on to Graph: the bootstrap supplies it per request (for
 * example from the request context it hands to the service), so Graph checks the real caller.
 */
public final class PassThroughGraphCredentials implements GraphCredentials {

  private final Supplier<? extends @Nullable String> currentToken;

  /** Credentials asking {@code currentToken} for the token of the call in progress. */
  public PassThroughGraphCredentials(Supplier<? extends @Nullable String> currentToken) {
    this.currentToken = Objects.requireNonNull(currentToken, "currentToken");
  }

  /**
   * The current caller's token.
   *
   * @throws IllegalStateException if the supplier has no token for the call in progress
   * @throws IllegalArgumentException if the token is not a well-formed bearer token
   */
  @Override
  public String bearerToken() {
    String token = currentToken.get();
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("no inbound access token to pass on to Microsoft Graph");
    }
    return OutgoingBearerTokens.check(token);
  }

  @Override
  public String toString() {
    return "PassThroughGraphCredentials";
  }
}
