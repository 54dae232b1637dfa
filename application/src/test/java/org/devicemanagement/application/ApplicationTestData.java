package org.devicemanagement.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OffboardingUser;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionType;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/**
 * The one test-data factory of the application module, shared through its test-jar with every
 * adapter's tests: users with GUID ids, devices (GUID ids) in every management state, and callers.
 *
 * <p>The tenant: Adele owns one device in each of the 13 management states, Alex owns three
 * devices, Megan owns none, and one device has no primary user. All dates are whole seconds.
 */
public final class ApplicationTestData {

  /** The demo tenant's id. */
  public static final String TENANT_ID = "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10";

  /** The consumer (personal Microsoft account) tenant's id. */
  public static final String PERSONAL_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

  /** The demo client application's id. */
  public static final String APP_ID = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182";

  /** A fixed "now" for services driven by a fixed clock. */
  public static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");

  /** A retire-all's audit by a delegated admin in a request of its own, with a fresh event id. */
  public static RetireAllAudit audit() {
    return RetireAllAudit.of(
        AuditEvents.actorOf(
            Caller.delegated(
                TENANT_ID,
                Optional.of("6e7b768e-07e2-4810-8459-485f84f8f204"),
                Optional.of("admin@contoso.com"),
                Set.of("DeviceManagementManagedDevices.PrivilegedOperations.All")),
            Optional.of("203.0.113.7")),
        UUID.randomUUID().toString(),
        "adele.vance@contoso.com");
  }

  /** When the devices' earlier actions were recorded. */
  public static final Instant EARLIER = Instant.parse("2025-05-01T08:00:00Z");

  private ApplicationTestData() {}

  // ---------------------------------------------------------------- users

  /** Owns one device in every management state. */
  public static User adele() {
    return new User(
        "6e7b768e-07e2-4810-8459-485f84f8f204", "AdeleV@contoso.onmicrosoft.com", "Adele Vance");
  }

  /** Owns three devices (managed, wipePending, retireFailed). */
  public static User alex() {
    return new User(
        "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "AlexW@contoso.onmicrosoft.com", "Alex Wilber");
  }

  /** Owns no device. */
  public static User megan() {
    return new User(
        "5bde3e51-d13b-4db1-9948-fe4b109d11a7", "MeganB@contoso.onmicrosoft.com", "Megan Bowen");
  }

  /** Adele, Alex and Megan. */
  public static List<User> users() {
    return List.of(adele(), alex(), megan());
  }

  /** A GUID that is no user's id. */
  public static String unknownUserId() {
    return "00000000-0000-4000-8000-00000000dead";
  }

  /** A sign-in name that is no user's. */
  public static String unknownUserPrincipalName() {
    return "nobody@contoso.onmicrosoft.com";
  }

  // ---------------------------------------------------------------- devices

  /** The (lower-case GUID) id of {@code owner}'s device in {@code state}; stable across runs. */
  public static String deviceId(User owner, ManagementState state) {
    return guid("device:" + owner.id() + ":" + state.graphName());
  }

  /** A GUID that is no device's id. */
  public static String unknownDeviceId() {
    return "00000000-0000-4000-8000-0000000000ff";
  }

  /**
   * {@code owner}'s device in {@code state}, every property set, with the earlier action results a
   * device in that state plausibly has (a failed retire for {@code retireFailed}, a pending wipe
   * for {@code wipePending}, ...).
   */
  public static ManagedDevice device(User owner, ManagementState state) {
    String id = deviceId(owner, state);
    return ManagedDevice.builder(id, owner.id())
        .userPrincipalName(owner.userPrincipalName())
        .deviceName("DEV-" + state.graphName().toUpperCase(Locale.ROOT))
        .operatingSystem(state.value() % 2 == 0 ? "Windows" : "iOS")
        .osVersion(state.value() % 2 == 0 ? "10.0.22631.3880" : "17.5.1")
        .managementState(state)
        .complianceState(
            state.value() % 3 == 0 ? ComplianceState.COMPLIANT : ComplianceState.NONCOMPLIANT)
        .managedDeviceOwnerType(
            state.value() % 2 == 0
                ? ManagedDeviceOwnerType.COMPANY
                : ManagedDeviceOwnerType.PERSONAL)
        .enrolledDateTime(Instant.parse("2024-01-15T09:30:00Z").plusSeconds(3600L * state.value()))
        .lastSyncDateTime(Instant.parse("2025-06-01T22:05:11Z"))
        .serialNumber("SN" + id.substring(0, 8).toUpperCase(Locale.ROOT))
        .azureADDeviceId(guid("entra:" + id))
        .model(state.value() % 2 == 0 ? "Surface Laptop 5" : "iPhone 15")
        .manufacturer(state.value() % 2 == 0 ? "Microsoft Corporation" : "Apple")
        .deviceActionResults(earlierResults(state))
        .build();
  }

  /** Leaver number {@code n}: {@code leaver-n@contoso.com}, with a stable id. */
  public static User leaver(int n) {
    return new User(guid("leaver:" + n), "leaver-%d@contoso.com".formatted(n), "Leaver " + n);
  }

  /** Device number {@code n} of {@code owner}, in {@code state}. */
  public static ManagedDevice leaverDevice(User owner, int n, ManagementState state) {
    return ManagedDevice.builder(guid("device:" + owner.id() + ":" + n), owner.id())
        .userPrincipalName(owner.userPrincipalName())
        .deviceName("LEAVER-" + n)
        .managementState(state)
        .build();
  }

  /** One device of {@code owner} in each of the 13 states, in the states' order (not id order). */
  public static List<ManagedDevice> devicesInEveryState(User owner) {
    List<ManagedDevice> devices = new ArrayList<>();
    for (ManagementState state : ManagementState.values()) {
      devices.add(device(owner, state));
    }
    return devices;
  }

  /** Alex's three devices: managed, wipePending and retireFailed. */
  public static List<ManagedDevice> alexDevices() {
    return List.of(
        device(alex(), ManagementState.MANAGED),
        device(alex(), ManagementState.WIPE_PENDING),
        device(alex(), ManagementState.RETIRE_FAILED));
  }

  /** A managed kiosk device with no primary user. */
  public static ManagedDevice unassignedDevice() {
    return ManagedDevice.builder(guid("device:unassigned"), "")
        .deviceName("KIOSK-01")
        .operatingSystem("Windows")
        .osVersion("10.0.19045.4651")
        .managementState(ManagementState.MANAGED)
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .enrolledDateTime(Instant.parse("2023-11-02T12:00:00Z"))
        .lastSyncDateTime(Instant.parse("2025-06-01T06:00:00Z"))
        .build();
  }

  /** The whole tenant's devices, in no particular order: Adele's, Alex's and the unassigned one. */
  public static List<ManagedDevice> devices() {
    List<ManagedDevice> devices = new ArrayList<>();
    devices.add(unassignedDevice());
    devices.addAll(alexDevices());
    devices.addAll(devicesInEveryState(adele()));
    return devices;
  }

  /** The devices of {@code devices} whose primary user is {@code user}, ordered by id. */
  public static List<ManagedDevice> devicesOf(User user, List<ManagedDevice> devices) {
    return devices.stream()
        .filter(d -> d.belongsTo(user.id()))
        .sorted(Comparator.comparing(ManagedDevice::id))
        .toList();
  }

  // ---------------------------------------------------------------- callers

  /** A work-or-school user signed in as {@code user}, with oid and upn, holding {@code scopes}. */
  public static Caller delegatedAs(User user, String... scopes) {
    return Caller.delegated(
        TENANT_ID, Optional.of(user.id()), Optional.of(user.userPrincipalName()), Set.of(scopes));
  }

  /** A work-or-school user whose token names it by upn only (no oid), holding {@code scopes}. */
  public static Caller delegatedByUpnOnly(String upn, String... scopes) {
    return Caller.delegated(TENANT_ID, Optional.empty(), Optional.of(upn), Set.of(scopes));
  }

  /** An administrator (not one of the tenant's listed users) with the privileged scope. */
  public static Caller privilegedAdmin() {
    return Caller.delegated(
        TENANT_ID,
        Optional.of("3f1c9e2a-8b7d-4c6e-a5f4-0e9d8c7b6a51"),
        Optional.of("admin@contoso.onmicrosoft.com"),
        Set.of(Permissions.PRIVILEGED_OPERATIONS_ALL));
  }

  /** A work-or-school reader of managed devices. */
  public static Caller delegatedReader() {
    return delegatedAs(megan(), Permissions.READ_ALL);
  }

  /** A personal Microsoft account holding {@code scopes}. */
  public static Caller personal(String... scopes) {
    return new Caller(
        PermissionType.DELEGATED_PERSONAL,
        PERSONAL_TENANT_ID,
        Optional.of("00000000-0000-0000-0001-000000000001"),
        Optional.of("someone@outlook.com"),
        Optional.of(APP_ID),
        Set.of(scopes));
  }

  /** An application calling as itself with {@code roles}. */
  public static Caller application(String... roles) {
    return Caller.application(TENANT_ID, APP_ID, Set.of(roles));
  }

  /** A caller of {@code type} holding {@code permissions}. */
  public static Caller callerOfType(PermissionType type, Set<String> permissions) {
    return switch (type) {
      case DELEGATED_WORK_OR_SCHOOL -> delegatedAs(megan(), permissions.toArray(String[]::new));
      case DELEGATED_PERSONAL -> personal(permissions.toArray(String[]::new));
      case APPLICATION -> application(permissions.toArray(String[]::new));
    };
  }

  // ---------------------------------------------------------------- offboarding runs

  /**
   * A new run {@code id} created at {@code createdAt}, running, against Graph v1.0, with counts of
   * no user (a store computes the counts from the run's users).
   */
  public static OffboardingRun offboardingRun(String id, Instant createdAt) {
    return new OffboardingRun(
        id,
        createdAt,
        createdAt,
        "https://graph.microsoft.com/v1.0",
        "/home/it/leavers-" + id + ".txt",
        RunStatus.RUNNING,
        "",
        OutcomeCounts.of(List.of()));
  }

  /** The sign-in name of the user at {@code position} of the test runs. */
  public static String offboardingUserName(int position) {
    return "leaver%05d@contoso.onmicrosoft.com".formatted(position);
  }

  /**
   * {@code count} pending users, never sent, at positions 0 and on; the users file has a header, so
   * the user at position {@code p} is on line {@code p + 2}.
   */
  public static List<UserProgress> pendingOffboardingUsers(int count) {
    List<UserProgress> users = new ArrayList<>(count);
    for (int position = 0; position < count; position++) {
      users.add(
          UserProgress.pending(
              position, new OffboardingUser(position + 2, offboardingUserName(position))));
    }
    return users;
  }

  /**
   * The leaver at {@code position}, sent at {@code sentAt} (twice) and pending with the answer
   * lost: every field set but {@code finishedAt}.
   */
  public static UserProgress sentOffboardingUser(int position, Instant sentAt) {
    return UserProgress.pending(
            position, new OffboardingUser(position + 2, offboardingUserName(position)))
        .sending(3, 1, sentAt.minusSeconds(30))
        .stillPending(
            429, "TooManyRequests", "Throttled: retry after 5 s", "req-" + position + "-throttled")
        .sending(3, 1, sentAt);
  }

  /**
   * The leaver at {@code position}, sent at {@code finishedAt} less a second and ended as {@code
   * outcome} at {@code finishedAt}, with {@code retired} devices retired and Graph's answer in
   * every field (status, code, message with non-ASCII text, request-id).
   */
  public static UserProgress endedOffboardingUser(
      int position, UserOutcome outcome, int retired, Instant finishedAt) {
    UserProgress pending =
        UserProgress.pending(
            position, new OffboardingUser(position + 2, offboardingUserName(position)));
    return switch (outcome) {
      case PENDING -> throw new IllegalArgumentException("an ended user cannot be pending");
      case DONE ->
          pending
              .sending(retired, 2, finishedAt.minusSeconds(1))
              .ended(outcome, retired, 2, 204, "", "", "req-" + position + "-done", finishedAt);
      case NOTHING_TO_DO ->
          pending.ended(outcome, 0, 4, 200, "", "every device already retiring", "", finishedAt);
      case NOT_FOUND ->
          pending.ended(
              outcome,
              0,
              0,
              404,
              "Request_ResourceNotFound",
              "Resource '" + offboardingUserName(position) + "' does not exist",
              "req-" + position + "-404",
              finishedAt);
      case REFUSED ->
          pending
              .sending(2, 0, finishedAt.minusSeconds(1))
              .ended(
                  outcome,
                  0,
                  0,
                  403,
                  "Forbidden",
                  "missing DeviceManagementManagedDevices.PrivilegedOperations.All — “Zürich” ✓",
                  "req-" + position + "-403",
                  finishedAt);
      case FAILED ->
          pending
              .sending(5, 1, finishedAt.minusSeconds(1))
              .ended(
                  outcome,
                  retired,
                  1,
                  503,
                  "ServiceUnavailable",
                  "still failing after 6 attempts; 'quoted' \"text\"",
                  "req-" + position + "-503",
                  finishedAt);
    };
  }

  // ---------------------------------------------------------------- helpers

  private static List<DeviceActionResult> earlierResults(ManagementState state) {
    return switch (state) {
      case MANAGED -> List.of(result("syncDevice", ActionState.DONE));
      case RETIRE_PENDING -> List.of(result("retire", ActionState.PENDING));
      case RETIRE_FAILED ->
          List.of(result("syncDevice", ActionState.DONE), result("retire", ActionState.FAILED));
      case WIPE_PENDING -> List.of(result("wipe", ActionState.PENDING));
      case WIPE_FAILED -> List.of(result("wipe", ActionState.FAILED));
      case DELETE_PENDING -> List.of(result("delete", ActionState.PENDING));
      case RETIRE_ISSUED -> List.of(result("retire", ActionState.ACTIVE));
      case WIPE_ISSUED -> List.of(result("wipe", ActionState.ACTIVE));
      case WIPE_CANCELED -> List.of(result("wipe", ActionState.CANCELED));
      case RETIRE_CANCELED ->
          List.of(result("retire", ActionState.CANCELED), result("rebootNow", ActionState.DONE));
      case UNHEALTHY, DISCOVERED, UNKNOWN_FUTURE_VALUE -> List.of();
    };
  }

  private static DeviceActionResult result(String action, ActionState state) {
    return new DeviceActionResult(action, state, EARLIER, EARLIER.plusSeconds(90));
  }

  private static String guid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
