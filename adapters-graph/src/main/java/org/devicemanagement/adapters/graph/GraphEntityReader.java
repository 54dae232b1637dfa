package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.GraphEnum;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/**
 * Reads Graph's JSON into the domain as a tolerant reader: unknown enum values become {@code
 * unknownFutureValue} / {@code unknown}, missing text "", missing or unreadable dates unset. Only
 * what identifies an object (ids, a user's sign-in name) is required.
 */
final class GraphEntityReader {

  private GraphEntityReader() {}

  /**
   * A user from a {@code user} object.
   *
   * @throws IllegalArgumentException if the object has no usable id or userPrincipalName
   */
  static User user(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a user is not a JSON object");
    }
    return new User(
        required(node, "id"), required(node, "userPrincipalName"), text(node, "displayName"));
  }

  /**
   * A device from a {@code managedDevice} object.
   *
   * @throws IllegalArgumentException if the object has no usable id
   */
  static ManagedDevice device(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a managed device is not a JSON object");
    }
    return ManagedDevice.builder(required(node, "id"), text(node, "userId"))
        .userPrincipalName(text(node, "userPrincipalName"))
        .deviceName(text(node, "deviceName"))
        .operatingSystem(text(node, "operatingSystem"))
        .osVersion(text(node, "osVersion"))
        .managementState(managementState(node.path("managementState")))
        .complianceState(
            GraphEnum.find(ComplianceState.class, text(node, "complianceState"))
                .orElse(ComplianceState.UNKNOWN))
        .managedDeviceOwnerType(ownerType(node.path("managedDeviceOwnerType")))
        .enrolledDateTime(dateTime(node.path("enrolledDateTime")))
        .lastSyncDateTime(dateTime(node.path("lastSyncDateTime")))
        .serialNumber(text(node, "serialNumber"))
        .azureADDeviceId(text(node, "azureADDeviceId"))
        .model(text(node, "model"))
        .manufacturer(text(node, "manufacturer"))
        .deviceActionResults(actionResults(node.path("deviceActionResults")))
        .build();
  }

  // A missing or unknown state must not be read as "managed": retire-all would then predict a
  // change.
  private static ManagementState managementState(JsonNode node) {
    if (node.isTextual()) {
      return GraphEnum.find(ManagementState.class, node.asText())
          .orElse(ManagementState.UNKNOWN_FUTURE_VALUE);
    }
    if (node.isInt()) {
      for (ManagementState state : ManagementState.values()) {
        if (state.value() == node.asInt()) {
          return state;
        }
      }
    }
    return ManagementState.UNKNOWN_FUTURE_VALUE;
  }

  private static ManagedDeviceOwnerType ownerType(JsonNode node) {
    if (!node.isTextual()) {
      return ManagedDeviceOwnerType.UNKNOWN;
    }
    return GraphEnum.find(ManagedDeviceOwnerType.class, node.asText())
        .orElse(ManagedDeviceOwnerType.UNKNOWN_FUTURE_VALUE);
  }

  private static List<DeviceActionResult> actionResults(JsonNode node) {
    if (!node.isArray()) {
      return List.of();
    }
    List<DeviceActionResult> results = new ArrayList<>(node.size());
    for (JsonNode result : node) {
      String name = text(result, "actionName");
      // A result without a name says nothing the domain can keep.
      if (!result.isObject() || name.isBlank()) {
        continue;
      }
      results.add(
          new DeviceActionResult(
              name,
              GraphEnum.find(ActionState.class, text(result, "actionState"))
                  .orElse(ActionState.NONE),
              dateTime(result.path("startDateTime")),
              dateTime(result.path("lastUpdatedDateTime"))));
    }
    return results;
  }

  static Instant dateTime(JsonNode node) {
    if (!node.isTextual()) {
      return ManagedDevice.UNSET_DATE_TIME;
    }
    String text = node.asText();
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        // Some Graph workloads omit the zone; their dates are UTC.
        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return ManagedDevice.UNSET_DATE_TIME;
      }
    }
  }

  private static String required(JsonNode node, String name) {
    String value = text(node, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("'%s' is missing or not a string".formatted(name));
    }
    return value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isTextual() ? value.asText() : "";
  }
}
