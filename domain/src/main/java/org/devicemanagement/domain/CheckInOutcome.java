package org.devicemanagement.domain;

import java.util.Objects;

/**
 * What one check-in did to a device: the device before and after, and whether the device left
 * Intune (a retire completed) or stays enrolled.
 */
public record CheckInOutcome(ManagedDevice before, ManagedDevice after, boolean leftIntune) {

  /** Checks that both sides are the same device. */
  public CheckInOutcome {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!before.id().equals(after.id())) {
      throw new IllegalArgumentException(
          "a check-in must keep the device: %s became %s".formatted(before.id(), after.id()));
    }
  }

  /** The device's id. */
  public String deviceId() {
    return before.id();
  }
}
