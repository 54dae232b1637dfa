package org.devicemanagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device enrolled in Intune, with the v1.0 {@code managedDevice} properties this product keeps.
 *
 * <p>As Graph does, absent text is the empty string and absent dates are {@link #UNSET_DATE_TIME},
 * so no property is ever null. An empty {@code userId} is a device without a primary user.
 *
 * <p>{@code checkInInterval} is not a Graph property: it is how often the device checks in with
 * Intune (empty: never, an offline device), which drives its lifecycle ({@link CheckInRule}).
 */
public record ManagedDevice(
    String id,
    String userId,
    String userPrincipalName,
    String deviceName,
    String operatingSystem,
    String osVersion,
    ManagementState managementState,
    ComplianceState complianceState,
    ManagedDeviceOwnerType managedDeviceOwnerType,
    Instant enrolledDateTime,
    Instant lastSyncDateTime,
    String serialNumber,
    String azureADDeviceId,
    String model,
    String manufacturer,
    List<DeviceActionResult> deviceActionResults,
    Optional<Duration> checkInInterval) {

  /** The date Graph reports for a date that was never set. */
  public static final Instant UNSET_DATE_TIME = Instant.parse("0001-01-01T00:00:00Z");

  /** How often a device checks in unless told otherwise: every 8 hours, as Intune's default. */
  public static final Optional<Duration> DEFAULT_CHECK_IN_INTERVAL =
      Optional.of(Duration.ofHours(8));

  /** The shortest check-in interval a device may have. */
  public static final Duration MIN_CHECK_IN_INTERVAL = Duration.ofSeconds(1);

  /** Checks that every property is present and the id is usable in a URL path segment. */
  public ManagedDevice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(deviceName, "deviceName");
    Objects.requireNonNull(operatingSystem, "operatingSystem");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(managementState, "managementState");
    Objects.requireNonNull(complianceState, "complianceState");
    Objects.requireNonNull(managedDeviceOwnerType, "managedDeviceOwnerType");
    Objects.requireNonNull(enrolledDateTime, "enrolledDateTime");
    Objects.requireNonNull(lastSyncDateTime, "lastSyncDateTime");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(azureADDeviceId, "azureADDeviceId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(manufacturer, "manufacturer");
    deviceActionResults = List.copyOf(deviceActionResults);
    Objects.requireNonNull(checkInInterval, "checkInInterval");
    if (checkInInterval.isPresent() && checkInInterval.get().compareTo(MIN_CHECK_IN_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "checkInInterval %s of managed device %s is shorter than %s"
              .formatted(checkInInterval.get(), id, MIN_CHECK_IN_INTERVAL));
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException("managed device id must not be blank");
    }
    if (id.contains("/")) {
      throw new IllegalArgumentException(
          "managed device id '%s' must not contain '/'".formatted(id));
    }
  }

  /** Starts a device with the given id and primary user; every other property is unset. */
  public static Builder builder(String id, String userId) {
    return new Builder(id, userId);
  }

  /** A builder holding this device's properties, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether the device's primary user is {@code candidateUserId} (object ids compare ignoring
   * case).
   */
  public boolean belongsTo(String candidateUserId) {
    return !userId.isEmpty() && userId.equalsIgnoreCase(candidateUserId);
  }

  /**
   * This device with {@code managementState} replaced and {@code result} recorded, replacing any
   * earlier result of the same action.
   */
  public ManagedDevice withAction(ManagementState newState, DeviceActionResult result) {
    List<DeviceActionResult> results = new ArrayList<>(deviceActionResults.size() + 1);
    for (DeviceActionResult existing : deviceActionResults) {
      if (!existing.isFor(result.actionName())) {
        results.add(existing);
      }
    }
    results.add(result);
    return toBuilder().managementState(newState).deviceActionResults(results).build();
  }

  /** A mutable builder of {@link ManagedDevice}; defaults follow Graph's unset values. */
  public static final class Builder {
    private final String id;
    private String userId;
    private String userPrincipalName = "";
    private String deviceName = "";
    private String operatingSystem = "";
    private String osVersion = "";
    private ManagementState managementState = ManagementState.MANAGED;
    private ComplianceState complianceState = ComplianceState.UNKNOWN;
    private ManagedDeviceOwnerType managedDeviceOwnerType = ManagedDeviceOwnerType.UNKNOWN;
    private Instant enrolledDateTime = UNSET_DATE_TIME;
    private Instant lastSyncDateTime = UNSET_DATE_TIME;
    private String serialNumber = "";
    private String azureADDeviceId = "";
    private String model = "";
    private String manufacturer = "";
    private List<DeviceActionResult> deviceActionResults = List.of();
    private Optional<Duration> checkInInterval = DEFAULT_CHECK_IN_INTERVAL;

    private Builder(String id, String userId) {
      this.id = id;
      this.userId = userId;
    }

    private Builder(ManagedDevice d) {
      this(d.id, d.userId);
      userPrincipalName = d.userPrincipalName;
      deviceName = d.deviceName;
      operatingSystem = d.operatingSystem;
      osVersion = d.osVersion;
      managementState = d.managementState;
      complianceState = d.complianceState;
      managedDeviceOwnerType = d.managedDeviceOwnerType;
      enrolledDateTime = d.enrolledDateTime;
      lastSyncDateTime = d.lastSyncDateTime;
      serialNumber = d.serialNumber;
      azureADDeviceId = d.azureADDeviceId;
      model = d.model;
      manufacturer = d.manufacturer;
      deviceActionResults = d.deviceActionResults;
      checkInInterval = d.checkInInterval;
    }

    /** Sets the primary user's object id ({@code ""} for a device without one). */
    public Builder userId(String value) {
      userId = value;
      return this;
    }

    /** Sets the primary user's sign-in name. */
    public Builder userPrincipalName(String value) {
      userPrincipalName = value;
      return this;
    }

    /** Sets the device name. */
    public Builder deviceName(String value) {
      deviceName = value;
      return this;
    }

    /** Sets the operating system, as Intune names it (Windows, iOS, Android, macOS, ...). */
    public Builder operatingSystem(String value) {
      operatingSystem = value;
      return this;
    }

    /** Sets the operating system version. */
    public Builder osVersion(String value) {
      osVersion = value;
      return this;
    }

    /** Sets the management state. */
    public Builder managementState(ManagementState value) {
      managementState = value;
      return this;
    }

    /** Sets the compliance state. */
    public Builder complianceState(ComplianceState value) {
      complianceState = value;
      return this;
    }

    /** Sets the owner type. */
    public Builder managedDeviceOwnerType(ManagedDeviceOwnerType value) {
      managedDeviceOwnerType = value;
      return this;
    }

    /** Sets the enrolment date. */
    public Builder enrolledDateTime(Instant value) {
      enrolledDateTime = value;
      return this;
    }

    /** Sets the last check-in date. */
    public Builder lastSyncDateTime(Instant value) {
      lastSyncDateTime = value;
      return this;
    }

    /** Sets the serial number. */
    public Builder serialNumber(String value) {
      serialNumber = value;
      return this;
    }

    /** Sets the Entra (Azure AD) device id. */
    public Builder azureADDeviceId(String value) {
      azureADDeviceId = value;
      return this;
    }

    /** Sets the model. */
    public Builder model(String value) {
      model = value;
      return this;
    }

    /** Sets the manufacturer. */
    public Builder manufacturer(String value) {
      manufacturer = value;
      return this;
    }

    /** Sets the remote action results. */
    public Builder deviceActionResults(List<DeviceActionResult> value) {
      deviceActionResults = value;
      return this;
    }

    /** Sets how often the device checks in; empty for a device that never does (offline). */
    public Builder checkInInterval(Optional<Duration> value) {
      checkInInterval = value;
      return this;
    }

    /** Builds the device, checking its invariants. */
    public ManagedDevice build() {
      return new ManagedDevice(
          id,
          userId,
          userPrincipalName,
          deviceName,
          operatingSystem,
          osVersion,
          managementState,
          complianceState,
          managedDeviceOwnerType,
          enrolledDateTime,
          lastSyncDateTime,
          serialNumber,
          azureADDeviceId,
          model,
          manufacturer,
          deviceActionResults,
          checkInInterval);
    }
  }
}
