package org.devicemanagement.bootstrap.server;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.application.permission.Caller;

/**
 * The verifier Jersey is built with before the injector exists: it forwards to the injector's
 * verifier, which is always there by the time the server accepts a request.
 */
final class LateVerifier implements AccessTokenVerifier {

  private final CompletableFuture<AccessTokenVerifier> verifier;

  LateVerifier(CompletableFuture<AccessTokenVerifier> verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public Caller verify(String bearerToken) {
    return verifier.join().verify(bearerToken);
  }

  @Override
  public String toString() {
    return verifier.isDone() && !verifier.isCompletedExceptionally()
        ? verifier.join().toString()
        : "a verifier not built yet";
  }
}
