package org.devicemanagement.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The check-in rule: a device that checks in at an instant records it as its {@code
 * lastSyncDateTime}; a device being retired ({@code retirePending} or {@code retireIssued})
 * completes the retire there (its {@code retire} result becomes {@code done}) and leaves Intune.
 * Devices under a wipe or delete, and all others, only record the check-in.
 */
public final class CheckInRule {

  private CheckInRule() {}

  /** Applies the rule to {@code device} checking in at {@code at}. */
  public static CheckInOutcome applyTo(ManagedDevice device, Instant at) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(at, "at");
    ManagedDevice synced = device.toBuilder().lastSyncDateTime(at).build();
    if (!completesRetire(device.managementState())) {
      return new CheckInOutcome(device, synced, false);
    }
    Instant started = at;
    for (DeviceActionResult result : device.deviceActionResults()) {
      if (result.isFor(DeviceActionResult.RETIRE)) {
        started = result.startDateTime();
      }
    }
    DeviceActionResult done =
        new DeviceActionResult(DeviceActionResult.RETIRE, ActionState.DONE, started, at);
    return new CheckInOutcome(device, synced.withAction(device.managementState(), done), true);
  }

  /** Whether a device in {@code state} completes a retire at its next check-in. */
  public static boolean completesRetire(ManagementState state) {
    return state == ManagementState.RETIRE_PENDING || state == ManagementState.RETIRE_ISSUED;
  }
}
