package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API's tenant, clock, check-in and reset routes on the real server with a virtual
 * clock: each answers JSON, and each failure is a 4xx in the error envelope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlStateEndToEndTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String KIM_DEVICE = "f0000000-0000-4000-8000-000000000001";

  @TempDir static Path dataDir;

  private DeviceManagementServer server;
  private URI base;

  @BeforeAll
  void start() {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withClock(ClockSetting.virtual(START)));
    base = server.baseUri();
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  private HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request = BootstrapTestData.request(base, path, null);
    request.header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return BootstrapTestData.send(request.build());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return BootstrapTestData.json(response.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).get("error").get("code").asText()).isEqualTo(code);
  }

  @Test
  void givenAVirtualClock_whenTheTenantIsReplacedAdvancedCheckedInAndReset_thenEachAnswers() {
    HttpResponse<String> replaced =
        send("PUT", "_emulator/tenant", BootstrapTestData.TENANT_FILE_JSON);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(json(replaced).get("users").asInt()).isEqualTo(1);
    assertThat(json(replaced).get("managedDevices").asInt()).isEqualTo(1);

    HttpResponse<String> exported = send("GET", "_emulator/tenant", null);
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(json(exported).get("managedDevices").get(0).get("id").asText())
        .isEqualTo(KIM_DEVICE);

    HttpResponse<String> user =
        send(
            "POST",
            "_emulator/users",
            "{\"id\": \"f2222222-2222-4333-8444-555555555555\","
                + " \"userPrincipalName\": \"lee@fabrikam.example\", \"displayName\": \"Lee\"}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
    assertThat(json(user).get("userPrincipalName").asText()).isEqualTo("lee@fabrikam.example");
    HttpResponse<String> device =
        send(
            "POST",
            "_emulator/managedDevices",
            "{\"id\": \"f0000000-0000-4000-8000-000000000002\","
                + " \"userId\": \"f2222222-2222-4333-8444-555555555555\", \"deviceName\": \"LEE\"}");
    assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
    assertThat(json(device).get("userPrincipalName").asText()).isEqualTo("lee@fabrikam.example");

    HttpResponse<String> clock = send("GET", "_emulator/clock", null);
    assertThat(json(clock).get("now").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(json(clock).get("mode").asText()).isEqualTo("virtual");
    HttpResponse<String> advanced = send("POST", "_emulator/clock/advance", "{\"by\": \"PT8H\"}");
    assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
    assertThat(json(advanced).get("now").asText()).isEqualTo("2026-01-01T08:00:00Z");

    HttpResponse<String> checkedIn =
        send("POST", "_emulator/managedDevices/" + KIM_DEVICE + "/checkIn", null);
    assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
    assertThat(json(checkedIn).get("lastSyncDateTime").asText()).isEqualTo("2026-01-01T08:00:00Z");
    assertThat(json(checkedIn).get("leftIntune").asBoolean()).isFalse();

    assertThat(send("DELETE", "_emulator/managedDevices/" + KIM_DEVICE, null).statusCode())
        .isEqualTo(204);
    assertError(
        send("DELETE", "_emulator/managedDevices/" + KIM_DEVICE, null), 404, "ResourceNotFound");

    assertThat(
            send("POST", "_emulator/faults", "{\"respond\": {\"status\": 503}, \"times\": 9}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> reset = send("POST", "_emulator/reset", null);
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    assertThat(json(send("GET", "_emulator/clock", null)).get("now").asText())
        .isEqualTo("2026-01-01T00:00:00Z");
    assertThat(json(send("GET", "_emulator/requests", null)).get("value")).isEmpty();
    assertThat(json(send("GET", "_emulator/faults", null)).get("value")).isEmpty();
  }

  @Test
  void givenBadInput_whenTheStateRoutesAreCalled_then4xxInTheErrorEnvelope() {
    assertError(send("PUT", "_emulator/tenant", "{\"users\": 7}"), 400, "BadRequest");
    assertError(send("PUT", "_emulator/tenant", "not json"), 400, "BadRequest");
    assertError(send("PUT", "_emulator/tenant", null), 400, "BadRequest");
    assertError(send("POST", "_emulator/users", "{\"id\": 1}"), 400, "BadRequest");
    assertError(send("POST", "_emulator/managedDevices", "[]"), 400, "BadRequest");
    assertError(send("POST", "_emulator/clock/advance", "{\"by\": \"soon\"}"), 400, "BadRequest");
    assertError(send("POST", "_emulator/clock/advance", "{\"by\": \"-PT1H\"}"), 400, "BadRequest");
    assertError(send("POST", "_emulator/clock/advance", "{\"by\": 8}"), 400, "BadRequest");
    assertError(send("POST", "_emulator/clock/advance", "{}"), 400, "BadRequest");
    assertError(
        send("POST", "_emulator/managedDevices/nope/checkIn", null), 404, "ResourceNotFound");
  }

  @Test
  void givenTheSystemClock_whenAdvanced_then400() {
    try (DeviceManagementServer system =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir))) {
      HttpResponse<String> response =
          BootstrapTestData.send(
              BootstrapTestData.request(system.baseUri(), "_emulator/clock/advance", null)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"PT8H\"}"))
                  .build());

      assertError(response, 400, "BadRequest");
    }
  }
}
