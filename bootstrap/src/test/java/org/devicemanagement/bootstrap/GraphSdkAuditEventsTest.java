package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AuditEvent;
import com.microsoft.graph.models.AuditEventCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Microsoft Graph Java SDK v6, unchanged, reads the audit trail ({@code
 * deviceManagement().auditEvents()}: a filtered list paged by {@link PageIterator}, one event, and
 * the two functions) from the emulator and from a gateway in front of it, which keeps its own trail
 * of what it did for whom rather than forwarding the calls to Graph.
 */
class GraphSdkAuditEventsTest {

  private static EmulatorAndGateway servers;
  private static DeviceManagementServer emulator;
  private static DeviceManagementServer gateway;
  private static String token;

  @BeforeAll
  static void startEmulatorAndGatewayInFrontOfIt() {
    servers = EmulatorAndGateway.start(null);
    emulator = servers.emulator();
    gateway = servers.gateway();
    token =
        BootstrapTestData.token(
            emulator.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            ADELE_UPN,
            Permissions.PRIVILEGED_OPERATIONS_ALL,
            Permissions.READ_ALL,
            Permissions.APPS_READ_ALL);
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

  private static URI base(String server) {
    return server.equals("gateway") ? gateway.baseUri() : emulator.baseUri();
  }

  /** Retires Adele's devices through {@code server}; the answer's request-id. */
  private static String retireAdele(String server, String bearer) {
    HttpResponse<String> response =
        BootstrapTestData.send(
            BootstrapTestData.post(
                base(server),
                "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement",
                bearer));
    return response.headers().firstValue("request-id").orElseThrow();
  }

  private static List<AuditEvent> everyPage(GraphServiceClient graph, String filter)
      throws ReflectiveOperationException {
    AuditEventCollectionResponse first =
        graph
            .deviceManagement()
            .auditEvents()
            .get(
                request -> {
                  request.queryParameters.filter = filter;
                  request.queryParameters.orderby = new String[] {"activityDateTime desc"};
                  request.queryParameters.top = 1;
                });
    List<AuditEvent> events = new ArrayList<>();
    new PageIterator.Builder<AuditEvent, AuditEventCollectionResponse>()
        .client(graph)
        .collectionPage(first)
        .collectionPageFactory(AuditEventCollectionResponse::createFromDiscriminatorValue)
        .processPageItemCallback(event -> events.add(event))
        .build()
        .iterate();
    return events;
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givenARetireAllAndARefusal_whenTheSdkListsTheirEventsPageByPage_thenBothInGraphsShape(
      String server) throws Exception {
    String served = retireAdele(server, token);
    String refused =
        retireAdele(
            server,
            BootstrapTestData.token(
                emulator.signingKeys().orElseThrow(),
                TokenType.DELEGATED,
                ADELE_UPN,
                Permissions.READ_ALL));
    GraphServiceClient graph = GraphSdkClients.v1(base(server), token);

    List<AuditEvent> events =
        everyPage(
            graph,
            "activityType eq 'RemoveAllDevicesFromManagement User' and (correlationId eq '"
                + served
                + "' or correlationId eq '"
                + refused
                + "')");

    assertThat(events)
        .extracting(e -> e.getCorrelationId().toString())
        .containsOnly(served, refused);
    assertThat(events).hasSize(2);
    AuditEvent success =
        events.stream()
            .filter(e -> e.getCorrelationId().toString().equals(served))
            .findFirst()
            .orElseThrow();
    assertThat(success.getActivityResult()).isEqualTo("Success");
    assertThat(success.getActor().getAuditActorType()).isEqualTo("ItPro");
    assertThat(success.getActor().getUserPrincipalName()).isEqualTo(ADELE_UPN);
    assertThat(success.getActor().getIpAddress()).isEqualTo("127.0.0.1");
    assertThat(success.getActor().getUserPermissions()).contains(Permissions.APPS_READ_ALL);
    assertThat(success.getActivityDateTime()).isNotNull();
    AuditEvent failure =
        events.stream()
            .filter(e -> e.getCorrelationId().toString().equals(refused))
            .findFirst()
            .orElseThrow();
    assertThat(failure.getActivityResult()).isEqualTo("Failure");
    assertThat(failure.getActivity()).endsWith("(MISSING_PERMISSION)");

    AuditEvent byId = graph.deviceManagement().auditEvents().byAuditEventId(success.getId()).get();
    assertThat(byId.getCorrelationId()).hasToString(served);
    assertThat(byId.getResources())
        .allSatisfy(
            resource ->
                assertThat(resource.getModifiedProperties().get(0).getDisplayName())
                    .isEqualTo("managementState"));
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givenTheFunctions_whenTheSdkCallsThem_thenOurCategoryAndItsActivityTypes(String server) {
    GraphServiceClient graph = GraphSdkClients.v1(base(server), token);

    assertThat(graph.deviceManagement().auditEvents().getAuditCategories().get().getValue())
        .containsExactly("Device");
    assertThat(
            graph
                .deviceManagement()
                .auditEvents()
                .getAuditActivityTypesWithCategory("Device")
                .get()
                .getValue())
        .containsExactly("RemoveAllDevicesFromManagement User", "Retire ManagedDevice");
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givenAnUnknownId_whenTheSdkReadsIt_thenODataErrorResourceNotFound(String server) {
    GraphServiceClient graph = GraphSdkClients.v1(base(server), token);

    ODataError error =
        catchThrowableOfType(
            ODataError.class,
            () -> graph.deviceManagement().auditEvents().byAuditEventId("nope").get());

    assertThat(error.getResponseStatusCode()).isEqualTo(404);
    assertThat(error.getError().getCode()).isEqualTo("ResourceNotFound");
  }

  @Test
  void givenARetireAllThroughTheGateway_whenBothTrailsAreRead_thenEachRecordsItsOwnCall()
      throws Exception {
    String throughGateway = retireAdele("gateway", token);

    List<AuditEvent> gatewayTrail =
        everyPage(
            GraphSdkClients.v1(gateway.baseUri(), token),
            "correlationId eq '" + throughGateway + "'");
    List<AuditEvent> emulatorTrail =
        everyPage(
            GraphSdkClients.v1(emulator.baseUri(), token),
            "correlationId eq '" + throughGateway + "'");

    // The gateway's record names its own request; the emulator (Graph, to the gateway) recorded
    // the call the gateway made, under that call's request-id.
    assertThat(gatewayTrail)
        .singleElement()
        .satisfies(event -> assertThat(event.getActivityResult()).isEqualTo("Success"));
    assertThat(emulatorTrail).isEmpty();
    assertThat(
            servers
                .tenant()
                .port(org.devicemanagement.application.port.out.AuditTrail.class)
                .searchEvents(
                    org.devicemanagement.application.audit.AuditQuery.ALL,
                    1000,
                    java.util.Optional.empty())
                .events())
        .noneMatch(event -> event.id().equals(gatewayTrail.get(0).getId()));
  }
}
