package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.application.port.out.UserDirectory;

/**
 * The emulator's backend: every outbound port bound to one in-memory tenant, and tokens checked
 * against this server's own public keys. Both are loaded beforehand; the module does no I/O.
 */
public final class EmulatorModule extends AbstractModule {

  private final InMemoryTenant tenant;
  private final JWKSet publicKeys;

  /** A module serving {@code tenant} to callers whose tokens one of {@code publicKeys} signed. */
  public EmulatorModule(InMemoryTenant tenant, JWKSet publicKeys) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
  }

  @Override
  protected void configure() {
    bind(InMemoryTenant.class).toInstance(tenant);
    OutboundPorts.bind(binder(), tenant);
    bind(UserDirectory.class).annotatedWith(ForDeviceOperations.class).toInstance(tenant);
  }

  @Provides
  @Singleton
  AccessTokenVerifier accessTokenVerifier(Clock clock) {
    // Clients repeat their token on every call: remember the verified ones (docs/benchmarks.md).
    return new JwtAccessTokenVerifier(publicKeys, clock, JwtAccessTokenVerifier.DEFAULT_CACHE_SIZE);
  }
}
