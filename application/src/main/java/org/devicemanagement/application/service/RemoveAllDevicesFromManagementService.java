package org.devicemanagement.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.RetireAllResult;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/**
 * Retires all of a user's devices after checking the caller may do so; a served call's audit event
 * is recorded by the retirement itself (in the same atomic step), a refused call's here.
 */
public final class RemoveAllDevicesFromManagementService
    implements RemoveAllDevicesFromManagementUseCase {

  private final PermissionPolicy policy;
  private final UserResolver users;
  private final DeviceRetirement devices;
  private final Consumer<AuditEvent> refusals;
  private final Clock clock;
  // The last caller's actor: a script retiring user after user shares one actor among its audit
  // events instead of each event holding a copy (a trail keeps many). Races only cost a copy.
  private volatile LastActor lastActor = LastActor.NONE;

  /**
   * A service enforcing {@code policy} over the given tenant, recording refused calls in {@code
   * trail}, dating actions by {@code clock}.
   */
  public RemoveAllDevicesFromManagementService(
      PermissionPolicy policy,
      UserDirectory users,
      DeviceRetirement devices,
      AuditTrail trail,
      Clock clock) {
    this(policy, users, devices, Objects.requireNonNull(trail, "trail")::record, clock);
  }

  /**
   * A service that records no refused call (a library use without an audit trail of its own; the
   * retirement still records served calls).
   */
  public RemoveAllDevicesFromManagementService(
      PermissionPolicy policy, UserDirectory users, DeviceRetirement devices, Clock clock) {
    this(policy, users, devices, event -> {}, clock);
  }

  private RemoveAllDevicesFromManagementService(
      PermissionPolicy policy,
      UserDirectory users,
      DeviceRetirement devices,
      Consumer<AuditEvent> refusals,
      Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.users = new UserResolver(users);
    this.devices = Objects.requireNonNull(devices, "devices");
    this.refusals = refusals;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RetireAllResult retireAll(RemoveAllDevicesFromManagementCommand command) {
    Instant at = now();
    RetireAllAudit audit = auditOf(command);
    try {
      UserResolver.checkMeIsDelegated(command.caller(), command.user());
      policy.authorize(command.caller(), Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT);
      User user = users.resolve(command.caller(), command.user());
      RetireAllOutcome outcome = devices.retireAll(user, at, audit);
      return new RetireAllResult(outcome, audit);
    } catch (DeviceManagementException refused) {
      throw record(audit, at, refused);
    }
  }

  @Override
  public DeviceManagementException refused(
      RemoveAllDevicesFromManagementCommand command, DeviceManagementException failure) {
    Objects.requireNonNull(failure, "failure");
    return record(auditOf(command), now(), failure);
  }

  private DeviceManagementException record(
      RetireAllAudit audit, Instant at, DeviceManagementException refused) {
    try {
      refusals.accept(audit.refused(at, refused.code()));
    } catch (RuntimeException notRecorded) {
      // The caller still learns why the call was refused; the trail's own failure travels along.
      refused.addSuppressed(notRecorded);
    }
    return refused;
  }

  private RetireAllAudit auditOf(RemoveAllDevicesFromManagementCommand command) {
    return RetireAllAudit.of(actorOf(command), command.requestId(), command.user().text());
  }

  private AuditActor actorOf(RemoveAllDevicesFromManagementCommand command) {
    LastActor last = lastActor;
    if (last.caller().isPresent()
        && last.caller().get().equals(command.caller())
        && last.ipAddress().equals(command.ipAddress())) {
      return last.actor();
    }
    AuditActor actor = AuditEvents.actorOf(command.caller(), command.ipAddress());
    lastActor = new LastActor(Optional.of(command.caller()), command.ipAddress(), actor);
    return actor;
  }

  /** The actor made for the last caller, from its address. */
  private record LastActor(Optional<Caller> caller, Optional<String> ipAddress, AuditActor actor) {
    static final LastActor NONE =
        new LastActor(Optional.empty(), Optional.empty(), AuditEvents.system());
  }

  // Graph's dates carry at most 7 fractional digits; some clients (.NET) reject more.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
