package org.devicemanagement.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.DailyRetireLimitExceededException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.application.failure.RequestThrottledException;
import org.junit.jupiter.api.Test;

/**
 * The answers {@link FailureResponses} gives to the backend's failures that no HTTP test covers.
 */
class FailureResponsesTest {

  private static BackendUnavailableException saturated(Optional<Duration> retryAfter) {
    return new BackendUnavailableException(
        FailureKind.BACKEND_SATURATED,
        "64 calls in flight to Microsoft Graph, the most allowed at once",
        0,
        "",
        "",
        "",
        "",
        retryAfter);
  }

  @Test
  void
      givenBackendSaturated_whenAnswered_then503ServiceUnavailableWithRetryAfterNamingTheCallsInFlight() {
    ErrorResponse response = FailureResponses.of(saturated(Optional.of(Duration.ofSeconds(2))));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.error().code()).isEqualTo("ServiceUnavailable");
    assertThat(response.error().message())
        .isEqualTo(
            "This gateway already has 64 calls in flight to Microsoft Graph, the most allowed at"
                + " once; please retry after 2 seconds.");
    assertThat(response.headers()).isEqualTo(Map.of("Retry-After", "2"));
  }

  @Test
  void givenBackendSaturatedWithoutRetryAfter_whenAnswered_thenRetryAfterAllTheSame() {
    ErrorResponse response = FailureResponses.of(saturated(Optional.empty()));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers())
        .containsEntry(
            "Retry-After", Long.toString(FailureResponses.SATURATED_RETRY_AFTER.toSeconds()));
  }

  @Test
  void givenBackendSaturatedWithSubSecondRetryAfter_whenAnswered_thenAtLeastOneSecond() {
    ErrorResponse response = FailureResponses.of(saturated(Optional.of(Duration.ZERO)));

    assertThat(response.headers()).containsEntry("Retry-After", "1");
    assertThat(response.error().message()).endsWith("please retry after 1 second.");
  }

  @Test
  void givenThrottledWithAWait_whenAnswered_then429TooManyRequestsWithAFractionalRetryAfter() {
    ErrorResponse response =
        FailureResponses.of(
            new RequestThrottledException(
                "limit", "Please retry again later.", Optional.of(Duration.ofMillis(2_128))));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.error().code()).isEqualTo("TooManyRequests");
    assertThat(response.error().message()).isEqualTo("Please retry again later.");
    assertThat(response.headers()).isEqualTo(Map.of("Retry-After", "2.128"));
  }

  @Test
  void givenThrottledWithoutAWait_whenAnswered_then429WithoutRetryAfter() {
    ErrorResponse response =
        FailureResponses.of(new RequestThrottledException("limit", "{}", Optional.empty()));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers()).isEmpty();
  }

  @Test
  void givenWaits_whenWrittenAsRetryAfter_thenSecondsWithAtMostThreeDecimalsAndNeverZero() {
    assertThat(FailureResponses.fractionalSeconds(Duration.ofSeconds(20))).isEqualTo("20");
    assertThat(FailureResponses.fractionalSeconds(Duration.ofMillis(500))).isEqualTo("0.5");
    assertThat(FailureResponses.fractionalSeconds(Duration.ofNanos(1_999_999))).isEqualTo("0.001");
    assertThat(FailureResponses.fractionalSeconds(Duration.ZERO)).isEqualTo("0.001");
  }

  @Test
  void givenTheDailyRetireLimitPassed_whenAnswered_then403QuotaLimitReachedWithTheMessage() {
    DailyRetireLimitExceededException refused =
        new DailyRetireLimitExceededException(1_000, 995, 8, Instant.parse("2026-01-02T00:00:00Z"));

    ErrorResponse response = FailureResponses.of(refused);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.error().code()).isEqualTo("quotaLimitReached");
    assertThat(response.error().message()).isEqualTo(refused.getMessage());
    assertThat(response.headers()).isEmpty();
  }
}
