package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DevicePaging;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * A whole tenant kept in memory: its users and their managed devices, serving every outbound port
 * of the application ({@link UserDirectory}, {@link UserDeviceListing}, {@link
 * ManagedDeviceLookup}, {@link ManagedDeviceSearch}, {@link DeviceRetirement}) over one state.
 *
 * <p><b>What can change.</b> The users and the set of devices are fixed when the tenant is built;
 * only device state changes, and only through {@link #retireAll}. Ids and sign-in names compare
 * ignoring case (Entra object ids and Intune device ids are GUIDs), so two users whose ids or
 * userPrincipalNames differ only in case, or two devices whose ids do, are duplicates.
 *
 * <p><b>Indexes.</b> Users by lower-cased id and by lower-cased userPrincipalName; devices by
 * lower-cased id, by lower-cased {@code userId} and by lower-cased {@code userPrincipalName} (the
 * device's own), and every device id in order for paging through the tenant. Each user's devices
 * form one bucket, an immutable list sorted by device id; devices with no primary user (empty
 * {@code userId}) share a bucket no user reaches. Listing and retiring a user's devices therefore
 * cost in proportion to that user's devices, never the tenant's. Beyond each device record the
 * tenant keeps one entry in the device-id index (an immutable open-addressing map) and one slot in
 * its bucket's list.
 *
 * <p><b>Concurrency.</b> A bucket is replaced whole (copy-on-write) under that bucket's own lock,
 * so {@code retireAll} for one user is atomic (concurrent calls for the same user neither lose nor
 * double-apply a transition), calls for different users run in parallel, and readers ({@code
 * listByUser}, {@code findById}) never block: they read the latest published snapshot.
 */
public final class InMemoryTenant
    implements UserDirectory,
        UserDeviceListing,
        ManagedDeviceLookup,
        ManagedDeviceSearch,
        DeviceRetirement {

  private static final String NO_USER = "";
  private static final Comparator<ManagedDevice> BY_ID = Comparator.comparing(ManagedDevice::id);

  private final List<User> users;
  private final Map<String, User> usersById;
  private final Map<String, User> usersByUserPrincipalName;
  private final Map<String, Bucket> bucketsByUserId;
  private final Map<String, Bucket> bucketsByDeviceId;
  private final Map<String, List<Bucket>> bucketsByDeviceUserPrincipalName;
  private final String[] deviceIdsInOrder;

  private InMemoryTenant(
      List<User> users,
      Map<String, User> usersById,
      Map<String, User> usersByUserPrincipalName,
      Map<String, Bucket> bucketsByUserId,
      Map<String, Bucket> bucketsByDeviceId,
      Map<String, List<Bucket>> bucketsByDeviceUserPrincipalName,
      String[] deviceIdsInOrder) {
    this.users = users;
    this.usersById = usersById;
    this.usersByUserPrincipalName = usersByUserPrincipalName;
    this.bucketsByUserId = bucketsByUserId;
    this.bucketsByDeviceId = bucketsByDeviceId;
    this.bucketsByDeviceUserPrincipalName = bucketsByDeviceUserPrincipalName;
    this.deviceIdsInOrder = deviceIdsInOrder;
  }

  /** A tenant with no users and no devices. */
  public static InMemoryTenant empty() {
    return new InMemoryTenant(
        List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), new String[0]);
  }

  /**
   * A tenant holding {@code users} (in the given order) and {@code devices}.
   *
   * @throws IllegalArgumentException naming the offending entry ({@code users[i]} or {@code
   *     managedDevices[i]}, counted in iteration order) if two users share an id or a
   *     userPrincipalName, two devices share an id, or a device's non-empty {@code userId} names no
   *     user; an empty {@code userId} is a device without a primary user and is allowed
   */
  public static InMemoryTenant of(Collection<User> users, Collection<ManagedDevice> devices) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(devices, "devices");
    List<User> userList = List.copyOf(users);
    Map<String, User> byId = new HashMap<>(capacity(userList.size()));
    Map<String, User> byUpn = new HashMap<>(capacity(userList.size()));
    for (int i = 0; i < userList.size(); i++) {
      User user = userList.get(i);
      if (byId.putIfAbsent(key(user.id()), user) != null) {
        int first = firstUser(userList, u -> key(u.id()).equals(key(user.id())));
        throw new IllegalArgumentException(
            "users[%d]: duplicate id '%s' (also the id of users[%d])"
                .formatted(i, user.id(), first));
      }
      if (byUpn.putIfAbsent(key(user.userPrincipalName()), user) != null) {
        String upn = key(user.userPrincipalName());
        int first = firstUser(userList, u -> key(u.userPrincipalName()).equals(upn));
        throw new IllegalArgumentException(
            "users[%d] (id '%s'): duplicate userPrincipalName '%s' (also that of users[%d])"
                .formatted(i, user.id(), user.userPrincipalName(), first));
      }
    }

    Map<String, List<ManagedDevice>> grouped = new HashMap<>();
    Map<String, Bucket> bucketOfGroup = new HashMap<>();
    Map<String, Bucket> byDeviceId = new HashMap<>(capacity(devices.size()));
    Map<String, List<Bucket>> byDeviceUpn = new HashMap<>();
    String[] idsInOrder = new String[devices.size()];
    int index = 0;
    for (ManagedDevice device : devices) {
      Objects.requireNonNull(device, "devices must not contain null");
      String userKey = key(device.userId());
      if (!userKey.isEmpty() && !byId.containsKey(userKey)) {
        throw new IllegalArgumentException(
            "managedDevices[%d] (id '%s'): userId '%s' names no user"
                .formatted(index, device.id(), device.userId()));
      }
      Bucket bucket = bucketOfGroup.computeIfAbsent(userKey, k -> new Bucket());
      if (byDeviceId.putIfAbsent(key(device.id()), bucket) != null) {
        int first = firstDevice(devices, device.id());
        throw new IllegalArgumentException(
            "managedDevices[%d]: duplicate id '%s' (also the id of managedDevices[%d])"
                .formatted(index, device.id(), first));
      }
      grouped.computeIfAbsent(userKey, k -> new ArrayList<>()).add(device);
      List<Bucket> upnBuckets =
          byDeviceUpn.computeIfAbsent(key(device.userPrincipalName()), k -> new ArrayList<>(1));
      if (!upnBuckets.contains(bucket)) {
        upnBuckets.add(bucket);
      }
      idsInOrder[index] = device.id();
      index++;
    }
    Arrays.sort(idsInOrder);
    Map<String, List<Bucket>> upnIndex = new HashMap<>(capacity(byDeviceUpn.size()));
    byDeviceUpn.forEach((upn, buckets) -> upnIndex.put(upn, List.copyOf(buckets)));
    for (Map.Entry<String, List<ManagedDevice>> group : grouped.entrySet()) {
      List<ManagedDevice> sorted = group.getValue();
      sorted.sort(BY_ID);
      Objects.requireNonNull(bucketOfGroup.get(group.getKey())).publish(List.copyOf(sorted));
    }
    return new InMemoryTenant(
        userList,
        Map.copyOf(byId),
        Map.copyOf(byUpn),
        Map.copyOf(bucketOfGroup),
        Map.copyOf(byDeviceId),
        Map.copyOf(upnIndex),
        idsInOrder);
  }

  @Override
  public Optional<User> findById(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(usersById.get(key(id)));
  }

  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    return Optional.ofNullable(usersByUserPrincipalName.get(key(userPrincipalName)));
  }

  @Override
  public List<ManagedDevice> listByUser(User user) {
    Objects.requireNonNull(user, "user");
    Bucket bucket = bucketOf(user);
    return bucket == null ? List.of() : bucket.devices();
  }

  @Override
  public Optional<ManagedDevice> findDeviceById(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    Bucket bucket = bucketsByDeviceId.get(key(deviceId));
    return bucket == null ? Optional.empty() : bucket.find(deviceId);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A filter that requires {@code userId eq}, {@code userPrincipalName eq} or {@code id eq}
   * (alone, in an {@code and}, or on every side of an {@code or}) is answered from the indexes, at
   * a cost in proportion to the devices those name; an unordered, uncounted listing pages through
   * the devices in id order and stops at the page's end; anything else looks at every device.
   */
  @Override
  public DevicePage search(DeviceQuery query, int pageSize, Optional<String> skipToken) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    Optional<DeviceFilter> filter = query.filter();
    Optional<List<ManagedDevice>> indexed = filter.flatMap(this::candidates);
    if (indexed.isPresent()) {
      List<ManagedDevice> matching = new ArrayList<>();
      for (ManagedDevice device : indexed.get()) {
        if (filter.get().test(device)) {
          matching.add(device);
        }
      }
      return DevicePaging.page(matching, query, pageSize, skipToken);
    }
    if (query.orderBy().isEmpty() && !query.count()) {
      return scanInIdOrder(filter, pageSize, skipToken);
    }
    List<ManagedDevice> matching = new ArrayList<>();
    for (String id : deviceIdsInOrder) {
      ManagedDevice device = device(id);
      if (filter.isEmpty() || filter.get().test(device)) {
        matching.add(device);
      }
    }
    return DevicePaging.page(matching, query, pageSize, skipToken);
  }

  private DevicePage scanInIdOrder(
      Optional<DeviceFilter> filter, int pageSize, Optional<String> skipToken) {
    int from = 0;
    if (skipToken.isPresent()) {
      int found = Arrays.binarySearch(deviceIdsInOrder, DevicePaging.lastIdOf(skipToken.get()));
      from = found >= 0 ? found + 1 : -found - 1;
    }
    List<ManagedDevice> page = new ArrayList<>(Math.min(pageSize, 64));
    for (int i = from; i < deviceIdsInOrder.length; i++) {
      ManagedDevice device = device(deviceIdsInOrder[i]);
      if (filter.isEmpty() || filter.get().test(device)) {
        if (page.size() == pageSize) {
          String next = DevicePaging.afterId(page.get(page.size() - 1).id());
          return new DevicePage(page, Optional.of(next), OptionalLong.empty());
        }
        page.add(device);
      }
    }
    return new DevicePage(page, Optional.empty(), OptionalLong.empty());
  }

  private ManagedDevice device(String id) {
    return Objects.requireNonNull(bucketsByDeviceId.get(key(id)), id)
        .find(id)
        .orElseThrow(() -> new IllegalStateException("device %s left its bucket".formatted(id)));
  }

  /**
   * The devices an index names for {@code filter}, a superset of those that match; empty when no
   * index narrows it.
   */
  private Optional<List<ManagedDevice>> candidates(DeviceFilter filter) {
    if (filter instanceof DeviceFilter.Comparison c && c.operator() == DeviceFilter.Operator.EQ) {
      return switch (c.property()) {
        case USER_ID -> {
          Bucket bucket = bucketsByUserId.get(key(c.value()));
          yield Optional.of(bucket == null ? List.of() : bucket.devices());
        }
        case USER_PRINCIPAL_NAME -> {
          List<ManagedDevice> devices = new ArrayList<>();
          for (Bucket bucket :
              bucketsByDeviceUserPrincipalName.getOrDefault(key(c.value()), List.of())) {
            devices.addAll(bucket.devices());
          }
          yield Optional.of(devices);
        }
        case ID -> Optional.of(findDeviceById(c.value()).map(List::of).orElse(List.of()));
        default -> Optional.empty();
      };
    }
    if (filter instanceof DeviceFilter.And and) {
      Optional<List<ManagedDevice>> left = candidates(and.left());
      Optional<List<ManagedDevice>> right = candidates(and.right());
      if (left.isPresent() && right.isPresent()) {
        return left.get().size() <= right.get().size() ? left : right;
      }
      return left.or(() -> right);
    }
    if (filter instanceof DeviceFilter.Or or) {
      Optional<List<ManagedDevice>> left = candidates(or.left());
      Optional<List<ManagedDevice>> right = candidates(or.right());
      if (left.isPresent() && right.isPresent()) {
        Map<String, ManagedDevice> union = new HashMap<>();
        left.get().forEach(d -> union.put(d.id(), d));
        right.get().forEach(d -> union.put(d.id(), d));
        return Optional.of(List.copyOf(union.values()));
      }
    }
    return Optional.empty();
  }

  @Override
  public RetireAllOutcome retireAll(User user, Instant at) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(at, "at");
    Bucket bucket = bucketOf(user);
    return bucket == null
        ? RetireAllRule.applyTo(user.id(), List.of(), at)
        : bucket.retireAll(user.id(), at);
  }

  private @Nullable Bucket bucketOf(User user) {
    return bucketsByUserId.get(key(user.id()));
  }

  /** Every user, in the order they were given. */
  public List<User> users() {
    return users;
  }

  /** How many users the tenant has. */
  public int userCount() {
    return users.size();
  }

  /** How many devices the tenant has, with or without a primary user. */
  public int deviceCount() {
    return bucketsByDeviceId.size();
  }

  /** Every device that has no primary user (empty {@code userId}), ordered by device id. */
  public List<ManagedDevice> devicesWithoutUser() {
    Bucket bucket = bucketsByUserId.get(NO_USER);
    return bucket == null ? List.of() : bucket.devices();
  }

  @Override
  public String toString() {
    return "InMemoryTenant[%d users, %d devices]".formatted(userCount(), deviceCount());
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static int capacity(int entries) {
    return (int) (entries / 0.75f) + 1;
  }

  private static int firstUser(List<User> users, Predicate<User> matches) {
    for (int i = 0; i < users.size(); i++) {
      if (matches.test(users.get(i))) {
        return i;
      }
    }
    throw new IllegalStateException("no user matches");
  }

  private static int firstDevice(Collection<ManagedDevice> devices, String id) {
    Iterator<ManagedDevice> it = devices.iterator();
    for (int i = 0; it.hasNext(); i++) {
      if (key(it.next().id()).equals(key(id))) {
        return i;
      }
    }
    throw new IllegalStateException("no device has id " + id);
  }

  /**
   * One user's devices: an immutable list sorted by id, replaced whole under this bucket's lock.
   */
  private static final class Bucket {

    private volatile List<ManagedDevice> devices = List.of();

    List<ManagedDevice> devices() {
      return devices;
    }

    void publish(List<ManagedDevice> sortedById) {
      devices = sortedById;
    }

    Optional<ManagedDevice> find(String id) {
      List<ManagedDevice> snapshot = devices;
      int low = 0;
      int high = snapshot.size() - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        ManagedDevice candidate = snapshot.get(mid);
        int order = candidate.id().compareTo(id);
        if (order == 0) {
          return Optional.of(candidate);
        } else if (order < 0) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      // The index matched ignoring case; the bucket is sorted case-sensitively, so fall back to a
      // scan.
      for (ManagedDevice candidate : snapshot) {
        if (key(candidate.id()).equals(key(id))) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }

    synchronized RetireAllOutcome retireAll(String userId, Instant at) {
      RetireAllOutcome outcome = RetireAllRule.applyTo(userId, devices, at);
      if (outcome.anyChanged()) {
        // The rule keeps the order it is given, so the new snapshot stays sorted by id.
        devices = List.copyOf(outcome.devicesAfter());
      }
      return outcome;
    }
  }
}
