package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which answers are retried, how long the adapter waits between attempts, and when it gives up. */
class GraphRetryTest {

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @AfterEach
  void stop() {
    graph.close();
  }

  private GraphUserDirectory users() {
    return users(GraphTestData.settings(graph.baseUrl()));
  }

  private GraphUserDirectory users(GraphSettings settings) {
    return GraphTestData.tenant(settings, clock, sleeper).users();
  }

  private void enqueueAdele() {
    graph.enqueue(json(200, GraphTestData.userJson(adele())));
  }

  @Test
  void given429WithRetryAfterSeconds_whenFindById_thenWaitsThatLongAndRetries() {
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "2"));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void given429WithFractionalRetryAfter_whenFindById_thenWaitsTheFraction() {
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "1.5"));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void given429WithHttpDateRetryAfter_whenFindById_thenWaitsUntilThatDate() {
    String inTwelveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            GraphTestData.NOW.plusSeconds(12).atOffset(ZoneOffset.UTC));
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", inTwelveSeconds));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void given429WithRetryAfterDateInThePast_whenFindById_thenRetriesAtOnce() {
    graph.enqueue(
        json(429, GraphTestData.throttled(), "Retry-After", "Mon, 02 Jun 2025 10:00:00 GMT"));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ZERO);
  }

  @Test
  void given429WithoutRetryAfter_whenFindById_thenExponentialBackoffWithJitter() {
    // Intune sometimes throttles without Retry-After; jitter draws 0.5 of 1 s, 2 s, 4 s.
    graph.enqueue(
        json(429, GraphTestData.throttled()),
        json(429, GraphTestData.throttled()),
        json(429, GraphTestData.throttled()));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(graph.requests()).hasSize(4);
  }

  @Test
  void givenUnreadableRetryAfter_whenFindById_thenBacksOffAsIfAbsent() {
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "soon"));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void given503Then504_whenFindById_thenRetriedUntilSuccess() {
    graph.enqueue(
        json(503, GraphTestData.unavailable(), "Retry-After", "1"),
        json(
            504,
            GraphTestData.errorBody("GatewayTimeout", "The gateway did not receive a response.")));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(graph.requests()).hasSize(3);
  }

  @Test
  void givenThrottledBeyondRetries_whenFindById_thenThrottledAfterThreeRetries() {
    graph.enqueue(
        json(429, GraphTestData.throttled(), "Retry-After", "3"),
        json(429, GraphTestData.throttled(), "Retry-After", "3"),
        json(429, GraphTestData.throttled(), "Retry-After", "3"),
        json(429, GraphTestData.throttled(), "Retry-After", "3"));
    enqueueAdele();

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users().findById(adele().id()));

    assertThat(graph.requests()).hasSize(4);
    assertThat(sleeper.delays()).hasSize(3).containsOnly(Duration.ofSeconds(3));
    assertThat(failure.code()).isEqualTo("BACKEND_THROTTLED");
    assertThat(failure.httpStatus()).isEqualTo(429);
    assertThat(failure.graphCode()).isEqualTo("TooManyRequests");
    assertThat(failure.graphMessage()).isEqualTo("Please retry again later.");
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
    assertThat(failure.clientRequestId())
        .isEqualTo(graph.lastRequest().header("client-request-id"));
    assertThat(failure.getMessage())
        .contains("after 3 retries", graph.lastRequest().requestId(), failure.clientRequestId());
  }

  @Test
  void givenNoRetriesConfigured_whenThrottled_thenFailsAtOnce() {
    graph.enqueue(json(503, GraphTestData.unavailable()));
    GraphSettings settings =
        GraphTestData.settings(graph.baseUrl())
            .withRetries(0, Duration.ofSeconds(1), Duration.ofMinutes(3));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users(settings).findById(adele().id()));

    assertThat(failure.httpStatus()).isEqualTo(503);
    assertThat(failure.retryAfter()).isEmpty();
    assertThat(graph.requests()).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void givenRetryAfterAboveCap_whenFindById_thenWaitsTheCapOnly() {
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "600"));
    enqueueAdele();

    assertThat(users().findById(adele().id())).contains(adele());
    assertThat(sleeper.delays()).containsExactly(Duration.ofMinutes(3));
  }

  @Test
  void givenBackoffGrowingPastCap_whenRetried_thenEachDelayCapped() {
    GraphSettings settings =
        GraphTestData.settings(graph.baseUrl())
            .withRetries(3, Duration.ofSeconds(100), Duration.ofMinutes(3));
    graph.enqueue(
        json(503, GraphTestData.unavailable()),
        json(503, GraphTestData.unavailable()),
        json(503, GraphTestData.unavailable()));
    enqueueAdele();

    assertThat(users(settings).findById(adele().id())).contains(adele());
    // 0.5 of 100 s, of 200 s capped to 180 s, of 400 s capped to 180 s
    assertThat(sleeper.delays())
        .containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(90), Duration.ofSeconds(90));
  }

  @Test
  void givenRetryAfterBeyondDeadline_whenFindById_thenFailsWithoutWaiting() {
    GraphSettings settings =
        GraphTestData.settings(graph.baseUrl()).withCallDeadline(Duration.ofSeconds(60));
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "100"));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users(settings).findById(adele().id()));

    assertThat(sleeper.delays()).isEmpty();
    assertThat(graph.requests()).hasSize(1);
    assertThat(failure.reason()).contains("deadline");
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(100));
    assertThat(failure.httpStatus()).isEqualTo(429);
  }

  @Test
  void givenDeadlineReachedAfterSomeRetries_whenFindById_thenStopsBeforePassingIt() {
    GraphSettings settings =
        GraphTestData.settings(graph.baseUrl()).withCallDeadline(Duration.ofSeconds(5));
    for (int i = 0; i < 4; i++) {
      graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "2"));
    }

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users(settings).findById(adele().id()));

    // waits at 0 s and 2 s; a third wait would end at 6 s, past the 5 s deadline
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(graph.requests()).hasSize(3);
    assertThat(failure.reason()).contains("deadline");
    assertThat(failure.kind()).isEqualTo(FailureKind.BACKEND_THROTTLED);
  }

  @Test
  void givenRetries_whenEachAttemptSent_thenFreshClientRequestIdAndSameCredentials() {
    graph.enqueue(
        json(429, GraphTestData.throttled(), "Retry-After", "1"),
        json(503, GraphTestData.unavailable(), "Retry-After", "1"));
    enqueueAdele();

    users().findById(adele().id());

    List<String> clientRequestIds =
        graph.requests().stream().map(r -> r.header("client-request-id")).toList();
    assertThat(clientRequestIds).hasSize(3).doesNotHaveDuplicates();
    assertThat(clientRequestIds).allMatch(id -> id.matches(GraphTestData.GUID_PATTERN));
    assertThat(graph.requests())
        .allSatisfy(
            r -> {
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + GraphTestData.TOKEN);
              assertThat(r.header("Accept")).isEqualTo("application/json");
              assertThat(r.header("User-Agent")).isEqualTo(GraphSettings.DEFAULT_USER_AGENT);
            });
  }

  @Test
  void given500_whenFindById_thenNotRetried() {
    graph.enqueue(
        json(500, GraphTestData.errorBody("generalException", "An unexpected error occurred.")));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users().findById(adele().id()));

    assertThat(graph.requests()).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure.graphCode()).isEqualTo("generalException");
    assertThat(failure.graphMessage()).isEqualTo("An unexpected error occurred.");
    assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
  }

  @Test
  void given400_whenFindById_thenNotRetried() {
    graph.enqueue(
        json(400, GraphTestData.errorBody("Request_BadRequest", "Invalid object identifier 'x'.")));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users().findById(adele().id()));

    assertThat(graph.requests()).hasSize(1);
    assertThat(failure.httpStatus()).isEqualTo(400);
    assertThat(failure.graphCode()).isEqualTo("Request_BadRequest");
  }

  @Test
  void given502_whenFindById_thenNotRetried() {
    graph.enqueue(json(502, "<html><body>Bad Gateway</body></html>", "Content-Type", "text/html"));

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> users().findById(adele().id()));

    assertThat(graph.requests()).hasSize(1);
    assertThat(failure.httpStatus()).isEqualTo(502);
    assertThat(failure.graphCode()).isEmpty();
  }

  @Test
  void givenInterruptedWhileWaiting_whenFindById_thenUnavailableAndInterruptKept() {
    graph.enqueue(json(429, GraphTestData.throttled(), "Retry-After", "5"));
    GraphUserDirectory interrupted =
        GraphTenant.builder(
                GraphTestData.settings(graph.baseUrl()),
                new FixedGraphCredentials(GraphTestData.TOKEN))
            .clock(clock)
            .sleeper(
                duration -> {
                  throw new InterruptedException("shutting down");
                })
            .build()
            .users();
    try {
      BackendUnavailableException failure =
          catchThrowableOfType(
              BackendUnavailableException.class, () -> interrupted.findById(adele().id()));

      assertThat(failure.reason()).contains("interrupted");
      assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(graph.requests()).hasSize(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void givenWaitOverrunningTheDeadline_whenFindById_thenTimeoutNamingTheLastAnswer() {
    graph.enqueue(json(503, GraphTestData.unavailable(), "Retry-After", "1"));
    GraphUserDirectory overslept =
        GraphTenant.builder(
                GraphTestData.settings(graph.baseUrl()).withCallDeadline(Duration.ofSeconds(5)),
                new FixedGraphCredentials(GraphTestData.TOKEN))
            .clock(clock)
            .sleeper(duration -> clock.advance(Duration.ofSeconds(10)))
            .build()
            .users();

    BackendUnavailableException failure =
        catchThrowableOfType(
            BackendUnavailableException.class, () -> overslept.findById(adele().id()));

    assertThat(failure.reason()).contains("deadline", "passed");
    assertThat(failure.kind()).isEqualTo(FailureKind.BACKEND_TIMEOUT);
    assertThat(failure.httpStatus()).isEqualTo(503);
    assertThat(failure.requestId()).isEqualTo(graph.lastRequest().requestId());
    assertThat(failure.clientRequestId())
        .isEqualTo(graph.lastRequest().header("client-request-id"));
    assertThat(graph.requests()).hasSize(1);
  }
}
