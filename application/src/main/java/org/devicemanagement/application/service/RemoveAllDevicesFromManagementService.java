package org.devicemanagement.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/** Retires all of a user's devices after checking the caller may do so. */
public final class RemoveAllDevicesFromManagementService
    implements RemoveAllDevicesFromManagementUseCase {

  private final PermissionPolicy policy;
  private final UserResolver users;
  private final DeviceRetirement devices;
  private final Clock clock;

  /** A service enforcing {@code policy} over the given tenant, dating actions by {@code clock}. */
  public RemoveAllDevicesFromManagementService(
      PermissionPolicy policy, UserDirectory users, DeviceRetirement devices, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.users = new UserResolver(users);
    this.devices = Objects.requireNonNull(devices, "devices");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RetireAllOutcome removeAllDevicesFromManagement(
      RemoveAllDevicesFromManagementCommand command) {
    UserResolver.checkMeIsDelegated(command.caller(), command.user());
    policy.authorize(command.caller(), Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT);
    User user = users.resolve(command.caller(), command.user());
    RetireAllAudit audit =
        RetireAllAudit.of(
            AuditEvents.actorOf(command.caller(), command.ipAddress()),
            command.requestId(),
            command.user().text());
    // Graph's dates carry at most 7 fractional digits; some clients (.NET) reject more.
    return devices.retireAll(user, clock.instant().truncatedTo(ChronoUnit.MICROS), audit);
  }
}
