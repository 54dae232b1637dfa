package org.devicemanagement.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditProperty;
import org.devicemanagement.application.audit.AuditResource;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.GraphEnum;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * Users, devices and audit events to and from rows: enumerations by their Graph names, instants as
 * microseconds, a device's action results and a whole audit event as JSON text.
 */
final class Rows {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The user columns, in the order {@link #bindUser} binds them. */
  static final String USER_COLUMNS =
      "position, id, id_key, user_principal_name, upn_key, display_name";

  /** The device columns, in the order {@link #bindDevice} binds them and {@link #device} reads. */
  static final String DEVICE_COLUMNS =
      "id, id_key, user_id, user_key, user_principal_name, upn_key, device_name, operating_system,"
          + " os_version, management_state, compliance_state, managed_device_owner_type,"
          + " enrolled_date_time, last_sync_date_time, serial_number, azure_ad_device_id, model,"
          + " manufacturer, device_action_results, check_in_interval, check_in_interval_micros,"
          + " next_check_in";

  /** As many placeholders as {@link #DEVICE_COLUMNS} has columns. */
  static final String DEVICE_PLACEHOLDERS =
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  private Rows() {}

  /** The key ids, sign-in names and filter values compare by: the value lower-cased. */
  static String key(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  // ---- instants

  /** {@code at} in microseconds since the epoch, rounded down. */
  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
  }

  /** {@code at} in microseconds since the epoch, rounded up. */
  static long microsCeiling(Instant at) {
    long down = micros(at);
    return instant(down).equals(at) ? down : down + 1;
  }

  /** The instant {@code micros} microseconds after the epoch. */
  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** {@code at} to the microsecond, as the store keeps it. */
  static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** How many microseconds {@code interval} lasts, capped so that adding it cannot overflow. */
  static long micros(Duration interval) {
    long cap = Long.MAX_VALUE / 4;
    if (interval.getSeconds() >= cap / 1_000_000L) {
      return cap;
    }
    return interval.getSeconds() * 1_000_000L + interval.getNano() / 1_000;
  }

  /** {@code device} with every date to the microsecond, as the store keeps it. */
  static ManagedDevice stored(ManagedDevice device) {
    List<DeviceActionResult> results = new ArrayList<>(device.deviceActionResults().size());
    for (DeviceActionResult result : device.deviceActionResults()) {
      results.add(
          new DeviceActionResult(
              result.actionName(),
              result.actionState(),
              stored(result.startDateTime()),
              stored(result.lastUpdatedDateTime())));
    }
    return device.toBuilder()
        .enrolledDateTime(stored(device.enrolledDateTime()))
        .lastSyncDateTime(stored(device.lastSyncDateTime()))
        .deviceActionResults(results)
        .build();
  }

  // ---- users

  /** Binds {@code user} at {@code position} to the six user columns from parameter 1. */
  static void bindUser(PreparedStatement statement, long position, User user) throws SQLException {
    statement.setLong(1, position);
    statement.setString(2, user.id());
    statement.setString(3, key(user.id()));
    statement.setString(4, user.userPrincipalName());
    statement.setString(5, key(user.userPrincipalName()));
    statement.setString(6, user.displayName());
  }

  /**
   * The user in the current row, whose columns are {@code id, user_principal_name, display_name}.
   */
  static User user(ResultSet row) throws SQLException {
    return new User(
        row.getString("id"), row.getString("user_principal_name"), row.getString("display_name"));
  }

  // ---- devices

  /**
   * Binds {@code device} to the device columns from parameter 1, its next check-in at {@code
   * nextCheckIn} (none when null).
   */
  static void bindDevice(PreparedStatement s, ManagedDevice device, @Nullable Long nextCheckIn)
      throws SQLException {
    int i = 1;
    s.setString(i++, device.id());
    s.setString(i++, key(device.id()));
    s.setString(i++, device.userId());
    s.setString(i++, key(device.userId()));
    s.setString(i++, device.userPrincipalName());
    s.setString(i++, key(device.userPrincipalName()));
    s.setString(i++, device.deviceName());
    s.setString(i++, device.operatingSystem());
    s.setString(i++, device.osVersion());
    s.setString(i++, device.managementState().graphName());
    s.setString(i++, device.complianceState().graphName());
    s.setString(i++, device.managedDeviceOwnerType().graphName());
    s.setLong(i++, micros(device.enrolledDateTime()));
    s.setLong(i++, micros(device.lastSyncDateTime()));
    s.setString(i++, device.serialNumber());
    s.setString(i++, device.azureADDeviceId());
    s.setString(i++, device.model());
    s.setString(i++, device.manufacturer());
    s.setString(i++, actionResultsJson(device.deviceActionResults()));
    if (device.checkInInterval().isPresent()) {
      s.setString(i++, device.checkInInterval().get().toString());
      s.setLong(i++, micros(device.checkInInterval().get()));
    } else {
      s.setNull(i++, Types.VARCHAR);
      s.setNull(i++, Types.BIGINT);
    }
    if (nextCheckIn == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, nextCheckIn);
    }
  }

  /** The device in the current row, which holds the {@link #DEVICE_COLUMNS}. */
  static ManagedDevice device(ResultSet row) throws SQLException {
    String interval = row.getString("check_in_interval");
    return new ManagedDevice(
        row.getString("id"),
        row.getString("user_id"),
        row.getString("user_principal_name"),
        row.getString("device_name"),
        row.getString("operating_system"),
        row.getString("os_version"),
        GraphEnum.parse(ManagementState.class, row.getString("management_state")),
        GraphEnum.parse(ComplianceState.class, row.getString("compliance_state")),
        GraphEnum.parse(ManagedDeviceOwnerType.class, row.getString("managed_device_owner_type")),
        instant(row.getLong("enrolled_date_time")),
        instant(row.getLong("last_sync_date_time")),
        row.getString("serial_number"),
        row.getString("azure_ad_device_id"),
        row.getString("model"),
        row.getString("manufacturer"),
        actionResults(row.getString("device_action_results")),
        interval == null ? Optional.empty() : Optional.of(Duration.parse(interval)));
  }

  /**
   * The next check-in planned for {@code device} from {@code from}; null when it never checks in.
   */
  static @Nullable Long nextCheckIn(ManagedDevice device, Instant from) {
    return device.checkInInterval().isEmpty()
        ? null
        : micros(from) + micros(device.checkInInterval().get());
  }

  static String actionResultsJson(List<DeviceActionResult> results) {
    ArrayNode array = JSON.createArrayNode();
    for (DeviceActionResult result : results) {
      array
          .addObject()
          .put("actionName", result.actionName())
          .put("actionState", result.actionState().graphName())
          .put("startDateTime", result.startDateTime().toString())
          .put("lastUpdatedDateTime", result.lastUpdatedDateTime().toString());
    }
    return array.toString();
  }

  private static List<DeviceActionResult> actionResults(String json) throws SQLException {
    List<DeviceActionResult> results = new ArrayList<>();
    for (JsonNode node : parse(json)) {
      results.add(
          new DeviceActionResult(
              node.path("actionName").asText(),
              GraphEnum.parse(ActionState.class, node.path("actionState").asText()),
              Instant.parse(node.path("startDateTime").asText()),
              Instant.parse(node.path("lastUpdatedDateTime").asText())));
    }
    return results;
  }

  // ---- audit events

  /** {@code event} as JSON text, in Graph's shape. */
  static String eventJson(AuditEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", event.id());
    node.put("displayName", event.displayName());
    node.put("componentName", event.componentName());
    ObjectNode actor = node.putObject("actor");
    AuditActor a = event.actor();
    actor.put("type", a.type());
    actor.put("auditActorType", a.auditActorType());
    ArrayNode permissions = actor.putArray("userPermissions");
    a.userPermissions().forEach(permissions::add);
    putOptional(actor, "applicationId", a.applicationId());
    putOptional(actor, "applicationDisplayName", a.applicationDisplayName());
    putOptional(actor, "userPrincipalName", a.userPrincipalName());
    putOptional(actor, "servicePrincipalName", a.servicePrincipalName());
    putOptional(actor, "ipAddress", a.ipAddress());
    putOptional(actor, "userId", a.userId());
    node.put("activity", event.activity());
    node.put("activityDateTime", event.activityDateTime().toString());
    node.put("activityType", event.activityType());
    node.put("activityOperationType", event.activityOperationType());
    node.put("activityResult", event.activityResult());
    node.put("correlationId", event.correlationId());
    ArrayNode resources = node.putArray("resources");
    for (AuditResource resource : event.resources()) {
      ObjectNode r = resources.addObject();
      r.put("resourceId", resource.resourceId());
      r.put("displayName", resource.displayName());
      r.put("type", resource.type());
      r.put("auditResourceType", resource.auditResourceType());
      ArrayNode properties = r.putArray("modifiedProperties");
      for (AuditProperty property : resource.modifiedProperties()) {
        ObjectNode p = properties.addObject();
        p.put("displayName", property.displayName());
        putOptional(p, "oldValue", property.oldValue());
        putOptional(p, "newValue", property.newValue());
      }
    }
    node.put("category", event.category());
    return node.toString();
  }

  /** The event {@link #eventJson} wrote as {@code json}. */
  static AuditEvent event(String json) throws SQLException {
    JsonNode node = parse(json);
    JsonNode a = node.path("actor");
    List<String> permissions = new ArrayList<>();
    a.path("userPermissions").forEach(p -> permissions.add(p.asText()));
    AuditActor actor =
        new AuditActor(
            a.path("type").asText(),
            a.path("auditActorType").asText(),
            permissions,
            optional(a, "applicationId"),
            optional(a, "applicationDisplayName"),
            optional(a, "userPrincipalName"),
            optional(a, "servicePrincipalName"),
            optional(a, "ipAddress"),
            optional(a, "userId"));
    List<AuditResource> resources = new ArrayList<>();
    for (JsonNode r : node.path("resources")) {
      List<AuditProperty> properties = new ArrayList<>();
      for (JsonNode p : r.path("modifiedProperties")) {
        properties.add(
            new AuditProperty(
                p.path("displayName").asText(), optional(p, "oldValue"), optional(p, "newValue")));
      }
      resources.add(
          new AuditResource(
              r.path("resourceId").asText(),
              r.path("displayName").asText(),
              r.path("type").asText(),
              r.path("auditResourceType").asText(),
              properties));
    }
    return new AuditEvent(
        node.path("id").asText(),
        node.path("displayName").asText(),
        node.path("componentName").asText(),
        actor,
        node.path("activity").asText(),
        Instant.parse(node.path("activityDateTime").asText()),
        node.path("activityType").asText(),
        node.path("activityOperationType").asText(),
        node.path("activityResult").asText(),
        node.path("correlationId").asText(),
        resources,
        node.path("category").asText());
  }

  private static void putOptional(ObjectNode node, String name, Optional<String> value) {
    if (value.isPresent()) {
      node.put(name, value.get());
    } else {
      node.putNull(name);
    }
  }

  private static Optional<String> optional(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static JsonNode parse(String json) throws SQLException {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored JSON column is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
