package org.devicemanagement.adapters.graph;

import java.net.URI;

/**
 * A Graph-compatible server started for one contract test, holding exactly the users and devices it
 * was seeded with: this project's own server, or the in-test {@link SimulatedGraph}.
 */
public interface SeededGraph extends AutoCloseable {

  /**
   * Graph's root on the server, version included, for example {@code http://127.0.0.1:41234/v1.0}.
   */
  URI baseUrl();

  /**
   * A delegated (work or school) token the server accepts for reading devices and for
   * removeAllDevicesFromManagement: scopes {@code DeviceManagementManagedDevices.Read.All} and
   * {@code DeviceManagementManagedDevices.PrivilegedOperations.All}.
   */
  String bearerToken();

  /** Stops the server. */
  @Override
  void close();
}
