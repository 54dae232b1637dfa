package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.config.ControlSettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web console's routes on the real server: its files from the jar with their media types and
 * caching headers, nothing else by any name; the read-only routes the page polls; every failure a
 * Graph error; nothing at all when the control API is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleEndToEndTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private Path dataDir;
  private DeviceManagementServer server;
  private URI base;

  @BeforeAll
  void start() {
    dataDir = BootstrapTestData.sharedDataDir();
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withClock(ClockSetting.virtual(START)));
    base = server.baseUri();
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    assertThat(send("POST", "_emulator/reset").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> send(String method, String path) {
    return BootstrapTestData.send(
        BootstrapTestData.request(base, path, null)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> get(String path) {
    return send("GET", path);
  }

  private HttpResponse<String> getAcceptingHtmlOnly(String path) {
    return BootstrapTestData.send(
        BootstrapTestData.request(base, path, null).header("Accept", "text/html").GET().build());
  }

  @Test
  void givenControlOn_whenConsoleOpened_thenThePageWithCachingAndSafetyHeaders() {
    HttpResponse<String> page = get("_emulator/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'"));
    assertThat(page.headers().firstValue("ETag")).isPresent();
    assertThat(page.body()).contains("<title>", "/_emulator/console/console.js");
    assertThat(get("_emulator").body()).isEqualTo(page.body());
  }

  @Test
  void givenAnAcceptOfHtmlOnly_whenConsoleOpened_thenThePageButJsonRoutesRefuseIt() {
    HttpResponse<String> page = getAcceptingHtmlOnly("_emulator/");
    HttpResponse<String> journal = getAcceptingHtmlOnly("_emulator/requests");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>");
    assertThat(journal.statusCode()).isEqualTo(406);
    assertThat(journal.body()).contains("\"error\"");
  }

  @Test
  void givenTheFilesETag_whenAskedAgain_then304WithoutBody() {
    String tag = get("_emulator/console/console.js").headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        BootstrapTestData.send(
            BootstrapTestData.request(base, "_emulator/console/console.js", null)
                .header("If-None-Match", tag)
                .GET()
                .build());

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void givenTheStyleSheetAndScript_whenRequested_thenEachWithItsMediaType() {
    assertThat(get("_emulator/console/console.css").headers().firstValue("Content-Type"))
        .hasValue("text/css;charset=utf-8");
    assertThat(get("_emulator/console/console.js").headers().firstValue("Content-Type"))
        .hasValue("text/javascript;charset=utf-8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "_emulator/console/missing.js",
        "_emulator/console/Console.JS",
        "_emulator/console/console.js.bak",
        "_emulator/console/ConsolePageResource.class",
        "_emulator/console/demo-tenant.json"
      })
  void givenANameThatIsNoConsoleFile_whenRequested_then404InTheEnvelope(String path) {
    assertGraphError(get(path), 404, "ResourceNotFound", null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "_emulator/console/..%2F..%2Fcontrol%2FConsolePageResource.class",
        "_emulator/console/%2e%2e",
        "_emulator/console/..%5Cpom.xml"
      })
  void givenAPathOutOfTheConsolesFolder_whenRequested_thenRefusedInTheEnvelope(String path) {
    HttpResponse<String> refused = get(path);

    assertThat(refused.statusCode()).isIn(400, 404);
    assertThat(refused.body()).startsWith("{\"error\":");
  }

  @Test
  void givenASearch_whenUsersListed_thenMatchedOnTheServerByNameOrDeviceName() {
    JsonNode byUpn = json(get("_emulator/users?search=ADELE.VANCE"));
    JsonNode byDevice = json(get("_emulator/users?search=adele-surface"));

    assertThat(upns(byUpn)).containsExactly(ADELE_UPN);
    assertThat(upns(byDevice)).containsExactly(ADELE_UPN);
    JsonNode adele = byUpn.path("value").get(0);
    assertThat(adele.path("managedDevices").asInt()).isEqualTo(5);
    assertThat(adele.path("managementStates").path("wipePending").asInt()).isEqualTo(1);
    assertThat(byUpn.path("total").asInt()).isEqualTo(1);
  }

  @Test
  void givenAPage_whenUsersListed_thenTopAndSkipCutTheListAndTotalCountsAll() {
    JsonNode page = json(get("_emulator/users?top=2&skip=1"));

    assertThat(page.path("value")).hasSize(2);
    assertThat(page.path("total").asInt()).isEqualTo(6);
    assertThat(page.path("skip").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "_emulator/users?top=0",
        "_emulator/users?top=501",
        "_emulator/users?skip=-1",
        "_emulator/users?top=ten",
        "_emulator/auditEvents?top=0"
      })
  void givenAnOptionOutOfRange_whenListed_then400NamingIt(String path) {
    String message = assertGraphError(get(path), 400, "BadRequest", null);

    assertThat(message).containsAnyOf("top", "skip");
  }

  @Test
  void givenAnUnknownUser_whenItsDevicesListed_then404() {
    assertGraphError(
        get("_emulator/users/" + BootstrapTestData.UNKNOWN_USER_ID + "/managedDevices"),
        404,
        "ResourceNotFound",
        null);
  }

  @Test
  void givenARetireThroughGraph_whenThePagePolls_thenCountersMoveAndTheChangeIsShown() {
    JsonNode before = json(get("_emulator/changes"));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);

    BootstrapTestData.send(
        BootstrapTestData.post(
            base, "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement", token));

    JsonNode after = json(get("_emulator/changes"));
    assertThat(after.path("tenant").asLong()).isGreaterThan(before.path("tenant").asLong());
    assertThat(after.path("requests").asLong()).isGreaterThan(before.path("requests").asLong());
    assertThat(after.path("clock").path("now").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(after.path("clock").path("mode").asText()).isEqualTo("virtual");
    List<String> states = new ArrayList<>();
    json(get("_emulator/users/" + ADELE_ID + "/managedDevices"))
        .path("value")
        .forEach(device -> states.add(device.path("managementState").asText()));
    assertThat(states).containsOnly("retirePending", "wipePending").contains("wipePending");
    JsonNode newest = json(get("_emulator/auditEvents?top=1")).path("value").get(0);
    assertThat(newest.path("activityType").asText())
        .isEqualTo("RemoveAllDevicesFromManagement User");
    assertThat(newest.path("resources")).hasSize(4);
  }

  @Test
  void givenOnlyReads_whenThePagePolls_thenTheTenantCounterStaysPut() {
    long before = json(get("_emulator/changes")).path("tenant").asLong();

    get("_emulator/users");
    get("_emulator/tenant");

    assertThat(json(get("_emulator/changes")).path("tenant").asLong()).isEqualTo(before);
  }

  @Test
  void givenControlOff_whenConsoleOpened_thenItAnswersAsAnyUnknownPath() {
    try (DeviceManagementServer off =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir)
                .withControl(ControlSettings.defaults().withEnabled(false)))) {
      HttpResponse<String> page =
          BootstrapTestData.send(BootstrapTestData.get(off.baseUri(), "_emulator/", null));

      assertThat(assertGraphError(page, 400, "BadRequest", null))
          .isEqualTo("Invalid version: _emulator");
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return BootstrapTestData.json(response.body());
  }

  private static List<String> upns(JsonNode page) {
    List<String> upns = new ArrayList<>();
    page.path("value").forEach(user -> upns.add(user.path("userPrincipalName").asText()));
    return upns;
  }
}
