package org.devicemanagement.bootstrap.gateway;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.devicemanagement.adapters.graph.GraphTenant;
import org.devicemanagement.adapters.graph.PassThroughGraphCredentials;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.UnverifiedClaimsVerifier;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.out.ManagedDevices;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.service.ListManagedDevicesService;
import org.devicemanagement.application.service.RemoveAllDevicesFromManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's backend: overrides the in-memory outbound ports with Microsoft Graph reached with
 * each inbound caller's own token, and the token verifier with one that reads claims without
 * verifying signatures (Graph verifies them). The permission table is still enforced here, before
 * any call to Graph.
 *
 * <p>Device operations resolve users through {@link GraphTenant#actionUsers()}: Graph's device calls
 * need no user-reading scope, so neither does the gateway (a caller holding only {@code
 * DeviceManagementManagedDevices.PrivilegedOperations.All} can retire, as with Graph itself).
 */
public final class GraphBackendModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(GraphBackendModule.class);

  private final GatewaySettings settings;
  private final InboundTokens tokens = new InboundTokens();
  private final GraphTenant tenant;

  /** A backend reaching Graph as {@code settings} say. */
  public GraphBackendModule(GatewaySettings settings) {
    this(settings, UnaryOperator.identity());
  }

  /**
   * A backend reaching Graph as {@code settings} say, with {@code customizer} adjusting the tenant
   * (tests replace the sleeper and clock; a deployment may set a proxy's HTTP client).
   */
  public GraphBackendModule(
      GatewaySettings settings, UnaryOperator<GraphTenant.Builder> customizer) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(customizer, "customizer");
    this.tenant =
        customizer
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
    bind(ManagedDevices.class).toInstance(tenant.devices());
  }

  @Provides
  @Singleton
  AccessTokenVerifier accessTokenVerifier(Clock clock) {
    LOG.warn("{} ({})", GatewaySettings.TRUST_WARNING, settings.graph().baseUrl());
    return tokens.capturing(new UnverifiedClaimsVerifier(clock));
  }

  @Provides
  @Singleton
  RemoveAllDevicesFromManagementUseCase removeAllDevicesFromManagement(
      PermissionPolicy policy, Clock clock) {
    return new RemoveAllDevicesFromManagementService(
        policy, tenant.actionUsers(), tenant.devices(), clock);
  }

  @Provides
  @Singleton
  ListManagedDevicesUseCase listManagedDevices(PermissionPolicy policy) {
    return new ListManagedDevicesService(policy, tenant.actionUsers(), tenant.devices());
  }

  @Override
  public String toString() {
    return "GraphBackendModule[" + settings.graph().baseUrl() + "]";
  }
}
