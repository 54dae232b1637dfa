package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller holding only {@code DeviceManagementManagedDevices.PrivilegedOperations.All}: Graph
 * refuses it the reads (user, device list) but accepts its retire-all, and so must the adapter.
 */
class GraphPrivilegedOnlyCallerTest {

  private static final String READ_REFUSED =
      GraphTestData.intuneForbidden("DeviceManagementManagedDevices.Read.All");

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final GraphTenant tenant =
      GraphTestData.tenant(
          GraphTestData.settings(graph.baseUrl()), clock, new RecordingSleeper(clock));

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void givenListingRefused_whenRetireAll_thenActionStillSentAndOutcomeHasNoTransitions() {
    graph.enqueue(json(403, READ_REFUSED), FakeGraph.Reply.noContent());

    RetireAllOutcome outcome =
        tenant.devices().retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit());

    assertThat(outcome.userId()).isEqualTo(adele().id());
    assertThat(outcome.transitions()).isEmpty();
    assertThat(graph.requests())
        .extracting(r -> r.method() + " " + r.target())
        .containsExactly(
            "GET " + GraphTestData.devicesOfUserId(adele()),
            "POST /v1.0/users/" + adele().id() + "/removeAllDevicesFromManagement");
  }

  @Test
  void givenListingRefusedAndActionNotFound_whenRetireAll_thenUserNotFound() {
    graph.enqueue(json(403, READ_REFUSED), json(404, GraphTestData.userNotFound(adele().id())));

    assertThatThrownBy(
            () ->
                tenant.devices().retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit()))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo(adele().id()));
  }

  @Test
  void givenActionRefused_whenRetireAll_thenForbiddenNamingScopes() {
    graph.enqueue(
        json(200, GraphTestData.page(List.of(), null)),
        json(403, GraphTestData.intuneForbidden(GraphTestData.PRIVILEGED_SCOPE)));

    assertThatThrownBy(
            () ->
                tenant.devices().retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit()))
        .isInstanceOfSatisfying(
            BackendForbiddenException.class,
            e -> assertThat(e.requiredScopes()).containsExactly(GraphTestData.PRIVILEGED_SCOPE));
  }

  @Test
  void givenUserReadRefused_whenUsersOrStandInsFindById_thenStandInWithThatId() {
    graph.enqueue(
        json(
            403,
            GraphTestData.errorBody(
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.")));

    Optional<User> user = tenant.usersOrStandIns().findById(adele().id());

    assertThat(user)
        .hasValueSatisfying(
            u -> {
              assertThat(u.id()).isEqualTo(adele().id());
              assertThat(u.userPrincipalName())
                  .endsWith("@" + GraphUsersOrStandIns.UNRESOLVED_DOMAIN);
            });
  }

  @Test
  void
      givenUserReadRefused_whenUsersOrStandInsFindByUpn_thenStandInNamedByUpnAndDevicesListedByIt() {
    String upn = adele().userPrincipalName();
    ManagedDevice device = GraphTestData.adeleDevices().get(0);
    graph.enqueue(
        json(
            403,
            GraphTestData.errorBody("Authorization_RequestDenied", "Insufficient privileges.")),
        json(200, GraphTestData.page(List.of(device), null)));

    User standIn = tenant.usersOrStandIns().findByUserPrincipalName(upn).orElseThrow();
    List<ManagedDevice> listed = tenant.devices().listByUser(standIn);

    assertThat(standIn.id()).isEqualTo(upn);
    assertThat(listed).extracting(ManagedDevice::id).containsExactly(device.id());
    assertThat(graph.lastRequest().target()).isEqualTo(GraphTestData.devicesOfUpn(upn));
  }

  @Test
  void
      givenStandInByUpn_whenRetireAllAndGraphListsDevicesUnderTheObjectId_thenOutcomeForThatIdAndActionSentByName() {
    String upn = adele().userPrincipalName();
    User standIn = standInFor(upn);
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices(), null)),
        FakeGraph.Reply.noContent());

    RetireAllOutcome outcome =
        tenant.devices().retireAll(standIn, GraphTestData.NOW, ApplicationTestData.audit());

    assertThat(outcome)
        .isEqualTo(
            RetireAllRule.applyTo(adele().id(), GraphTestData.adeleDevices(), GraphTestData.NOW));
    assertThat(graph.requests())
        .extracting(r -> r.method() + " " + r.target())
        .containsExactly(
            "GET /v1.0/users/" + upn + "?$select=id,userPrincipalName,displayName",
            "GET " + GraphTestData.devicesOfUpn(upn),
            "POST /v1.0/users/" + upn + "/removeAllDevicesFromManagement");
  }

  @Test
  void
      givenStandInByUpnAndNothingUnderThatName_whenUsersOwnListShowsAnOlderName_thenTheyAreTheUsersAndCarryItsId() {
    User standIn = standInFor(adele().userPrincipalName());
    ManagedDevice renamed =
        GraphTestData.realGraphDevice().toBuilder()
            .userPrincipalName("adele.old@contoso.com")
            .build();
    ManagedDevice noUser =
        ManagedDevice.builder("0a0a0a0a-0000-4000-8000-000000000001", "")
            .deviceName("KIOSK")
            .build();
    // Nothing carries the current sign-in name: the user's own listing is asked.
    graph.enqueue(
        json(200, GraphTestData.page(List.of(), null)),
        json(200, GraphTestData.page(List.of(renamed, noUser), null)));

    List<ManagedDevice> listed = tenant.devices().listByUser(standIn);

    assertThat(listed).extracting(ManagedDevice::id).containsExactly(noUser.id(), renamed.id());
    assertThat(listed).allSatisfy(d -> assertThat(d.userId()).isEqualTo(adele().id()));
    assertThat(graph.requests())
        .extracting(FakeGraph.Recorded::target)
        .endsWith(
            GraphTestData.devicesOfUpn(adele().userPrincipalName()),
            "/v1.0/users/" + adele().userPrincipalName() + "/managedDevices");
  }

  @Test
  void
      givenStandInByUpnAndDevicesOfTwoUsersListedUnderIt_whenRetireAll_thenActionSentAndOutcomeWithoutTransitions() {
    String upn = adele().userPrincipalName();
    ManagedDevice adeles = GraphTestData.adeleDevice(ManagementState.MANAGED);
    ManagedDevice twin =
        ManagedDevice.builder("0a0a0a0a-0000-4000-8000-000000000002", GraphTestData.alex().id())
            .userPrincipalName(upn)
            .managementState(ManagementState.MANAGED)
            .build();
    User standIn = standInFor(upn);
    graph.enqueue(
        json(200, GraphTestData.page(List.of(adeles, twin), null)), FakeGraph.Reply.noContent());

    RetireAllOutcome outcome =
        tenant.devices().retireAll(standIn, GraphTestData.NOW, ApplicationTestData.audit());

    assertThat(outcome.userId()).isEqualTo(upn);
    assertThat(outcome.transitions()).isEmpty();
    assertThat(graph.lastRequest().target())
        .isEqualTo("/v1.0/users/" + upn + "/removeAllDevicesFromManagement");
  }

  private User standInFor(String upn) {
    graph.enqueue(
        json(
            403,
            GraphTestData.errorBody("Authorization_RequestDenied", "Insufficient privileges.")));
    User standIn = tenant.usersOrStandIns().findByUserPrincipalName(upn).orElseThrow();
    assertThat(standIn.id()).isEqualTo(upn);
    return standIn;
  }

  @Test
  void givenUserReadRefused_whenStrictUsersFindById_thenForbiddenReachesCaller() {
    graph.enqueue(
        json(
            403,
            GraphTestData.errorBody("Authorization_RequestDenied", "Insufficient privileges.")));

    assertThatThrownBy(() -> tenant.users().findById(adele().id()))
        .isInstanceOf(BackendForbiddenException.class);
  }

  @Test
  void givenUserExists_whenUsersOrStandInsFindById_thenTheRealUser() {
    graph.enqueue(json(200, GraphTestData.userJson(adele())));

    assertThat(tenant.usersOrStandIns().findById(adele().id())).contains(adele());
  }
}
