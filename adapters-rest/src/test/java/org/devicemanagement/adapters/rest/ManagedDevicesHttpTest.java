package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.RestTenant.MEGAN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device reads: {@code users/{id}/managedDevices}, {@code me/managedDevices} and one device.
 */
class ManagedDevicesHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  private static final String LIST_ADELE = "v1.0/users/" + ADELE.id() + "/managedDevices";

  @Test
  void givenUserWithDevices_whenList_then200GraphCollectionOfEveryDevice() {
    HttpResponse<String> response = server.get(LIST_ADELE, TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("request-id")).isPresent();
    JsonNode body = JsonBodies.json(response);
    assertThat(JsonBodies.fieldNames(body)).containsExactly("@odata.context", "value");
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#users('" + ADELE.id() + "')/managedDevices");
    assertThat(body.get("value")).hasSize(3);
    assertThat(body.get("value").findValuesAsText("id"))
        .containsExactlyElementsOf(
            RestTenant.adelesDevices().stream().map(ManagedDevice::id).toList());
    assertThat(((ListManagedDevicesQuery) server.received().get(0)).pageSize())
        .isEqualTo(ListManagedDevicesQuery.MAX_PAGE_SIZE);
  }

  @Test
  void givenDevice_whenListed_thenEveryV1PropertyWithGraphNamesEnumsAndDates() {
    HttpResponse<String> response = server.get(LIST_ADELE, TestTokens.delegated().build());

    JsonNode device = JsonBodies.json(response).get("value").get(2);
    ManagedDevice expected = RestTenant.adelesDevices().get(2);
    assertThat(JsonBodies.fieldNames(device))
        .containsExactly(
            "@odata.type",
            "id",
            "userId",
            "deviceName",
            "managedDeviceOwnerType",
            "deviceActionResults",
            "enrolledDateTime",
            "lastSyncDateTime",
            "operatingSystem",
            "complianceState",
            "managementState",
            "osVersion",
            "azureADDeviceId",
            "model",
            "manufacturer",
            "serialNumber",
            "userPrincipalName");
    assertThat(device.get("@odata.type").asText()).isEqualTo("#microsoft.graph.managedDevice");
    assertThat(device.get("id").asText()).isEqualTo(expected.id());
    assertThat(device.get("userId").asText()).isEqualTo(ADELE.id());
    assertThat(device.get("userPrincipalName").asText()).isEqualTo(ADELE.userPrincipalName());
    assertThat(device.get("deviceName").asText()).isEqualTo(expected.deviceName());
    assertThat(device.get("managedDeviceOwnerType").asText()).isEqualTo("company");
    assertThat(device.get("complianceState").asText()).isEqualTo("compliant");
    assertThat(device.get("managementState").asText()).isEqualTo("managed");
    assertThat(device.get("enrolledDateTime").asText()).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(device.get("lastSyncDateTime").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(device.get("operatingSystem").asText()).isEqualTo("Windows");
    assertThat(device.get("osVersion").asText()).isEqualTo("10.0.22631.3447");
    assertThat(device.get("azureADDeviceId").asText()).isEqualTo(expected.azureADDeviceId());
    assertThat(device.get("serialNumber").asText()).isEqualTo(expected.serialNumber());
    assertThat(device.get("model").asText()).isEqualTo("Surface Laptop 5");
    assertThat(device.get("manufacturer").asText()).isEqualTo("Microsoft Corporation");
    JsonNode action = device.get("deviceActionResults").get(0);
    assertThat(JsonBodies.fieldNames(action))
        .containsExactly("actionName", "actionState", "startDateTime", "lastUpdatedDateTime");
    assertThat(action.get("actionName").asText()).isEqualTo("syncDevice");
    assertThat(action.get("actionState").asText()).isEqualTo("done");
    assertThat(action.get("startDateTime").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(action.get("lastUpdatedDateTime").asText()).isEqualTo("2025-01-01T00:05:00Z");
  }

  @Test
  void givenRetireAll_whenListed_thenRetirePendingWithPendingRetireAction() {
    server.post(
        "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
        TestTokens.delegated().build());

    JsonNode device =
        JsonBodies.json(server.get(LIST_ADELE, TestTokens.delegated().build())).get("value").get(0);

    assertThat(device.get("managementState").asText()).isEqualTo("retirePending");
    assertThat(device.get("deviceActionResults").get(0).get("actionName").asText())
        .isEqualTo("retire");
    assertThat(device.get("deviceActionResults").get(0).get("actionState").asText())
        .isEqualTo("pending");
    assertThat(device.get("deviceActionResults").get(0).get("startDateTime").asText())
        .isEqualTo(TestTime.NOW.toString());
  }

  @Test
  void givenTopTwo_whenListedAndNextLinkFollowed_thenAllDevicesOnceThenNoNextLink() {
    String token = TestTokens.delegated().build();

    HttpResponse<String> first = server.get(LIST_ADELE + "?$top=2", token);

    JsonNode firstBody = JsonBodies.json(first);
    assertThat(JsonBodies.fieldNames(firstBody))
        .containsExactly("@odata.context", "@odata.nextLink", "value");
    String nextLink = firstBody.get("@odata.nextLink").asText();
    assertThat(nextLink).startsWith(server.base() + LIST_ADELE + "?$top=2&$skiptoken=");
    assertThat(firstBody.get("value")).hasSize(2);

    HttpResponse<String> second =
        server.send(
            HttpRequest.newBuilder(URI.create(nextLink))
                .header("Authorization", "Bearer " + token)
                .GET());

    JsonNode secondBody = JsonBodies.json(second);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(secondBody.has("@odata.nextLink")).isFalse();
    List<String> ids = new ArrayList<>(firstBody.get("value").findValuesAsText("id"));
    ids.addAll(secondBody.get("value").findValuesAsText("id"));
    assertThat(ids)
        .containsExactlyElementsOf(
            RestTenant.adelesDevices().stream().map(ManagedDevice::id).toList());
  }

  @Test
  void givenCaseInsensitiveRouteAndEncodedOptionNames_whenListed_thenNextLinkIsCanonical() {
    HttpResponse<String> response =
        server.get(
            "BETA/USERS/" + ADELE.id() + "/MANAGEDDEVICES?%24TOP=1",
            TestTokens.delegated().build());

    JsonNode body = JsonBodies.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("value")).hasSize(1);
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + "beta/$metadata#users('" + ADELE.id() + "')/managedDevices");
    assertThat(body.get("@odata.nextLink").asText())
        .startsWith(
            server.base() + "beta/users/" + ADELE.id() + "/managedDevices?$top=1&$skiptoken=");
  }

  @Test
  void givenMe_whenListed_thenContextNamesTheCallerAndListsTheirDevices() {
    HttpResponse<String> response =
        server.get("v1.0/me/managedDevices", TestTokens.delegated().build());

    JsonNode body = JsonBodies.json(response);
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#users('" + ADELE.id() + "')/managedDevices");
    assertThat(body.get("value")).hasSize(3);
  }

  @Test
  void givenUserByUpn_whenListed_thenContextKeyIsTheEncodedUpn() {
    HttpResponse<String> response =
        server.get(
            "v1.0/users/adele.vance%40contoso.com/managedDevices", TestTokens.delegated().build());

    assertThat(JsonBodies.json(response).get("@odata.context").asText())
        .endsWith("$metadata#users('adele.vance%40contoso.com')/managedDevices");
  }

  @Test
  void givenUserWithoutDevices_whenListed_thenEmptyValue() {
    HttpResponse<String> response =
        server.get("v1.0/users/" + MEGAN.id() + "/managedDevices", TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(response).get("value")).isEmpty();
  }

  @Test
  void givenAppTokenWithReadRole_whenListed_then200() {
    HttpResponse<String> response =
        server.get(LIST_ADELE, TestTokens.application(Permissions.READ_ALL).build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void givenTopOfTheMaximum_whenListed_thenPageSizePassedThrough() {
    HttpResponse<String> response =
        server.get(LIST_ADELE + "?$top=1000", TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(((ListManagedDevicesQuery) server.received().get(0)).pageSize()).isEqualTo(1000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|Invalid value 'abc' for $top query option found. The $top query option requires an"
            + " integer between 1 and 1000.",
        "0|Invalid value '0' for $top query option found. The $top query option requires an integer"
            + " between 1 and 1000.",
        "-5|Invalid value '-5' for $top query option found. The $top query option requires an"
            + " integer between 1 and 1000.",
        "1.5|Invalid value '1.5' for $top query option found. The $top query option requires an"
            + " integer between 1 and 1000.",
        "99999999999|Invalid value '99999999999' for $top query option found. The $top query option"
            + " requires an integer between 1 and 1000.",
        "1001|The limit of '1000' for Top query has been exceeded. The value from the incoming"
            + " request is '1001'."
      })
  void givenBadTop_whenListed_then400WithClearMessage(String top, String message) {
    HttpResponse<String> response =
        server.get(LIST_ADELE + "?$top=" + top, TestTokens.delegated().build());

    assertGraphError(response, 400, "BadRequest", message);
    assertThat(server.received()).isEmpty();
  }

  @Test
  void givenEmptyTop_whenListed_then400() {
    HttpResponse<String> response =
        server.get(LIST_ADELE + "?$top=", TestTokens.delegated().build());

    assertGraphError(
        response,
        400,
        "BadRequest",
        "Invalid value '' for $top query option found. The $top query option requires an integer"
            + " between 1 and 1000.");
  }

  @Test
  void givenTopTwice_whenListed_then400() {
    HttpResponse<String> response =
        server.get(LIST_ADELE + "?$top=1&$TOP=2", TestTokens.delegated().build());

    assertGraphError(
        response,
        400,
        "BadRequest",
        "Query option 'Top' was specified more than once, but it can be specified at most once.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1.0", "beta"})
  void givenDeviceId_whenGet_then200EntityWithContext(String version) {
    ManagedDevice expected = RestTenant.adelesDevices().get(0);

    HttpResponse<String> response =
        server.get(
            version + "/deviceManagement/managedDevices/" + expected.id(),
            TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = JsonBodies.json(response);
    assertThat(JsonBodies.fieldNames(body)).startsWith("@odata.context", "@odata.type", "id");
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + version + "/$metadata#deviceManagement/managedDevices/$entity");
    assertThat(body.get("id").asText()).isEqualTo(expected.id());
    assertThat(body.get("managementState").asText()).isEqualTo("managed");
  }

  @Test
  void givenCaseInsensitiveDeviceRoute_whenGet_then200() {
    ManagedDevice expected = RestTenant.adelesDevices().get(1);

    HttpResponse<String> response =
        server.get(
            "v1.0/DEVICEMANAGEMENT/manageddevices/" + expected.id(),
            TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(response).get("managementState").asText())
        .isEqualTo("retirePending");
  }

  @Test
  void givenHead_whenOnTheList_then200WithoutBody() {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(LIST_ADELE, TestTokens.delegated().build())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }
}
