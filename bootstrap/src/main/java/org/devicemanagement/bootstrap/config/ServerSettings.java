package org.devicemanagement.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.devicemanagement.adapters.rest.limits.LimitsMode;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;

/**
 * Everything {@code serve} needs to start a server: where to listen, where the signing key lives,
 * what answers the API (the emulator's tenant or the gateway to Graph), which permission table to
 * enforce and how long a graceful stop may take.
 *
 * @param host the interface to listen on ({@code localhost} by default; {@code 0.0.0.0} for all)
 * @param port the TCP port; 0 picks a free one
 * @param dataDir the directory holding {@code signing-key.jwk} (used by the emulator only)
 * @param backend the emulator with its tenant, or the gateway with its settings
 * @param permissions the permission catalog's name, {@code seed} or {@code current}
 * @param shutdownGrace how long a stop waits for in-flight requests
 * @param limits which of Intune's limits the emulator applies ({@code off} by default; the gateway
 *     applies none)
 * @param store where the state is kept: memory (the default) or a durable store (the emulator's
 *     tenant, clock and audit trail; the gateway's audit trail)
 */
public record ServerSettings(
    String host,
    int port,
    Path dataDir,
    Backend backend,
    String permissions,
    Duration shutdownGrace,
    LimitsMode limits,
    StoreChoice store) {

  /** Listens on the loopback interface only unless told otherwise. */
  public static final String DEFAULT_HOST = "localhost";

  /** The port {@code serve} uses when none is given. */
  public static final int DEFAULT_PORT = 8080;

  /** The permission table enforced when none is chosen: the seed page's. */
  public static final String DEFAULT_PERMISSIONS = "seed";

  /** The bound on a graceful stop. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** Checks every setting, including that the permission catalog exists. */
  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(permissions, "permissions");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(store, "store");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port %d is not between 0 and 65535".formatted(port));
    }
    if (shutdownGrace.isNegative() || shutdownGrace.isZero()) {
      throw new IllegalArgumentException(
          "shutdownGrace %s must be positive".formatted(shutdownGrace));
    }
    PermissionCatalog.named(permissions);
    if (limits.applies() && backend instanceof Backend.Gateway) {
      throw new IllegalArgumentException(
          "--limits %s applies to the emulator only; the gateway leaves limits to Microsoft Graph"
              .formatted(limits.optionValue()));
    }
  }

  /** Settings keeping the state in memory. */
  public ServerSettings(
      String host,
      int port,
      Path dataDir,
      Backend backend,
      String permissions,
      Duration shutdownGrace,
      LimitsMode limits) {
    this(host, port, dataDir, backend, permissions, shutdownGrace, limits, StoreChoice.memory());
  }

  /** Settings applying no limits, keeping the state in memory. */
  public ServerSettings(
      String host,
      int port,
      Path dataDir,
      Backend backend,
      String permissions,
      Duration shutdownGrace) {
    this(host, port, dataDir, backend, permissions, shutdownGrace, LimitsMode.OFF);
  }

  /**
   * The defaults of {@code serve}: port 8080, the emulator with the demo tenant, the seed table.
   */
  public static ServerSettings defaults(Path dataDir) {
    return new ServerSettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        dataDir,
        Backend.emulator(TenantSource.demo()),
        DEFAULT_PERMISSIONS,
        DEFAULT_SHUTDOWN_GRACE);
  }

  /** The permission catalog these settings name. */
  public PermissionCatalog permissionCatalog() {
    return PermissionCatalog.named(permissions);
  }

  /** These settings listening on {@code newHost}. */
  public ServerSettings withHost(String newHost) {
    return new ServerSettings(
        newHost, port, dataDir, backend, permissions, shutdownGrace, limits, store);
  }

  /** These settings listening on {@code newPort}. */
  public ServerSettings withPort(int newPort) {
    return new ServerSettings(
        host, newPort, dataDir, backend, permissions, shutdownGrace, limits, store);
  }

  /** These settings with {@code newBackend} answering the API. */
  public ServerSettings withBackend(Backend newBackend) {
    return new ServerSettings(
        host, port, dataDir, newBackend, permissions, shutdownGrace, limits, store);
  }

  /** These settings as the emulator serving {@code newTenant} (keeping its control settings). */
  public ServerSettings withTenant(TenantSource newTenant) {
    return withBackend(
        backend instanceof Backend.Emulator emulator
            ? Backend.emulator(newTenant, emulator.clock(), emulator.control())
            : Backend.emulator(newTenant));
  }

  /**
   * These settings with the emulator's control API as {@code control} says.
   *
   * @throws IllegalStateException in the gateway, which has no control API
   */
  public ServerSettings withControl(ControlSettings control) {
    if (backend instanceof Backend.Emulator emulator) {
      return withBackend(Backend.emulator(emulator.tenant(), emulator.clock(), control));
    }
    throw new IllegalStateException("the gateway has no control API");
  }

  /** These settings as the gateway to Microsoft Graph reached as {@code gateway} says. */
  public ServerSettings withGateway(GatewaySettings gateway) {
    return withBackend(Backend.gateway(gateway));
  }

  /**
   * These settings as the emulator on {@code clock}.
   *
   * @throws IllegalStateException if the settings are a gateway's, which has no clock of its own
   */
  public ServerSettings withClock(ClockSetting clock) {
    if (!(backend instanceof Backend.Emulator emulator)) {
      throw new IllegalStateException("only the emulator has a clock of its own");
    }
    return withBackend(Backend.emulator(emulator.tenant(), clock, emulator.control()));
  }

  /** These settings enforcing the catalog named {@code newPermissions}. */
  public ServerSettings withPermissions(String newPermissions) {
    return new ServerSettings(
        host, port, dataDir, backend, newPermissions, shutdownGrace, limits, store);
  }

  /** These settings applying {@code newLimits} (the emulator only). */
  public ServerSettings withLimits(LimitsMode newLimits) {
    return new ServerSettings(
        host, port, dataDir, backend, permissions, shutdownGrace, newLimits, store);
  }

  /** These settings keeping the state in {@code newStore}. */
  public ServerSettings withStore(StoreChoice newStore) {
    return new ServerSettings(
        host, port, dataDir, backend, permissions, shutdownGrace, limits, newStore);
  }

  /** These settings with a different bound on a graceful stop. */
  public ServerSettings withShutdownGrace(Duration newShutdownGrace) {
    return new ServerSettings(
        host, port, dataDir, backend, permissions, newShutdownGrace, limits, store);
  }
}
