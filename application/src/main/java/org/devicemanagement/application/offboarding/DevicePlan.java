package org.devicemanagement.application.offboarding;

import java.util.Objects;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.ManagementState.RetireAllEffect;

/**
 * What the retire-all rule predicts for one device: its state now, its state after, and why.
 *
 * @param deviceId the device's id
 * @param deviceName the device's name
 * @param operatingSystem the device's operating system
 * @param current the device's management state now
 * @param predicted the state the retire-all rule predicts after a retire-all
 * @param effect what the rule does to the device
 */
public record DevicePlan(
    String deviceId,
    String deviceName,
    String operatingSystem,
    ManagementState current,
    ManagementState predicted,
    RetireAllEffect effect) {

  /** Checks that every field is present. */
  public DevicePlan {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(deviceName, "deviceName");
    Objects.requireNonNull(operatingSystem, "operatingSystem");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(effect, "effect");
  }

  /** The plan the domain's retire-all rule gives for {@code device}. */
  public static DevicePlan of(ManagedDevice device) {
    RetireAllEffect effect = device.managementState().retireAllEffect();
    return new DevicePlan(
        device.id(),
        device.deviceName(),
        device.operatingSystem(),
        device.managementState(),
        effect == RetireAllEffect.RETIRE
            ? ManagementState.RETIRE_PENDING
            : device.managementState(),
        effect);
  }

  /** Whether a retire-all changes the device. */
  public boolean retires() {
    return effect == RetireAllEffect.RETIRE;
  }

  /** Why the device ends as predicted, in words. */
  public String reason() {
    return switch (effect) {
      case RETIRE -> "will be retired";
      case ALREADY_RETIRING -> "left alone: already retiring";
      case STRONGER_ACTION_OR_UNKNOWN -> "left alone: under a wipe or delete (or an unknown state)";
    };
  }
}
