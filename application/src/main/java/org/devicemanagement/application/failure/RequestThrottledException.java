package org.devicemanagement.application.failure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller passed a throttling limit (the emulator's copy of Intune's): the request was not
 * served, and the caller may be told how long to wait.
 */
public final class RequestThrottledException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final String limit;
  // A Duration in millis, -1 when absent: keeps the exception serializable without Optional fields.
  private final long retryAfterMillis;

  /**
   * The request passed {@code limit} (in words, such as "200 writes per 20 seconds per application
   * per tenant"); the caller is answered {@code message} and, when present, asked to wait {@code
   * retryAfter}.
   */
  public RequestThrottledException(String limit, String message, Optional<Duration> retryAfter) {
    super(FailureKind.REQUEST_THROTTLED, message);
    this.limit = Objects.requireNonNull(limit, "limit");
    retryAfter.ifPresent(
        wait -> {
          if (wait.isNegative()) {
            throw new IllegalArgumentException("retryAfter %s is negative".formatted(wait));
          }
        });
    this.retryAfterMillis = retryAfter.map(Duration::toMillis).orElse(-1L);
  }

  /** The limit the request passed, in words. */
  public String limit() {
    return limit;
  }

  /** How long the caller should wait before the limit admits it again, when it is told. */
  public Optional<Duration> retryAfter() {
    return retryAfterMillis < 0
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(retryAfterMillis));
  }
}
