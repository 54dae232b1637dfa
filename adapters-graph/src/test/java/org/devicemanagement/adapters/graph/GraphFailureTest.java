package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each kind of failure Graph (or the network) produces reaches the application. */
class GraphFailureTest {

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @AfterEach
  void stop() {
    graph.close();
  }

  private GraphTenant tenant() {
    return tenant(graph.baseUrl());
  }

  private GraphTenant tenant(URI base) {
    return GraphTestData.tenant(GraphTestData.settings(base), clock, sleeper);
  }

  // ------------------------------------------------------------------ 401, 403, 404

  @Test
  void given401_whenFindById_thenTokenRejectedWithGraphsWordsAndIds() {
    graph.enqueue(json(401, GraphTestData.invalidToken()));

    BackendRejectedTokenException failure =
        catchThrowableOfType(
            BackendRejectedTokenException.class, () -> tenant().users().findById(adele().id()));

    assertThat(failure.code()).isEqualTo("BACKEND_TOKEN_REJECTED");
    assertThat(failure.graphCode()).isEqualTo("InvalidAuthenticationToken");
    assertThat(failure.graphMessage())
        .isEqualTo("Access token validation failure. Invalid audience.");
    assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
    assertThat(failure.clientRequestId())
        .isEqualTo(graph.lastRequest().header("client-request-id"));
    assertThat(failure.getMessage()).doesNotContain(GraphTestData.TOKEN);
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void givenIntune403_whenRetireAll_thenForbiddenNamingTheRequiredScope() {
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices(), null)),
        json(403, GraphTestData.intuneForbidden(GraphTestData.PRIVILEGED_SCOPE)));

    BackendForbiddenException failure =
        catchThrowableOfType(
            BackendForbiddenException.class,
            () ->
                tenant()
                    .devices()
                    .retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit()));

    assertThat(failure.code()).isEqualTo("BACKEND_FORBIDDEN");
    assertThat(failure.requiredScopes()).containsExactly(GraphTestData.PRIVILEGED_SCOPE);
    assertThat(failure.graphCode()).isEqualTo("Forbidden");
    assertThat(failure.graphMessage())
        .startsWith("Application is not authorized to perform this operation.")
        .doesNotContain("_version", "\r", "\n");
    assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
    assertThat(failure.getMessage()).contains(GraphTestData.PRIVILEGED_SCOPE, failure.requestId());
  }

  @Test
  void givenIntune403NamingTwoScopes_whenListByUser_thenBothScopes() {
    graph.enqueue(
        json(
            403,
            GraphTestData.intuneForbidden(
                "DeviceManagementManagedDevices.Read.All",
                "DeviceManagementManagedDevices.ReadWrite.All")));

    BackendForbiddenException failure =
        catchThrowableOfType(
            BackendForbiddenException.class, () -> tenant().devices().listByUser(adele()));

    assertThat(failure.requiredScopes())
        .containsExactly(
            "DeviceManagementManagedDevices.Read.All",
            "DeviceManagementManagedDevices.ReadWrite.All");
  }

  @Test
  void givenDoublyNestedIntune403_whenListByUser_thenForbiddenWithInnerCodeAndNoScopes() {
    graph.enqueue(json(403, GraphTestData.intuneDoublyNestedForbidden()));

    BackendForbiddenException failure =
        catchThrowableOfType(
            BackendForbiddenException.class, () -> tenant().devices().listByUser(adele()));

    assertThat(failure.graphCode()).isEqualTo("Forbidden");
    assertThat(failure.graphMessage()).startsWith("An error has occurred - Operation ID");
    assertThat(failure.requiredScopes()).isEmpty();
  }

  @Test
  void givenPlainGraph403_whenFindById_thenForbiddenWithGraphsMessage() {
    graph.enqueue(
        json(
            403,
            GraphTestData.errorBody(
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.")));

    BackendForbiddenException failure =
        catchThrowableOfType(
            BackendForbiddenException.class, () -> tenant().users().findById(adele().id()));

    assertThat(failure.graphCode()).isEqualTo("Authorization_RequestDenied");
    assertThat(failure.requiredScopes()).isEmpty();
    assertThat(failure.getMessage()).contains("Insufficient privileges to complete the operation.");
  }

  @Test
  void given404_whenFindUserOrDevice_thenEmpty() {
    graph.enqueue(
        json(404, GraphTestData.userNotFound(adele().id())),
        json(404, GraphTestData.userNotFound(adele().userPrincipalName())),
        json(404, GraphTestData.deviceNotFound("00000000-0000-4000-8000-0000000000ff")));
    GraphTenant tenant = tenant();

    assertThat(tenant.users().findById(adele().id())).isEmpty();
    assertThat(tenant.users().findByUserPrincipalName(adele().userPrincipalName())).isEmpty();
    assertThat(tenant.devices().findDeviceById("00000000-0000-4000-8000-0000000000ff")).isEmpty();
    assertThat(graph.requests()).hasSize(3);
  }

  @Test
  void given404OnTheAction_whenRetireAll_thenUserNotFound() {
    graph.enqueue(
        json(200, GraphTestData.page(GraphTestData.adeleDevices(), null)),
        json(404, GraphTestData.userNotFound(adele().id())));

    assertThatThrownBy(
            () ->
                tenant()
                    .devices()
                    .retireAll(adele(), GraphTestData.NOW, ApplicationTestData.audit()))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo(adele().id()));
  }

  @Test
  void givenStandInWithNothingListedAnd404OnTheUsersList_whenListByUser_thenUserNotFound() {
    User standIn = GraphTestData.standInForId(adele().id());
    graph.enqueue(
        json(200, GraphTestData.page(List.of(), null)),
        json(404, GraphTestData.userNotFound(adele().id())));

    assertThatThrownBy(() -> tenant().devices().listByUser(standIn))
        .isInstanceOfSatisfying(
            UserNotFoundException.class, e -> assertThat(e.reference()).isEqualTo(adele().id()));
    assertThat(graph.requests())
        .extracting(FakeGraph.Recorded::target)
        .containsExactly(
            GraphTestData.devicesOfUserId(adele()),
            "/v1.0/users/" + adele().id() + "/managedDevices");
  }

  @Test
  void given404OnTheTenantsList_whenListByUser_thenUnavailableNotUserNotFound() {
    graph.enqueue(json(404, GraphTestData.errorBody("ResourceNotFound", "Not found.")));

    assertThatThrownBy(() -> tenant().devices().listByUser(adele()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("expected HTTP 200, got 404");
  }

  // ------------------------------------------------------------------ malformed answers

  @Test
  void givenHtmlInsteadOfJson_whenFindById_thenUnavailableSayingMalformed() {
    graph.enqueue(json(200, "<html><body>Sign in</body></html>", "Content-Type", "text/html"));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> tenant().users().findById(adele().id()));

    assertThat(failure.reason()).contains("malformed response", "not valid JSON");
    assertThat(failure.httpStatus()).isEqualTo(200);
    assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
    assertThat(failure.clientRequestId())
        .isEqualTo(graph.lastRequest().header("client-request-id"));
  }

  @Test
  void givenJsonCutShort_whenFindDevice_thenUnavailableSayingMalformed() {
    String whole = GraphTestData.deviceJson(GraphTestData.adeleDevice(ManagementState.MANAGED));
    graph.enqueue(json(200, whole.substring(0, whole.length() / 2)));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class,
            () ->
                tenant()
                    .devices()
                    .findDeviceById(GraphTestData.adeleDevice(ManagementState.MANAGED).id()));

    assertThat(failure.reason()).contains("not valid JSON");
  }

  @Test
  void givenEmptyBody_whenFindById_thenUnavailableSayingMalformed() {
    graph.enqueue(json(200, ""));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> tenant().users().findById(adele().id()));

    assertThat(failure.reason()).contains("not a JSON object");
  }

  @Test
  void givenUserWithoutId_whenFindByUserPrincipalName_thenUnavailableNamingTheField() {
    graph.enqueue(json(200, "{\"userPrincipalName\":\"AdeleV@contoso.onmicrosoft.com\"}"));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class,
            () -> tenant().users().findByUserPrincipalName(adele().userPrincipalName()));

    assertThat(failure.reason()).contains("'id' is missing");
  }

  @Test
  void givenListWithoutValueArray_whenListByUser_thenUnavailableSayingMalformed() {
    graph.enqueue(json(200, "{\"value\":{\"id\":\"x\"}}"));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> tenant().devices().listByUser(adele()));

    assertThat(failure.reason()).contains("'value' is missing or not an array");
  }

  @Test
  void givenDeviceWithoutId_whenListByUser_thenUnavailableNotNullPointer() {
    graph.enqueue(json(200, "{\"value\":[{\"userId\":\"" + adele().id() + "\"}, null]}"));

    assertThatThrownBy(() -> tenant().devices().listByUser(adele()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("'id' is missing");
  }

  // ------------------------------------------------------------------ the network

  @Test
  void givenBodyCutShortByTheServer_whenFindById_thenUnavailableWithoutStatus() throws IOException {
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nrequest-id: 7d1e0c55-0b0a-4c3e-9d55-2a8f1b6c9e01\r\n"
            + "Content-Length: 400\r\n\r\n{\"id\":\"6e7b768e-07e2";
    try (RawSocketServer server = RawSocketServer.answeringThenClosing(head)) {
      BackendUnavailableException failure =
          catchThrowableOfType(
              BackendUnavailableException.class,
              () -> tenant(server.baseUrl()).users().findById(adele().id()));

      assertThat(failure.httpStatus()).isZero();
      assertThat(failure.reason()).startsWith("I/O error");
      assertThat(failure.clientRequestId()).matches(GraphTestData.GUID_PATTERN);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void givenConnectionResetMidResponse_whenListByUser_thenUnavailableAndNotRetried()
      throws IOException {
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"value\":[{\"id\":";
    try (RawSocketServer server = RawSocketServer.answeringThenResetting(head)) {
      BackendUnavailableException failure =
          catchThrowableOfType(
              BackendUnavailableException.class,
              () -> tenant(server.baseUrl()).devices().listByUser(adele()));

      assertThat(failure.httpStatus()).isZero();
      assertThat(failure.reason()).startsWith("I/O error");
      assertThat(failure.getCause()).isInstanceOf(IOException.class);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void givenNothingListening_whenFindById_thenUnavailableWithoutStatus() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class,
            () ->
                tenant(URI.create("http://127.0.0.1:" + port + "/v1.0"))
                    .users()
                    .findById(adele().id()));

    assertThat(failure.httpStatus()).isZero();
    assertThat(failure.requestId()).isEmpty();
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void givenResponseSlowerThanRequestTimeout_whenFindById_thenTimeoutAfterTheTimeout() {
    graph.enqueue(FakeGraph.Reply.stall());
    GraphSettings settings =
        GraphTestData.settings(graph.baseUrl())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
    long started = System.nanoTime();

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class,
            () -> GraphTestData.tenant(settings, clock, sleeper).users().findById(adele().id()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure.reason()).contains("no complete response within 0.300 s");
    assertThat(failure.kind()).isEqualTo(FailureKind.BACKEND_TIMEOUT);
    assertThat(failure.httpStatus()).isZero();
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void givenRedirect_whenFindById_thenNotFollowed() {
    graph.enqueue(json(302, "", "Location", "https://attacker.example/steal"));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> tenant().users().findById(adele().id()));

    assertThat(failure.httpStatus()).isEqualTo(302);
    assertThat(failure.kind()).isEqualTo(FailureKind.BACKEND_UNAVAILABLE);
    assertThat(graph.requests()).hasSize(1);
  }
}
