package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.bootstrap.config.ControlSettings;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API on the real server: on by default only on a loopback address, off when told,
 * never in the gateway; off, its paths answer as any unknown path; on, the journal lists the
 * requests inside a batch as entries of their own.
 */
class ControlApiEndToEndTest {

  @TempDir Path dataDir;

  private static URI loopback(DeviceManagementServer server) {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  private static HttpResponse<String> journal(DeviceManagementServer server) {
    return BootstrapTestData.send(
        BootstrapTestData.get(loopback(server), "_emulator/requests", null));
  }

  private static void assertUnknownPath(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = BootstrapTestData.json(response.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("BadRequest");
    assertThat(error.get("message").asText()).isEqualTo("Invalid version: _emulator");
  }

  @Test
  void givenTheDefaultLoopbackHost_whenABatchIsSent_thenTheJournalListsItsRequestsOneByOne() {
    try (DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir))) {
      String token =
          BootstrapTestData.delegatedToken(
              server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
      String body =
          """
          {"requests": [
            {"id": "list", "method": "GET", "url": "/me/managedDevices?$select=id"},
            {"id": "retire", "method": "POST", "url": "/me/removeAllDevicesFromManagement"}
          ]}""";
      HttpResponse<String> batch =
          BootstrapTestData.send(
              BootstrapTestData.request(server.baseUri(), "v1.0/$batch", token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);

      HttpResponse<String> journal = journal(server);

      assertThat(journal.statusCode()).as(journal.body()).isEqualTo(200);
      assertThat(journal.body()).doesNotContain(token);
      List<String> requests = new ArrayList<>();
      BootstrapTestData.json(journal.body())
          .get("value")
          .forEach(
              entry ->
                  requests.add(
                      "%s %s %d %s"
                          .formatted(
                              entry.get("method").asText(),
                              entry.get("path").asText(),
                              entry.get("status").asInt(),
                              entry.get("caller").get("upn").asText())));
      assertThat(requests.get(0)).isEqualTo("POST /v1.0/$batch 200 " + BootstrapTestData.ADELE_UPN);
      assertThat(requests.subList(1, 3))
          .containsExactlyInAnyOrder(
              "GET /v1.0/me/managedDevices 200 " + BootstrapTestData.ADELE_UPN,
              "POST /v1.0/me/removeAllDevicesFromManagement 204 " + BootstrapTestData.ADELE_UPN);
    }
  }

  @Test
  void givenAHostOnEveryInterface_whenServedByDefault_thenTheControlApiIsOff() {
    try (DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir).withHost("0.0.0.0"))) {
      assertUnknownPath(journal(server));
    }
  }

  @Test
  void givenControlOff_whenServedOnLoopback_thenTheControlApiIsOff() {
    ServerSettings settings =
        BootstrapTestData.settings(dataDir)
            .withControl(ControlSettings.defaults().withEnabled(false));
    try (DeviceManagementServer server = DeviceManagementServer.start(settings)) {
      assertUnknownPath(journal(server));
    }
  }

  @Test
  void givenControlOn_whenServedOnEveryInterface_thenTheControlApiIsOn() {
    ServerSettings settings =
        BootstrapTestData.settings(dataDir)
            .withHost("0.0.0.0")
            .withControl(ControlSettings.defaults().withEnabled(true));
    try (DeviceManagementServer server = DeviceManagementServer.start(settings)) {
      assertThat(journal(server).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void givenTheGatewayOnLoopback_whenAControlPathIsCalled_thenItAnswersAsAnyUnknownPath() {
    ServerSettings settings =
        BootstrapTestData.settings(dataDir)
            .withGateway(GatewaySettings.defaults(URI.create("http://127.0.0.1:9/v1.0")));
    try (DeviceManagementServer server = DeviceManagementServer.start(settings)) {
      assertUnknownPath(journal(server));
    }
  }
}
