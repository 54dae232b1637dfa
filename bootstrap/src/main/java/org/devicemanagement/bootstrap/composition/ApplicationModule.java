package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.limits.DailyRetireLimit;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.AuditVocabularyUseCase;
import org.devicemanagement.application.port.in.GetAuditEventUseCase;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;
import org.devicemanagement.application.port.in.GetUserUseCase;
import org.devicemanagement.application.port.in.ListAuditEventsUseCase;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.service.AuditEventsService;
import org.devicemanagement.application.service.GetManagedDeviceService;
import org.devicemanagement.application.service.GetUserService;
import org.devicemanagement.application.service.ListManagedDevicesService;
import org.devicemanagement.application.service.RemoveAllDevicesFromManagementService;

/**
 * Binds every use case to its application service, the permission policy to the configured catalog,
 * and the clock to the given one (the system's UTC clock unless the emulator runs on a virtual
 * one); the outbound ports come from the backend's module ({@link EmulatorModule} or the
 * gateway's). Retire-all goes through the daily retire limit when one is bound ({@link
 * LimitsModule}).
 */
public final class ApplicationModule extends AbstractModule {

  private final PermissionCatalog catalog;
  private final Clock clock;

  /** A module enforcing {@code catalog} on the system's UTC clock. */
  public ApplicationModule(PermissionCatalog catalog) {
    this(catalog, Clock.systemUTC());
  }

  /** A module enforcing {@code catalog}, dating actions by {@code clock}. */
  public ApplicationModule(PermissionCatalog catalog, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  protected void configure() {
    // Absent unless the emulator applies Intune's limits (LimitsModule).
    OptionalBinder.newOptionalBinder(binder(), DailyRetireLimit.class);
  }

  @Provides
  @Singleton
  PermissionPolicy permissionPolicy() {
    return new PermissionPolicy(catalog);
  }

  @Provides
  @Singleton
  Clock clock() {
    return clock;
  }

  @Provides
  @Singleton
  RemoveAllDevicesFromManagementUseCase removeAllDevicesFromManagement(
      PermissionPolicy policy,
      @ForDeviceOperations UserDirectory users,
      DeviceRetirement devices,
      UserDeviceListing listing,
      AuditTrail trail,
      Optional<DailyRetireLimit> dailyLimit,
      Clock clock) {
    DeviceRetirement retirement =
        dailyLimit.map(limit -> limit.guard(devices, listing, trail)).orElse(devices);
    return new RemoveAllDevicesFromManagementService(policy, users, retirement, trail, clock);
  }

  @Provides
  @Singleton
  AuditEventsService auditEvents(PermissionPolicy policy, AuditTrail trail) {
    return new AuditEventsService(policy, trail);
  }

  @Provides
  @Singleton
  ListAuditEventsUseCase listAuditEvents(AuditEventsService service) {
    return service;
  }

  @Provides
  @Singleton
  GetAuditEventUseCase getAuditEvent(AuditEventsService service) {
    return service;
  }

  @Provides
  @Singleton
  AuditVocabularyUseCase auditVocabulary(AuditEventsService service) {
    return service;
  }

  @Provides
  @Singleton
  ListManagedDevicesUseCase listManagedDevices(
      PermissionPolicy policy,
      @ForDeviceOperations UserDirectory users,
      UserDeviceListing devices,
      ManagedDeviceSearch search) {
    return new ListManagedDevicesService(policy, users, devices, search);
  }

  @Provides
  @Singleton
  GetManagedDeviceUseCase getManagedDevice(PermissionPolicy policy, ManagedDeviceLookup devices) {
    return new GetManagedDeviceService(policy, devices);
  }

  @Provides
  @Singleton
  GetUserUseCase getUser(PermissionPolicy policy, UserDirectory users) {
    return new GetUserService(policy, users);
  }
}
