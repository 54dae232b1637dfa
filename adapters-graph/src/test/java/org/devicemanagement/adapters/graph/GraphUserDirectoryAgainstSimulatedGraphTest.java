package org.devicemanagement.adapters.graph;

import java.util.List;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/** The user-directory contract through the adapter, against the in-test {@link SimulatedGraph}. */
class GraphUserDirectoryAgainstSimulatedGraphTest extends GraphUserDirectoryContract {

  @Override
  protected SeededGraph seed(List<User> users, List<ManagedDevice> devices) {
    return SimulatedGraph.of(users, devices);
  }
}
