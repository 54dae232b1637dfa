package org.devicemanagement.bootstrap.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.adapters.rest.GraphRestApi;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;

/**
 * Binds the access-token verifier to the server's public keys and declares every REST resource, so
 * a missing binding fails when the injector is built rather than on the first request.
 */
public final class RestModule extends AbstractModule {

  private final JWKSet publicKeys;

  /** A module trusting tokens signed by one of {@code publicKeys}. */
  public RestModule(JWKSet publicKeys) {
    this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
  }

  @Override
  protected void configure() {
    // Resources are stateless (use cases in the constructor, request data as @Context
    // parameters), so one instance serves every request.
    for (Class<?> resource : GraphRestApi.resourceClasses()) {
      bind(resource).in(Singleton.class);
    }
  }

  @Provides
  @Singleton
  AccessTokenVerifier accessTokenVerifier(Clock clock) {
    // Clients repeat their token on every call: remember the verified ones (issue 5, benchmarks).
    return new JwtAccessTokenVerifier(
        publicKeys, clock, JwtAccessTokenVerifier.DEFAULT_CACHE_SIZE);
  }
}
