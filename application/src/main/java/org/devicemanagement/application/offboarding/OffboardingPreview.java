package org.devicemanagement.application.offboarding;

import java.util.List;
import org.devicemanagement.domain.ManagementState.RetireAllEffect;

/** What an offboarding run would do, user by user and device by device; nothing was changed. */
public record OffboardingPreview(List<UserPreview> users) {

  /** Copies the users. */
  public OffboardingPreview {
    users = List.copyOf(users);
  }

  /** Users the tenant has (with or without devices to retire). */
  public long usersFound() {
    return users.stream()
        .filter(u -> u.outcome() == UserOutcome.PENDING || u.outcome() == UserOutcome.NOTHING_TO_DO)
        .count();
  }

  /** Users whose preview ended {@code outcome}. */
  public long users(UserOutcome outcome) {
    return users.stream().filter(u -> u.outcome() == outcome).count();
  }

  /** Devices of found users whose retire-all effect is {@code effect}. */
  public long devices(RetireAllEffect effect) {
    return users.stream()
        .flatMap(u -> u.devices().stream())
        .filter(d -> d.effect() == effect)
        .count();
  }
}
