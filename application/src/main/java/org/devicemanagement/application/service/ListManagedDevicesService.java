package org.devicemanagement.application.service;

import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DevicePaging;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Lists devices in pages: a user's through {@link UserDeviceListing} (a user has few devices, so
 * the query's filter, order and count are applied here, see {@link DevicePaging}), the tenant's
 * through {@link ManagedDeviceSearch}, which pages and indexes as its store can.
 */
public final class ListManagedDevicesService implements ListManagedDevicesUseCase {

  private final PermissionPolicy policy;
  private final UserResolver users;
  private final UserDeviceListing devices;
  private final ManagedDeviceSearch search;

  /** A service enforcing {@code policy} over the given tenant. */
  public ListManagedDevicesService(
      PermissionPolicy policy,
      UserDirectory users,
      UserDeviceListing devices,
      ManagedDeviceSearch search) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.users = new UserResolver(users);
    this.devices = Objects.requireNonNull(devices, "devices");
    this.search = Objects.requireNonNull(search, "search");
  }

  @Override
  public DevicePage listManagedDevices(ListManagedDevicesQuery query) {
    if (query.user().isEmpty()) {
      policy.authorize(query.caller(), Operation.LIST_MANAGED_DEVICES);
      return search.search(query.query(), query.pageSize(), query.skipToken());
    }
    UserReference reference = query.user().get();
    UserResolver.checkMeIsDelegated(query.caller(), reference);
    policy.authorize(query.caller(), Operation.LIST_MANAGED_DEVICES);
    // A bad skip token is the caller's mistake whether or not the user exists: say so first.
    query.skipToken().ifPresent(token -> DevicePaging.check(token, query.query()));
    User user = users.resolve(query.caller(), reference);
    List<ManagedDevice> all = devices.listByUser(user);
    List<ManagedDevice> matching =
        query.query().filter().map(f -> all.stream().filter(f::test).toList()).orElse(all);
    return DevicePaging.page(matching, query.query(), query.pageSize(), query.skipToken());
  }
}
