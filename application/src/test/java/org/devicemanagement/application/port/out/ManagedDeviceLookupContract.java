package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ManagedDeviceLookup} adapter must keep. Implement it in the adapter's
 * tests and return an adapter whose tenant holds exactly the given users and devices; JUnit runs
 * the inherited tests.
 */
public interface ManagedDeviceLookupContract extends DeviceContractSupport {

  /** An adapter whose tenant holds exactly {@code users} and {@code devices}, and nothing else. */
  ManagedDeviceLookup lookupWith(List<User> users, List<ManagedDevice> devices);

  private ManagedDeviceLookup tenant() {
    return lookupWith(ApplicationTestData.users(), ApplicationTestData.devices());
  }

  @Test
  default void givenTenant_whenFindEachDeviceById_thenDeviceAsSeeded() {
    ManagedDeviceLookup devices = tenant();

    for (ManagedDevice seeded : ApplicationTestData.devices()) {
      assertThat(devices.findDeviceById(seeded.id()))
          .as("device %s", seeded.id())
          .hasValueSatisfying(found -> assertSameDevice(found, seeded));
    }
  }

  @Test
  default void givenTenant_whenFindByUnknownId_thenEmpty() {
    assertThat(tenant().findDeviceById(ApplicationTestData.unknownDeviceId())).isEmpty();
  }
}
