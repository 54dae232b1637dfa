package org.devicemanagement.domain;

import java.util.Objects;

/**
 * One device as it was before retire-all and as it is after, so callers can report what happened.
 */
public record DeviceTransition(ManagedDevice before, ManagedDevice after) {

  /** Checks that both sides are the same device. */
  public DeviceTransition {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!before.id().equals(after.id())) {
      throw new IllegalArgumentException(
          "a transition must keep the device: %s became %s".formatted(before.id(), after.id()));
    }
  }

  /** The device's id. */
  public String deviceId() {
    return before.id();
  }

  /** The management state before retire-all. */
  public ManagementState stateBefore() {
    return before.managementState();
  }

  /** The management state after retire-all. */
  public ManagementState stateAfter() {
    return after.managementState();
  }

  /** Whether retire-all changed the device. */
  public boolean changed() {
    return !before.equals(after);
  }
}
