package org.devicemanagement.adapters.jdbc;

import java.time.Instant;
import java.util.List;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.AuditTrailContract;
import org.devicemanagement.application.port.out.CheckInsContract;
import org.devicemanagement.application.port.out.DeviceRetirementContract;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceLookupContract;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.ManagedDeviceSearchContract;
import org.devicemanagement.application.port.out.OffboardingRuns;
import org.devicemanagement.application.port.out.OffboardingRunsContract;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.application.port.out.TenantAdministrationContract;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDeviceListingContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Every outbound port's contract against one engine's store: each tenant a contract asks for is the
 * store seeded anew (which also empties its trail), with no check-in planned; the offboarding runs
 * it asks for are the store's, every run forgotten.
 */
abstract class JdbcContracts
    implements UserDeviceListingContract,
        ManagedDeviceLookupContract,
        ManagedDeviceSearchContract,
        DeviceRetirementContract,
        AuditTrailContract,
        CheckInsContract,
        TenantAdministrationContract,
        OffboardingRunsContract {

  private static final Instant SEEDED_AT = Instant.parse("2024-01-01T00:00:00Z");

  /** The engine's store, opened once for the test class. */
  abstract JdbcStore store();

  private JdbcTenant seeded(List<User> users, List<ManagedDevice> devices) {
    JdbcStore store = store();
    store.seed(new Contents(users, devices), SEEDED_AT);
    store.tenant().forgetCheckIns();
    return store.tenant();
  }

  @Override
  public UserDeviceListing listingWith(List<User> users, List<ManagedDevice> devices) {
    return seeded(users, devices);
  }

  @Override
  public ManagedDeviceLookup lookupWith(List<User> users, List<ManagedDevice> devices) {
    return seeded(users, devices);
  }

  @Override
  public ManagedDeviceSearch searchWith(List<User> users, List<ManagedDevice> devices) {
    return seeded(users, devices);
  }

  @Override
  public Retiring retirementWith(List<User> users, List<ManagedDevice> devices) {
    return Retiring.of(seeded(users, devices));
  }

  @Override
  public AuditTrail emptyTrail() {
    return seeded(List.of(), List.of());
  }

  @Override
  public Checking checkInsWith(List<User> users, List<ManagedDevice> devices) {
    return Checking.of(seeded(users, devices));
  }

  @Override
  public Administering administrationWith(List<User> users, List<ManagedDevice> devices) {
    return Administering.of(seeded(users, devices));
  }

  @Override
  public OffboardingRuns emptyRuns() {
    JdbcOffboardingRuns runs = store().offboardingRuns();
    runs.forgetRuns();
    return runs;
  }
}
