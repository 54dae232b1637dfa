package org.devicemanagement.bootstrap.graph;

import java.util.List;
import org.devicemanagement.adapters.graph.GraphManagedDevicesContract;
import org.devicemanagement.adapters.graph.SeededGraph;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * The managed-devices contract through the Graph adapter against this project's own server: the
 * Graph adapter and the in-memory adapter agree, and the server speaks Graph's dialect.
 */
class GraphManagedDevicesAgainstOurServerTest extends GraphManagedDevicesContract {

  @Override
  protected SeededGraph seed(List<User> users, List<ManagedDevice> devices) {
    return OurServerAsGraph.of(users, devices);
  }
}
