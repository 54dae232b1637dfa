package org.devicemanagement.application.port.out;

import java.util.List;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.fake.FakeUserDirectory;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Nested;

/** Proves the outbound-port contracts pass against a trivially correct adapter (the test fakes). */
class FakeTenantContractTest {

  @Nested
  class Directory extends UserDirectoryContract {
    @Override
    protected UserDirectory directoryWith(List<User> users) {
      return new FakeUserDirectory(users);
    }
  }

  @Nested
  class Devices
      implements UserDeviceListingContract,
          ManagedDeviceLookupContract,
          ManagedDeviceSearchContract,
          DeviceRetirementContract {
    @Override
    public UserDeviceListing listingWith(List<User> users, List<ManagedDevice> devices) {
      return new FakeManagedDevices(devices);
    }

    @Override
    public ManagedDeviceLookup lookupWith(List<User> users, List<ManagedDevice> devices) {
      return new FakeManagedDevices(devices);
    }

    @Override
    public ManagedDeviceSearch searchWith(List<User> users, List<ManagedDevice> devices) {
      return new FakeManagedDevices(devices);
    }

    @Override
    public Retiring retirementWith(List<User> users, List<ManagedDevice> devices) {
      return Retiring.of(new FakeManagedDevices(devices));
    }
  }
}
