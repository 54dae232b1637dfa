package org.devicemanagement.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.memory.TenantFile;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start's warm-up does the first request's work, and leaves no trace in the server. */
class WarmUpTest {

  @TempDir Path dataDir;

  @Test
  void givenStartedServer_whenWarmUpHasRun_thenItCheckedATokenAndLeftNoTrace() throws Exception {
    InMemoryTenant tenant = TenantFile.demo();
    String before = tenant.users() + " " + tenant.devicesWithoutUser() + " " + tenant;
    try (DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir, tenant))) {
      assertThat(server.firstRequestWarmUp())
          .as("the emulator starts the warm-up")
          .hasValueSatisfying(
              warmUp ->
                  assertThat(warmUp)
                      .succeedsWithin(Duration.ofSeconds(20))
                      .as("the warm-up reached the signature check")
                      .isEqualTo(true));
      awaitWarmUp();

      AccessTokenVerifier verifier = server.instance(AccessTokenVerifier.class);
      assertThat(verifier).isInstanceOf(JwtAccessTokenVerifier.class);
      assertThat(((JwtAccessTokenVerifier) verifier).cachedTokens()).isZero();
      assertThat(tenant.users() + " " + tenant.devicesWithoutUser() + " " + tenant)
          .isEqualTo(before);
    }
  }

  private static void awaitWarmUp() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("warm-up"))) {
      assertThat(Instant.now()).as("warm-up finished").isBefore(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void givenGateway_whenStarted_thenNoWarmUp() {
    try (DeviceManagementServer gateway =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir)
                .withGateway(
                    org.devicemanagement.bootstrap.gateway.GatewaySettings.defaults(
                        java.net.URI.create("https://graph.microsoft.com/v1.0"))))) {
      assertThat(gateway.firstRequestWarmUp()).isEmpty();
    }
  }
}
