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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DevicePaging;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.CheckInOutcome;
import org.devicemanagement.domain.CheckInRule;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;

/**
 * A whole tenant kept in memory: its users and their managed devices, serving every outbound port
 * of the application ({@link UserDirectory}, {@link UserDeviceListing}, {@link
 * ManagedDeviceLookup}, {@link ManagedDeviceSearch}, {@link DeviceRetirement}, {@link AuditTrail})
 * over one state, and the emulator's own ({@link CheckIns}, {@link TenantAdministration}). Each
 * retire-all and each retire completed at check-in is recorded in the trail under the same lock
 * that changes the devices; replacing or resetting the tenant starts an empty trail.
 *
 * <p><b>What can change.</b> Device states change through {@link #retireAll} and check-ins; users
 * and devices are added ({@link #addUser}, {@link #addDevice}), devices removed ({@link
 * #removeDevice}, or by a check-in that completes their retire), and the whole tenant replaced
 * ({@link #replaceTenant}) or reset to the one first given ({@link #resetTenant}). Ids and sign-in
 * names compare ignoring case (Entra object ids and Intune device ids are GUIDs), so two users
 * whose ids or userPrincipalNames differ only in case, or two devices whose ids do, are duplicates.
 *
 * <p><b>Indexes.</b> Users by lower-cased id and by lower-cased userPrincipalName; devices by
 * lower-cased id, by lower-cased {@code userId} and by lower-cased {@code userPrincipalName} (the
 * device's own), and every device id in order for paging through the tenant. Each user's devices
 * form one bucket, an immutable list sorted by device id; devices with no primary user (empty
 * {@code userId}) share a bucket no user reaches. Listing, retiring and checking in a user's
 * devices therefore cost in proportion to that user's devices, never the tenant's; so does removing
 * a device, which leaves the device-id index and the ordered ids naming a bucket that no longer
 * holds it (readers skip such ids). Adding a device inserts its id into the ordered ids (one array
 * copy); deleting one through {@link #removeDevice} also drops its planned check-in (a pass over
 * the plans). Both are for setting up tests, not for the request path.
 *
 * <p><b>Check-ins.</b> Each device's next check-in is planned in a {@link CheckInSchedule}: one
 * check-in interval after the tenant was planned ({@link #planCheckIns}), replaced or reset, or the
 * device added, then every interval after each check-in; devices that never check in have none.
 *
 * <p><b>Concurrency.</b> A bucket is replaced whole (copy-on-write) under that bucket's own lock,
 * so {@code retireAll} for one user is atomic (concurrent calls for the same user neither lose nor
 * double-apply a transition), calls for different users run in parallel, and readers ({@code
 * listByUser}, {@code findById}, {@code search}) never block: they read the latest published
 * snapshot. So does a retire-all that changes nothing (its devices are all retiring already): it
 * takes no lock but the audit trail's. The indexes and schedule form one state object; replacing or
 * resetting the tenant publishes a new one. Changes to the set of users and devices, and runs of
 * check-ins, take one tenant-wide lock, so they never interleave with each other; the readers and
 * retire-all do not.
 */
public final class InMemoryTenant
    implements UserDirectory,
        UserDeviceListing,
        ManagedDeviceLookup,
        ManagedDeviceSearch,
        DeviceRetirement,
        CheckIns,
        TenantAdministration,
        AuditTrail {

  private static final String NO_USER = "";
  private static final Comparator<ManagedDevice> BY_ID = Comparator.comparing(ManagedDevice::id);

  private final Contents initial;
  private final Object changes = new Object();
  private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
  private volatile State state;

  private InMemoryTenant(Contents initial, State state) {
    this.initial = initial;
    this.state = state;
  }

  /** A tenant with no users and no devices. */
  public static InMemoryTenant empty() {
    return of(List.of(), List.of());
  }

  /**
   * A tenant holding {@code users} (in the given order) and {@code devices}, with no check-in
   * planned yet ({@link #planCheckIns}).
   *
   * @throws IllegalArgumentException naming the offending entry ({@code users[i]} or {@code
   *     managedDevices[i]}, counted in iteration order) if two users share an id or a
   *     userPrincipalName, two devices share an id, or a device's non-empty {@code userId} names no
   *     user; an empty {@code userId} is a device without a primary user and is allowed
   */
  public static InMemoryTenant of(Collection<User> users, Collection<ManagedDevice> devices) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(devices, "devices");
    Contents initial = new Contents(List.copyOf(users), List.copyOf(devices));
    return new InMemoryTenant(initial, State.of(initial.users(), initial.devices()));
  }

  @Override
  public Optional<User> findById(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(state.usersById.get(key(id)));
  }

  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    return Optional.ofNullable(state.usersByUserPrincipalName.get(key(userPrincipalName)));
  }

  @Override
  public List<ManagedDevice> listByUser(User user) {
    Objects.requireNonNull(user, "user");
    Bucket bucket = state.bucketsByUserId.get(key(user.id()));
    return bucket == null ? List.of() : bucket.devices();
  }

  @Override
  public Optional<ManagedDevice> findDeviceById(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    Bucket bucket = state.bucketsByDeviceId.get(key(deviceId));
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
    State s = state;
    Optional<DeviceFilter> filter = query.filter();
    Optional<List<ManagedDevice>> indexed = filter.flatMap(f -> candidates(s, f));
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
      return scanInIdOrder(s, filter, pageSize, skipToken);
    }
    List<ManagedDevice> matching = new ArrayList<>();
    for (String id : s.deviceIdsInOrder) {
      ManagedDevice device = s.device(id);
      if (device != null && (filter.isEmpty() || filter.get().test(device))) {
        matching.add(device);
      }
    }
    return DevicePaging.page(matching, query, pageSize, skipToken);
  }

  private static DevicePage scanInIdOrder(
      State s, Optional<DeviceFilter> filter, int pageSize, Optional<String> skipToken) {
    String[] ids = s.deviceIdsInOrder;
    int from = 0;
    if (skipToken.isPresent()) {
      int found = Arrays.binarySearch(ids, DevicePaging.lastIdOf(skipToken.get()));
      from = found >= 0 ? found + 1 : -found - 1;
    }
    List<ManagedDevice> page = new ArrayList<>(Math.min(pageSize, 64));
    for (int i = from; i < ids.length; i++) {
      ManagedDevice device = s.device(ids[i]);
      if (device != null && (filter.isEmpty() || filter.get().test(device))) {
        if (page.size() == pageSize) {
          String next = DevicePaging.afterId(page.get(page.size() - 1).id());
          return new DevicePage(page, Optional.of(next), OptionalLong.empty());
        }
        page.add(device);
      }
    }
    return new DevicePage(page, Optional.empty(), OptionalLong.empty());
  }

  /**
   * The devices an index names for {@code filter}, a superset of those that match; empty when no
   * index narrows it.
   */
  private static Optional<List<ManagedDevice>> candidates(State s, DeviceFilter filter) {
    if (filter instanceof DeviceFilter.Comparison c && c.operator() == DeviceFilter.Operator.EQ) {
      return switch (c.property()) {
        case USER_ID -> {
          Bucket bucket = s.bucketsByUserId.get(key(c.value()));
          yield Optional.of(bucket == null ? List.of() : bucket.devices());
        }
        case USER_PRINCIPAL_NAME -> {
          List<ManagedDevice> devices = new ArrayList<>();
          for (Bucket bucket :
              s.bucketsByDeviceUserPrincipalName.getOrDefault(key(c.value()), List.of())) {
            devices.addAll(bucket.devices());
          }
          yield Optional.of(devices);
        }
        case ID -> {
          Bucket bucket = s.bucketsByDeviceId.get(key(c.value()));
          yield Optional.of(
              bucket == null ? List.of() : bucket.find(c.value()).map(List::of).orElse(List.of()));
        }
        default -> Optional.empty();
      };
    }
    if (filter instanceof DeviceFilter.And and) {
      Optional<List<ManagedDevice>> left = candidates(s, and.left());
      Optional<List<ManagedDevice>> right = candidates(s, and.right());
      if (left.isPresent() && right.isPresent()) {
        return left.get().size() <= right.get().size() ? left : right;
      }
      return left.or(() -> right);
    }
    if (filter instanceof DeviceFilter.Or or) {
      Optional<List<ManagedDevice>> left = candidates(s, or.left());
      Optional<List<ManagedDevice>> right = candidates(s, or.right());
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
  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(audit, "audit");
    Bucket bucket = state.bucketsByUserId.get(key(user.id()));
    if (bucket == null) {
      RetireAllOutcome outcome = RetireAllRule.applyTo(user.id(), List.of(), at);
      trail.record(audit.eventFor(outcome));
      return outcome;
    }
    return bucket.retireAll(user.id(), at, audit, trail);
  }

  // ---- the audit trail

  @Override
  public void record(AuditEvent event) {
    trail.record(event);
  }

  @Override
  public Optional<AuditEvent> findEventById(String id) {
    return trail.findEventById(id);
  }

  @Override
  public AuditPage searchEvents(AuditQuery query, int pageSize, Optional<String> skipToken) {
    return trail.searchEvents(query, pageSize, skipToken);
  }

  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    return trail.devicesRetiredBetween(from, until);
  }

  // ---- check-ins

  @Override
  public void planCheckIns(Instant from) {
    Objects.requireNonNull(from, "from");
    synchronized (changes) {
      state.planAll(from);
    }
  }

  @Override
  public Optional<Instant> nextCheckIn() {
    return state.schedule.next();
  }

  @Override
  public int runCheckInsDue(Instant until) {
    Objects.requireNonNull(until, "until");
    synchronized (changes) {
      State s = state;
      int ran = 0;
      for (Map.Entry<Long, List<String>> group = s.schedule.pollDue(until);
          group != null;
          group = s.schedule.pollDue(until)) {
        Instant at = CheckInSchedule.instant(group.getKey());
        for (String id : group.getValue()) {
          Bucket bucket = s.bucketsByDeviceId.get(key(id));
          CheckInOutcome outcome = bucket == null ? null : bucket.checkIn(id, at);
          if (outcome != null) {
            ran++;
            if (outcome.leftIntune()) {
              trail.record(AuditEvents.retireCompleted(outcome, at));
            } else {
              s.planNext(outcome.after(), at);
            }
          }
        }
      }
      return ran;
    }
  }

  @Override
  public Optional<CheckInOutcome> checkIn(String deviceId, Instant at) {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(at, "at");
    synchronized (changes) {
      State s = state;
      Bucket bucket = s.bucketsByDeviceId.get(key(deviceId));
      CheckInOutcome outcome = bucket == null ? null : bucket.checkIn(deviceId, at);
      if (outcome != null && outcome.leftIntune()) {
        s.schedule.forget(deviceId);
        trail.record(AuditEvents.retireCompleted(outcome, at));
      }
      return Optional.ofNullable(outcome);
    }
  }

  // ---- administration

  @Override
  public void replaceTenant(Contents contents, Instant at) {
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(at, "at");
    State next;
    try {
      next = State.of(contents.users(), contents.devices());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    next.planAll(at);
    synchronized (changes) {
      state = next;
      // A new tenant starts a new trail: a reset between tests leaves no events behind.
      trail.clear();
    }
  }

  @Override
  public Contents tenantContents() {
    State s = state;
    List<ManagedDevice> devices = new ArrayList<>(s.deviceIdsInOrder.length);
    for (String id : s.deviceIdsInOrder) {
      ManagedDevice device = s.device(id);
      if (device != null) {
        devices.add(device);
      }
    }
    return new Contents(s.users, devices);
  }

  @Override
  public void resetTenant(Instant at) {
    replaceTenant(initial, at);
  }

  @Override
  public User addUser(User user) {
    Objects.requireNonNull(user, "user");
    synchronized (changes) {
      State s = state;
      if (s.usersById.containsKey(key(user.id()))) {
        throw new InvalidRequestException(
            "A user with id '%s' already exists.".formatted(user.id()));
      }
      if (s.usersByUserPrincipalName.containsKey(key(user.userPrincipalName()))) {
        throw new InvalidRequestException(
            "A user with userPrincipalName '%s' already exists."
                .formatted(user.userPrincipalName()));
      }
      s.usersById.put(key(user.id()), user);
      s.usersByUserPrincipalName.put(key(user.userPrincipalName()), user);
      List<User> users = new ArrayList<>(s.users.size() + 1);
      users.addAll(s.users);
      users.add(user);
      s.users = List.copyOf(users);
      return user;
    }
  }

  @Override
  public ManagedDevice addDevice(ManagedDevice device, Instant at) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(at, "at");
    synchronized (changes) {
      State s = state;
      ManagedDevice stored = device;
      if (!device.userId().isEmpty()) {
        User user = s.usersById.get(key(device.userId()));
        if (user == null) {
          throw new InvalidRequestException(
              "userId '%s' of managed device '%s' names no user."
                  .formatted(device.userId(), device.id()));
        }
        if (device.userPrincipalName().isEmpty()) {
          stored = device.toBuilder().userPrincipalName(user.userPrincipalName()).build();
        }
      }
      Bucket existing = s.bucketsByDeviceId.get(key(device.id()));
      if (existing != null && existing.find(device.id()).isPresent()) {
        throw new InvalidRequestException(
            "A managed device with id '%s' already exists.".formatted(device.id()));
      }
      s.add(stored);
      s.planNext(stored, at);
      return stored;
    }
  }

  @Override
  public boolean removeDevice(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    synchronized (changes) {
      State s = state;
      Bucket bucket = s.bucketsByDeviceId.get(key(deviceId));
      if (bucket == null || !bucket.remove(deviceId)) {
        return false;
      }
      s.schedule.forget(deviceId);
      return true;
    }
  }

  // ---- views for the banner, tools and tests

  /** Every user, in the order they were given or added. */
  public List<User> users() {
    return state.users;
  }

  /** How many users the tenant has. */
  public int userCount() {
    return state.users.size();
  }

  /** How many devices the tenant has, with or without a primary user. */
  public int deviceCount() {
    int count = 0;
    for (Bucket bucket : state.bucketsByUserId.values()) {
      count += bucket.devices().size();
    }
    return count;
  }

  /** Every device that has no primary user (empty {@code userId}), ordered by device id. */
  public List<ManagedDevice> devicesWithoutUser() {
    Bucket bucket = state.bucketsByUserId.get(NO_USER);
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
   * One version of the tenant: the users, the indexes over the buckets and the check-in plans.
   * Replacing the tenant publishes a new one; adding users and devices changes this one under the
   * tenant's lock, readers seeing each index change as it is made.
   */
  private static final class State {
    volatile List<User> users;
    final Map<String, User> usersById;
    final Map<String, User> usersByUserPrincipalName;
    final Map<String, Bucket> bucketsByUserId;
    final Map<String, Bucket> bucketsByDeviceId;
    final Map<String, List<Bucket>> bucketsByDeviceUserPrincipalName;
    // Sorted; may still hold ids of removed devices, which readers skip.
    volatile String[] deviceIdsInOrder;
    final CheckInSchedule schedule = new CheckInSchedule();

    private State(
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

    /** The state holding {@code users} and {@code devices}; see {@link InMemoryTenant#of}. */
    static State of(List<User> userList, Collection<ManagedDevice> devices) {
      Map<String, User> byId = new ConcurrentHashMap<>(capacity(userList.size()));
      Map<String, User> byUpn = new ConcurrentHashMap<>(capacity(userList.size()));
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
      Map<String, Bucket> bucketOfGroup = new ConcurrentHashMap<>();
      Map<String, Bucket> byDeviceId = new ConcurrentHashMap<>(capacity(devices.size()));
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
      Map<String, List<Bucket>> upnIndex = new ConcurrentHashMap<>(capacity(byDeviceUpn.size()));
      byDeviceUpn.forEach((upn, buckets) -> upnIndex.put(upn, List.copyOf(buckets)));
      for (Map.Entry<String, List<ManagedDevice>> group : grouped.entrySet()) {
        List<ManagedDevice> sorted = group.getValue();
        sorted.sort(BY_ID);
        Objects.requireNonNull(bucketOfGroup.get(group.getKey())).publish(List.copyOf(sorted));
      }
      return new State(
          List.copyOf(userList), byId, byUpn, bucketOfGroup, byDeviceId, upnIndex, idsInOrder);
    }

    /** The device whose id is exactly {@code id}, or null when it was removed. */
    @Nullable ManagedDevice device(String id) {
      Bucket bucket = bucketsByDeviceId.get(key(id));
      if (bucket == null) {
        return null;
      }
      ManagedDevice device = bucket.find(id).orElse(null);
      // A removed id may come back in another case; the ordered ids then hold both spellings.
      return device != null && device.id().equals(id) ? device : null;
    }

    /** Adds a device checked against the indexes; the caller holds the tenant's lock. */
    void add(ManagedDevice device) {
      Bucket bucket = bucketsByUserId.computeIfAbsent(key(device.userId()), k -> new Bucket());
      bucket.add(device);
      bucketsByDeviceId.put(key(device.id()), bucket);
      bucketsByDeviceUserPrincipalName.compute(
          key(device.userPrincipalName()),
          (upn, buckets) -> {
            if (buckets == null) {
              return List.of(bucket);
            }
            if (buckets.contains(bucket)) {
              return buckets;
            }
            List<Bucket> more = new ArrayList<>(buckets);
            more.add(bucket);
            return List.copyOf(more);
          });
      String[] ids = deviceIdsInOrder;
      int found = Arrays.binarySearch(ids, device.id());
      if (found < 0) {
        int at = -found - 1;
        String[] more = new String[ids.length + 1];
        System.arraycopy(ids, 0, more, 0, at);
        more[at] = device.id();
        System.arraycopy(ids, at, more, at + 1, ids.length - at);
        deviceIdsInOrder = more;
      }
    }

    /**
     * Forgets every plan and plans each device's first check-in one interval after {@code from}.
     */
    void planAll(Instant from) {
      schedule.clear();
      for (Bucket bucket : bucketsByUserId.values()) {
        for (ManagedDevice device : bucket.devices()) {
          planNext(device, from);
        }
      }
    }

    /** Plans {@code device}'s next check-in one interval after {@code from}, if it checks in. */
    void planNext(ManagedDevice device, Instant from) {
      if (device.checkInInterval().isPresent()) {
        schedule.plan(device.id(), from.plus(device.checkInInterval().get()));
      }
    }
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
      // One read of the snapshot: a check-in may publish a shorter list between two reads.
      List<ManagedDevice> snapshot = devices;
      int at = indexOf(snapshot, id);
      return at < 0 ? Optional.empty() : Optional.of(snapshot.get(at));
    }

    private static int indexOf(List<ManagedDevice> snapshot, String id) {
      int low = 0;
      int high = snapshot.size() - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int order = snapshot.get(mid).id().compareTo(id);
        if (order == 0) {
          return mid;
        } else if (order < 0) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      // The index matched ignoring case; the bucket is sorted case-sensitively, so fall back to a
      // scan.
      for (int i = 0; i < snapshot.size(); i++) {
        if (key(snapshot.get(i).id()).equals(key(id))) {
          return i;
        }
      }
      return -1;
    }

    RetireAllOutcome retireAll(
        String userId, Instant at, RetireAllAudit audit, InMemoryAuditTrail trail) {
      // A retire-all that changes nothing (every device already retiring: the everyday repeat) is
      // worked out from one snapshot, without this bucket's lock. It publishes nothing, so it is
      // atomic at the snapshot it read, and concurrent repeats for one user do not queue on the
      // lock (they did: under load, waiting for it took longer than the rest of a retire-all).
      RetireAllOutcome unchanged = RetireAllRule.applyTo(userId, devices, at);
      if (!unchanged.anyChanged()) {
        trail.record(audit.eventFor(unchanged));
        return unchanged;
      }
      synchronized (this) {
        // Worked out again: another call may have changed the devices since the snapshot above.
        RetireAllOutcome outcome = RetireAllRule.applyTo(userId, devices, at);
        // Recorded first: an event the trail refuses (a reused id) leaves the devices as they were.
        trail.record(audit.eventFor(outcome));
        if (outcome.anyChanged()) {
          // The rule keeps the order it is given, so the new snapshot stays sorted by id.
          devices = List.copyOf(outcome.devicesAfter());
        }
        return outcome;
      }
    }

    /** Checks the device in at {@code at}; null when the bucket does not hold it. */
    synchronized @Nullable CheckInOutcome checkIn(String id, Instant at) {
      List<ManagedDevice> snapshot = devices;
      int index = indexOf(snapshot, id);
      if (index < 0) {
        return null;
      }
      CheckInOutcome outcome = CheckInRule.applyTo(snapshot.get(index), at);
      List<ManagedDevice> next = new ArrayList<>(snapshot);
      if (outcome.leftIntune()) {
        next.remove(index);
      } else {
        next.set(index, outcome.after());
      }
      devices = List.copyOf(next);
      return outcome;
    }

    synchronized void add(ManagedDevice device) {
      List<ManagedDevice> next = new ArrayList<>(devices.size() + 1);
      next.addAll(devices);
      next.add(device);
      next.sort(BY_ID);
      devices = List.copyOf(next);
    }

    synchronized boolean remove(String id) {
      List<ManagedDevice> snapshot = devices;
      int index = indexOf(snapshot, id);
      if (index < 0) {
        return false;
      }
      List<ManagedDevice> next = new ArrayList<>(snapshot);
      next.remove(index);
      devices = List.copyOf(next);
      return true;
    }
  }
}
