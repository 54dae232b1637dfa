package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;
import static org.devicemanagement.adapters.graph.GraphTestData.alex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulkhead: at most {@link GraphSettings#maxConcurrentCalls()} calls in flight to Graph, each
 * held through its retries and waits, one more refused at once; calls stay on the caller's thread.
 */
class GraphBulkheadTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final FakeGraph graph = FakeGraph.start(this::userAfterRelease);
  private final FakeClock clock = GraphTestData.clock();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    release.countDown();
    graph.close();
    callers.shutdownNow();
  }

  /** Answers {@code GET /users/{id}} with the user the path names, once the test releases it. */
  private FakeGraph.Reply userAfterRelease(FakeGraph.Recorded request) {
    try {
      release.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    User user = request.rawPath().contains(alex().id()) ? alex() : adele();
    return json(200, GraphTestData.userJson(user));
  }

  private GraphTenant tenant(int maxConcurrentCalls, Sleeper sleeper) {
    return GraphTenant.builder(
            GraphTestData.settings(graph.baseUrl()).withMaxConcurrentCalls(maxConcurrentCalls),
            new FixedGraphCredentials(GraphTestData.TOKEN))
        .clock(clock)
        .sleeper(sleeper)
        .random(new FixedRandom(0.5))
        .build();
  }

  private void awaitRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (graph.requests().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(graph.requests()).hasSize(count);
  }

  @Test
  void givenEveryPlaceTaken_whenOneMoreCall_thenSaturatedAtOnceWithoutReachingGraph()
      throws Exception {
    GraphTenant tenant = tenant(2, new RecordingSleeper(clock));
    List<CompletableFuture<Optional<User>>> waiting = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      waiting.add(
          CompletableFuture.supplyAsync(() -> tenant.users().findById(adele().id()), callers));
    }
    awaitRequests(2);
    long started = System.nanoTime();

    BackendUnavailableException refused =
        catchThrowableOfType(
            BackendUnavailableException.class,
            () -> tenant.devices().findDeviceById("d0000000-0000-4000-8000-000000000001"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(refused.kind()).isEqualTo(FailureKind.BACKEND_SATURATED);
    assertThat(refused.reason())
        .isEqualTo("2 calls in flight to Microsoft Graph, the most allowed at once");
    assertThat(refused).hasMessageStartingWith("Microsoft Graph was not called");
    assertThat(refused.retryAfter()).contains(GraphHttp.SATURATED_RETRY_AFTER);
    assertThat(refused.httpStatus()).isZero();
    assertThat(graph.requests()).hasSize(2);
    release.countDown();
    for (CompletableFuture<Optional<User>> call : waiting) {
      assertThat(call.get(10, TimeUnit.SECONDS)).contains(adele());
    }
  }

  @Test
  void givenCallsEnded_whenNextCall_thenTheirPlacesAreFreeAgain() {
    release.countDown();
    Iterator<String> tokens =
        Arrays.asList(GraphTestData.TOKEN, null, GraphTestData.TOKEN).iterator();
    GraphTenant tenant =
        GraphTenant.builder(
                GraphTestData.settings(graph.baseUrl()).withMaxConcurrentCalls(1),
                new PassThroughGraphCredentials(tokens::next))
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .build();
    graph.enqueue(json(500, GraphTestData.errorBody("generalException", "Boom.")));

    Throwable failed = catchThrowable(() -> tenant.users().findById(adele().id()));
    Throwable noToken = catchThrowable(() -> tenant.users().findById(adele().id()));
    Optional<User> found = tenant.users().findById(adele().id());

    assertThat(failed).isInstanceOf(BackendUnavailableException.class);
    assertThat(noToken).isInstanceOf(IllegalStateException.class);
    assertThat(found).contains(adele());
  }

  @Test
  void givenARetryWaiting_whenAnotherCallMeanwhile_thenThePlaceIsStillHeldAndItIsRefused() {
    release.countDown();
    List<Throwable> duringTheWait = new ArrayList<>();
    GraphTenant[] tenant = new GraphTenant[1];
    tenant[0] =
        tenant(
            1,
            delay ->
                duringTheWait.add(catchThrowable(() -> tenant[0].users().findById(alex().id()))));
    graph.enqueue(json(503, GraphTestData.unavailable(), "Retry-After", "1"));

    Optional<User> found = tenant[0].users().findById(adele().id());

    assertThat(found).contains(adele());
    assertThat(duringTheWait)
        .singleElement()
        .isInstanceOfSatisfying(
            BackendUnavailableException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.BACKEND_SATURATED));
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void givenTokensBoundToThreads_whenThreadsCallAtOnce_thenEachRequestCarriesItsOwnThreadsToken()
      throws Exception {
    ThreadLocal<String> inbound = new ThreadLocal<>();
    GraphTenant tenant =
        GraphTenant.builder(
                GraphTestData.settings(graph.baseUrl()).withMaxConcurrentCalls(2),
                new PassThroughGraphCredentials(inbound::get))
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .build();
    CompletableFuture<Optional<User>> forAdele =
        CompletableFuture.supplyAsync(
            () -> {
              inbound.set("adele.token.a");
              return tenant.users().findById(adele().id());
            },
            callers);
    CompletableFuture<Optional<User>> forAlex =
        CompletableFuture.supplyAsync(
            () -> {
              inbound.set("alex.token.b");
              return tenant.users().findById(alex().id());
            },
            callers);
    awaitRequests(2);
    release.countDown();

    assertThat(forAdele.get(10, TimeUnit.SECONDS)).contains(adele());
    assertThat(forAlex.get(10, TimeUnit.SECONDS)).contains(alex());
    assertThat(graph.requests())
        .allSatisfy(
            r ->
                assertThat(r.header("Authorization"))
                    .isEqualTo(
                        r.rawPath().contains(alex().id())
                            ? "Bearer alex.token.b"
                            : "Bearer adele.token.a"));
  }
}
