package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests {@link GraphManagedDevices} sends, paging, and how it reads Graph's devices. */
class GraphManagedDevicesTest {

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final GraphManagedDevices devices =
      GraphTestData.tenant(
              GraphTestData.settings(graph.baseUrl()), clock, new RecordingSleeper(clock))
          .devices();

  @AfterEach
  void stop() {
    graph.close();
  }

  private String link(String skipToken) {
    return graph.origin() + GraphTestData.devicesOfUserId(adele()) + "&$skiptoken=" + skipToken;
  }

  @Test
  void givenThreePages_whenListByUser_thenFollowsNextLinksAndSortsById() {
    List<ManagedDevice> all = GraphTestData.adeleDevices();
    // Graph's order is not the port's: serve the pages in reverse id order.
    graph.enqueue(
        json(
            200,
            GraphTestData.page(
                List.of(all.get(12), all.get(11), all.get(10), all.get(9), all.get(8)),
                link("RFNwdAIAAQAAAC"))),
        json(
            200,
            GraphTestData.page(
                List.of(all.get(7), all.get(6), all.get(5), all.get(4), all.get(3)),
                link("RFNwdAIAAQAAAD"))),
        json(200, GraphTestData.page(List.of(all.get(2), all.get(1), all.get(0)), null)));

    List<ManagedDevice> listed = devices.listByUser(adele());

    assertThat(listed).containsExactlyElementsOf(all);
    assertThat(graph.requests())
        .extracting(FakeGraph.Recorded::target)
        .containsExactly(
            GraphTestData.devicesOfUserId(adele()),
            GraphTestData.devicesOfUserId(adele()) + "&$skiptoken=RFNwdAIAAQAAAC",
            GraphTestData.devicesOfUserId(adele()) + "&$skiptoken=RFNwdAIAAQAAAD");
    assertThat(graph.requests())
        .extracting(r -> r.header("client-request-id"))
        .doesNotHaveDuplicates();
  }

  @Test
  void givenUserGraphDescribedWithoutDevices_whenListByUser_thenEmptyFromOneFilteredListing() {
    graph.enqueue(json(200, GraphTestData.page(List.of(), null)));

    assertThat(devices.listByUser(adele())).isEmpty();
    assertThat(graph.requests())
        .extracting(FakeGraph.Recorded::target)
        .containsExactly(
            "/v1.0/deviceManagement/managedDevices?$filter=userId%20eq%20%27"
                + adele().id()
                + "%27");
  }

  @Test
  void givenStandInNamedBySignInNameWithAQuote_whenListByUser_thenQuoteDoubledInTheFilter() {
    String upn = "o'brien@contoso.com";
    ManagedDevice device =
        ManagedDevice.builder("0a0a0a0a-0000-4000-8000-000000000003", adele().id())
            .userPrincipalName(upn)
            .build();
    graph.enqueue(json(200, GraphTestData.page(List.of(device), null)));

    List<ManagedDevice> listed = devices.listByUser(new User(upn, upn, ""));

    assertThat(listed).containsExactly(device);
    assertThat(graph.lastRequest().target())
        .isEqualTo(
            "/v1.0/deviceManagement/managedDevices"
                + "?$filter=userPrincipalName%20eq%20%27o%27%27brien@contoso.com%27");
  }

  @Test
  void givenEmptyLastPageAndNullLink_whenListByUser_thenEndsThere() {
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices().subList(0, 2), link("a"))),
        json(200, "{\"value\":[],\"@odata.nextLink\":null}"));

    assertThat(devices.listByUser(adele())).hasSize(2);
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void givenNextLinkToAnotherHost_whenListByUser_thenUnavailableAndTokenNotSentThere() {
    graph.enqueue(
        json(
            200,
            GraphTestData.page(
                GraphTestData.adeleDevices().subList(0, 1),
                "https://graph.example.net/v1.0/users/x/managedDevices?$skiptoken=1")));

    assertThatThrownBy(() -> devices.listByUser(adele()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("'@odata.nextLink' points away from");
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void givenNextLinkRepeatingAPage_whenListByUser_thenUnavailableRatherThanLoopingForever() {
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices().subList(0, 1), link("same"))),
        json(200, GraphTestData.page(GraphTestData.adeleDevices().subList(1, 2), link("same"))));

    assertThatThrownBy(() -> devices.listByUser(adele()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("repeats an earlier page");
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void givenDevicesWithoutUserOrOfAnotherUser_whenListByUser_thenOwnKeptOthersLeftOut() {
    ManagedDevice own = GraphTestData.adeleDevice(ManagementState.MANAGED);
    ManagedDevice noUser =
        ManagedDevice.builder("0a0a0a0a-0000-4000-8000-000000000001", "")
            .deviceName("SHARED")
            .build();
    ManagedDevice alexs =
        ManagedDevice.builder("0a0a0a0a-0000-4000-8000-000000000002", GraphTestData.alex().id())
            .build();
    graph.enqueue(json(200, GraphTestData.page(List.of(own, noUser, alexs), null)));

    List<ManagedDevice> listed = devices.listByUser(adele());

    assertThat(listed).extracting(ManagedDevice::id).containsExactly(noUser.id(), own.id());
    assertThat(listed).allSatisfy(d -> assertThat(d.belongsTo(adele().id())).isTrue());
  }

  @Test
  void givenRealGraphDevice_whenFindById_thenEveryKeptPropertyRead() {
    graph.enqueue(json(200, GraphTestData.realGraphDeviceJson()));

    assertThat(devices.findDeviceById("4f1c2a9e-3b7d-4e58-9a61-0c2d8e7f6b13"))
        .contains(GraphTestData.realGraphDevice());
    assertThat(graph.lastRequest().target())
        .isEqualTo("/v1.0/deviceManagement/managedDevices/4f1c2a9e-3b7d-4e58-9a61-0c2d8e7f6b13");
  }

  @Test
  void givenEveryDomainDevice_whenReadBack_thenSameDevice() {
    for (ManagedDevice device : GraphTestData.adeleDevices()) {
      graph.enqueue(json(200, GraphTestData.deviceJson(device)));

      assertThat(devices.findDeviceById(device.id())).contains(device);
    }
  }

  @Test
  void givenValuesTheDomainDoesNotKnow_whenFindById_thenUnknownValuesNotFailure() {
    graph.enqueue(
        json(
            200,
            """
            {"id":"d1","managementState":"quarantined","complianceState":"evaluating",
             "managedDeviceOwnerType":"shared","enrolledDateTime":"yesterday",
             "deviceActionResults":[{"actionName":"retire","actionState":"paused"},
                                    {"actionState":"done"}, 42]}
            """));

    ManagedDevice device = devices.findDeviceById("d1").orElseThrow();

    assertThat(device.managementState()).isEqualTo(ManagementState.UNKNOWN_FUTURE_VALUE);
    assertThat(device.complianceState()).isEqualTo(ComplianceState.UNKNOWN);
    assertThat(device.managedDeviceOwnerType())
        .isEqualTo(ManagedDeviceOwnerType.UNKNOWN_FUTURE_VALUE);
    assertThat(device.enrolledDateTime()).isEqualTo(ManagedDevice.UNSET_DATE_TIME);
    assertThat(device.deviceActionResults())
        .containsExactly(
            new DeviceActionResult(
                "retire",
                ActionState.NONE,
                ManagedDevice.UNSET_DATE_TIME,
                ManagedDevice.UNSET_DATE_TIME));
  }

  @Test
  void givenMinimalDevice_whenFindById_thenMissingTextEmptyAndDatesUnset() {
    graph.enqueue(json(200, "{\"id\":\"d2\",\"deviceName\":null,\"managementState\":7}"));

    ManagedDevice device = devices.findDeviceById("d2").orElseThrow();

    assertThat(device)
        .isEqualTo(
            ManagedDevice.builder("d2", "").managementState(ManagementState.RETIRE_ISSUED).build());
    assertThat(device.lastSyncDateTime()).isEqualTo(ManagedDevice.UNSET_DATE_TIME);
  }

  @Test
  void givenNoManagementState_whenFindById_thenUnknownFutureValueNotManaged() {
    graph.enqueue(json(200, "{\"id\":\"d3\"}"));

    assertThat(devices.findDeviceById("d3").orElseThrow().managementState())
        .isEqualTo(ManagementState.UNKNOWN_FUTURE_VALUE);
  }

  @Test
  void givenDeviceIdWithReservedCharacters_whenFindById_thenEncoded() {
    graph.enqueue(json(404, GraphTestData.deviceNotFound("x")));

    assertThat(devices.findDeviceById("a b/c")).isEmpty();
    assertThat(graph.lastRequest().rawPath())
        .isEqualTo("/v1.0/deviceManagement/managedDevices/a%20b%2Fc");
  }

  @Test
  void givenDevices_whenRetireAll_thenOneListOneUserLevelActionAndPredictedOutcome() {
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices(), null)),
        FakeGraph.Reply.noContent());

    RetireAllOutcome outcome =
        devices.retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit());

    assertThat(graph.requests())
        .extracting(r -> r.method() + " " + r.target())
        .containsExactly(
            "GET " + GraphTestData.devicesOfUserId(adele()),
            "POST /v1.0/users/" + adele().id() + "/removeAllDevicesFromManagement");
    assertThat(outcome)
        .isEqualTo(
            RetireAllRule.applyTo(adele().id(), GraphTestData.adeleDevices(), GraphTestData.NOW));
    assertThat(outcome.changed()).hasSize(7);
    FakeGraph.Recorded action = graph.lastRequest();
    assertThat(action.header("Authorization")).isEqualTo("Bearer " + GraphTestData.TOKEN);
    assertThat(action.header("Accept")).isEqualTo("application/json");
    assertThat(action.header("Content-Length")).isIn("0", "");
  }

  @Test
  void givenUserWithoutDevices_whenRetireAll_thenActionStillSentAndOutcomeEmpty() {
    graph.enqueue(json(200, "{\"value\":[]}"), FakeGraph.Reply.noContent());

    RetireAllOutcome outcome =
        devices.retireAll(GraphTestData.megan(), GraphTestData.NOW, ApplicationTestData.audit());

    assertThat(outcome.transitions()).isEmpty();
    assertThat(graph.lastRequest().method()).isEqualTo("POST");
  }

  @Test
  void givenThrottledAction_whenRetireAll_thenActionRetriedAndSentOnceAccepted() {
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices(), null)),
        json(429, GraphTestData.throttled(), "Retry-After", "4"),
        FakeGraph.Reply.noContent());

    RetireAllOutcome outcome =
        devices.retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit());

    assertThat(outcome.changed()).hasSize(7);
    assertThat(graph.requests())
        .extracting(FakeGraph.Recorded::method)
        .containsExactly("GET", "POST", "POST");
  }
}
