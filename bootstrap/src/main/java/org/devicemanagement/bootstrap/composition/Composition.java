package org.devicemanagement.bootstrap.composition;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.adapters.rest.limits.EmulatorLimits;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.bootstrap.config.Backend;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.devicemanagement.bootstrap.gateway.GatewayModule;
import org.devicemanagement.bootstrap.gateway.InboundTokens;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.jspecify.annotations.Nullable;

/**
 * Decides from the settings which modules make a server (the application, the REST resources, and
 * the backend: emulator or gateway), loads what that backend needs, and builds the injector. Only
 * the emulator loads a tenant and a signing key; the gateway loads neither.
 */
public final class Composition {

  private final ServerSettings settings;
  private final Module[] overrides;
  private final @Nullable GatewayModule gateway;
  private final Optional<JdbcStore> gatewayStore;
  private final ControlApi control;
  private final EmulatorLimits limits;
  private volatile @Nullable Injector composed;

  private Composition(ServerSettings settings, Module[] overrides) {
    this.settings = settings;
    this.overrides = overrides.clone();
    if (settings.backend() instanceof Backend.Gateway chosen) {
      // The gateway's trail only: it never seeds or serves a tenant from the store.
      this.gatewayStore =
          settings.store() instanceof StoreChoice.Durable durable
              ? Optional.of(JdbcStore.open(durable.settings()))
              : Optional.empty();
      this.gateway =
          gatewayStore
              .map(store -> new GatewayModule(chosen.gateway(), store.tenant()))
              .orElseGet(() -> new GatewayModule(chosen.gateway()));
    } else {
      this.gatewayStore = Optional.empty();
      this.gateway = null;
    }
    this.control =
        settings.backend() instanceof Backend.Emulator emulator
                && emulator.control().enabledOn(settings.host())
            ? ControlApi.on(emulator.control().journalSize())
            : ControlApi.off();
    // Throttling windows are real time, whatever the emulator's clock: clients wait in real time.
    // A throttled retire-all is recorded by the use case, built later with the injector.
    this.limits =
        EmulatorLimits.of(
            settings.limits(),
            Clock.systemUTC(),
            () -> composedInjector().getInstance(RemoveAllDevicesFromManagementUseCase.class));
  }

  /**
   * The composition of a server started with {@code settings}, {@code overrides} replacing any of
   * its bindings (for example another adapter for an outbound port). Does no I/O besides resolving
   * the host's name, when the control API is on or off by the host, and opening the gateway's
   * durable store, when it has one (its module needs the store's audit trail).
   *
   * @throws org.devicemanagement.adapters.jdbc.StoreException if the gateway's store cannot be
   *     opened
   */
  public static Composition of(ServerSettings settings, Module... overrides) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(overrides, "overrides");
    return new Composition(settings, overrides);
  }

  /**
   * What Jersey must hold besides the API's own providers: in the gateway, the filter that drops
   * each caller's token once its response is written; in the emulator with limits, the throttling
   * filter.
   */
  public List<Object> jerseyProviders() {
    if (gateway != null) {
      return List.of(gateway.tokens().clearingFilter());
    }
    return limits.throttlingFilter().<List<Object>>map(List::of).orElse(List.of());
  }

  /** The emulator's control API, on or off; always off in the gateway. */
  public ControlApi control() {
    return control;
  }

  /**
   * Loads the backend and builds the injector. The emulator loads its tenant first, so that a bad
   * tenant file is reported before anything is written to disk, then its signing key, created on
   * first use, then opens its store: in memory, the tenant loaded with its check-ins planned from
   * the clock's time; in a durable store, the tenant the store holds, seeded first when it holds
   * none (or when told to replace it), and its virtual clock resumed where it was left. The gateway
   * opens only its store, for its audit trail, and never seeds it.
   *
   * @throws org.devicemanagement.adapters.memory.TenantFileException if the tenant file is invalid
   * @throws org.devicemanagement.bootstrap.security.SigningKeyException if the key cannot be used
   * @throws org.devicemanagement.adapters.jdbc.StoreException if the store cannot be opened
   * @throws StoreSeedingException if a tenant was given for a store that holds one already
   */
  public Composed compose() {
    if (gateway != null) {
      try {
        Module application =
            Modules.combine(
                new ApplicationModule(settings.permissionCatalog()), new RestModule(control));
        Injector injector =
            Guice.createInjector(Modules.override(application, gateway).with(overrides));
        requireTokensClearedByGateway(injector, gateway.tokens());
        return new Composed(
            injector, Optional.empty(), Optional.empty(), gatewayStore, "system (Graph's own)");
      } catch (RuntimeException | Error e) {
        gatewayStore.ifPresent(JdbcStore::close);
        throw e;
      }
    }
    Backend.Emulator emulator = (Backend.Emulator) settings.backend();
    InMemoryTenant loaded = emulator.tenant().load();
    SigningKeys keys = SigningKeys.loadOrCreate(settings.dataDir());
    EmulatorState state = EmulatorState.open(settings.store(), emulator, loaded);
    try {
      Module application =
          Modules.combine(
              new ApplicationModule(settings.permissionCatalog(), state.clock()),
              new RestModule(control));
      Injector injector =
          Guice.createInjector(
              Modules.override(
                      application,
                      new LimitsModule(limits),
                      new EmulatorModule(state.tenant(), keys.publicKeys()))
                  .with(overrides));
      requireTokensClearedByGateway(injector, null);
      composed = injector;
      return new Composed(
          injector,
          Optional.of(state.tenant()),
          Optional.of(keys),
          state.tenant().store(),
          state.clockDescription());
    } catch (RuntimeException | Error e) {
      state.tenant().store().ifPresent(JdbcStore::close);
      throw e;
    }
  }

  private Injector composedInjector() {
    Injector injector = composed;
    if (injector == null) {
      throw new IllegalStateException("a request was throttled before the server was composed");
    }
    return injector;
  }

  /**
   * Refuses an {@link InboundTokens} the gateway does not own: its tokens would never be cleared,
   * and one caller's token could serve the next request on the same thread.
   */
  private static void requireTokensClearedByGateway(
      Injector injector, @Nullable InboundTokens gatewayTokens) {
    Binding<InboundTokens> bound = injector.getExistingBinding(Key.get(InboundTokens.class));
    if (bound != null && bound.getProvider().get() != gatewayTokens) {
      throw new IllegalStateException(
          "InboundTokens is bound outside the gateway's module: its tokens would not be cleared");
    }
  }

  /**
   * A composed server: its injector, the tenant and signing key the emulator loaded (both empty in
   * the gateway), the durable store it opened (to close once the server stopped; empty in memory)
   * and how its clock stands.
   */
  public record Composed(
      Injector injector,
      Optional<ServedTenant> tenant,
      Optional<SigningKeys> signingKeys,
      Optional<JdbcStore> store,
      String clockDescription) {

    /** Checks that every part is present. */
    public Composed {
      Objects.requireNonNull(injector, "injector");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(signingKeys, "signingKeys");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(clockDescription, "clockDescription");
    }
  }
}
