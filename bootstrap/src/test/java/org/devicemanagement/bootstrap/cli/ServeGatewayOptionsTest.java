package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --backend memory|graph [--graph-base-url URL]} and the banners of both backends. */
class ServeGatewayOptionsTest {

  @TempDir Path dataDir;

  @Test
  void givenUnknownBackend_whenServe_thenExit2NamingTheChoices() {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--backend", "ldap");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'ldap'").contains("memory or graph");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void givenPlainHttpGraphOffLoopback_whenServeGateway_thenExit2AsTokensWouldTravelInClear() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--backend",
            "graph",
            "--graph-base-url",
            "http://graph.example.com/v1.0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--graph-base-url").contains("https");
  }

  @Test
  void givenNoRoomForGraphCalls_whenServeGateway_thenExit2NamingTheOptionAndItsRange() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--backend",
            "graph",
            "--graph-max-concurrent-calls",
            "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("Invalid value for option '--graph-max-concurrent-calls'")
        .contains("between 1 and");
  }

  @Test
  void givenTheGatewaysBulkheadOnTheEmulator_whenServe_thenExit2AsItIsTheGatewaysOption() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve", "--data-dir", dataDir.toString(), "--graph-max-concurrent-calls", "8");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--graph-max-concurrent-calls is for --backend graph");
  }

  @Test
  void givenHelp_whenServe_thenBackendOptionsListed() {
    CommandLineRun run = CommandLineRun.of("serve", "--help");

    assertThat(run.out())
        .contains("--backend")
        .contains("--graph-base-url")
        .contains("--graph-max-concurrent-calls")
        .contains("graph.microsoft.com");
  }

  @Test
  void givenGatewayServer_whenBannerRendered_thenNamesGraphAndWarnsThatSignaturesAreNotVerified() {
    GatewaySettings gateway =
        GatewaySettings.defaults(URI.create("https://graph.microsoft.us/v1.0"));
    try (DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir).withGateway(gateway))) {

      String banner =
          StartupBanner.renderGateway(server, BootstrapTestData.settings(dataDir), gateway);

      assertThat(banner)
          .contains("Microsoft Graph at https://graph.microsoft.us/v1.0")
          .contains(GatewaySettings.TRUST_WARNING)
          .contains("NOT verified")
          .contains(server.baseUri() + "v1.0")
          .contains("removeAllDevicesFromManagement")
          .contains("Delegated (work or school account)");
    }
  }

  @Test
  void givenMemoryServer_whenBannerRendered_thenSaysTheBackend() {
    try (DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir))) {

      String banner = StartupBanner.render(server, BootstrapTestData.settings(dataDir), "dm");

      assertThat(banner).contains("Backend:").contains("in-memory tenant");
      assertThat(banner).doesNotContain("NOT verified");
    }
  }
}
