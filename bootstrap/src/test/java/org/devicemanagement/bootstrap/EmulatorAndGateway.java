package org.devicemanagement.bootstrap;

import java.net.URI;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.bootstrap.composition.ServedTenant;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.jspecify.annotations.Nullable;

/**
 * An emulator and a gateway chained in front of it (the gateway's Graph is the emulator's v1.0),
 * sharing the tests' data directory, so tokens the emulator's key signs pass through the gateway.
 */
record EmulatorAndGateway(DeviceManagementServer emulator, DeviceManagementServer gateway)
    implements AutoCloseable {

  /** Both servers, the emulator serving {@code tenant} (the demo-like test tenant when null). */
  static EmulatorAndGateway start(@Nullable InMemoryTenant tenant) {
    DeviceManagementServer emulator =
        DeviceManagementServer.start(
            tenant == null
                ? BootstrapTestData.settings(BootstrapTestData.sharedDataDir())
                : BootstrapTestData.settings(BootstrapTestData.sharedDataDir(), tenant));
    try {
      DeviceManagementServer gateway =
          DeviceManagementServer.start(
              BootstrapTestData.settings(BootstrapTestData.sharedDataDir())
                  .withGateway(GatewaySettings.defaults(URI.create(emulator.baseUri() + "v1.0"))));
      return new EmulatorAndGateway(emulator, gateway);
    } catch (RuntimeException e) {
      emulator.stop();
      throw e;
    }
  }

  /** The emulator's tenant, to read what a call did to it. */
  ServedTenant tenant() {
    return emulator.tenant().orElseThrow();
  }

  /** Stops the gateway, then the emulator. */
  @Override
  public void close() {
    try {
      gateway.stop();
    } finally {
      emulator.stop();
    }
  }
}
