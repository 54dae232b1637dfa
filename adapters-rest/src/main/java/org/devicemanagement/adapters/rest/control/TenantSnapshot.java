package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tenant as the control API exported it at one reading of the {@link ControlChanges} tenant
 * counter, indexed for the web console: users in the tenant's order, each with its devices and
 * their counts by management state.
 *
 * @param version the tenant counter read before the export
 * @param users the users with their devices
 */
record TenantSnapshot(long version, List<UserDevices> users) {

  /** Copies the users. */
  TenantSnapshot {
    users = List.copyOf(users);
  }

  /**
   * Reads an exported tenant file.
   *
   * @throws IOException if it is not one (which the export never gives)
   */
  static TenantSnapshot read(long version, byte[] tenantFile) throws IOException {
    JsonNode root = ControlJson.MAPPER.readTree(tenantFile);
    Map<String, List<ObjectNode>> devicesByUser = new HashMap<>();
    for (JsonNode device : root.path("managedDevices")) {
      if (device instanceof ObjectNode object) {
        devicesByUser
            .computeIfAbsent(key(object.path("userId").asText()), k -> new ArrayList<>())
            .add(object);
      }
    }
    List<UserDevices> users = new ArrayList<>();
    for (JsonNode user : root.path("users")) {
      String id = user.path("id").asText();
      users.add(
          new UserDevices(
              id,
              user.path("userPrincipalName").asText(),
              user.path("displayName").asText(),
              devicesByUser.getOrDefault(key(id), List.of())));
    }
    return new TenantSnapshot(version, users);
  }

  /** The user with object id {@code id} (ignoring case). */
  Optional<UserDevices> user(String id) {
    return users.stream().filter(user -> user.id().equalsIgnoreCase(id)).findFirst();
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * One user and its devices as tenant-file entries.
   *
   * @param searchText the sign-in name, display name and device names, lower case, one a line
   */
  record UserDevices(
      String id,
      String userPrincipalName,
      String displayName,
      List<ObjectNode> devices,
      String searchText) {

    /** Checks the parts and copies the devices. */
    UserDevices {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(userPrincipalName, "userPrincipalName");
      Objects.requireNonNull(displayName, "displayName");
      devices = List.copyOf(devices);
      Objects.requireNonNull(searchText, "searchText");
    }

    /** A user with its devices, its search text made from them. */
    UserDevices(String id, String userPrincipalName, String displayName, List<ObjectNode> devices) {
      this(
          id,
          userPrincipalName,
          displayName,
          devices,
          searchText(userPrincipalName, displayName, devices));
    }

    /**
     * Whether {@code term} (lower case) is in the sign-in name, the display name or the name of one
     * of the devices.
     */
    boolean matches(String term) {
      return searchText.contains(term);
    }

    /** How many devices are in each management state, by state name. */
    Map<String, Integer> countsByState() {
      Map<String, Integer> counts = new TreeMap<>();
      devices.forEach(
          device -> counts.merge(device.path("managementState").asText(), 1, Integer::sum));
      return counts;
    }

    // Made once per snapshot, so that a search over a big tenant is one scan of short strings.
    private static String searchText(
        String userPrincipalName, String displayName, List<ObjectNode> devices) {
      StringBuilder text = new StringBuilder(userPrincipalName).append('\n').append(displayName);
      devices.forEach(device -> text.append('\n').append(device.path("deviceName").asText()));
      return text.toString().toLowerCase(Locale.ROOT);
    }
  }
}
