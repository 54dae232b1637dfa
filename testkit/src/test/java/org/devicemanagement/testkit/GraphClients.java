package org.devicemanagement.testkit;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;

/** The Microsoft Graph Java SDK v6, unchanged, pointed at a test's emulator. */
final class GraphClients {

  private GraphClients() {}

  /** A client of {@code graph}'s v1.0 endpoint sending {@code token}. */
  static GraphServiceClient of(GraphEmulator graph, String token) {
    AuthenticationProvider bearer =
        (request, context) -> request.headers.add("Authorization", "Bearer " + token);
    GraphServiceClient client = new GraphServiceClient(bearer);
    client.getRequestAdapter().setBaseUrl(graph.baseUrl().toString());
    return client;
  }
}
