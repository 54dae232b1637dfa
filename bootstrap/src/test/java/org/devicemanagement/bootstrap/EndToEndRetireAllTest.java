package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.ALEX_UPN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** removeAllDevicesFromManagement through the real server, the way Graph clients call it. */
class EndToEndRetireAllTest {

  @TempDir static Path dataDir;

  private DeviceManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void givenDemoUser_whenRetireAllByUpn_then204AndRetirableDevicesRetirePending() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    Map<String, String> before = states(list(base, "v1.0/users/" + ADELE_UPN, token));

    HttpResponse<String> retired = post(base, "v1.0/users/" + ADELE_UPN, token);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(retired.body()).isEmpty();
    JsonNode after = list(base, "v1.0/users/" + ADELE_UPN, token);
    assertThat(before).containsValues("managed", "unhealthy", "retireFailed", "wipePending");
    for (JsonNode device : after.path("value")) {
      String was = before.get(device.path("id").asText());
      String now = device.path("managementState").asText();
      if (was.equals("wipePending")) {
        assertThat(now).isEqualTo("wipePending");
      } else {
        assertThat(now).isEqualTo("retirePending");
        assertThat(retireAction(device).path("actionState").asText()).isEqualTo("pending");
      }
    }
    assertThat(after.path("value")).hasSize(before.size());
  }

  @Test
  void givenDemoUser_whenRetireAllById_thenTheirDevicesAndNoOneElsesRetirePending() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    Map<String, String> alexBefore = states(list(base, "v1.0/users/" + ALEX_UPN, token));

    HttpResponse<String> retired = post(base, "v1.0/users/" + ADELE_ID, token);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "v1.0/users/" + ADELE_ID, token)))
        .containsValue("retirePending")
        .doesNotContainValue("managed");
    assertThat(states(list(base, "v1.0/users/" + ALEX_UPN, token))).isEqualTo(alexBefore);
  }

  @Test
  void givenTokenNamingUserByOid_whenRetireAllOnMe_thenSignedInUsersDevicesRetirePending() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String byOid = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_ID);

    HttpResponse<String> retired = post(base, "v1.0/me", byOid);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "v1.0/me", byOid))).containsValue("retirePending");
    assertThat(states(list(base, "v1.0/users/" + ADELE_UPN, byOid))).doesNotContainValue("managed");
  }

  @Test
  void givenTokenNamingUserByUpn_whenRetireAllOnMe_thenSignedInUsersDevicesRetirePending() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String byUpn = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ALEX_UPN);

    HttpResponse<String> retired = post(base, "v1.0/me", byUpn);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "v1.0/users/" + ALEX_UPN, byUpn)))
        .doesNotContainValue("managed")
        .containsValue("retirePending");
  }

  @Test
  void givenBetaEndpoint_whenRetireAll_then204AndRetirePending() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);

    HttpResponse<String> retired = post(base, "beta/users/" + ADELE_UPN, token);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "beta/users/" + ADELE_UPN, token))).containsValue("retirePending");
  }

  @Test
  void givenSegmentsInOtherCase_whenRetireAll_then204() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);

    HttpResponse<String> retired =
        BootstrapTestData.send(
            BootstrapTestData.post(
                base,
                "V1.0/USERS/"
                    + ADELE_UPN.toUpperCase(java.util.Locale.ROOT)
                    + "/REMOVEALLDEVICESFROMMANAGEMENT",
                token));

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "v1.0/users/" + ADELE_UPN, token))).containsValue("retirePending");
  }

  @Test
  void givenRetiredUser_whenRetireAllAgain_then204AndNothingChanges() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    post(base, "v1.0/users/" + ADELE_UPN, token);
    JsonNode afterFirst = list(base, "v1.0/users/" + ADELE_UPN, token);

    HttpResponse<String> again = post(base, "v1.0/users/" + ADELE_UPN, token);

    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(list(base, "v1.0/users/" + ADELE_UPN, token).path("value"))
        .isEqualTo(afterFirst.path("value"));
  }

  @Test
  void givenUserWithoutDevices_whenRetireAll_then204() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);

    HttpResponse<String> retired = post(base, "v1.0/users/" + BootstrapTestData.PRADEEP_UPN, token);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(list(base, "v1.0/users/" + BootstrapTestData.PRADEEP_UPN, token).path("value"))
        .isEmpty();
  }

  @Test
  void givenTenantBuiltInTest_whenRetireAll_thenRuleAppliedPerState() {
    URI base = start(BootstrapTestData.settings(dataDir, BootstrapTestData.builtTenant()));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);

    HttpResponse<String> katie =
        post(base, "v1.0/users/" + BootstrapTestData.KATIE.userPrincipalName(), token);
    HttpResponse<String> joni = post(base, "v1.0/users/" + BootstrapTestData.JONI.id(), token);

    assertThat(katie.statusCode()).isEqualTo(204);
    assertThat(joni.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "v1.0/users/" + BootstrapTestData.KATIE.id(), token)))
        .containsOnly(
            Map.entry("d0000000-0000-4000-8000-000000000001", "retirePending"),
            Map.entry("d0000000-0000-4000-8000-000000000002", "retirePending"));
    assertThat(states(list(base, "v1.0/users/" + BootstrapTestData.JONI.id(), token)))
        .containsOnly(Map.entry("d0000000-0000-4000-8000-000000000003", "wipePending"));
    HttpResponse<String> kiosk =
        BootstrapTestData.send(
            BootstrapTestData.get(
                base,
                "v1.0/deviceManagement/managedDevices/d0000000-0000-4000-8000-000000000004",
                token));
    assertThat(BootstrapTestData.json(kiosk.body()).path("managementState").asText())
        .isEqualTo("managed");
  }

  @Test
  void givenRetiredDevice_whenGetById_thenRetirePendingWithPendingRetireAction() {
    URI base = start(BootstrapTestData.settings(dataDir, BootstrapTestData.builtTenant()));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    post(base, "v1.0/users/" + BootstrapTestData.KATIE.id(), token);

    HttpResponse<String> device =
        BootstrapTestData.send(
            BootstrapTestData.get(
                base,
                "v1.0/deviceManagement/managedDevices/d0000000-0000-4000-8000-000000000001",
                token));

    assertThat(device.statusCode()).isEqualTo(200);
    JsonNode json = BootstrapTestData.json(device.body());
    assertThat(json.path("managementState").asText()).isEqualTo("retirePending");
    assertThat(retireAction(json).path("actionState").asText()).isEqualTo("pending");
  }

  @Test
  void givenApplicationToken_whenSeedThenCurrentTable_thenRefusedThenAccepted(
      @TempDir Path currentDir) {
    URI seedBase = start(BootstrapTestData.settings(dataDir));
    String seedApp =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.APPLICATION,
            "",
            BootstrapTestData.PRIVILEGED);
    HttpResponse<String> refused = post(seedBase, "v1.0/users/" + ADELE_UPN, seedApp);
    server.stop();

    URI currentBase = start(BootstrapTestData.settings(currentDir).withPermissions("current"));
    String currentApp =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.APPLICATION,
            "",
            BootstrapTestData.PRIVILEGED);
    HttpResponse<String> accepted = post(currentBase, "v1.0/users/" + ADELE_UPN, currentApp);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(BootstrapTestData.json(refused.body()).path("error").path("message").asText())
        .contains("'Application'")
        .contains("Delegated (work or school account)");
    assertThat(accepted.statusCode()).isEqualTo(204);
    String reader =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.APPLICATION,
            "",
            BootstrapTestData.READ_ALL);
    assertThat(states(list(currentBase, "v1.0/users/" + ADELE_UPN, reader)))
        .containsValue("retirePending");
  }

  @Test
  void givenSeedSpellingOfTheScope_whenRetireAll_then204() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String seedSpelling =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            ADELE_UPN,
            "DeviceManagementManagedDevices.PriviligedOperation.All");

    assertThat(post(base, "v1.0/users/" + ADELE_UPN, seedSpelling).statusCode()).isEqualTo(204);
  }

  @Test
  void givenPersonalAccountOrExpiredOrForeignToken_whenRetireAll_thenRefusedAndNothingChanges() {
    URI base = start(BootstrapTestData.settings(dataDir));
    String reader = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    Map<String, String> before = states(list(base, "v1.0/users/" + ADELE_UPN, reader));

    int personal =
        post(
                base,
                "v1.0/users/" + ADELE_UPN,
                BootstrapTestData.token(
                    server.signingKeys().orElseThrow(),
                    TokenType.PERSONAL,
                    "me@outlook.com",
                    BootstrapTestData.PRIVILEGED))
            .statusCode();
    int expired =
        post(
                base,
                "v1.0/users/" + ADELE_UPN,
                BootstrapTestData.expiredToken(
                    server.signingKeys().orElseThrow(),
                    ADELE_UPN,
                    java.time.Duration.ofMinutes(10)))
            .statusCode();
    int foreign =
        post(base, "v1.0/users/" + ADELE_UPN, BootstrapTestData.tokenSignedByAnotherKey(ADELE_UPN))
            .statusCode();

    assertThat(personal).isEqualTo(403);
    assertThat(expired).isEqualTo(401);
    assertThat(foreign).isEqualTo(401);
    assertThat(states(list(base, "v1.0/users/" + ADELE_UPN, reader))).isEqualTo(before);
  }

  @Test
  void givenSecondServerOnSameDataDir_whenTokenFromFirst_thenAccepted() {
    URI firstBase = start(BootstrapTestData.settings(dataDir));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    server.stop();

    URI secondBase = start(BootstrapTestData.settings(dataDir));

    assertThat(secondBase).isNotNull();
    assertThat(firstBase).isNotNull();
    assertThat(post(secondBase, "v1.0/users/" + ADELE_UPN, token).statusCode()).isEqualTo(204);
  }

  @Test
  void givenTenantFile_whenServed_thenItsUsersAndDevicesAreTheOnesServed(@TempDir Path files)
      throws java.io.IOException {
    Path tenantFile =
        java.nio.file.Files.writeString(
            files.resolve("tenant.json"), BootstrapTestData.TENANT_FILE_JSON);
    URI base =
        start(
            BootstrapTestData.settings(dataDir)
                .withTenant(org.devicemanagement.bootstrap.config.TenantSource.file(tenantFile)));
    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);

    HttpResponse<String> retired = post(base, "v1.0/users/kim@fabrikam.example", token);
    HttpResponse<String> demoUser = post(base, "v1.0/users/" + ADELE_UPN, token);

    assertThat(retired.statusCode()).isEqualTo(204);
    assertThat(states(list(base, "v1.0/users/kim@fabrikam.example", token)))
        .containsOnly(Map.entry("f0000000-0000-4000-8000-000000000001", "retirePending"));
    assertThat(demoUser.statusCode()).isEqualTo(404);
    assertThat(server.tenant().orElseThrow().userCount()).isEqualTo(1);
  }

  private URI start(org.devicemanagement.bootstrap.config.ServerSettings settings) {
    server = DeviceManagementServer.start(settings);
    return server.baseUri();
  }

  private static HttpResponse<String> post(URI base, String userPath, String token) {
    return BootstrapTestData.send(
        BootstrapTestData.post(base, userPath + "/removeAllDevicesFromManagement", token));
  }

  private static JsonNode list(URI base, String userPath, String token) {
    HttpResponse<String> response =
        BootstrapTestData.send(BootstrapTestData.get(base, userPath + "/managedDevices", token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return BootstrapTestData.json(response.body());
  }

  private static Map<String, String> states(JsonNode collection) {
    Map<String, String> states = new HashMap<>();
    for (JsonNode device : collection.path("value")) {
      states.put(device.path("id").asText(), device.path("managementState").asText());
    }
    return states;
  }

  private static JsonNode retireAction(JsonNode device) {
    for (JsonNode result : device.path("deviceActionResults")) {
      if (result.path("actionName").asText().equals("retire")) {
        return result;
      }
    }
    throw new AssertionError("no retire action result in " + device);
  }
}
