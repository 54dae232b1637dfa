package org.devicemanagement.application.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionType;
import org.junit.jupiter.api.Test;

/** The stable codes adapters map to HTTP: renaming one is a breaking change. */
class FailureCodesTest {

  @Test
  void givenEveryFailure_whenAskedForCode_thenStableUpperSnakeCode() {
    Operation op = Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT;
    PermissionType type = PermissionType.APPLICATION;

    assertThat(new UserNotFoundException("x").code()).isEqualTo("USER_NOT_FOUND");
    assertThat(new ManagedDeviceNotFoundException("x").code()).isEqualTo("DEVICE_NOT_FOUND");
    assertThat(new InvalidRequestException("x").code()).isEqualTo("INVALID_REQUEST");
    assertThat(new DelegatedCallerRequiredException().code())
        .isEqualTo("DELEGATED_CALLER_REQUIRED");
    assertThat(new MissingPermissionException(op, type, List.of("p")).code())
        .isEqualTo("MISSING_PERMISSION");
    assertThat(
            new PermissionTypeNotSupportedException(op, type, PermissionCatalog.seed().tableFor(op))
                .code())
        .isEqualTo("PERMISSION_TYPE_NOT_SUPPORTED");
  }

  @Test
  void givenTheEmulatorsLimits_whenPassed_thenTheirCodesAndData() {
    RequestThrottledException throttled =
        new RequestThrottledException(
            "200 writes per 20 seconds per application per tenant",
            "Please retry again later.",
            Optional.of(Duration.ofMillis(2_128)));
    DailyRetireLimitExceededException daily =
        new DailyRetireLimitExceededException(
            1_000, 1_000, 1, java.time.Instant.parse("2026-01-02T00:00:00Z"));

    assertThat(throttled.code()).isEqualTo("REQUEST_THROTTLED");
    assertThat(throttled.retryAfter()).contains(Duration.ofMillis(2_128));
    assertThat(throttled.limit()).isEqualTo("200 writes per 20 seconds per application per tenant");
    assertThat(daily.code()).isEqualTo("DAILY_RETIRE_LIMIT_EXCEEDED");
    assertThat(daily)
        .hasMessageContaining("1,000 devices were retired today (UTC)")
        .hasMessageContaining("would retire 1 more");
    assertThatThrownBy(
            () -> new RequestThrottledException("x", "y", Optional.of(Duration.ofMillis(-1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBackendSaturated_whenCreated_thenItsCodeAndAMessageSayingGraphWasNotCalled() {
    BackendUnavailableException saturated =
        new BackendUnavailableException(
            FailureKind.BACKEND_SATURATED,
            "64 calls in flight to Microsoft Graph, the most allowed at once",
            0,
            "",
            "",
            "",
            "",
            Optional.of(Duration.ofSeconds(2)));

    assertThat(saturated.code()).isEqualTo("BACKEND_SATURATED");
    assertThat(saturated)
        .hasMessage(
            "Microsoft Graph was not called: already 64 calls in flight to Microsoft Graph, the"
                + " most allowed at once.");
    assertThat(saturated.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void givenAKindThatIsNoBackendUnavailability_whenBackendUnavailable_thenRefused() {
    assertThatThrownBy(
            () ->
                new BackendUnavailableException(
                    FailureKind.USER_NOT_FOUND, "x", 0, "", "", "", "", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenDelegatedCallerRequired_whenMessage_thenGraphsWording() {
    assertThat(new DelegatedCallerRequiredException())
        .hasMessage("/me request is only valid with delegated authentication flow.");
  }

  @Test
  void givenNotFoundFailures_whenCreated_thenCarryReference() {
    assertThat(new UserNotFoundException("someone@contoso.com").reference())
        .isEqualTo("someone@contoso.com");
    assertThat(new ManagedDeviceNotFoundException("d-1").deviceId()).isEqualTo("d-1");
    assertThat(new InvalidRequestException("bad $top")).hasMessage("bad $top");
  }
}
