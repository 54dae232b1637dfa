package org.devicemanagement.adapters.rest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/**
 * The outbound ports a test server's real services use: an {@link InMemoryTenant}, fresh after
 * every {@link #reset()}, except where a test scripted a port to throw for a user.
 */
final class FailureInjectingTenant
    implements UserDirectory,
        UserDeviceListing,
        ManagedDeviceLookup,
        ManagedDeviceSearch,
        DeviceRetirement,
        AuditTrail {

  /** The outbound port a scripted failure is thrown from. */
  enum Port {
    USER_DIRECTORY,
    USER_DEVICE_LISTING,
    DEVICE_RETIREMENT
  }

  private record Scripted(Port port, User user, RuntimeException failure) {}

  private final Supplier<InMemoryTenant> freshTenant;
  private final List<Scripted> scripted = new CopyOnWriteArrayList<>();
  private volatile InMemoryTenant tenant;

  /** Ports over {@code freshTenant}'s tenant, asked again on every {@link #reset()}. */
  FailureInjectingTenant(Supplier<InMemoryTenant> freshTenant) {
    this.freshTenant = Objects.requireNonNull(freshTenant, "freshTenant");
    this.tenant = Objects.requireNonNull(freshTenant.get(), "tenant");
  }

  /** Replaces the tenant with a fresh one and forgets every scripted failure. */
  void reset() {
    scripted.clear();
    tenant = Objects.requireNonNull(freshTenant.get(), "tenant");
  }

  /** The tenant behind the ports now, to read what the services did to it. */
  InMemoryTenant tenant() {
    return tenant;
  }

  /**
   * From now on, {@code port} throws {@code failure} whenever it is asked about {@code user}: a
   * stand-in for a backend that fails (Graph throttling, timing out, refusing the token) or for an
   * unexpected bug, thrown where an adapter's failure surfaces, inside the real service.
   */
  void fail(Port port, User user, RuntimeException failure) {
    scripted.add(
        new Scripted(
            Objects.requireNonNull(port, "port"),
            Objects.requireNonNull(user, "user"),
            Objects.requireNonNull(failure, "failure")));
  }

  private void throwIfScripted(Port port, Predicate<User> concerns) {
    for (Scripted entry : scripted) {
      if (entry.port() == port && concerns.test(entry.user())) {
        throw entry.failure();
      }
    }
  }

  @Override
  public DevicePage search(DeviceQuery query, int pageSize, Optional<String> skipToken) {
    return tenant.search(query, pageSize, skipToken);
  }

  @Override
  public Optional<User> findById(String id) {
    throwIfScripted(Port.USER_DIRECTORY, user -> user.hasId(id));
    return tenant.findById(id);
  }

  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    throwIfScripted(Port.USER_DIRECTORY, user -> user.hasUserPrincipalName(userPrincipalName));
    return tenant.findByUserPrincipalName(userPrincipalName);
  }

  @Override
  public List<ManagedDevice> listByUser(User user) {
    throwIfScripted(Port.USER_DEVICE_LISTING, scriptedFor -> scriptedFor.hasId(user.id()));
    return tenant.listByUser(user);
  }

  @Override
  public Optional<ManagedDevice> findDeviceById(String deviceId) {
    return tenant.findDeviceById(deviceId);
  }

  @Override
  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
    throwIfScripted(Port.DEVICE_RETIREMENT, scriptedFor -> scriptedFor.hasId(user.id()));
    return tenant.retireAll(user, at, audit);
  }

  @Override
  public void record(AuditEvent event) {
    tenant.record(event);
  }

  @Override
  public Optional<AuditEvent> findEventById(String id) {
    return tenant.findEventById(id);
  }

  @Override
  public AuditPage searchEvents(AuditQuery query, int pageSize, Optional<String> skipToken) {
    return tenant.searchEvents(query, pageSize, skipToken);
  }

  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    return tenant.devicesRetiredBetween(from, until);
  }
}
