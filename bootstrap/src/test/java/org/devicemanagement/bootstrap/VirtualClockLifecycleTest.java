package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.ALEX_UPN;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.AdministerTenantUseCase;
import org.devicemanagement.application.port.in.CheckInDeviceUseCase;
import org.devicemanagement.application.port.in.ClockMode;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.CheckInOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retire lifecycle through the real server on a virtual clock: retire over HTTP, move time
 * through the application's clock use case, read the devices over HTTP.
 */
class VirtualClockLifecycleTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir static Path dataDir;

  private DeviceManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void givenVirtualClock_whenRetireAllThenEightHoursPass_thenRetiredDevicesLeaveAndWipeStays() {
    URI base = start();
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    List<String> before = ids(devices(base, ADELE_UPN, token));
    assertThat(before).hasSize(5);

    assertThat(
            send(BootstrapTestData.post(
                    base, userPath(ADELE_UPN) + "/removeAllDevicesFromManagement", token))
                .statusCode())
        .isEqualTo(204);
    EmulatorClockUseCase clock = server.instance(EmulatorClockUseCase.class);
    clock.advanceClock(Duration.ofHours(7));
    assertThat(devices(base, ADELE_UPN, token).path("value")).hasSize(5);
    clock.advanceClock(Duration.ofHours(1));

    JsonNode after = devices(base, ADELE_UPN, token);
    assertThat(after.path("value")).hasSize(1);
    JsonNode wiping = after.path("value").get(0);
    assertThat(wiping.path("managementState").asText()).isEqualTo("wipePending");
    assertThat(wiping.path("lastSyncDateTime").asText()).isEqualTo("2026-01-01T08:00:00Z");
    String retired =
        before.stream()
            .filter(id -> !id.equals(wiping.path("id").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(
            send(BootstrapTestData.get(
                    base, "v1.0/deviceManagement/managedDevices/" + retired, token))
                .statusCode())
        .isEqualTo(404);
    assertThat(clock.readClock().now()).isEqualTo(START.plus(Duration.ofHours(8)));
    assertThat(clock.readClock().mode()).isEqualTo(ClockMode.VIRTUAL);
  }

  @Test
  void givenVirtualClock_whenOneDeviceChecksInNow_thenItsPendingRetireCompletesAtTheClocksTime() {
    URI base = start();
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ALEX_UPN);
    String pending =
        stream(devices(base, ALEX_UPN, token)).stream()
            .filter(d -> d.path("managementState").asText().equals("retirePending"))
            .map(d -> d.path("id").asText())
            .findFirst()
            .orElseThrow();

    CheckInOutcome outcome = server.instance(CheckInDeviceUseCase.class).checkInDevice(pending);

    assertThat(outcome.leftIntune()).isTrue();
    assertThat(outcome.after().lastSyncDateTime()).isEqualTo(START);
    assertThat(
            send(BootstrapTestData.get(
                    base, "v1.0/deviceManagement/managedDevices/" + pending, token))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void givenChangedTenantAndClock_whenReset_thenTheStartingTenantAndTimeAreBack() throws Exception {
    URI base = start();
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    AdministerTenantUseCase tenant = server.instance(AdministerTenantUseCase.class);
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    tenant.exportTenant(exported);
    send(
        BootstrapTestData.post(
            base, userPath(ADELE_UPN) + "/removeAllDevicesFromManagement", token));
    server.instance(EmulatorClockUseCase.class).advanceClock(Duration.ofDays(2));
    tenant.replaceTenant(
        new ByteArrayInputStream("{\"users\":[]}".getBytes(StandardCharsets.UTF_8)));

    tenant.resetTenant();

    assertThat(server.instance(EmulatorClockUseCase.class).readClock().now()).isEqualTo(START);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    tenant.exportTenant(again);
    assertThat(again.toString(StandardCharsets.UTF_8))
        .isEqualTo(exported.toString(StandardCharsets.UTF_8));
    assertThat(devices(base, ADELE_UPN, token).path("value")).hasSize(5);
  }

  @Test
  void givenSystemClock_whenAdvanced_thenInvalidRequest() {
    server = DeviceManagementServer.start(BootstrapTestData.settings(dataDir).withPort(0));

    assertThatThrownBy(
            () -> server.instance(EmulatorClockUseCase.class).advanceClock(Duration.ofHours(1)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(server.instance(EmulatorClockUseCase.class).readClock().mode())
        .isEqualTo(ClockMode.SYSTEM);
  }

  private URI start() {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withPort(0).withClock(ClockSetting.virtual(START)));
    return server.baseUri();
  }

  private static String userPath(String user) {
    return "v1.0/users/" + user;
  }

  private static JsonNode devices(URI base, String user, String token) {
    return BootstrapTestData.json(
        send(BootstrapTestData.get(base, userPath(user) + "/managedDevices", token)).body());
  }

  private static List<JsonNode> stream(JsonNode list) {
    List<JsonNode> devices = new ArrayList<>();
    list.path("value").forEach(devices::add);
    return devices;
  }

  private static List<String> ids(JsonNode list) {
    return stream(list).stream().map(d -> d.path("id").asText()).toList();
  }

  private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
    return BootstrapTestData.send(request);
  }
}
