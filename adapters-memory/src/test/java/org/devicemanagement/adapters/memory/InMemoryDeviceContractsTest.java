package org.devicemanagement.adapters.memory;

import java.util.List;
import org.devicemanagement.application.port.out.DeviceRetirementContract;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceLookupContract;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.ManagedDeviceSearchContract;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDeviceListingContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/** Runs the contracts of the device ports against the in-memory tenant. */
class InMemoryDeviceContractsTest
    implements UserDeviceListingContract,
        ManagedDeviceLookupContract,
        ManagedDeviceSearchContract,
        DeviceRetirementContract {

  @Override
  public UserDeviceListing listingWith(List<User> users, List<ManagedDevice> devices) {
    return InMemoryTenant.of(users, devices);
  }

  @Override
  public ManagedDeviceLookup lookupWith(List<User> users, List<ManagedDevice> devices) {
    return InMemoryTenant.of(users, devices);
  }

  @Override
  public ManagedDeviceSearch searchWith(List<User> users, List<ManagedDevice> devices) {
    return InMemoryTenant.of(users, devices);
  }

  @Override
  public Retiring retirementWith(List<User> users, List<ManagedDevice> devices) {
    return Retiring.of(InMemoryTenant.of(users, devices));
  }
}
