package org.devicemanagement.application.failure;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A retire-all would pass the tenant's daily limit of retired devices, so it retired nothing; the
 * count starts again at {@link #resetsAt()}.
 */
public final class DailyRetireLimitExceededException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final int limit;
  private final int retiredToday;
  private final int requested;
  private final Instant resetsAt;

  /**
   * {@code requested} more retired devices would pass {@code limit} now that {@code retiredToday}
   * were retired today; the count starts again at {@code resetsAt} (midnight UTC).
   */
  public DailyRetireLimitExceededException(
      int limit, int retiredToday, int requested, Instant resetsAt) {
    super(
        FailureKind.DAILY_RETIRE_LIMIT_EXCEEDED,
        message(limit, retiredToday, requested, Objects.requireNonNull(resetsAt, "resetsAt")));
    this.limit = limit;
    this.retiredToday = retiredToday;
    this.requested = requested;
    this.resetsAt = resetsAt;
  }

  /** The most devices the tenant may retire in one UTC day. */
  public int limit() {
    return limit;
  }

  /** How many devices the tenant had retired on the day of the request. */
  public int retiredToday() {
    return retiredToday;
  }

  /** How many devices the refused request would have retired. */
  public int requested() {
    return requested;
  }

  /** When the count starts again: the next midnight UTC. */
  public Instant resetsAt() {
    return resetsAt;
  }

  private static String message(int limit, int retiredToday, int requested, Instant resetsAt) {
    return String.format(
        Locale.ROOT,
        "The tenant's daily limit of %,d retired devices would be passed: %,d %s retired today"
            + " (UTC) and this request would retire %,d more, so none was retired. The count"
            + " starts again at midnight UTC (%s).",
        limit,
        retiredToday,
        retiredToday == 1 ? "device was" : "devices were",
        requested,
        resetsAt);
  }
}
