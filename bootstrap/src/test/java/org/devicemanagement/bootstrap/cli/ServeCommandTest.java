package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeCommandTest {

  @TempDir Path dataDir;

  @Test
  void givenPortOutOfRange_whenServe_thenUsageErrorExit2() {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--port", "70000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "error: Invalid value for option '--port': 70000 is not between 0 and 65535",
            "see 'device-management serve --help'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void givenUnresolvableHost_whenServe_thenOneUsageErrorLineExit2() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--host",
            "no.such.host.invalid");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "error: Invalid value for option '--host': cannot resolve 'no.such.host.invalid'",
            "see 'device-management serve --help'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "127.0.0.1", "localhost"})
  void givenWildcardOrLocalHost_whenServe_thenHostAcceptedAndTheNextCheckSpeaks(String host) {
    CommandLineRun run =
        CommandLineRun.of(
            "serve", "--data-dir", dataDir.toString(), "--host", host, "--permissions", "latest");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("--host").contains("'--permissions'");
  }

  @Test
  void givenNonNumericPort_whenServe_thenExit2() {
    CommandLineRun run = CommandLineRun.of("serve", "--port", "http");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--port").contains("'http'");
  }

  @Test
  void givenUnknownPermissionTable_whenServe_thenExit2NamingTheChoices() {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--permissions", "latest");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'latest'").contains("seed or current");
  }

  @Test
  void givenUnknownOption_whenServe_thenExit2() {
    CommandLineRun run = CommandLineRun.of("serve", "--verbose");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "error: Unknown option: '--verbose'", "see 'device-management serve --help'");
  }

  @Test
  void givenTenantFileWithBadEntry_whenServe_thenOneErrorLineNamingFileAndEntryExit2()
      throws Exception {
    Path tenant = dataDir.resolve("tenant.json");
    Files.writeString(
        tenant,
        """
        {"users": [
          {"id": "11111111-2222-4333-8444-555555555555", "userPrincipalName": "a@fabrikam.example"},
          {"id": "not-a-guid", "userPrincipalName": "b@fabrikam.example"}
        ], "managedDevices": []}
        """);

    CommandLineRun run =
        CommandLineRun.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--tenant",
            tenant.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains(tenant.toString())
        .contains("users[1]")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void givenMissingTenantFile_whenServe_thenOneErrorLineNamingTheFileExit2() {
    Path missing = dataDir.resolve("missing.json");

    CommandLineRun run =
        CommandLineRun.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--tenant",
            missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains(missing.toString());
  }

  @Test
  void givenPortInUse_whenServe_thenClearErrorExit1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
      CommandLineRun run =
          CommandLineRun.of(
              "serve",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--data-dir",
              dataDir.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .contains("already in use")
          .contains(Integer.toString(taken.getLocalPort()));
    }
  }

  @Test
  void givenNoSubcommand_whenRun_thenUsageAndExit2() {
    CommandLineRun run = CommandLineRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "error: Missing required subcommand: serve, token or offboard",
            "see 'device-management --help'");
  }

  @Test
  void givenHelp_whenRun_thenUsageListsBothCommandsExit0() {
    CommandLineRun run = CommandLineRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("device-management").contains("serve").contains("token");
  }

  @Test
  void givenServeHelp_whenRun_thenEveryOptionIsDocumented() {
    CommandLineRun run = CommandLineRun.of("serve", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--port")
        .contains("--data-dir")
        .contains("--tenant")
        .contains("--permissions")
        .contains("--control")
        .contains("--journal-size")
        .contains("$HOME/.device-management");
  }

  @Test
  void givenVersion_whenRun_thenPrintsTheProductVersionExit0() {
    CommandLineRun run = CommandLineRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("device-management ").doesNotContain("unknown");
  }

  @Test
  void givenTlsKeystoreWithoutPassword_whenServe_thenUsageErrorExit2NamingBothWays() {
    CommandLineRun run = CommandLineRun.of("serve", "--port", "0", "--tls-keystore", "absent.p12");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--tls-keystore-password-file")
        .contains("DEVICE_MANAGEMENT_TLS_KEYSTORE_PASSWORD");
  }

  @Test
  void givenPasswordFileWithoutKeystore_whenServe_thenUsageErrorExit2() {
    CommandLineRun run =
        CommandLineRun.of("serve", "--port", "0", "--tls-keystore-password-file", "pw.txt");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs --tls-keystore");
  }

  @Test
  void givenControlNeitherOnNorOff_whenServe_thenUsageErrorExit2NamingTheChoices() {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--control", "maybe");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--control'").contains("'maybe'").contains("on or off");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1000001"})
  void givenJournalSizeOutOfRange_whenServe_thenUsageErrorExit2(String size) {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--journal-size", size);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--journal-size'").contains("between 0 and 1000000");
  }

  @Test
  void givenControlOnWithTheGateway_whenServe_thenUsageErrorExit2() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve", "--data-dir", dataDir.toString(), "--backend", "graph", "--control", "on");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the gateway has none");
  }
}
