package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.PRIVILEGED;
import static org.devicemanagement.bootstrap.BootstrapTestData.READ_ALL;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.graph.FakeGraph;
import org.devicemanagement.adapters.graph.FakeGraph.Recorded;
import org.devicemanagement.adapters.graph.FakeGraph.Reply;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway when Graph misbehaves (slow, resetting connections, 5xx storms): its callers get
 * Graph-shaped 503/504 errors within the gateway's own deadline, other requests keep being served,
 * and it recovers as soon as Graph does. Waits are real here (short timeouts), not simulated.
 */
class GatewayFaultsTest {

  /** Each Graph response must come within this... */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

  /** ...and each Graph call, retries included, within this. */
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(3);

  /**
   * A retire makes at most three Graph calls (user, devices, action), so the gateway answers within
   * three call deadlines; the slack covers a slow machine.
   */
  private static final Duration GATEWAY_BOUND = CALL_DEADLINE.multipliedBy(3).plusSeconds(2);

  private static final String RETIRE_PATH =
      "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement";

  private final String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);
  private FakeGraph graph;
  private DeviceManagementServer gateway;
  private URI base;

  @BeforeEach
  void start() {
    graph = FakeGraph.start(GatewayFaultsTest::healthy);
    GraphSettings settings =
        GraphSettings.defaults(graph.baseUrl())
            .withTimeouts(Duration.ofMillis(500), REQUEST_TIMEOUT)
            .withRetries(2, Duration.ofMillis(50), Duration.ofMillis(200))
            .withCallDeadline(CALL_DEADLINE);
    gateway =
        DeviceManagementServer.start(
            BootstrapTestData.settings(BootstrapTestData.sharedDataDir())
                .withGateway(new GatewaySettings(settings)));
    base = gateway.baseUri();
  }

  @AfterEach
  void stop() {
    gateway.stop();
    graph.close();
  }

  private static Reply healthy(Recorded request) {
    String path = request.target();
    if (path.contains("/managedDevices")) {
      return Reply.json(
          200,
          """
          {"value":[{"id":"d0000000-0000-4000-8000-000000000001","userId":"%s",
           "deviceName":"ADELE-1","managementState":"managed"}]}"""
              .formatted(ADELE_ID));
    }
    if (request.method().equals("GET")) {
      return Reply.json(
          200,
          "{\"id\":\"%s\",\"userPrincipalName\":\"%s\",\"displayName\":\"Adele\"}"
              .formatted(ADELE_ID, ADELE_UPN));
    }
    return Reply.noContent();
  }

  /** Healthy reads, and {@code action} for every removeAllDevicesFromManagement. */
  private static java.util.function.Function<Recorded, Reply> actionAnswers(Reply action) {
    return request -> request.method().equals("POST") ? action : healthy(request);
  }

  private record Timed(HttpResponse<String> response, Duration took) {}

  private Timed retire() {
    long started = System.nanoTime();
    HttpResponse<String> response =
        BootstrapTestData.send(BootstrapTestData.post(base, RETIRE_PATH, token));
    return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
  }

  private HttpResponse<String> listDevices() {
    return BootstrapTestData.send(
        BootstrapTestData.get(base, "v1.0/users/" + ADELE_ID + "/managedDevices", token));
  }

  private void assertRecovers() {
    graph.route(GatewayFaultsTest::healthy);
    Timed after = retire();
    assertThat(after.response().statusCode()).as(after.response().body()).isEqualTo(204);
  }

  @Test
  void givenGraphSlowerThanTheTimeout_whenRetire_then504WithinDeadlineWhileOtherRoutesAnswer()
      throws Exception {
    graph.route(actionAnswers(Reply.noContent().after(Duration.ofSeconds(5))));

    CompletableFuture<Timed> slow = CompletableFuture.supplyAsync(this::retire);
    // While the retire waits on Graph, a read on another route is answered at once.
    Thread.sleep(100);
    HttpResponse<String> meanwhile = listDevices();
    boolean retireStillWaiting = !slow.isDone();
    Timed timed = slow.get(30, TimeUnit.SECONDS);

    assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);
    assertThat(retireStillWaiting).isTrue();
    String message = assertGraphError(timed.response(), 504, "GatewayTimeout", null);
    assertThat(message).contains("did not answer in time");
    assertThat(timed.took()).isLessThan(GATEWAY_BOUND);
    assertRecovers();
  }

  @Test
  void givenGraphDroppingEveryConnection_whenRetire_then503AndRecovers() {
    graph.route(request -> Reply.dropConnection());

    Timed timed = retire();

    String message = assertGraphError(timed.response(), 503, "ServiceUnavailable", null);
    assertThat(message).contains("no HTTP response");
    assertThat(timed.took()).isLessThan(GATEWAY_BOUND);
    assertRecovers();
  }

  @Test
  void givenA503Storm_whenRetire_then503WithRetryAfterAfterTheRetries() {
    graph.route(
        actionAnswers(
            Reply.error(503, "ServiceUnavailable", "The service is busy.", "Retry-After", "0.1")));

    Timed timed = retire();

    String message = assertGraphError(timed.response(), 503, "ServiceUnavailable", null);
    assertThat(message).contains("The service is busy.");
    assertThat(timed.response().headers().firstValue("Retry-After")).contains("1");
    assertThat(graph.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(3);
    assertThat(timed.took()).isLessThan(GATEWAY_BOUND);
    assertRecovers();
  }

  @Test
  void givenA500Storm_whenRetireAndList_thenEach503NeverA500AndRecovers() {
    graph.route(request -> Reply.error(500, "UnknownError", "Something went wrong."));

    Timed retire = retire();
    HttpResponse<String> list = listDevices();

    assertGraphError(retire.response(), 503, "ServiceUnavailable", null);
    assertGraphError(list, 503, "ServiceUnavailable", null);
    // 500 is not retried: one request per call.
    assertThat(graph.requests()).hasSize(2);
    assertRecovers();
  }

  @Test
  void givenGraphTimingOutWith504s_whenRetire_then504AndRecovers() {
    graph.route(actionAnswers(Reply.error(504, "GatewayTimeout", "Gateway timeout.")));

    Timed timed = retire();

    assertGraphError(timed.response(), 504, "GatewayTimeout", null);
    assertThat(timed.took()).isLessThan(GATEWAY_BOUND);
    assertRecovers();
  }

  @Test
  void givenSlowGraph_whenManyCallersRetireAtOnce_thenEachGetsAnAnswerWithinTheBound()
      throws Exception {
    graph.route(actionAnswers(Reply.noContent().after(Duration.ofSeconds(3))));

    List<CompletableFuture<Timed>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.supplyAsync(this::retire));
    }
    HttpResponse<String> meanwhile = listDevices();

    assertThat(meanwhile.statusCode()).isEqualTo(200);
    for (CompletableFuture<Timed> call : calls) {
      Timed timed = call.get(30, TimeUnit.SECONDS);
      assertThat(timed.response().statusCode()).isEqualTo(504);
      assertThat(timed.took()).isLessThan(GATEWAY_BOUND);
    }
    assertRecovers();
  }
}
