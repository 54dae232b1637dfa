package org.devicemanagement.bootstrap.graph;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.adapters.graph.SeededGraph;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.TokenRequest;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * This project's own server, started on port 0 over an in-memory tenant of exactly the given users
 * and devices, as a {@link SeededGraph} for the Graph adapter's contract tests.
 */
final class OurServerAsGraph implements SeededGraph {

  /** The signed-in user of the contract tests' token; not one of the seeded users. */
  static final String CALLER = "contract.admin@contoso.com";

  private final DeviceManagementServer server;
  private final String token;

  private OurServerAsGraph(List<User> users, List<ManagedDevice> devices) {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(
                BootstrapTestData.sharedDataDir(), InMemoryTenant.of(users, devices)));
    token = bearerToken(BootstrapTestData.CONTRACT_SCOPES);
  }

  static OurServerAsGraph of(List<User> users, List<ManagedDevice> devices) {
    return new OurServerAsGraph(users, devices);
  }

  @Override
  public URI baseUrl() {
    return URI.create(server.baseUri() + "v1.0");
  }

  @Override
  public String bearerToken() {
    return token;
  }

  /** A delegated token of {@link #CALLER} holding exactly {@code scopes}. */
  String bearerToken(List<String> scopes) {
    return BootstrapTestData.minter(server.signingKeys().orElseThrow())
        .mint(
            new TokenRequest(
                TokenType.DELEGATED, Optional.of(CALLER), scopes, TokenRequest.DEFAULT_LIFETIME));
  }

  @Override
  public void close() {
    server.stop();
  }
}
