package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Graph's error bodies, including Intune's JSON inside the message. */
class ReceivedGraphErrorTest {

  private static ReceivedGraphError parse(String body) {
    return ReceivedGraphError.parse(body, GraphTestData.json());
  }

  @Test
  void givenGraphEnvelope_whenParsed_thenCodeMessageAndRequestId() {
    String body =
        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource 'x' does not exist.\","
            + "\"innerError\":{\"date\":\"2025-06-02T10:15:30\",\"request-id\":\"0b7e2f8c-1d2a-4b5c-9e8f-7a6b5c4d3e2f\"}}}";

    ReceivedGraphError error = parse(body);

    assertThat(error.code()).isEqualTo("Request_ResourceNotFound");
    assertThat(error.message()).isEqualTo("Resource 'x' does not exist.");
    assertThat(error.requestId()).isEqualTo("0b7e2f8c-1d2a-4b5c-9e8f-7a6b5c4d3e2f");
    assertThat(error.requiredScopes()).isEmpty();
  }

  @Test
  void givenIntuneForbidden_whenParsed_thenInnerMessageAndScopes() {
    ReceivedGraphError error =
        parse(
            GraphTestData.intuneForbidden(
                "DeviceManagementManagedDevices.Read.All",
                "DeviceManagementManagedDevices.ReadWrite.All"));

    assertThat(error.code()).isEqualTo("Forbidden");
    assertThat(error.message())
        .startsWith(
            "Application is not authorized to perform this operation. Application must have")
        .contains("Activity ID: 2578f4a3-00e0-4699-bde7-e699fabc1086");
    assertThat(error.requiredScopes())
        .containsExactly(
            "DeviceManagementManagedDevices.Read.All",
            "DeviceManagementManagedDevices.ReadWrite.All");
  }

  @Test
  void givenMissingPermissionScopeWording_whenScopesRead_thenEachScope() {
    assertThat(
            ReceivedGraphError.scopesIn(
                "Authorization failed due to missing permission scope PrivilegedAccess.Read.AzureADGroup,"
                    + "PrivilegedAccess.ReadWrite.AzureADGroup."))
        .containsExactly(
            "PrivilegedAccess.Read.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup");
  }

  @Test
  void givenMessageWithoutScopes_whenScopesRead_thenNoneEvenWithDottedUrls() {
    assertThat(
            ReceivedGraphError.scopesIn(
                "An error has occurred - Url: https://fef.msub02.manage.microsoft.com/DeviceFE"))
        .isEmpty();
  }

  @Test
  void givenNotAnEnvelope_whenParsed_thenNone() {
    assertThat(parse("<html>Bad Gateway</html>")).isEqualTo(ReceivedGraphError.NONE);
    assertThat(parse("")).isEqualTo(ReceivedGraphError.NONE);
    assertThat(parse("{\"error\":\"nope\"}")).isEqualTo(ReceivedGraphError.NONE);
    assertThat(parse("[1,2]")).isEqualTo(ReceivedGraphError.NONE);
  }

  @Test
  void givenMessageThatLooksLikeJsonButIsNot_whenParsed_thenKeptAsText() {
    ReceivedGraphError error = parse(GraphTestData.errorBody("BadRequest", "{not json"));

    assertThat(error.message()).isEqualTo("{not json");
  }
}
