package org.devicemanagement.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Changes the emulator's tenant as a whole or entry by entry (an emulator-only port: a real tenant
 * is changed in Entra and Intune, not through this product).
 */
public interface TenantAdministration {

  /**
   * Replaces every user and device with {@code contents}, planning check-ins from {@code at}.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException naming the entry if
   *     two users share an id or sign-in name, two devices share an id, or a device names no user;
   *     the tenant is then left as it was
   */
  void replaceTenant(Contents contents, Instant at);

  /** The users, in the order they were added, and the devices, ordered by id, as they are now. */
  Contents tenantContents();

  /** Goes back to the tenant first served, planning check-ins from {@code at}. */
  void resetTenant(Instant at);

  /**
   * Adds {@code user}.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException if a user already has
   *     its id or sign-in name (compared ignoring case)
   * @return the user as stored
   */
  User addUser(User user);

  /**
   * Adds {@code device}, its first check-in planned a check-in interval after {@code at}; a device
   * with a primary user and no {@code userPrincipalName} takes its user's.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException if a device already
   *     has its id (compared ignoring case) or its {@code userId} names no user
   * @return the device as stored
   */
  ManagedDevice addDevice(ManagedDevice device, Instant at);

  /**
   * Removes the device {@code deviceId} (compared ignoring case) and its planned check-ins.
   *
   * @return whether there was such a device
   */
  boolean removeDevice(String deviceId);

  /** A whole tenant's users and devices. */
  record Contents(List<User> users, List<ManagedDevice> devices) {

    /** Copies both lists. */
    public Contents {
      users = List.copyOf(Objects.requireNonNull(users, "users"));
      devices = List.copyOf(Objects.requireNonNull(devices, "devices"));
    }
  }
}
