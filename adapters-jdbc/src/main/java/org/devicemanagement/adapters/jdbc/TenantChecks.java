package org.devicemanagement.adapters.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Checks a whole tenant before it is stored, with the in-memory tenant's words: no two users share
 * an id or a sign-in name, no two devices an id (ignoring case), and every device's non-empty
 * {@code userId} names a user.
 */
final class TenantChecks {

  private TenantChecks() {}

  /**
   * Checks {@code contents}.
   *
   * @throws InvalidRequestException naming the first offending entry
   */
  static void check(Contents contents) {
    List<User> users = contents.users();
    Map<String, Integer> userIds = new HashMap<>();
    Map<String, Integer> upns = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      User user = users.get(i);
      Integer first = userIds.putIfAbsent(Rows.key(user.id()), i);
      if (first != null) {
        throw new InvalidRequestException(
            "users[%d]: duplicate id '%s' (also the id of users[%d])"
                .formatted(i, user.id(), first));
      }
      first = upns.putIfAbsent(Rows.key(user.userPrincipalName()), i);
      if (first != null) {
        throw new InvalidRequestException(
            "users[%d] (id '%s'): duplicate userPrincipalName '%s' (also that of users[%d])"
                .formatted(i, user.id(), user.userPrincipalName(), first));
      }
    }
    Map<String, Integer> deviceIds = new HashMap<>();
    List<ManagedDevice> devices = contents.devices();
    for (int i = 0; i < devices.size(); i++) {
      ManagedDevice device =
          Objects.requireNonNull(devices.get(i), "devices must not contain null");
      String userKey = Rows.key(device.userId());
      if (!userKey.isEmpty() && !userIds.containsKey(userKey)) {
        throw new InvalidRequestException(
            "managedDevices[%d] (id '%s'): userId '%s' names no user"
                .formatted(i, device.id(), device.userId()));
      }
      Integer first = deviceIds.putIfAbsent(Rows.key(device.id()), i);
      if (first != null) {
        throw new InvalidRequestException(
            "managedDevices[%d]: duplicate id '%s' (also the id of managedDevices[%d])"
                .formatted(i, device.id(), first));
      }
    }
  }
}
