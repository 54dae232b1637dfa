package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --limits off|intune|intune-no-retry-after}: its refusals and its help. */
class ServeLimitsOptionsTest {

  @TempDir Path dataDir;

  @Test
  void givenTheGatewayWithLimits_whenServe_thenExit2AsGraphHasItsOwn() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve", "--data-dir", dataDir.toString(), "--backend", "graph", "--limits", "intune");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--limits applies to the emulator only");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void givenAnUnknownLimitsMode_whenServe_thenExit2NamingTheChoices() {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--limits", "azure");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("Invalid value for option '--limits'")
        .contains("off, intune or intune-no-retry-after");
  }

  @Test
  void givenHelp_whenServe_thenTheLimitsOptionIsListed() {
    assertThat(CommandLineRun.of("serve", "--help").out())
        .contains("--limits")
        .contains("intune-no-retry-after");
  }
}
