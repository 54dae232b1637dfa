package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's audit trail through the whole server on a virtual clock: retires completed at the
 * devices' check-ins appear on Graph's route as the clock advances, and a reset clears the trail.
 */
class AuditTrailEndToEndTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir static Path dataDir;

  private DeviceManagementServer server;
  private URI base;
  private String token;

  @BeforeEach
  void start() {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withPort(0).withClock(ClockSetting.virtual(START)));
    base = server.baseUri();
    token =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            ADELE_UPN,
            Permissions.PRIVILEGED_OPERATIONS_ALL,
            Permissions.APPS_READ_ALL);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> control(String path, String json) {
    HttpRequest.Builder request = BootstrapTestData.request(base, path, null);
    request.header("Content-Type", "application/json");
    request.POST(
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return BootstrapTestData.send(request.build());
  }

  private List<JsonNode> events(String filter) {
    String path =
        "v1.0/deviceManagement/auditEvents?$orderby=activityDateTime%20asc"
            + (filter == null
                ? ""
                : "&$filter="
                    + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpResponse<String> response =
        BootstrapTestData.send(BootstrapTestData.get(base, path, token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    BootstrapTestData.json(response.body()).get("value").forEach(events::add);
    return events;
  }

  @Test
  void givenARetireAll_whenTheVirtualClockPassesTheCheckIns_thenEachCompletionIsAnEvent() {
    HttpResponse<String> retired =
        BootstrapTestData.send(
            BootstrapTestData.post(
                base, "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement", token));
    assertThat(retired.statusCode()).isEqualTo(204);
    List<JsonNode> retireAll = events("activityType eq 'RemoveAllDevicesFromManagement User'");
    assertThat(retireAll).hasSize(1);
    int retiring = retireAll.get(0).get("resources").size();
    assertThat(retiring).isPositive();
    assertThat(events("activityType eq 'Retire ManagedDevice'")).isEmpty();

    assertThat(control("_emulator/clock/advance", "{\"by\": \"PT8H\"}").statusCode())
        .isEqualTo(200);

    List<JsonNode> completed =
        events(
            "activityType eq 'Retire ManagedDevice' and activityDateTime ge 2026-01-01T08:00:00Z");
    // The devices this retire-all moved, and any the tenant already had retiring.
    assertThat(completed).hasSizeGreaterThanOrEqualTo(retiring);
    assertThat(completed)
        .allSatisfy(
            event -> {
              assertThat(event.get("activityDateTime").asText()).isEqualTo("2026-01-01T08:00:00Z");
              assertThat(event.get("activityResult").asText()).isEqualTo("Success");
              assertThat(event.get("actor").get("type").asText()).isEqualTo("System");
              JsonNode property = event.get("resources").get(0).get("modifiedProperties").get(0);
              assertThat(property.get("oldValue").asText()).isIn("retirePending", "retireIssued");
              assertThat(property.get("newValue").isNull()).as("the device left Intune").isTrue();
            });
    List<String> retiredIds = new ArrayList<>();
    retireAll.get(0).get("resources").forEach(r -> retiredIds.add(r.get("resourceId").asText()));
    assertThat(completed)
        .extracting(e -> e.get("resources").get(0).get("resourceId").asText())
        .containsAll(retiredIds)
        .doesNotHaveDuplicates();
  }

  @Test
  void givenATrail_whenTheEmulatorIsReset_thenTheTrailIsEmpty() {
    BootstrapTestData.send(
        BootstrapTestData.post(
            base, "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement", token));
    assertThat(events(null)).isNotEmpty();

    assertThat(control("_emulator/reset", null).statusCode()).isIn(200, 204);

    assertThat(events(null)).isEmpty();
  }
}
