package org.devicemanagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example: offboarding code, driven through the Graph SDK, against the emulator. */
class GraphEmulatorTest {

  private static final String ADELE = "adele@contoso.com";

  @RegisterExtension
  static final GraphEmulator graph =
      GraphEmulator.with(
          TestTenant.builder()
              .user(ADELE)
              .device(ADELE, "ADELE-LAPTOP")
              .device(ADELE, "ADELE-PHONE", ManagementState.WIPE_PENDING)
              .user("alex@contoso.com")
              .device("alex@contoso.com", "ALEX-LAPTOP")
              .build());

  private static GraphServiceClient client(String token) {
    AuthenticationProvider bearer =
        (request, context) -> request.headers.add("Authorization", "Bearer " + token);
    GraphServiceClient client = new GraphServiceClient(bearer);
    client.getRequestAdapter().setBaseUrl(graph.baseUrl().toString());
    return client;
  }

  @Test
  void givenALeaver_whenRetiredThroughTheSdk_thenTheirDevicesRetireAndNoOneElses() {
    GraphServiceClient client = client(graph.tokens().delegated(ADELE));

    client.users().byUserId(ADELE).removeAllDevicesFromManagement().post();

    assertThat(graph.devicesOf(ADELE))
        .extracting(ManagedDevice::deviceName, ManagedDevice::managementState)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ADELE-LAPTOP", ManagementState.RETIRE_PENDING),
            org.assertj.core.groups.Tuple.tuple("ADELE-PHONE", ManagementState.WIPE_PENDING));
    assertThat(graph.devicesOf("alex@contoso.com"))
        .extracting(ManagedDevice::managementState)
        .containsExactly(ManagementState.MANAGED);
  }

  @Test
  void givenTheTestBefore_whenThisTestStarts_thenTheTenantIsAsGiven() {
    assertThat(graph.devicesOf(ADELE))
        .extracting(ManagedDevice::managementState)
        .containsExactlyInAnyOrder(ManagementState.MANAGED, ManagementState.WIPE_PENDING);
  }

  @Test
  void givenAnApplicationWithoutThePrivilegedRole_whenRetiring_thenForbiddenAsGraphSaysIt() {
    GraphServiceClient client =
        client(graph.tokens().application("DeviceManagementManagedDevices.Read.All"));

    ODataError error =
        catchThrowableOfType(
            ODataError.class,
            () -> client.users().byUserId(ADELE).removeAllDevicesFromManagement().post());

    assertThat(error.getResponseStatusCode()).isEqualTo(403);
    assertThat(error.getError().getCode()).isEqualTo("Forbidden");
  }

  @Test
  void givenTheBuilder_whenUsersAreNamed_thenTheirIdsAreStableGuids() {
    assertThat(TestTenant.userId(ADELE))
        .isEqualTo(TestTenant.userId("ADELE@contoso.com"))
        .matches("[0-9a-f-]{36}");
    assertThat(graph.devicesOf(TestTenant.userId(ADELE))).hasSize(2);
  }
}
