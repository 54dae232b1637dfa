package org.devicemanagement.adapters.graph;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.port.out.UserDirectoryContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;

/**
 * The {@link UserDirectoryContract} run through {@link GraphUserDirectory} against a seeded
 * Graph-compatible server. Subclasses say which server: {@link #seed} starts it.
 */
public abstract class GraphUserDirectoryContract extends UserDirectoryContract {

  private final List<SeededGraph> started = new ArrayList<>();

  /** Starts a Graph-compatible server holding exactly {@code users} and {@code devices}. */
  protected abstract SeededGraph seed(List<User> users, List<ManagedDevice> devices);

  /** The adapter's settings against {@code baseUrl}; short timeouts, as the server is local. */
  protected GraphSettings settings(URI baseUrl) {
    return GraphSettings.defaults(baseUrl)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
        .withUserAgent("device-management-contract-tests");
  }

  @Override
  protected final UserDirectory directoryWith(List<User> users) {
    SeededGraph graph = seed(users, List.of());
    started.add(graph);
    return GraphTenant.connect(
            settings(graph.baseUrl()), new FixedGraphCredentials(graph.bearerToken()))
        .users();
  }

  /** Stops every server this test started. */
  @AfterEach
  protected final void stopSeededGraphs() {
    started.forEach(SeededGraph::close);
    started.clear();
  }
}
