package org.devicemanagement.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one remote action (retire, wipe, ...) on a device, as Graph's deviceActionResult.
 */
public record DeviceActionResult(
    String actionName,
    ActionState actionState,
    Instant startDateTime,
    Instant lastUpdatedDateTime) {

  /** The action name retire-all records. */
  public static final String RETIRE = "retire";

  /** Checks that every field is present and the action is named. */
  public DeviceActionResult {
    Objects.requireNonNull(actionName, "actionName");
    Objects.requireNonNull(actionState, "actionState");
    Objects.requireNonNull(startDateTime, "startDateTime");
    Objects.requireNonNull(lastUpdatedDateTime, "lastUpdatedDateTime");
    if (actionName.isBlank()) {
      throw new IllegalArgumentException("actionName must not be blank");
    }
  }

  /** A retire action that has been requested at {@code at} and not yet carried out. */
  public static DeviceActionResult retirePending(Instant at) {
    return new DeviceActionResult(RETIRE, ActionState.PENDING, at, at);
  }

  /** Whether this result is for the action named {@code name}, ignoring case. */
  public boolean isFor(String name) {
    return actionName.equalsIgnoreCase(name);
  }
}
