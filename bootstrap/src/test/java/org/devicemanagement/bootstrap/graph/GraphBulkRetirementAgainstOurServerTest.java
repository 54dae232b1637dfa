package org.devicemanagement.bootstrap.graph;

import java.util.List;
import org.devicemanagement.adapters.graph.FixedGraphCredentials;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.adapters.graph.GraphTenant;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.application.port.out.BulkRetirementContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;

/**
 * {@code GraphTenant.bulkRetirement()} against this project's own server's {@code $batch} keeps the
 * batch port's contract.
 */
class GraphBulkRetirementAgainstOurServerTest implements BulkRetirementContract {

  private OurServerAsGraph server;

  @Override
  public BulkRetirement bulkWith(List<User> users, List<ManagedDevice> devices) {
    server = OurServerAsGraph.of(users, devices);
    return GraphTenant.connect(
            GraphSettings.defaults(server.baseUrl()),
            new FixedGraphCredentials(server.bearerToken()))
        .bulkRetirement();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }
}
