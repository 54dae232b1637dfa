package org.devicemanagement.application.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.ManagedDevicePage;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Lists a user's devices in pages ordered by device id; the skip token names the last id served, so
 * paging stays correct while devices change.
 */
public final class ListManagedDevicesService implements ListManagedDevicesUseCase {

  private static final String TOKEN_PREFIX = "after:";

  private final PermissionPolicy policy;
  private final UserResolver users;
  private final UserDeviceListing devices;

  /** A service enforcing {@code policy} over the given tenant. */
  public ListManagedDevicesService(
      PermissionPolicy policy, UserDirectory users, UserDeviceListing devices) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.users = new UserResolver(users);
    this.devices = Objects.requireNonNull(devices, "devices");
  }

  @Override
  public ManagedDevicePage listManagedDevices(ListManagedDevicesQuery query) {
    UserResolver.checkMeIsDelegated(query.caller(), query.user());
    policy.authorize(query.caller(), Operation.LIST_MANAGED_DEVICES);
    Optional<String> after = query.skipToken().map(ListManagedDevicesService::decode);
    User user = users.resolve(query.caller(), query.user());
    List<ManagedDevice> all = devices.listByUser(user);
    int from = after.map(id -> firstAfter(all, id)).orElse(0);
    int to = Math.min(all.size(), from + query.pageSize());
    List<ManagedDevice> page = all.subList(from, to);
    Optional<String> next =
        to < all.size() ? Optional.of(encode(page.get(page.size() - 1).id())) : Optional.empty();
    return new ManagedDevicePage(page, next);
  }

  private static int firstAfter(List<ManagedDevice> sortedById, String lastServedId) {
    int low = 0;
    int high = sortedById.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sortedById.get(mid).id().compareTo(lastServedId) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  static String encode(String lastServedId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + lastServedId).getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String skipToken) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX) && text.length() > TOKEN_PREFIX.length()) {
        return text.substring(TOKEN_PREFIX.length());
      }
    } catch (IllegalArgumentException notBase64) {
      // falls through to the caller-facing failure below
    }
    throw new InvalidRequestException("The $skiptoken value is not valid.");
  }
}
