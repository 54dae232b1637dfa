package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.domain.ManagedDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tenant's device list ({@code deviceManagement/managedDevices}) and the query options every
 * device list takes: {@code $filter}, {@code $orderby}, {@code $count}, {@code $select}, paging.
 */
class DeviceListingOptionsHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  private static final String TENANT_LIST = "v1.0/deviceManagement/managedDevices";

  private static String query(String options) {
    StringBuilder encoded = new StringBuilder();
    for (String option : options.split("&", -1)) {
      String[] nameAndValue = option.split("=", 2);
      if (encoded.length() > 0) {
        encoded.append('&');
      }
      encoded
          .append(nameAndValue[0])
          .append('=')
          .append(URLEncoder.encode(nameAndValue[1], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return "?" + encoded;
  }

  private static HttpResponse<String> list(String path, String options) {
    return server.get(path + query(options), TestTokens.delegated().build());
  }

  private static List<String> adelesIds() {
    return RestTenant.adelesDevices().stream().map(ManagedDevice::id).toList();
  }

  @Test
  void givenTenantList_whenGet_then200EveryDeviceInIdOrderWithTheTenantsContext() {
    HttpResponse<String> response = server.get(TENANT_LIST, TestTokens.delegated().build());

    JsonNode body = JsonBodies.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.fieldNames(body)).containsExactly("@odata.context", "value");
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#deviceManagement/managedDevices");
    assertThat(body.get("value").findValuesAsText("id")).containsExactlyElementsOf(adelesIds());
  }

  @Test
  void givenTopAndCount_whenPagedThrough_thenEveryPageCountsAllAndLinksKeepTheOptions() {
    HttpResponse<String> first =
        list(TENANT_LIST, "$top=2&$count=true&$orderby=deviceName desc&$select=deviceName");

    JsonNode firstBody = JsonBodies.json(first);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.fieldNames(firstBody))
        .containsExactly("@odata.context", "@odata.count", "@odata.nextLink", "value");
    assertThat(firstBody.get("@odata.count").asLong()).isEqualTo(3);
    String next = firstBody.get("@odata.nextLink").asText();
    assertThat(next)
        .startsWith(server.base() + TENANT_LIST + "?$top=2&$count=true&$orderby=deviceName")
        .contains("&$select=deviceName&$skiptoken=");
    HttpResponse<String> second =
        server.get(
            next.substring(server.base().toString().length()), TestTokens.delegated().build());
    JsonNode secondBody = JsonBodies.json(second);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(secondBody.has("@odata.nextLink")).isFalse();
    assertThat(secondBody.get("@odata.count").asLong()).isEqualTo(3);
    List<String> ids = new ArrayList<>(firstBody.get("value").findValuesAsText("id"));
    ids.addAll(secondBody.get("value").findValuesAsText("id"));
    List<String> descending = new ArrayList<>(adelesIds());
    Collections.reverse(descending);
    assertThat(ids).containsExactlyElementsOf(descending);
  }

  @Test
  void givenOrderByDeviceNameDesc_whenListed_thenNamesDescending() {
    JsonNode body = JsonBodies.json(list(TENANT_LIST, "$orderby=DeviceName DESC"));

    assertThat(body.get("value").findValuesAsText("deviceName"))
        .containsExactly("DESKTOP-A300", "DESKTOP-A200", "DESKTOP-A100");
  }

  @Test
  void givenSelect_whenListed_thenOnlyIdAndTheSelectedPropertiesAndTheContextNamesThem() {
    JsonNode body =
        JsonBodies.json(list(TENANT_LIST, "$select=managementState,DEVICENAME,deviceName"));

    assertThat(body.get("@odata.context").asText())
        .isEqualTo(
            server.base()
                + "v1.0/$metadata#deviceManagement/managedDevices(managementState,deviceName)");
    for (JsonNode device : body.get("value")) {
      assertThat(JsonBodies.fieldNames(device))
          .containsExactly("id", "deviceName", "managementState");
    }
  }

  @Test
  void givenFilterByUserPrincipalName_whenTenantListed_thenThatUsersDevices() {
    JsonNode body =
        JsonBodies.json(
            list(TENANT_LIST, "$filter=userPrincipalName eq '" + ADELE.userPrincipalName() + "'"));

    assertThat(body.get("value").findValuesAsText("id")).containsExactlyElementsOf(adelesIds());
  }

  @Test
  void givenFilterOnUsersList_whenListed_thenOnlyMatchingDevicesOfThatUser() {
    JsonNode body =
        JsonBodies.json(
            list(
                "v1.0/users/" + ADELE.id() + "/managedDevices",
                "$filter=managementState eq 'retirePending' or startswith(deviceName,'desktop-a3')"
                    + "&$count=true"));

    assertThat(body.get("value").findValuesAsText("deviceName"))
        .containsExactly("DESKTOP-A200", "DESKTOP-A300");
    assertThat(body.get("@odata.count").asLong()).isEqualTo(2);
  }

  @Test
  void givenOptionsOnMe_whenListed_thenTheSameOptionsApply() {
    JsonNode body =
        JsonBodies.json(
            list("v1.0/me/managedDevices", "$select=deviceName&$orderby=deviceName desc"));

    assertThat(body.get("value").findValuesAsText("deviceName"))
        .containsExactly("DESKTOP-A300", "DESKTOP-A200", "DESKTOP-A100");
    assertThat(JsonBodies.fieldNames(body.get("value").get(0))).containsExactly("id", "deviceName");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$select=nope|Could not find a property named 'nope' on type 'microsoft.graph.managedDevice'.",
        "$orderby=osVersion|Ordering by 'osVersion' is not supported; managed devices can be ordered by deviceName and lastSyncDateTime.",
        "$orderby=nope|Could not find a property named 'nope' on type 'microsoft.graph.managedDevice'.",
        "$orderby=deviceName sideways|Syntax error in $orderby 'deviceName sideways': 'sideways' is not asc or desc.",
        "$orderby=deviceName,deviceName desc|Duplicate property named 'deviceName' is not supported in $orderby.",
        "$count=maybe|Invalid value 'maybe' for $count query option found. Valid values are 'true' and 'false'.",
        "$skiptoken=garbage|The $skiptoken value is not valid.",
        "$select=id&$SELECT=deviceName|Query option 'Select' was specified more than once, but it can be specified at most once."
      })
  void givenABadOption_whenTenantListed_then400NamingWhatIsWrong(String options, String message) {
    assertGraphError(list(TENANT_LIST, options), 400, "BadRequest", message);
  }

  @Test
  void givenATokenWithoutAReadScope_whenTenantListed_then403() {
    HttpResponse<String> response =
        server.get(
            TENANT_LIST,
            TestTokens.delegated().claim("scp", Permissions.PRIVILEGED_OPERATIONS_ALL).build());

    assertThat(response.statusCode()).isEqualTo(403);
  }
}
