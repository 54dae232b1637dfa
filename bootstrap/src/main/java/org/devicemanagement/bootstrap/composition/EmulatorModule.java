package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.adapters.memory.TenantFileCodec;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.application.port.in.AdministerTenantUseCase;
import org.devicemanagement.application.port.in.CheckInDeviceUseCase;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.TenantFileFormat;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.service.AdministerTenantService;
import org.devicemanagement.application.service.CheckInDeviceService;
import org.devicemanagement.application.service.EmulatorClockService;

/**
 * The emulator's backend: every outbound port bound to one tenant (in memory or a durable store's),
 * the emulator-only use cases of the control API, and tokens checked against this server's own
 * public keys and real time (whatever the emulator's clock says). Tenant and keys are loaded
 * beforehand; the module does no I/O.
 */
public final class EmulatorModule extends AbstractModule {

  private final ServedTenant tenant;
  private final JWKSet publicKeys;

  /** A module serving {@code tenant} to callers whose tokens one of {@code publicKeys} signed. */
  public EmulatorModule(ServedTenant tenant, JWKSet publicKeys) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
  }

  @Override
  protected void configure() {
    bind(ServedTenant.class).toInstance(tenant);
    OutboundPorts.bind(binder(), tenant.adapter());
    bind(UserDirectory.class)
        .annotatedWith(ForDeviceOperations.class)
        .toInstance(tenant.port(UserDirectory.class));
    bind(TenantFileFormat.class).toInstance(new TenantFileCodec());
  }

  @Provides
  @Singleton
  AccessTokenVerifier accessTokenVerifier() {
    // Tokens are minted against real time (the token command knows nothing of a virtual clock).
    // Clients repeat their token on every call: remember the verified ones (docs/benchmarks.md).
    return new JwtAccessTokenVerifier(
        publicKeys, Clock.systemUTC(), JwtAccessTokenVerifier.DEFAULT_CACHE_SIZE);
  }

  @Provides
  @Singleton
  AdministerTenantUseCase administerTenant(
      TenantAdministration tenantAdministration, TenantFileFormat format, Clock clock) {
    return new AdministerTenantService(tenantAdministration, format, clock);
  }

  @Provides
  @Singleton
  EmulatorClockUseCase emulatorClock(Clock clock, CheckIns checkIns) {
    return new EmulatorClockService(clock, checkIns);
  }

  @Provides
  @Singleton
  CheckInDeviceUseCase checkInDevice(CheckIns checkIns, Clock clock) {
    return new CheckInDeviceService(checkIns, clock);
  }
}
