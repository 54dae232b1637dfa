package org.devicemanagement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What retiring all of one user's devices did: every device of the user, before and after. */
public record RetireAllOutcome(String userId, Instant at, List<DeviceTransition> transitions) {

  /** Checks that the outcome names a user and copies the transitions. */
  public RetireAllOutcome {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(at, "at");
    transitions = List.copyOf(transitions);
  }

  /** The transitions that changed a device. */
  public List<DeviceTransition> changed() {
    return transitions.stream().filter(DeviceTransition::changed).toList();
  }

  /** How many devices retire-all changed. */
  public int changedCount() {
    int count = 0;
    for (DeviceTransition transition : transitions) {
      if (transition.changed()) {
        count++;
      }
    }
    return count;
  }

  /** Whether retire-all changed any device. */
  public boolean anyChanged() {
    return changedCount() > 0;
  }

  /** Every device of the user as it is after retire-all. */
  public List<ManagedDevice> devicesAfter() {
    return transitions.stream().map(DeviceTransition::after).toList();
  }
}
