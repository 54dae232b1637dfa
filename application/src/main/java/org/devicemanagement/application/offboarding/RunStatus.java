package org.devicemanagement.application.offboarding;

/** Where an offboarding run stands. */
public enum RunStatus {
  /** Created or being worked on (or the process working on it died: resume it). */
  RUNNING("running"),
  /** Every user ended. */
  COMPLETED("completed"),
  /** Stopped before a batch that would pass the tenant's daily retire limit; resume tomorrow. */
  STOPPED_AT_DAILY_LIMIT("stoppedAtDailyLimit"),
  /** Stopped on request (Ctrl-C, an interrupt); resume at any time. */
  INTERRUPTED("interrupted"),
  /** Stopped by a failure no retry cures (token rejected, Graph unreachable); resume once fixed. */
  STOPPED_BY_FAILURE("stoppedByFailure");

  private final String wireName;

  RunStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The name reports and stores use. */
  public String wireName() {
    return wireName;
  }

  /** Whether the run can be resumed: every status but {@link #COMPLETED}. */
  public boolean resumable() {
    return this != COMPLETED;
  }

  /**
   * The status named {@code name} (as {@link #wireName()} spells it).
   *
   * @throws IllegalArgumentException if no status has that name
   */
  public static RunStatus ofWireName(String name) {
    for (RunStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("no run status is named '%s'".formatted(name));
  }
}
