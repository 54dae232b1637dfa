package org.devicemanagement.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
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
}
