package org.devicemanagement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The retire-all rule: devices that can be retired move to {@code retirePending} with a pending
 * {@code retire} action; devices already retiring, or under a stronger or unknown action, stay.
 */
public final class RetireAllRule {

  private RetireAllRule() {}

  /**
   * Applies the rule to one device at {@code at}; returns the device unchanged where the rule says
   * so.
   */
  public static ManagedDevice applyTo(ManagedDevice device, Instant at) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(at, "at");
    return switch (device.managementState().retireAllEffect()) {
      case RETIRE ->
          device.withAction(ManagementState.RETIRE_PENDING, DeviceActionResult.retirePending(at));
      case ALREADY_RETIRING, STRONGER_ACTION_OR_UNKNOWN -> device;
    };
  }

  /**
   * Applies the rule to every device of the user {@code userId}.
   *
   * @throws IllegalArgumentException if a device belongs to another user, since retire-all must
   *     never touch another user's devices
   */
  public static RetireAllOutcome applyTo(
      String userId, Collection<ManagedDevice> devices, Instant at) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(at, "at");
    List<DeviceTransition> transitions = new ArrayList<>(devices.size());
    for (ManagedDevice device : devices) {
      if (!device.belongsTo(userId)) {
        throw new IllegalArgumentException(
            "device %s belongs to user '%s', not to %s"
                .formatted(device.id(), device.userId(), userId));
      }
      transitions.add(new DeviceTransition(device, applyTo(device, at)));
    }
    return new RetireAllOutcome(userId, at, transitions);
  }
}
