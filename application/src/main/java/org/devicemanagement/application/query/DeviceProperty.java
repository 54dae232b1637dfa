package org.devicemanagement.application.query;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.GraphEnum;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;

/**
 * The {@code managedDevice} properties a device query can name: those {@code $filter} compares
 * ({@link #filterable()}) and those {@code $orderby} sorts by ({@link #orderable()}).
 */
public enum DeviceProperty {
  ID("id", Kind.TEXT),
  USER_ID("userId", Kind.TEXT),
  USER_PRINCIPAL_NAME("userPrincipalName", Kind.TEXT),
  DEVICE_NAME("deviceName", Kind.TEXT),
  OPERATING_SYSTEM("operatingSystem", Kind.TEXT),
  MANAGEMENT_STATE("managementState", Kind.ENUM),
  COMPLIANCE_STATE("complianceState", Kind.ENUM),
  MANAGED_DEVICE_OWNER_TYPE("managedDeviceOwnerType", Kind.ENUM),
  LAST_SYNC_DATE_TIME("lastSyncDateTime", Kind.DATE_TIME);

  /** What kind of value a property holds, which decides what a query may do with it. */
  public enum Kind {
    /** Free text: {@code eq}, {@code ne} and {@code startswith}, ignoring case. */
    TEXT,
    /** One of a Graph enumeration's names: {@code eq} and {@code ne}. */
    ENUM,
    /** A point in time: ordering only. */
    DATE_TIME
  }

  private final String graphName;
  private final Kind kind;

  DeviceProperty(String graphName, Kind kind) {
    this.graphName = graphName;
    this.kind = kind;
  }

  /** The property's name as Graph writes it, for example {@code deviceName}. */
  public String graphName() {
    return graphName;
  }

  /** The kind of value the property holds. */
  public Kind kind() {
    return kind;
  }

  /** Whether {@code $filter} may compare the property. */
  public boolean filterable() {
    return kind != Kind.DATE_TIME;
  }

  /** Whether {@code $orderby} may sort by the property. */
  public boolean orderable() {
    return this == DEVICE_NAME || this == LAST_SYNC_DATE_TIME;
  }

  /**
   * For an {@link Kind#ENUM} property, the Graph name of its value {@code name} (matched ignoring
   * case, as Graph's query parser does); empty when the enumeration has no such value or the
   * property is no enumeration.
   */
  public Optional<String> enumValue(String name) {
    Objects.requireNonNull(name, "name");
    for (GraphEnum constant : enumConstants()) {
      if (constant.graphName().equalsIgnoreCase(name)) {
        return Optional.of(constant.graphName());
      }
    }
    return Optional.empty();
  }

  private GraphEnum[] enumConstants() {
    return switch (this) {
      case MANAGEMENT_STATE -> ManagementState.values();
      case COMPLIANCE_STATE -> ComplianceState.values();
      case MANAGED_DEVICE_OWNER_TYPE -> ManagedDeviceOwnerType.values();
      case ID, USER_ID, USER_PRINCIPAL_NAME, DEVICE_NAME, OPERATING_SYSTEM, LAST_SYNC_DATE_TIME ->
          new GraphEnum[0];
    };
  }

  /** The property's value on {@code device} as text (an enumeration's value by its Graph name). */
  public String text(ManagedDevice device) {
    return switch (this) {
      case ID -> device.id();
      case USER_ID -> device.userId();
      case USER_PRINCIPAL_NAME -> device.userPrincipalName();
      case DEVICE_NAME -> device.deviceName();
      case OPERATING_SYSTEM -> device.operatingSystem();
      case MANAGEMENT_STATE -> device.managementState().graphName();
      case COMPLIANCE_STATE -> device.complianceState().graphName();
      case MANAGED_DEVICE_OWNER_TYPE -> device.managedDeviceOwnerType().graphName();
      case LAST_SYNC_DATE_TIME -> device.lastSyncDateTime().toString();
    };
  }

  /** The property's value on {@code device} as a point in time, for {@link Kind#DATE_TIME}. */
  public Instant instant(ManagedDevice device) {
    if (this != LAST_SYNC_DATE_TIME) {
      throw new IllegalStateException("%s is not a date".formatted(graphName));
    }
    return device.lastSyncDateTime();
  }

  /** The property Graph calls {@code name}, matched ignoring case. */
  public static Optional<DeviceProperty> find(String name) {
    Objects.requireNonNull(name, "name");
    String key = name.toLowerCase(Locale.ROOT);
    for (DeviceProperty property : values()) {
      if (property.graphName.toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(property);
      }
    }
    return Optional.empty();
  }
}
