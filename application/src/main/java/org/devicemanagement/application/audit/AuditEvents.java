package org.devicemanagement.application.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionType;
import org.devicemanagement.domain.CheckInOutcome;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;

/**
 * The audit events this product records, with the Intune-like words it chose where Intune's own are
 * not documented (the README lists them): one constructor per kind of event, so every store and the
 * audit log line describe an activity the same way.
 */
public final class AuditEvents {

  /** {@code componentName} of every event this product records. */
  public static final String COMPONENT_NAME = "ManagedDevices";

  /** {@code category} of every event this product records. */
  public static final String CATEGORY = "Device";

  /** {@code activityType} of a retire-all, answered or refused. */
  public static final String RETIRE_ALL_ACTIVITY_TYPE = "RemoveAllDevicesFromManagement User";

  /** {@code activityType} of a retire completed when the device checked in. */
  public static final String RETIRE_COMPLETED_ACTIVITY_TYPE = "Retire ManagedDevice";

  /** {@code activityOperationType} of every event this product records: an action on devices. */
  public static final String ACTION = "Action";

  /** {@code activityResult} of an activity that was carried out. */
  public static final String SUCCESS = "Success";

  /** {@code activityResult} of an activity that was refused or failed. */
  public static final String FAILURE = "Failure";

  /** {@code auditResourceType} (and {@code type}) of a device. */
  public static final String MANAGED_DEVICE = "ManagedDevice";

  /** The modified property's name for a device's management state. */
  public static final String MANAGEMENT_STATE = "managementState";

  /** Every {@code category} an event of this product can have. */
  public static final List<String> CATEGORIES = List.of(CATEGORY);

  private AuditEvents() {}

  /**
   * Every {@code activityType} an event of {@code category} (compared ignoring case) can have: none
   * for a category this product does not record.
   */
  public static List<String> activityTypesOf(String category) {
    return CATEGORY.equalsIgnoreCase(category)
        ? List.of(RETIRE_ALL_ACTIVITY_TYPE, RETIRE_COMPLETED_ACTIVITY_TYPE)
        : List.of();
  }

  /**
   * A fresh event id: a random (version 4) GUID, as Graph's. Ids must be unique, not unpredictable,
   * so they come from {@link ThreadLocalRandom}, not the contended {@code SecureRandom} behind
   * {@link UUID#randomUUID()} (one per retire-all, on the request path).
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(most, least).toString();
  }

  /**
   * The actor a caller's token names: a signed-in user ({@code ItPro}) or an application calling as
   * itself ({@code Application}), with its scopes or app roles, sorted, as {@code userPermissions}.
   */
  public static AuditActor actorOf(Caller caller, Optional<String> ipAddress) {
    boolean app = caller.permissionType() == PermissionType.APPLICATION;
    String type = app ? "Application" : "ItPro";
    List<String> permissions = new ArrayList<>(caller.permissions());
    permissions.sort(null);
    return new AuditActor(
        type,
        type,
        permissions,
        caller.appId(),
        Optional.empty(),
        caller.userPrincipalName(),
        Optional.empty(),
        ipAddress,
        caller.objectId());
  }

  /** The actor of what the service does by itself, such as completing a retire at check-in. */
  public static AuditActor system() {
    return new AuditActor(
        "System",
        "System",
        List.of(),
        Optional.empty(),
        Optional.of("Microsoft Intune"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The resource entry of a device whose management state went from {@code before} to {@code
   * after}.
   */
  public static AuditResource deviceChange(ManagedDevice before, ManagedDevice after) {
    return new AuditResource(
        before.id(),
        before.deviceName(),
        MANAGED_DEVICE,
        MANAGED_DEVICE,
        List.of(
            new AuditProperty(
                MANAGEMENT_STATE,
                Optional.of(before.managementState().graphName()),
                Optional.of(after.managementState().graphName()))));
  }

  /** The resource entries of the devices {@code outcome} changed, in device-id order. */
  public static List<AuditResource> changedDevices(RetireAllOutcome outcome) {
    List<AuditResource> resources = new ArrayList<>();
    for (DeviceTransition transition : outcome.transitions()) {
      if (transition.changed()) {
        resources.add(deviceChange(transition.before(), transition.after()));
      }
    }
    return resources;
  }

  /**
   * A retire that completed when its device checked in at {@code at}: the service is the actor and
   * the device, which leaves Intune, has its management state go from {@code retirePending} (or
   * {@code retireIssued}) to none ({@code newValue} null).
   */
  public static AuditEvent retireCompleted(CheckInOutcome outcome, Instant at) {
    return new AuditEvent(
        newId(),
        "Retire completed at check-in: " + outcome.before().deviceName(),
        COMPONENT_NAME,
        system(),
        "Retire completed at check-in",
        at,
        RETIRE_COMPLETED_ACTIVITY_TYPE,
        ACTION,
        SUCCESS,
        newId(),
        List.of(deviceLeft(outcome.before())),
        CATEGORY);
  }

  /**
   * The resource entry of a device that left Intune: its management state goes from what it was to
   * none (Graph's enumeration has no value for a device that is no longer managed).
   */
  public static AuditResource deviceLeft(ManagedDevice before) {
    return new AuditResource(
        before.id(),
        before.deviceName(),
        MANAGED_DEVICE,
        MANAGED_DEVICE,
        List.of(
            new AuditProperty(
                MANAGEMENT_STATE,
                Optional.of(before.managementState().graphName()),
                Optional.empty())));
  }
}
