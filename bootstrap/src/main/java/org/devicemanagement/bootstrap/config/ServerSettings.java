package org.devicemanagement.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.devicemanagement.application.permission.PermissionCatalog;

/**
 * Everything {@code serve} needs to start a server: where to listen, where the signing key lives,
 * which tenant to serve, which permission table to enforce and how long a graceful stop may take.
 *
 * @param host the interface to listen on ({@code localhost} by default; {@code 0.0.0.0} for all)
 * @param port the TCP port; 0 picks a free one
 * @param dataDir the directory holding {@code signing-key.jwk}
 * @param tenant where the in-memory tenant comes from
 * @param permissions the permission catalog's name, {@code seed} or {@code current}
 * @param shutdownGrace how long a stop waits for in-flight requests
 */
public record ServerSettings(
    String host,
    int port,
    Path dataDir,
    TenantSource tenant,
    String permissions,
    Duration shutdownGrace) {

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
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(permissions, "permissions");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
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
  }

  /** The defaults of {@code serve}: port 8080, the demo tenant, the seed table. */
  public static ServerSettings defaults(Path dataDir) {
    return new ServerSettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        dataDir,
        TenantSource.demo(),
        DEFAULT_PERMISSIONS,
        DEFAULT_SHUTDOWN_GRACE);
  }

  /** The permission catalog these settings name. */
  public PermissionCatalog permissionCatalog() {
    return PermissionCatalog.named(permissions);
  }

  /** These settings listening on {@code newHost}. */
  public ServerSettings withHost(String newHost) {
    return new ServerSettings(newHost, port, dataDir, tenant, permissions, shutdownGrace);
  }

  /** These settings listening on {@code newPort}. */
  public ServerSettings withPort(int newPort) {
    return new ServerSettings(host, newPort, dataDir, tenant, permissions, shutdownGrace);
  }

  /** These settings serving {@code newTenant}. */
  public ServerSettings withTenant(TenantSource newTenant) {
    return new ServerSettings(host, port, dataDir, newTenant, permissions, shutdownGrace);
  }

  /** These settings enforcing the catalog named {@code newPermissions}. */
  public ServerSettings withPermissions(String newPermissions) {
    return new ServerSettings(host, port, dataDir, tenant, newPermissions, shutdownGrace);
  }

  /** These settings with a different bound on a graceful stop. */
  public ServerSettings withShutdownGrace(Duration newShutdownGrace) {
    return new ServerSettings(host, port, dataDir, tenant, permissions, newShutdownGrace);
  }
}
