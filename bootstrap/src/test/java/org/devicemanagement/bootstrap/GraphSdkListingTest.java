package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;

import com.microsoft.graph.models.ManagedDevice;
import com.microsoft.graph.models.ManagedDeviceCollectionResponse;
import com.microsoft.graph.models.ManagementState;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Microsoft Graph Java SDK v6, unchanged, lists devices as offboarding scripts do ({@code
 * deviceManagement().managedDevices().get(...)} with {@code $filter}, {@code $select}, {@code
 * $orderby}, {@code $count}, {@code $top}, following {@code @odata.nextLink}), against the emulator
 * and through a gateway in front of it.
 */
class GraphSdkListingTest {

  private static EmulatorAndGateway servers;
  private static DeviceManagementServer emulator;
  private static DeviceManagementServer gateway;
  private static String token;

  @BeforeAll
  static void startEmulatorAndGatewayInFrontOfIt() {
    servers = EmulatorAndGateway.start(null);
    emulator = servers.emulator();
    gateway = servers.gateway();
    token = BootstrapTestData.delegatedToken(emulator.signingKeys().orElseThrow(), ADELE_UPN);
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.close();
    }
  }

  static Stream<String> servers() {
    return Stream.of("emulator", "gateway");
  }

  private static GraphServiceClient client(String server) {
    return GraphSdkClients.v1(
        server.equals("gateway") ? gateway.baseUri() : emulator.baseUri(), token);
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givenFilterSelectOrderCountAndTop_whenListedPageByPage_thenAdelesDevicesByNameDescending(
      String server) {
    GraphServiceClient graph = client(server);

    ManagedDeviceCollectionResponse page =
        graph
            .deviceManagement()
            .managedDevices()
            .get(
                request -> {
                  request.queryParameters.filter = "userPrincipalName eq '" + ADELE_UPN + "'";
                  request.queryParameters.select = new String[] {"deviceName", "managementState"};
                  request.queryParameters.orderby = new String[] {"deviceName desc"};
                  request.queryParameters.count = true;
                  request.queryParameters.top = 2;
                });
    List<ManagedDevice> all = new ArrayList<>(page.getValue());
    assertThat(page.getOdataCount()).isEqualTo(5L);
    for (int pages = 1; page.getOdataNextLink() != null && pages < 10; pages++) {
      page = graph.deviceManagement().managedDevices().withUrl(page.getOdataNextLink()).get();
      all.addAll(page.getValue());
    }

    assertThat(all).hasSize(5);
    assertThat(all)
        .extracting(ManagedDevice::getDeviceName)
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
    assertThat(all).allSatisfy(device -> assertThat(device.getManagementState()).isNotNull());
    assertThat(all).allSatisfy(device -> assertThat(device.getUserPrincipalName()).isNull());
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givenFilterOnAUsersList_whenListed_thenOnlyThatUsersMatchingDevices(String server) {
    GraphServiceClient graph = client(server);

    List<ManagedDevice> managed =
        graph
            .users()
            .byUserId(ADELE_ID)
            .managedDevices()
            .get(request -> request.queryParameters.filter = "managementState eq 'managed'")
            .getValue();

    assertThat(managed)
        .isNotEmpty()
        .allSatisfy(
            device -> {
              assertThat(device.getManagementState()).isEqualTo(ManagementState.Managed);
              assertThat(device.getUserId()).isEqualToIgnoringCase(ADELE_ID);
            })
        .isSortedAccordingTo(Comparator.comparing(ManagedDevice::getId));
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givenAFilterOnAnUnknownProperty_whenListed_thenODataErrorBadRequestNamingIt(String server) {
    GraphServiceClient graph = client(server);

    ODataError error =
        catchThrowableOfType(
            ODataError.class,
            () ->
                graph
                    .deviceManagement()
                    .managedDevices()
                    .get(request -> request.queryParameters.filter = "owner eq 'adele'"));

    assertThat(error.getResponseStatusCode()).isEqualTo(400);
    assertThat(error.getError().getCode()).isEqualTo("BadRequest");
    assertThat(error.getError().getMessage())
        .isEqualTo(
            "Could not find a property named 'owner' on type 'microsoft.graph.managedDevice'.");
  }
}
