package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.config.ControlSettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code serve --clock system|virtual[=INSTANT]} and the banner's Clock line. */
class ServeClockOptionsTest {

  private static final Clock REAL =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;

  @Test
  void givenEachAcceptedValue_whenParsed_thenTheClockItNames() {
    assertThat(ClockSetting.parse("system", REAL)).isEqualTo(ClockSetting.system());
    assertThat(ClockSetting.parse("SYSTEM", REAL)).isEqualTo(ClockSetting.system());
    assertThat(ClockSetting.parse("virtual", REAL))
        .as("the real time of the start, to the second")
        .isEqualTo(ClockSetting.virtualResuming(Instant.parse("2026-03-04T05:06:07Z")));
    assertThat(ClockSetting.parse("virtual=2026-01-01T00:00:00Z", REAL))
        .isEqualTo(ClockSetting.virtual(Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(ClockSetting.parse("virtual=2026-01-01T00:00:00Z", REAL).create())
        .isInstanceOf(VirtualClock.class)
        .extracting(Clock::instant)
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sometimes", "virtual=", "virtual=tomorrow", "virtual=2026-01-01", ""})
  void givenUnknownClock_whenServe_thenUsageErrorExit2NamingTheChoices(String value) {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--clock", value);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--clock'");
    assertThat(run.out()).isEmpty();
    assertThatThrownBy(() -> ClockSetting.parse(value, REAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-01T00:00:00Z");
  }

  @Test
  void givenVirtualClockForTheGateway_whenServe_thenUsageErrorExit2() {
    CommandLineRun run =
        CommandLineRun.of(
            "serve", "--data-dir", dataDir.toString(), "--backend", "graph", "--clock", "virtual");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--clock is the emulator's");
  }

  @Test
  void givenHelp_whenServe_thenClockOptionListed() {
    assertThat(CommandLineRun.of("serve", "--help").out()).contains("--clock").contains("virtual");
  }

  @Test
  void givenVirtualClockServer_whenBannerRendered_thenSaysWhereTheClockStands() {
    var settings =
        BootstrapTestData.settings(dataDir)
            .withClock(ClockSetting.virtual(Instant.parse("2026-01-01T00:00:00Z")));
    try (DeviceManagementServer server = DeviceManagementServer.start(settings)) {

      String banner = StartupBanner.render(server, settings, "dm");

      assertThat(banner)
          .contains("Clock:")
          .contains("virtual, standing at 2026-01-01T00:00:00Z")
          .contains("/_emulator/clock/advance");
    }
  }

  @Test
  void givenDefaultServer_whenBannerRendered_thenSystemClock() {
    var settings = BootstrapTestData.settings(dataDir);
    try (DeviceManagementServer server = DeviceManagementServer.start(settings)) {

      assertThat(StartupBanner.render(server, settings, "dm"))
          .contains("Clock:")
          .contains("system");
    }
  }

  @Test
  void givenLoopbackOrClosedControl_whenBannerRendered_thenTheControlApiLineSaysWhereOrHowToOpen() {
    var open = BootstrapTestData.settings(dataDir);
    try (DeviceManagementServer server = DeviceManagementServer.start(open)) {
      assertThat(StartupBanner.render(server, open, "dm"))
          .contains("Control API:")
          .contains(server.baseUri().resolve("_emulator/").toString())
          .contains("open it in a browser for the web console")
          .contains("journal of 10000 requests");
    }
    var closed = open.withControl(ControlSettings.defaults().withEnabled(false));
    try (DeviceManagementServer server = DeviceManagementServer.start(closed)) {
      assertThat(StartupBanner.render(server, closed, "dm"))
          .contains("Control API:")
          .contains("off (--control on opens /_emulator/)");
    }
  }
}
