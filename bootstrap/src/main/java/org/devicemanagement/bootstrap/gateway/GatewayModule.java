package org.devicemanagement.bootstrap.gateway;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.adapters.graph.GraphTenant;
import org.devicemanagement.adapters.graph.PassThroughGraphCredentials;
import org.devicemanagement.adapters.memory.InMemoryAuditTrail;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.UnverifiedClaimsVerifier;
import org.devicemanagement.application.audit.TrailRecordingRetirement;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.bootstrap.composition.ForDeviceOperations;
import org.devicemanagement.bootstrap.composition.OutboundPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's backend: the outbound ports bound to Microsoft Graph reached with each inbound
 * caller's own token, and a token verifier that reads claims without verifying signatures (Graph
 * verifies them). The permission table is still enforced here, before any call to Graph.
 *
 * <p>The device operations resolve users through {@link GraphTenant#usersOrStandIns()} (bound
 * {@link ForDeviceOperations}): Graph's device calls need no user-reading scope, so neither does
 * the gateway (a caller holding only {@code
 * DeviceManagementManagedDevices.PrivilegedOperations.All} can retire, as with Graph itself).
 * Reading a user keeps the strict directory.
 *
 * <p>The gateway keeps its own audit trail, served at {@code deviceManagement/auditEvents} (never
 * forwarded to Graph): each retire-all Graph served, recorded once Graph answered, and each one
 * refused here or by Graph.
 */
public final class GatewayModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayModule.class);

  private final GatewaySettings settings;
  private final InboundTokens tokens = new InboundTokens();
  private final GraphTenant tenant;
  private final AuditTrail trail;

  /**
   * A backend reaching Graph as {@code settings} say (no I/O until the first call), keeping its
   * audit trail in memory.
   */
  public GatewayModule(GatewaySettings settings) {
    this(settings, new InMemoryAuditTrail());
  }

  /**
   * A backend reaching Graph as {@code settings} say (no I/O until the first call), keeping its own
   * audit trail (what it did, for whom, and what it refused) in {@code trail}.
   */
  public GatewayModule(GatewaySettings settings, AuditTrail trail) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.trail = Objects.requireNonNull(trail, "trail");
    this.tenant =
        settings
            .tenantCustomizer()
            .apply(
                GraphTenant.builder(
                    settings.graph(), new PassThroughGraphCredentials(tokens::current)))
            .build();
  }

  /** The Graph tenant the gateway calls. */
  public GraphTenant tenant() {
    return tenant;
  }

  /** The holder of each request's inbound token. */
  public InboundTokens tokens() {
    return tokens;
  }

  @Override
  protected void configure() {
    bind(GatewaySettings.class).toInstance(settings);
    bind(InboundTokens.class).toInstance(tokens);
    bind(GraphTenant.class).toInstance(tenant);
    bind(UserDirectory.class).toInstance(tenant.users());
    bind(UserDirectory.class)
        .annotatedWith(ForDeviceOperations.class)
        .toInstance(tenant.usersOrStandIns());
    OutboundPorts.bind(binder(), tenant.devices(), DeviceRetirement.class);
    // Graph keeps its own audit log; the gateway's trail records what Graph did for whom.
    bind(AuditTrail.class).toInstance(trail);
    bind(DeviceRetirement.class).toInstance(new TrailRecordingRetirement(tenant.devices(), trail));
  }

  @Provides
  @Singleton
  AccessTokenVerifier accessTokenVerifier(Clock clock) {
    LOG.warn("{} ({})", GatewaySettings.TRUST_WARNING, settings.graph().baseUrl());
    return tokens.capturing(new UnverifiedClaimsVerifier(clock));
  }

  @Override
  public String toString() {
    return "GatewayModule[" + settings.graph().baseUrl() + "]";
  }
}
