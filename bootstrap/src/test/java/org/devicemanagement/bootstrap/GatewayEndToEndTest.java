package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.CLIENT_REQUEST_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.PRIVILEGED;
import static org.devicemanagement.bootstrap.BootstrapTestData.READ_ALL;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.devicemanagement.adapters.graph.FakeGraph;
import org.devicemanagement.adapters.graph.FakeGraph.Recorded;
import org.devicemanagement.adapters.graph.FakeGraph.Reply;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server in gateway mode ({@code --backend graph}) in front of a scripted Graph on loopback:
 * the caller's token goes through, the permission table is enforced first, Graph's answers come
 * back as ours.
 */
class GatewayEndToEndTest {

  private static final String GUID = "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";
  private static final String RETIRE_ADELE =
      "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement";

  private final List<String> sleeps = new ArrayList<>();
  private FakeGraph graph;
  private DeviceManagementServer gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    if (graph != null) {
      graph.close();
    }
  }

  /**
   * Starts Graph answering as {@code router} and the gateway in front of it (2 retries, no waits).
   */
  private URI start(java.util.function.Function<Recorded, Reply> router) {
    return start(router, GraphSettings.DEFAULT_MAX_CONCURRENT_CALLS);
  }

  /**
   * Like {@link #start(java.util.function.Function)}, with at most {@code bulkhead} Graph calls in
   * flight.
   */
  private URI start(java.util.function.Function<Recorded, Reply> router, int bulkhead) {
    graph = FakeGraph.start(router);
    GraphSettings settings =
        GraphSettings.defaults(graph.baseUrl())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(180))
            .withMaxConcurrentCalls(bulkhead);
    gateway =
        DeviceManagementServer.start(
            BootstrapTestData.settings(BootstrapTestData.sharedDataDir())
                .withGateway(
                    new GatewaySettings(settings)
                        .withTenantCustomizer(
                            builder -> builder.sleeper(d -> sleeps.add(d.toString())))));
    return gateway.baseUri();
  }

  /** A healthy Graph holding Adele with {@code deviceCount} managed devices. */
  private static Reply healthy(Recorded request, int deviceCount) {
    String path = request.target();
    if (request.method().equals("GET") && path.matches("/v1\\.0/users/[^/]+\\?.*")) {
      return Reply.json(200, userJson());
    }
    // A user's devices: the tenant's filtered listing (or, for a stand-in, the user's own).
    if (request.method().equals("GET")
        && path.matches("/v1\\.0/(users/[^/]+|deviceManagement)/managedDevices.*")) {
      return Reply.json(200, page(0, deviceCount, null));
    }
    if (request.method().equals("POST") && path.endsWith("/removeAllDevicesFromManagement")) {
      return Reply.noContent();
    }
    return Reply.error(400, "BadRequest", "unscripted " + path);
  }

  private static String userJson() {
    return """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity",
         "id":"%s","userPrincipalName":"%s","displayName":"Adele Vance"}"""
        .formatted(ADELE_ID, ADELE_UPN);
  }

  private static String page(int from, int to, String nextLink) {
    String devices =
        java.util.stream.IntStream.range(from, to)
            .mapToObj(
                i ->
                    """
                    {"id":"d0000000-0000-4000-8000-%012d","userId":"%s","userPrincipalName":"%s",
                     "deviceName":"ADELE-%d","operatingSystem":"Windows","managementState":"managed",
                     "complianceState":"compliant","managedDeviceOwnerType":"company"}"""
                        .formatted(i, ADELE_ID, ADELE_UPN, i))
            .collect(Collectors.joining(","));
    return nextLink == null
        ? "{\"value\":[" + devices + "]}"
        : "{\"@odata.nextLink\":\"" + nextLink + "\",\"value\":[" + devices + "]}";
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return BootstrapTestData.send(request);
  }

  private static HttpRequest retire(URI base, String token) {
    return BootstrapTestData.request(base, RETIRE_ADELE, token)
        .header("client-request-id", CLIENT_REQUEST_ID)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  @Test
  void givenHealthyGraph_whenRetire_then204AndCallersTokenPassedThroughWithFreshClientRequestIds() {
    URI base = start(request -> healthy(request, 3));
    String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);

    HttpResponse<String> response = send(retire(base, token));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(response.headers().firstValue("client-request-id")).contains(CLIENT_REQUEST_ID);
    String ourRequestId = response.headers().firstValue("request-id").orElseThrow();
    List<Recorded> seen = graph.requests();
    assertThat(seen)
        .extracting(r -> r.method() + " " + r.target().replaceAll("\\?.*", ""))
        .containsExactly(
            "GET /v1.0/users/" + ADELE_UPN,
            "GET /v1.0/deviceManagement/managedDevices",
            "POST /v1.0/users/" + ADELE_ID + "/removeAllDevicesFromManagement");
    assertThat(seen)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    assertThat(seen)
        .extracting(r -> r.header("client-request-id"))
        .allMatch(id -> id.matches(GUID))
        .doesNotContain(CLIENT_REQUEST_ID)
        .doesNotHaveDuplicates();
    assertThat(seen).extracting(Recorded::requestId).doesNotContain(ourRequestId);
  }

  @Test
  void givenCallerWithoutPrivilegedScope_whenRetire_thenOur403WithoutAnyGraphCall() {
    URI base = start(request -> healthy(request, 3));
    String token = BootstrapTestData.graphToken(ADELE_UPN, READ_ALL);

    HttpResponse<String> response = send(retire(base, token));

    String message = assertGraphError(response, 403, "Forbidden", CLIENT_REQUEST_ID);
    assertThat(message).contains(PRIVILEGED);
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void givenPersonalAccount_whenRetire_thenOur403WithoutAnyGraphCall() {
    URI base = start(request -> healthy(request, 3));
    String token =
        new org.devicemanagement.bootstrap.security.TokenMinter(
                BootstrapTestData.newRsaKey(), java.time.Clock.systemUTC())
            .mint(
                org.devicemanagement.bootstrap.security.TokenRequest.of(
                    org.devicemanagement.bootstrap.security.TokenType.PERSONAL,
                    "someone@outlook.com"));

    HttpResponse<String> response = send(retire(base, token));

    assertGraphError(response, 403, "Forbidden", CLIENT_REQUEST_ID);
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void givenMalformedToken_whenRetire_thenOur401WithoutAnyGraphCall() {
    URI base = start(request -> healthy(request, 3));

    HttpResponse<String> response = send(retire(base, "not-a-jwt"));

    assertGraphError(response, 401, "InvalidAuthenticationToken", CLIENT_REQUEST_ID);
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void givenGraphDoesNotKnowTheUser_whenRetire_thenOur404Envelope() {
    URI base =
        start(
            request ->
                Reply.error(
                    404,
                    "Request_ResourceNotFound",
                    "Resource '"
                        + ADELE_UPN
                        + "' does not exist or one of its queried"
                        + " reference-property objects are not present."));
    String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);

    HttpResponse<String> response = send(retire(base, token));

    String message = assertGraphError(response, 404, "Request_ResourceNotFound", CLIENT_REQUEST_ID);
    assertThat(message).contains("'" + ADELE_UPN + "'");
  }

  @Test
  void givenGraphRefusesTheActionWithIntuneBody_whenRetire_thenOur403NamingScopes() {
    String intune =
        "{\\\"_version\\\": 3, \\\"Message\\\": \\\"Application is not authorized to perform this"
            + " operation. Application must have one of the following scopes: "
            + PRIVILEGED
            + " - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000\\\","
            + " \\\"ErrorCode\\\": \\\"Forbidden\\\"}";
    URI base =
        start(
            request ->
                request.method().equals("POST")
                    ? Reply.json(
                        403,
                        "{\"error\":{\"code\":\"UnknownError\",\"message\":\"" + intune + "\"}}")
                    : healthy(request, 1));
    String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);

    HttpResponse<String> response = send(retire(base, token));

    String message = assertGraphError(response, 403, "Forbidden", CLIENT_REQUEST_ID);
    assertThat(message).contains("Microsoft Graph refused").contains(PRIVILEGED);
    String graphRequestId = graph.requests().get(graph.requests().size() - 1).requestId();
    assertThat(message).contains(graphRequestId);
  }

  @Test
  void givenGraphRejectsTheToken_whenRetire_thenOur401KeepingGraphsMessage() {
    URI base =
        start(
            request ->
                Reply.error(
                    401,
                    "InvalidAuthenticationToken",
                    "Access token validation failure. Invalid audience."));

    HttpResponse<String> response =
        send(retire(base, BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL)));

    String message =
        assertGraphError(response, 401, "InvalidAuthenticationToken", CLIENT_REQUEST_ID);
    assertThat(message).isEqualTo("Access token validation failure. Invalid audience.");
  }

  @Test
  void givenGraphThrottlesUntilRetriesAreExhausted_whenRetire_thenOur429WithRetryAfter() {
    URI base =
        start(
            request ->
                request.method().equals("POST")
                    ? Reply.error(
                        429, "TooManyRequests", "Too many requests.", "Retry-After", "2.5")
                    : healthy(request, 1));

    HttpResponse<String> response =
        send(retire(base, BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL)));

    String message = assertGraphError(response, 429, "TooManyRequests", CLIENT_REQUEST_ID);
    assertThat(message).startsWith("Please retry again later.");
    assertThat(response.headers().firstValue("Retry-After")).contains("3");
    assertThat(graph.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(3);
    assertThat(sleeps).containsExactly("PT2.5S", "PT2.5S");
  }

  @Test
  void givenCallerWithPrivilegedScopeOnly_whenGraphRefusesTheReads_thenActionStillSentAnd204() {
    URI base =
        start(
            request ->
                request.method().equals("POST")
                    ? Reply.noContent()
                    : Reply.error(
                        403,
                        "Authorization_RequestDenied",
                        "Insufficient privileges to complete the operation."));
    String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED);

    HttpResponse<String> response = send(retire(base, token));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(graph.requests())
        .extracting(r -> r.method() + " " + r.target().replaceAll("\\?.*", ""))
        .containsExactly(
            "GET /v1.0/users/" + ADELE_UPN,
            "GET /v1.0/deviceManagement/managedDevices",
            "POST /v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement");
  }

  @Test
  void givenCallerWithPrivilegedScopeOnlyOnMe_whenGraphRefusesReads_thenActionSentForTheOid() {
    URI base =
        start(
            request ->
                request.method().equals("POST")
                    ? Reply.noContent()
                    : Reply.error(403, "Authorization_RequestDenied", "Insufficient privileges."));
    String token = BootstrapTestData.graphToken(ADELE_ID, PRIVILEGED);

    HttpResponse<String> response =
        send(BootstrapTestData.post(base, "v1.0/me/removeAllDevicesFromManagement", token));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(graph.requests().get(graph.requests().size() - 1).target())
        .isEqualTo("/v1.0/users/" + ADELE_ID + "/removeAllDevicesFromManagement");
  }

  @Test
  void givenCallerWithPrivilegedScopeOnly_whenGraphSaysUserUnknownOnTheAction_thenOur404() {
    URI base =
        start(
            request ->
                request.method().equals("POST")
                    ? Reply.error(404, "Request_ResourceNotFound", "Resource not found.")
                    : Reply.error(403, "Authorization_RequestDenied", "Insufficient privileges."));

    HttpResponse<String> response =
        send(retire(base, BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED)));

    String message = assertGraphError(response, 404, "Request_ResourceNotFound", CLIENT_REQUEST_ID);
    assertThat(message).contains("'" + ADELE_UPN + "'");
  }

  @Test
  void givenGraphPagesWithItsOwnLinks_whenListThroughGateway_thenEveryNextLinkPointsAtTheGateway() {
    String[] graphBase = new String[1];
    URI base =
        start(
            request -> {
              String target = request.target();
              if (target.contains("/managedDevices") && target.contains("$skiptoken=graph-2")) {
                return Reply.json(200, page(3, 5, null));
              }
              if (target.contains("/managedDevices")) {
                return Reply.json(
                    200,
                    page(
                        0,
                        3,
                        graphBase[0]
                            + "/users/"
                            + ADELE_ID
                            + "/managedDevices?$skiptoken=graph-2"));
              }
              return healthy(request, 0);
            });
    graphBase[0] = graph.baseUrl().toString();
    String token = BootstrapTestData.graphToken(ADELE_UPN, READ_ALL);

    List<String> ids = new ArrayList<>();
    List<String> links = new ArrayList<>();
    String next = base + "v1.0/users/" + ADELE_UPN + "/managedDevices?$top=2";
    while (next != null) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create(next))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(20))
                  .GET()
                  .build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = BootstrapTestData.json(response.body());
      body.path("value").forEach(d -> ids.add(d.path("id").asText()));
      next = body.hasNonNull("@odata.nextLink") ? body.path("@odata.nextLink").asText() : null;
      if (next != null) {
        links.add(next);
      }
      assertThat(body.path("@odata.context").asText()).startsWith(base.toString());
    }

    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    assertThat(links).hasSize(2).allMatch(link -> link.startsWith(base + "v1.0/users/"));
    assertThat(String.join(" ", links)).doesNotContain(graphBase[0]).doesNotContain("graph-2");
  }

  @Test
  void givenUserReader_whenGetUserThroughGateway_thenGraphsUserInOurShape() {
    URI base = start(request -> healthy(request, 0));
    String token = BootstrapTestData.graphToken(ADELE_UPN, Permissions.USER_READ_BASIC_ALL);

    HttpResponse<String> response =
        send(BootstrapTestData.get(base, "v1.0/users/" + ADELE_UPN, token));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = BootstrapTestData.json(response.body());
    assertThat(body.path("id").asText()).isEqualTo(ADELE_ID);
    assertThat(body.path("@odata.context").asText())
        .isEqualTo(base + "v1.0/$metadata#users/$entity");
  }

  @Test
  void givenDeviceReaderOnly_whenGetUserThroughGateway_thenOur403WithoutAnyGraphCall() {
    URI base = start(request -> healthy(request, 0));

    HttpResponse<String> response =
        send(
            BootstrapTestData.get(
                base,
                "v1.0/users/" + ADELE_UPN,
                BootstrapTestData.graphToken(ADELE_UPN, READ_ALL)));

    assertGraphError(response, 403, "Forbidden", null);
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void givenTwoCallers_whenEachCalls_thenEachOnesOwnTokenReachesGraph() {
    URI base = start(request -> healthy(request, 1));
    String first = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);
    String second = BootstrapTestData.graphToken("megan.bowen@contoso.com", PRIVILEGED, READ_ALL);

    send(retire(base, first));
    send(retire(base, second));

    Set<String> tokens =
        graph.requests().stream().map(r -> r.header("Authorization")).collect(Collectors.toSet());
    assertThat(tokens).containsExactlyInAnyOrder("Bearer " + first, "Bearer " + second);
    assertThat(
            gateway.instance(org.devicemanagement.bootstrap.gateway.InboundTokens.class).current())
        .isNull();
  }

  @Test
  void
      givenConcurrentCallers_whenEachRetiresItself_thenGraphSeesEveryRequestWithItsOwnCallersToken()
          throws Exception {
    URI base =
        start(
            request ->
                request.method().equals("POST")
                    ? Reply.noContent().after(Duration.ofMillis(20))
                    : Reply.error(403, "Authorization_RequestDenied", "Insufficient privileges."));
    int callers = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(callers);
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < callers; i++) {
          String upn = "user" + i + "@contoso.com";
          String token = BootstrapTestData.graphToken(upn, PRIVILEGED);
          calls.add(
              pool.submit(
                  () ->
                      send(
                          BootstrapTestData.post(
                              base,
                              "v1.0/users/" + upn + "/removeAllDevicesFromManagement",
                              token))));
        }
      }
      for (java.util.concurrent.Future<HttpResponse<String>> call : calls) {
        assertThat(call.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(204);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(graph.requests()).hasSize(3 * callers * 3);
    assertThat(graph.requests())
        .allSatisfy(
            r -> {
              String token = r.header("Authorization").substring("Bearer ".length());
              String upn = String.valueOf(BootstrapTestData.claims(token).getClaim("upn"));
              // The action names the user in its path, the listing in its filter.
              assertThat(r.target()).containsAnyOf("/v1.0/users/" + upn, "%27" + upn + "%27");
            });
  }

  @Test
  void
      givenBulkheadHeldByOneCaller_whenAnotherRetires_thenItGets503AndEachGraphCallCarriesItsOwnCallersToken()
          throws Exception {
    java.util.concurrent.CountDownLatch actionReached = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    URI base =
        start(
            request -> {
              if (!request.method().equals("POST")) {
                return Reply.error(403, "Authorization_RequestDenied", "Insufficient privileges.");
              }
              actionReached.countDown();
              try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Reply.noContent();
            },
            1);
    String holder = BootstrapTestData.graphToken("user0@contoso.com", PRIVILEGED);
    String refused = BootstrapTestData.graphToken("user1@contoso.com", PRIVILEGED);
    String later = BootstrapTestData.graphToken("user2@contoso.com", PRIVILEGED);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<HttpResponse<String>> holding =
          pool.submit(
              () ->
                  send(
                      BootstrapTestData.post(
                          base,
                          "v1.0/users/user0@contoso.com/removeAllDevicesFromManagement",
                          holder)));
      assertThat(actionReached.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> saturated =
          send(
              BootstrapTestData.post(
                  base, "v1.0/users/user1@contoso.com/removeAllDevicesFromManagement", refused));
      release.countDown();
      HttpResponse<String> held = holding.get(20, java.util.concurrent.TimeUnit.SECONDS);
      HttpResponse<String> afterwards =
          send(
              BootstrapTestData.post(
                  base, "v1.0/users/user2@contoso.com/removeAllDevicesFromManagement", later));

      String message = assertGraphError(saturated, 503, "ServiceUnavailable", null);
      assertThat(message)
          .startsWith("This gateway already has 1 call in flight to Microsoft Graph");
      assertThat(saturated.headers().firstValue("Retry-After")).isPresent();
      assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
      assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(204);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }

    assertThat(graph.requests()).hasSize(2 * 3);
    assertThat(graph.requests())
        .allSatisfy(
            r -> {
              String token = r.header("Authorization").substring("Bearer ".length());
              assertThat(token).isNotEqualTo(refused);
              String upn = String.valueOf(BootstrapTestData.claims(token).getClaim("upn"));
              // The action names the user in its path, the listing in its filter.
              assertThat(r.target()).containsAnyOf("/v1.0/users/" + upn, "%27" + upn + "%27");
            });
  }

  @Test
  void givenGraphFailures_whenCalledThroughGateway_thenTheTokenReachesNoLogLine() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      URI base =
          start(
              request ->
                  request.method().equals("POST")
                      ? Reply.error(503, "ServiceUnavailable", "busy")
                      : Reply.error(
                          401, "InvalidAuthenticationToken", "Access token has expired."));
      String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);

      HttpResponse<String> response = send(retire(base, token));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).doesNotContain(token);
      assertThat(logs.list).isNotEmpty();
      String signature = token.substring(token.lastIndexOf('.') + 1);
      assertThat(logs.list)
          .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
          .noneMatch(line -> line.contains(token) || line.contains(signature));
    } finally {
      root.detachAppender(logs);
    }
  }
}
