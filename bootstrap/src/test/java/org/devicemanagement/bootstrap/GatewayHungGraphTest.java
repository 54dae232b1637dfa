package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.PRIVILEGED;
import static org.devicemanagement.bootstrap.BootstrapTestData.READ_ALL;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.adapters.graph.RawSocketServer;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of a Graph that accepts connections and never answers: callers beyond the
 * bulkhead of concurrent Graph calls are refused at once with 503 and {@code Retry-After}, and the
 * server's own threads keep answering everything that needs no Graph call.
 */
class GatewayHungGraphTest {

  private static final int CALLERS = 300;
  private static final int BULKHEAD = GraphSettings.DEFAULT_MAX_CONCURRENT_CALLS;

  /**
   * How long the gateway waits for each Graph response: every held caller waits this long, so an
   * answer that came sooner did not wait for Graph (short, yet well above what a burst of refusals
   * takes on a busy 2-core machine).
   */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

  /** Promptly. */
  private static final Duration PROMPT = Duration.ofSeconds(1);

  private final String token = BootstrapTestData.graphToken(ADELE_UPN, PRIVILEGED, READ_ALL);
  private final ExecutorService clientThreads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(clientThreads)
          .build();
  private RawSocketServer graph;
  private DeviceManagementServer gateway;

  @BeforeEach
  void start() {
    graph = RawSocketServer.holdingEveryConnection();
    gateway =
        DeviceManagementServer.start(
            BootstrapTestData.settings(BootstrapTestData.sharedDataDir())
                .withGateway(
                    new GatewaySettings(
                        GraphSettings.defaults(graph.baseUrl())
                            .withTimeouts(Duration.ofSeconds(1), RESPONSE_TIMEOUT)
                            .withCallDeadline(RESPONSE_TIMEOUT.multipliedBy(2)))));
  }

  @AfterEach
  void stop() throws IOException {
    // Closing the held connections first ends whatever the gateway still waits for.
    graph.close();
    gateway.stop();
    clientThreads.shutdownNow();
  }

  private record Timed(HttpResponse<String> response, Duration took) {}

  private CompletableFuture<Timed> send(HttpRequest request) {
    long started = System.nanoTime();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Timed(r, Duration.ofNanos(System.nanoTime() - started)));
  }

  private List<CompletableFuture<Timed>> retire(int callers) {
    List<CompletableFuture<Timed>> calls = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      calls.add(
          send(
              BootstrapTestData.post(
                  gateway.baseUri(),
                  "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement",
                  token)));
    }
    return calls;
  }

  private static Timed await(CompletableFuture<Timed> call) throws Exception {
    return call.get(30, TimeUnit.SECONDS);
  }

  private Timed listWithoutToken() throws Exception {
    return await(
        send(
            BootstrapTestData.get(
                gateway.baseUri(), "v1.0/users/" + ADELE_UPN + "/managedDevices", null)));
  }

  private Timed unknownPath() throws Exception {
    return await(send(BootstrapTestData.get(gateway.baseUri(), "v1.0/nowhere", null)));
  }

  private static void assertAnsweredWithin(Timed listed, Timed unknown, Duration bound) {
    assertGraphError(listed.response(), 401, "InvalidAuthenticationToken", null);
    assertThat(listed.took()).isLessThan(bound);
    assertGraphError(unknown.response(), 400, "BadRequest", null);
    assertThat(unknown.took()).isLessThan(bound);
  }

  @Test
  void
      givenGraphNeverAnswering_whenManyCallersRetireAtOnce_thenBeyondTheBulkhead503AtOnceAndOtherRequestsServed()
          throws Exception {
    // The first requests' one-time work (class loading, Jersey's lazy set-up) is not what is timed.
    listWithoutToken();
    unknownPath();
    // Fill the bulkhead first, so that the test knows which callers are beyond it.
    List<CompletableFuture<Timed>> held = retire(BULKHEAD);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (graph.connections() < BULKHEAD && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(graph.connections()).isEqualTo(BULKHEAD);

    List<CompletableFuture<Timed>> beyond = retire(CALLERS - BULKHEAD);
    // Sent with the burst: they wait for CPU, never for a thread a hung Graph call holds.
    Timed listedDuringBurst = listWithoutToken();
    Timed unknownDuringBurst = unknownPath();
    List<Timed> refused = new ArrayList<>();
    for (CompletableFuture<Timed> call : beyond) {
      refused.add(await(call));
    }
    // The bulkhead is still full of hung calls: everything else is answered promptly.
    Timed listed = listWithoutToken();
    Timed unknown = unknownPath();
    boolean bulkheadStillHeld = held.stream().noneMatch(CompletableFuture::isDone);

    assertAnsweredWithin(listedDuringBurst, unknownDuringBurst, RESPONSE_TIMEOUT);
    assertAnsweredWithin(listed, unknown, PROMPT);
    assertThat(bulkheadStillHeld).isTrue();
    for (Timed call : refused) {
      String message = assertGraphError(call.response(), 503, "ServiceUnavailable", null);
      assertThat(message)
          .startsWith(
              "This gateway already has " + BULKHEAD + " calls in flight to Microsoft Graph");
      assertThat(call.response().headers().firstValue("Retry-After")).isPresent();
      assertThat(call.took()).isLessThan(RESPONSE_TIMEOUT);
    }
    for (CompletableFuture<Timed> call : held) {
      assertGraphError(await(call).response(), 504, "GatewayTimeout", null);
    }
    assertThat(graph.connections()).isEqualTo(BULKHEAD);
  }
}
