package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.UNKNOWN_USER_ID;

import com.microsoft.graph.models.ManagedDevice;
import com.microsoft.graph.models.ManagementState;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.nio.file.Path;
import java.util.List;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Microsoft Graph Java SDK v6, pointed at our server, calls the action as it calls Graph. */
class GraphSdkTest {

  @TempDir static Path dataDir;

  private DeviceManagementServer server;

  @BeforeEach
  void start() {
    server = DeviceManagementServer.start(BootstrapTestData.settings(dataDir));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void givenSdkClient_whenRemoveAllDevicesFromManagement_thenDevicesRetirePending() {
    GraphServiceClient graph =
        client(BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN));

    graph.users().byUserId(ADELE_UPN).removeAllDevicesFromManagement().post();

    List<ManagedDevice> devices =
        graph.users().byUserId(ADELE_UPN).managedDevices().get().getValue();
    assertThat(devices).hasSize(5);
    assertThat(devices)
        .extracting(ManagedDevice::getManagementState)
        .containsOnly(ManagementState.RetirePending, ManagementState.WipePending)
        .containsOnlyOnce(ManagementState.WipePending);
    ManagedDevice retired =
        devices.stream()
            .filter(d -> d.getManagementState() == ManagementState.RetirePending)
            .findFirst()
            .orElseThrow();
    assertThat(retired.getDeviceActionResults())
        .anySatisfy(
            result -> {
              assertThat(result.getActionName()).isEqualTo("retire");
              assertThat(result.getActionState().getValue()).isEqualTo("pending");
            });
    ManagedDevice byId =
        graph.deviceManagement().managedDevices().byManagedDeviceId(retired.getId()).get();
    assertThat(byId.getManagementState()).isEqualTo(ManagementState.RetirePending);
    assertThat(byId.getUserPrincipalName()).isEqualTo(ADELE_UPN);
  }

  @Test
  void givenUnknownUser_whenRemoveAll_thenODataErrorRequestResourceNotFoundWithOurMessage() {
    GraphServiceClient graph =
        client(BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN));

    ODataError error =
        catchThrowableOfType(
            ODataError.class,
            () -> graph.users().byUserId(UNKNOWN_USER_ID).removeAllDevicesFromManagement().post());

    assertThat(error.getResponseStatusCode()).isEqualTo(404);
    assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
    assertThat(error.getError().getMessage())
        .isEqualTo(
            "Resource '"
                + UNKNOWN_USER_ID
                + "' does not exist or one of its queried reference-property objects are not"
                + " present.");
    assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
    assertThat(error.getError().getInnerError().getClientRequestId()).isNotBlank();
    assertThat(error.getError().getInnerError().getDate()).isNotNull();
  }

  @Test
  void givenTokenWithoutPrivilegedScope_whenRemoveAll_thenODataErrorForbidden() {
    GraphServiceClient graph =
        client(
            BootstrapTestData.token(
                server.signingKeys().orElseThrow(),
                TokenType.DELEGATED,
                ADELE_UPN,
                BootstrapTestData.READ_ALL));

    ODataError error =
        catchThrowableOfType(
            ODataError.class,
            () -> graph.users().byUserId(ADELE_UPN).removeAllDevicesFromManagement().post());

    assertThat(error.getResponseStatusCode()).isEqualTo(403);
    assertThat(error.getError().getCode()).isEqualTo("Forbidden");
    assertThat(error.getError().getMessage()).contains(BootstrapTestData.PRIVILEGED);
  }

  @Test
  void givenSdkClient_whenRemoveAllOnMe_thenSignedInUsersDevicesRetirePending() {
    GraphServiceClient graph =
        client(
            BootstrapTestData.delegatedToken(
                server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_ID));

    graph.me().removeAllDevicesFromManagement().post();

    assertThat(graph.me().managedDevices().get().getValue())
        .extracting(ManagedDevice::getManagementState)
        .doesNotContain(ManagementState.Managed);
  }

  private GraphServiceClient client(String token) {
    return GraphSdkClients.v1(server.baseUri(), token);
  }
}
