package org.devicemanagement.adapters.memory;

import java.util.List;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.AuditTrailContract;
import org.devicemanagement.application.port.out.CheckInsContract;
import org.devicemanagement.application.port.out.TenantAdministrationContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/** Runs the contracts of the audit trail, check-ins and administration against memory. */
class InMemoryTenantContractsTest
    implements AuditTrailContract, CheckInsContract, TenantAdministrationContract {

  @Override
  public AuditTrail emptyTrail() {
    return InMemoryTenant.empty();
  }

  @Override
  public Checking checkInsWith(List<User> users, List<ManagedDevice> devices) {
    return Checking.of(InMemoryTenant.of(users, devices));
  }

  @Override
  public Administering administrationWith(List<User> users, List<ManagedDevice> devices) {
    return Administering.of(InMemoryTenant.of(users, devices));
  }
}
