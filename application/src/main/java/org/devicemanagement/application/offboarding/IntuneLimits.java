package org.devicemanagement.application.offboarding;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits an offboarding run keeps under: Intune's throttling of writes and of all requests per
 * application in a window, and the tenant's daily retire limit.
 *
 * @param writesPerWindow the most writes (retire-alls) in any one window
 * @param requestsPerWindow the most requests of any kind (writes included) in any one window
 * @param window the window's length
 * @param margin added to the window before its requests stop counting, so that a request's travel
 *     time never lands a batch in a window the server still counts as full
 * @param dailyRetireLimit the most devices retired per UTC day in the tenant
 */
public record IntuneLimits(
    int writesPerWindow,
    int requestsPerWindow,
    Duration window,
    Duration margin,
    int dailyRetireLimit) {

  /**
   * Intune's published limits for one application: 200 writes and 2,000 requests per 20 seconds,
   * 1,000 retired devices a day; a quarter-second margin.
   */
  public static final IntuneLimits PUBLISHED =
      new IntuneLimits(200, 2000, Duration.ofSeconds(20), Duration.ofMillis(250), 1000);

  /** Checks that every limit is positive. */
  public IntuneLimits {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(margin, "margin");
    if (writesPerWindow < 1 || requestsPerWindow < writesPerWindow || dailyRetireLimit < 1) {
      throw new IllegalArgumentException(
          "limits must be positive, with requests at least writes: %d writes, %d requests, %d a day"
              .formatted(writesPerWindow, requestsPerWindow, dailyRetireLimit));
    }
    if (window.isNegative() || window.isZero() || margin.isNegative()) {
      throw new IllegalArgumentException(
          "the window %s must be positive and the margin %s not negative"
              .formatted(window, margin));
    }
  }

  /** These limits with another daily retire limit. */
  public IntuneLimits withDailyRetireLimit(int limit) {
    return new IntuneLimits(writesPerWindow, requestsPerWindow, window, margin, limit);
  }
}
