package org.devicemanagement.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditPaging;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DevicePaging;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;

/**
 * A trivial in-memory store of the device ports and the audit trail: a map ordered by id and a list
 * of events, guarded by one lock.
 */
public final class FakeManagedDevices
    implements UserDeviceListing,
        ManagedDeviceLookup,
        ManagedDeviceSearch,
        DeviceRetirement,
        AuditTrail {

  private final TreeMap<String, ManagedDevice> byId = new TreeMap<>();
  private final List<AuditEvent> events = new ArrayList<>();
  private int retireAllCalls;

  /** A store holding {@code devices}. */
  public FakeManagedDevices(List<ManagedDevice> devices) {
    for (ManagedDevice device : devices) {
      byId.put(device.id(), device);
    }
  }

  @Override
  public synchronized List<ManagedDevice> listByUser(User user) {
    return byId.values().stream().filter(d -> d.belongsTo(user.id())).toList();
  }

  @Override
  public synchronized Optional<ManagedDevice> findDeviceById(String deviceId) {
    return Optional.ofNullable(byId.get(deviceId));
  }

  @Override
  public synchronized DevicePage search(
      DeviceQuery query, int pageSize, Optional<String> skipToken) {
    List<ManagedDevice> matching =
        byId.values().stream()
            .filter(d -> query.filter().map(f -> f.test(d)).orElse(true))
            .toList();
    return DevicePaging.page(matching, query, pageSize, skipToken);
  }

  @Override
  public synchronized RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
    retireAllCalls++;
    RetireAllOutcome outcome = RetireAllRule.applyTo(user.id(), listByUser(user), at);
    for (ManagedDevice after : outcome.devicesAfter()) {
      byId.put(after.id(), after);
    }
    record(audit.eventFor(outcome));
    return outcome;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    if (findEventById(event.id()).isPresent()) {
      throw new IllegalArgumentException("duplicate audit event " + event.id());
    }
    events.add(event);
  }

  @Override
  public synchronized Optional<AuditEvent> findEventById(String id) {
    return events.stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst();
  }

  @Override
  public synchronized AuditPage searchEvents(
      AuditQuery query, int pageSize, Optional<String> skipToken) {
    List<AuditEvent> matching =
        events.stream().filter(e -> query.filter().map(f -> f.test(e)).orElse(true)).toList();
    return AuditPaging.page(matching, query, pageSize, skipToken);
  }

  @Override
  public synchronized int devicesRetiredBetween(Instant from, Instant until) {
    return events.stream()
        .filter(e -> !e.activityDateTime().isBefore(from) && e.activityDateTime().isBefore(until))
        .filter(e -> e.activityType().equals(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE))
        .filter(e -> e.activityResult().equals(AuditEvents.SUCCESS))
        .mapToInt(e -> e.resources().size())
        .sum();
  }

  /** Every recorded audit event, in the order recorded. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** Removes the device {@code deviceId}, as when it is deleted between two page requests. */
  public synchronized void remove(String deviceId) {
    byId.remove(deviceId);
  }

  /** Every device, ordered by id. */
  public synchronized List<ManagedDevice> all() {
    return new ArrayList<>(byId.values());
  }

  /** How often {@link #retireAll} ran. */
  public synchronized int retireAllCalls() {
    return retireAllCalls;
  }
}
