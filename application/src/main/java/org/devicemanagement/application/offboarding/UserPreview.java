package org.devicemanagement.application.offboarding;

import java.util.List;
import java.util.Objects;

/**
 * One user of a preview: whether the tenant has them, and each device's predicted fate.
 *
 * @param user the user as the file named them
 * @param outcome {@link UserOutcome#PENDING} when found (a run would send a retire-all), {@link
 *     UserOutcome#NOTHING_TO_DO} when found with nothing to retire, or how the read ended ({@link
 *     UserOutcome#NOT_FOUND}, {@link UserOutcome#REFUSED}, {@link UserOutcome#FAILED})
 * @param message why, when the user was not read ("" otherwise)
 * @param devices every device of the user and what retire-all would do to it
 */
public record UserPreview(
    OffboardingUser user, UserOutcome outcome, String message, List<DevicePlan> devices) {

  /** Checks that every field is present and copies the devices. */
  public UserPreview {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    devices = List.copyOf(devices);
  }

  /** How many of the user's devices a retire-all would change. */
  public int devicesToRetire() {
    return (int) devices.stream().filter(DevicePlan::retires).count();
  }
}
