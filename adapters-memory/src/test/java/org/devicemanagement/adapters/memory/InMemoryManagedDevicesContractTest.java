package org.devicemanagement.adapters.memory;

import java.util.List;
import org.devicemanagement.application.port.out.ManagedDevices;
import org.devicemanagement.application.port.out.ManagedDevicesContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/** Runs the {@link ManagedDevices} contract against the in-memory tenant's devices view. */
class InMemoryManagedDevicesContractTest extends ManagedDevicesContract {

  @Override
  protected ManagedDevices devicesWith(List<User> users, List<ManagedDevice> devices) {
    return InMemoryTenant.of(users, devices).managedDevices();
  }
}
