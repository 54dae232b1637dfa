package org.devicemanagement.bootstrap;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import java.net.URI;
import java.util.Map;

/** The Microsoft Graph Java SDK v6, unchanged, pointed at one of our servers. */
final class GraphSdkClients {

  private GraphSdkClients() {}

  /** A client of {@code serverRoot}'s v1.0 endpoint sending {@code token} on every request. */
  static GraphServiceClient v1(URI serverRoot, String token) {
    GraphServiceClient graph = new GraphServiceClient(new StaticBearerToken(token));
    graph.getRequestAdapter().setBaseUrl(serverRoot.resolve("v1.0").toString());
    return graph;
  }

  /** Adds a fixed bearer token, with none of the SDK's https or allowed-host checks. */
  private static final class StaticBearerToken implements AuthenticationProvider {
    private final String token;

    StaticBearerToken(String token) {
      this.token = token;
    }

    @Override
    public void authenticateRequest(
        RequestInformation request, Map<String, Object> additionalAuthenticationContext) {
      request.headers.add("Authorization", "Bearer " + token);
    }
  }
}
